import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { HandreikingJson } from '../../../language/generation/json/handreiking-json.js';
import { anchorId } from '../../../language/generation/html/guide-contract.js';
import { exampleGuide, expectNothingWrong, openGuide, type Problems, walkScenario } from './guide-page.js';

/**
 * Reflow (WCAG 1.4.10): on a screen 360 CSS pixels wide (a small phone, or 1280 px zoomed to 400 %)
 * the page itself never scrolls sideways. What is wider by nature (the typology table, the funding
 * matrix, a diagram) scrolls inside its own box, which the keyboard can reach. Also with the text at
 * 200 %, as WCAG 1.4.4 asks on top of it. The layout at 1280 px with text at 200 %, and zoom at
 * 640 px: html-guide-a11y.browser.test.ts.
 */

let browser: Browser;
let json: HandreikingJson;
let page: Page;
let problems: Problems;

beforeAll(async () => {
    let file: string;
    ({ browser, json, file } = await exampleGuide('hrk-reflow-'));
    // openGuide waits until every diagram is drawn: a drawn diagram is the widest thing on the page.
    ({ page, problems } = await openGuide(browser, file, { viewport: { width: 360, height: 740 } }));
    expect(await page.locator('html[data-hrk-app="ready"]').count()).toBe(1);
});

afterAll(async () => {
    await browser?.close();
});

/** How wide the page is against the screen, and every element (outside the boxes that scroll) that reaches past its right edge. */
function widths(page: Page): Promise<{ scrollWidth: number; innerWidth: number; past: string[] }> {
    return page.evaluate(() => {
        const innerWidth = window.innerWidth;
        const past: string[] = [];
        for (const element of document.querySelectorAll<HTMLElement>('body *')) {
            if (element.closest('.table-wrap, .diagram-canvas, .hrk-sr, svg, script, style') || element.getClientRects().length === 0) continue;
            const rect = element.getBoundingClientRect();
            if (rect.right > innerWidth + 1) past.push(`${element.tagName.toLowerCase()}.${element.className} to ${Math.round(rect.right)}`);
        }
        return { scrollWidth: document.documentElement.scrollWidth, innerWidth, past: past.slice(0, 10) };
    });
}

/** The boxes that hold wide content: each scrolls on its own and is a named, focusable region. */
function wideBoxes(page: Page): Promise<Array<{ what: string; scrolls: boolean; overflowX: string; tabIndex: number; named: boolean; right: number }>> {
    return page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.table-wrap, .diagram-canvas')].filter(e => e.getClientRects().length > 0).map(e => ({
        what: `${e.className} ${e.getAttribute('aria-label') ?? e.getAttribute('aria-labelledby') ?? ''}`.trim(),
        scrolls: e.scrollWidth > e.clientWidth,
        overflowX: getComputedStyle(e).overflowX,
        tabIndex: e.tabIndex,
        named: e.getAttribute('role') !== 'region' || !!(e.getAttribute('aria-label') || e.getAttribute('aria-labelledby')),
        right: Math.round(e.getBoundingClientRect().right)
    })));
}

describe('the guide at 360 × 740 CSS pixels', () => {
    test('the page is no wider than the screen: nothing outside a scrolling box reaches past its edge', async () => {
        const seen = await widths(page);
        expect(seen.innerWidth).toBe(360);
        expect(seen.past).toEqual([]);
        expect(seen.scrollWidth).toBeLessThanOrEqual(seen.innerWidth);
    });

    test('the typology table and the funding matrix scroll inside their own focusable region, within the screen', async () => {
        const boxes = await wideBoxes(page);
        const tables = boxes.filter(b => b.what.startsWith('table-wrap'));
        expect(tables.length).toBeGreaterThanOrEqual(2);
        // They are wider than the screen here, so the test is about something.
        expect(tables.every(b => b.scrolls), JSON.stringify(tables)).toBe(true);
        for (const box of boxes) {
            expect(box.right, box.what).toBeLessThanOrEqual(360);
            expect(['auto', 'scroll'], box.what).toContain(box.overflowX);
            expect(box.tabIndex, box.what).toBe(0);
            expect(box.named, box.what).toBe(true);
        }
    });

    test('with every text version of a flowchart open (a nested list per answer), still no sideways scrolling', async () => {
        await page.locator('details.text-version').evaluateAll(ds => ds.forEach(d => { (d as HTMLDetailsElement).open = true; }));
        const seen = await widths(page);
        expect(seen.past).toEqual([]);
        expect(seen.scrollWidth).toBeLessThanOrEqual(seen.innerWidth);
    });

    test('with the text at 200 % (text versions open), still no sideways scrolling of the page', async () => {
        await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
        try {
            const seen = await widths(page);
            expect(seen.past).toEqual([]);
            expect(seen.scrollWidth).toBeLessThanOrEqual(seen.innerWidth);
        } finally {
            await page.evaluate(() => { document.documentElement.style.fontSize = ''; });
        }
    });

    test('a walk to its advice and the summary "Uw situatie" (advice, chapters, funding with addresses) fit too', async () => {
        const tree = json.trees[0];
        const scenario = json.scenarios.filter(s => s.tree === tree.id).sort((a, b) => b.answers.length - a.answers.length)[0];
        const section = page.locator(`#${anchorId('tree', tree.id)}`);
        await walkScenario(section, scenario);
        await section.locator('.wt-result button.wt-situation').click();
        expect(await page.locator('#uw-situatie').isVisible()).toBe(true);
        for (const size of ['', '200%']) {
            await page.evaluate(s => { document.documentElement.style.fontSize = s; }, size);
            const seen = await widths(page);
            expect(seen.past, `text ${size || '100%'}`).toEqual([]);
            expect(seen.scrollWidth, `text ${size || '100%'}`).toBeLessThanOrEqual(seen.innerWidth);
        }
        await page.evaluate(() => { document.documentElement.style.fontSize = ''; });
    });

    test('no console errors, page errors, requests or CSP violations', async () => {
        await expectNothingWrong(page, problems);
    });
});
