import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { HandreikingJson } from '../../../language/generation/json/handreiking-json.js';
import { anchorId } from '../../../language/generation/html/guide-contract.js';
import { axeViolations } from '../../support/axe.js';
import { clickAnswer, exampleGuide, expectNothingWrong, openGuide, type Problems, restart, walkScenario } from './guide-page.js';

/**
 * The guide for a reader whose system prefers dark (`prefers-color-scheme: dark`, set on the
 * browser context as the system would): the page really is dark, the diagrams keep their white
 * box with dark text, and axe-core (the same WCAG 2.1 A/AA tags as html-guide-a11y.browser.test.ts)
 * finds nothing, at load and during a walkthrough. The values: guide-tokens.ts; their contrast,
 * computed: guide-theme.test.ts.
 */

let browser: Browser;
let json: HandreikingJson;
let page: Page;
let problems: Problems;

beforeAll(async () => {
    let file: string;
    ({ browser, json, file } = await exampleGuide('hrk-dark-'));
    ({ page, problems } = await openGuide(browser, file, { colorScheme: 'dark' }));
});

afterAll(async () => {
    await browser?.close();
});

/** Relative luminance (WCAG) of a computed `rgb(…)` colour. */
function luminance(rgb: string): number {
    const [r, g, b] = (rgb.match(/[\d.]+/g) ?? []).map(Number);
    return [r, g, b].map(c => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    }).reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
}

function colours(page: Page, selector: string): Promise<{ color: string; background: string; scheme: string }> {
    return page.locator(selector).first().evaluate(e => {
        const style = getComputedStyle(e);
        return { color: style.color, background: style.backgroundColor, scheme: style.colorScheme };
    });
}

describe('the examples guide in the dark colour scheme', () => {
    test('the page is dark: a dark background with light text, and the browser\'s own controls dark too', async () => {
        expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
        const body = await colours(page, 'body');
        expect(luminance(body.background), body.background).toBeLessThan(0.05);
        expect(luminance(body.color), body.color).toBeGreaterThan(0.6);
        expect((await colours(page, 'html')).scheme).toBe('light dark');
        for (const panel of ['.walkthrough', 'table.hrk-typology-table tbody th']) {
            const seen = await colours(page, panel);
            expect(luminance(seen.background), `${panel}: ${seen.background}`).toBeLessThan(0.05);
        }
    });

    test('the diagrams keep their white box, with dark text in it; the caption around them follows the page', async () => {
        const canvas = await colours(page, '.diagram-canvas');
        expect(canvas.background).toBe('rgb(255, 255, 255)');
        expect(luminance(canvas.color), canvas.color).toBeLessThan(0.05);
        expect(canvas.scheme).toBe('light');
        // The drawn diagrams look exactly as in the light scheme: their labels (HTML in the SVG,
        // which would inherit the page's light text unless the box sets it) and their shapes.
        const drawn = () => page.locator('.diagram-canvas svg').evaluateAll(svgs => svgs.map(svg => [...svg.querySelectorAll('*')].map(e => {
            const style = getComputedStyle(e);
            return `${style.color} ${style.fill} ${style.stroke} ${style.backgroundColor}`;
        }).join('|')));
        const dark = await drawn();
        expect(dark.length).toBeGreaterThanOrEqual(json.trees.length);
        await page.emulateMedia({ colorScheme: 'light' });
        try {
            expect(await drawn()).toEqual(dark);
        } finally {
            await page.emulateMedia({ colorScheme: 'dark' });
        }
        const caption = await colours(page, '.diagram figcaption');
        expect(luminance(caption.color), caption.color).toBeGreaterThan(0.3);
        const figure = await colours(page, 'figure.diagram');
        expect(luminance(figure.background), figure.background).toBeLessThan(0.05);
    });

    test('axe finds no violations on load, with every diagram drawn', async () => {
        expect(await axeViolations(page)).toEqual([]);
    });

    test('axe finds no violations during a walkthrough step, at its advice, and in "Uw situatie"', async () => {
        const tree = json.trees[0];
        const scenario = json.scenarios.filter(s => s.tree === tree.id).sort((a, b) => b.answers.length - a.answers.length)[0];
        const section = page.locator(`#${anchorId('tree', tree.id)}`);
        await restart(section);
        await clickAnswer(section, scenario.answers[0].answer);
        // The step marks the path: in the walkthrough (answers given) and in the diagram.
        expect(await section.locator('.wt-path .wt-answer-given').count()).toBeGreaterThan(0);
        expect(await axeViolations(page, `#${anchorId('tree', tree.id)}`)).toEqual([]);
        await walkScenario(section, scenario);
        expect(await section.locator('.wt-result').getAttribute('data-node')).toBe(scenario.expected);
        expect(await axeViolations(page)).toEqual([]);
        // The summary of the walk, with its badges and links.
        await section.locator('.wt-result button.wt-situation').click();
        expect(await page.locator('#uw-situatie').isVisible()).toBe(true);
        expect(await axeViolations(page, '#uw-situatie')).toEqual([]);
        await page.locator('#uw-situatie .situation-close').click();
    });

    test('on paper the page is light: dark text, whatever the screen\'s scheme', async () => {
        await page.emulateMedia({ media: 'print' });
        try {
            for (const selector of ['body', 'main p', '.walkthrough .wt-text']) {
                const seen = await colours(page, selector);
                expect(luminance(seen.color), `${selector}: ${seen.color}`).toBeLessThan(0.05);
            }
        } finally {
            await page.emulateMedia({ media: 'screen' });
        }
    });

    test('no console errors, page errors, requests or CSP violations', async () => {
        await expectNothingWrong(page, problems);
    });
});
