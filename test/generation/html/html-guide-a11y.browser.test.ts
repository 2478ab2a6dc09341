import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { HandreikingJson, TreeJson } from '../../../language/generation/json/handreiking-json.js';
import { anchorId } from '../../../language/generation/html/guide-contract.js';
import { TreeWalker } from '../../../language/walkthrough/walk.js';
import { axeViolations } from '../../support/axe.js';
import { clickAnswer, currentQuestion, exampleGuide, expectNothingWrong, openGuide, restart, walkScenario, type Problems } from './guide-page.js';

/**
 * The HTML guide against WCAG 2.1 AA, as a reader meets it in Chromium: axe-core (injected by the
 * test only; the page's CSP is not changed) in every state, the text versions of the flowcharts,
 * and the walkthrough by keyboard alone.
 */

let browser: Browser;
let json: HandreikingJson;
let file: string;

beforeAll(async () => {
    ({ browser, json, file } = await exampleGuide('hrk-a11y-'));
});

afterAll(async () => {
    await browser?.close();
});

const treeSection = (page: Page, tree: TreeJson): Locator => page.locator(`#${anchorId('tree', tree.id)}`);

/** One scenario per tree: the walk each tree's tests take. */
function scenarioOf(tree: TreeJson) {
    const scenarios = json.scenarios.filter(s => s.tree === tree.id);
    return scenarios.sort((a, b) => b.answers.length - a.answers.length)[0];
}

describe('the examples guide, checked with axe-core (wcag2a, wcag2aa, wcag21a, wcag21aa)', () => {
    let page: Page;
    let problems: Problems;

    beforeAll(async () => {
        ({ page, problems } = await openGuide(browser, file));
    });
    afterAll(() => page?.close());

    test('no violations on load, with every diagram drawn', async () => {
        expect(await axeViolations(page)).toEqual([]);
    });

    test('no violations during a walkthrough of each tree, and after its advice', async () => {
        expect(json.trees.length).toBeGreaterThanOrEqual(6);
        for (const tree of json.trees) {
            const scenario = scenarioOf(tree);
            expect(scenario, `a scenario for ${tree.id}`).toBeDefined();
            const section = treeSection(page, tree);
            await restart(section);
            const first = scenario.answers[0];
            expect(await currentQuestion(section)).toBe(first.question);
            await clickAnswer(section, first.answer);
            expect(await axeViolations(page, `#${anchorId('tree', tree.id)}`), `${tree.id}, during the walk`).toEqual([]);
            await walkScenario(section, scenario);
            expect(await section.locator('.wt-result').getAttribute('data-node')).toBe(scenario.expected);
            expect(await axeViolations(page, `#${anchorId('tree', tree.id)}`), `${tree.id}, at the advice`).toEqual([]);
        }
        // The whole page with every tree at its advice.
        expect(await axeViolations(page)).toEqual([]);
    });

    test('no console errors, page errors, requests or CSP violations', async () => {
        await expectNothingWrong(page, problems);
    });
});

describe('the text version of every flowchart', () => {
    let page: Page;

    beforeAll(async () => {
        ({ page } = await openGuide(browser, file));
    });
    afterAll(() => page?.close());

    test('the drawn SVG is hidden from screen readers and carries its title and description from the tree', async () => {
        for (const tree of json.trees) {
            const svg = treeSection(page, tree).locator('.diagram-canvas svg');
            expect(await svg.getAttribute('aria-hidden'), tree.id).toBe('true');
            expect(await svg.locator(':scope > title').textContent()).toBe(`Stroomschema: ${tree.title}`);
            const description = (await svg.locator(':scope > desc').textContent())!;
            expect(description).toMatch(/^Beslisboom met \d+ vra(ag|gen)/);
            expect(description).toContain(tree.nodes.find(n => n.id === tree.start)!.text);
            // Nodes stay clickable, but are no tab stops; the canvas itself is one (it scrolls).
            expect(await svg.locator('[tabindex="0"]').count()).toBe(0);
            expect(await treeSection(page, tree).locator('.diagram-canvas').getAttribute('tabindex')).toBe('0');
        }
    });

    test('lists every node once, each question with its answers in order, reachable from the diagram\'s caption', async () => {
        for (const tree of json.trees) {
            const section = treeSection(page, tree);
            const details = section.locator('details.text-version');
            const link = section.locator('figcaption a.tv-link');
            expect(await link.getAttribute('href')).toBe(`#${await details.getAttribute('id')}`);
            await details.locator('summary').click();
            expect(await details.evaluate(d => (d as HTMLDetailsElement).open)).toBe(true);
            const items = await details.locator('li[data-tv-node]').evaluateAll(lis => lis.map(li => ({
                index: Number(li.getAttribute('data-tv-node')),
                text: li.querySelector(':scope > .tv-text')?.textContent,
                answers: [...li.querySelectorAll(':scope > .tv-answers > li > .tv-answer')].map(a => a.textContent)
            })));
            const distinct = new Map(tree.nodes.map((n, i) => [n.id, i]));
            expect(items.map(i => i.index).sort((a, b) => a - b), tree.id).toEqual([...distinct.values()].sort((a, b) => a - b));
            const walker = new TreeWalker(tree);
            for (const item of items) {
                const node = tree.nodes[item.index];
                expect(item.text).toBe(node.text);
                if (node.kind === 'question') expect(item.answers, node.id).toEqual(walker.answers(node.id).map(e => `Antwoord ‘${e.label}’:`));
            }
            // A node reached twice is referred to with a link to where it stands.
            for (const href of await details.locator('li.tv-ref a').evaluateAll(as => as.map(a => a.getAttribute('href')!))) {
                expect(await page.locator(href).count(), href).toBe(1);
            }
            // Advices with their links and recommended typology, as in the walkthrough.
            for (const [i, node] of tree.nodes.entries()) {
                if (node.kind !== 'advice' || distinct.get(node.id) !== i) continue;
                const links = await details.locator(`li[data-tv-node="${i}"] > .tv-detail a`).allTextContents();
                for (const l of node.links) expect(links, node.id).toContain(l.title);
            }
        }
    });

    test('a question\'s button in the text version starts the walkthrough there', async () => {
        const tree = json.trees.find(t => t.nodes.filter(n => n.kind === 'question').length >= 2)!;
        const index = tree.nodes.findIndex(n => n.kind === 'question' && n.id !== tree.start);
        const section = treeSection(page, tree);
        await section.locator('details.text-version').evaluate(d => { (d as HTMLDetailsElement).open = true; });
        await section.locator(`li[data-tv-node="${index}"] > button.tv-start`).click();
        expect(await currentQuestion(section)).toBe(tree.nodes[index].id);
        await section.locator('.wt-from-start').click();
    });
});

/** The focused element, described for assertions. */
function focused(page: Page): Promise<{ tag: string; classes: string; answer: string | null; section: string | null; text: string; outline: string; outlineWidth: number }> {
    return page.evaluate(() => {
        const e = document.activeElement as HTMLElement | null;
        const style = e ? getComputedStyle(e) : undefined;
        return {
            tag: e?.tagName.toLowerCase() ?? '',
            classes: e?.className.toString() ?? '',
            answer: e?.getAttribute('data-answer') ?? null,
            section: e?.closest('section.tree')?.id ?? null,
            text: (e?.textContent ?? '').trim(),
            outline: style?.outlineStyle ?? 'none',
            outlineWidth: parseFloat(style?.outlineWidth ?? '0')
        };
    });
}

/** Presses Tab until `match` holds for the focused element; fails after `limit` presses. */
async function tabTo(page: Page, what: string, match: (f: Awaited<ReturnType<typeof focused>>) => boolean, limit = 60): Promise<void> {
    for (let i = 0; i < limit; i++) {
        await page.keyboard.press('Tab');
        if (match(await focused(page))) return;
    }
    throw new Error(`Tab did not reach ${what} in ${limit} presses; focus is on ${JSON.stringify(await focused(page))}`);
}

describe('the walkthrough by keyboard alone', () => {
    let page: Page;
    let problems: Problems;

    beforeAll(async () => {
        ({ page, problems } = await openGuide(browser, file));
    });
    afterAll(() => page?.close());

    test('the first Tab reaches the skip link, which leads into the content', async () => {
        await page.locator('body').evaluate(b => { (document.activeElement as HTMLElement | null)?.blur(); b.focus(); });
        await page.keyboard.press('Tab');
        const skip = await focused(page);
        expect(skip).toMatchObject({ tag: 'a', text: 'Naar de inhoud' });
        const box = await page.locator('a.skip').boundingBox();
        expect(box!.x).toBeGreaterThanOrEqual(0);
        expect(box!.y).toBeGreaterThanOrEqual(0);
        await page.keyboard.press('Enter');
        expect(await page.evaluate(() => location.hash)).toBe('#inhoud');
        await page.keyboard.press('Tab');
        expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);
    });

    test('every tree walked by keyboard only: its link in the contents, Tab to an answer, Enter or Space; focus moves to the new question and a live region says it', async () => {
        let key = 0;
        for (const tree of json.trees) {
            const scenario = scenarioOf(tree);
            const anchor = anchorId('tree', tree.id);
            // From the top of the page, through the table of contents.
            await page.evaluate(() => { window.scrollTo(0, 0); (document.activeElement as HTMLElement | null)?.blur(); });
            await page.locator('a.skip').focus();
            await tabTo(page, `the contents' link to ${tree.id}`, f => f.tag === 'a' && f.text === tree.title, 120);
            await page.keyboard.press('Enter');
            const given = new Map(scenario.answers.map(a => [a.question, a.answer]));
            const walker = new TreeWalker(tree);
            for (let step = 0; step < scenario.answers.length; step++) {
                const section = page.locator(`#${anchor}`);
                const question = await currentQuestion(section);
                const answer = given.get(question!)!;
                await tabTo(page, `answer ‘${answer}’ in ${tree.id}`, f => f.section === anchor && f.classes.includes('wt-answer') && f.answer === answer);
                const button = await focused(page);
                expect(button.outline, 'a visible focus indicator').not.toBe('none');
                expect(button.outlineWidth).toBeGreaterThanOrEqual(2);
                await page.keyboard.press(key++ % 2 === 0 ? 'Enter' : ' ');
                const now = await focused(page);
                expect(now.section).toBe(anchor);
                expect(now.classes).toContain('wt-focus');
                const at = walker.walk(q => (scenario.answers.slice(0, step + 1).some(a => a.question === q) ? given.get(q) : undefined)).at!;
                expect(now.text).toBe(tree.nodes.find(n => n.id === at)!.text);
                const status = await section.locator('.wt-status').textContent();
                expect(status).toContain(`Antwoord ‘${answer}’ gekozen.`);
                expect(status).toContain(now.text);
            }
            expect(await page.locator(`#${anchor} .wt-result`).getAttribute('data-node')).toBe(scenario.expected);
        }
    });

    test('headings go down one level at a time, with one h1, also with every tree at its advice', async () => {
        const levels = await page.locator('h1, h2, h3, h4, h5, h6').evaluateAll(hs => hs
            .filter(h => (h as HTMLElement).offsetParent !== null || getComputedStyle(h).position === 'fixed')
            .map(h => ({ level: Number(h.tagName[1]), text: (h.textContent ?? '').slice(0, 40) })));
        expect(levels.filter(l => l.level === 1)).toHaveLength(1);
        const skips = levels.flatMap((l, i) => (i > 0 && l.level > levels[i - 1].level + 1 ? [`${levels[i - 1].text} (h${levels[i - 1].level}) → ${l.text} (h${l.level})`] : []));
        expect(skips).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl');
    });

    test('no console errors, page errors, requests or CSP violations', async () => {
        await expectNothingWrong(page, problems);
    });
});

/** Every visible text's contrast with the first opaque background behind it, below the WCAG AA minimum. */
async function lowContrast(page: Page): Promise<string[]> {
    return page.evaluate(() => {
        const rgb = (value: string) => (value.match(/[\d.]+/g) ?? []).map(Number);
        const luminance = ([r, g, b]: number[]) => [r, g, b].map(c => {
            const s = c / 255;
            return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        }).reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
        const low: string[] = [];
        for (const element of document.querySelectorAll<HTMLElement>('body *')) {
            if (element.closest('svg, .hrk-sr, script, style, noscript') || element.matches(':disabled')) continue;
            const hasText = [...element.childNodes].some(n => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
            if (!hasText || element.getClientRects().length === 0 || getComputedStyle(element).visibility === 'hidden') continue;
            let background: number[] = [255, 255, 255];
            for (let e: Element | null = element; e; e = e.parentElement) {
                const colour = rgb(getComputedStyle(e).backgroundColor);
                if (colour.length === 3 || (colour.length === 4 && colour[3] === 1)) { background = colour.slice(0, 3); break; }
            }
            const style = getComputedStyle(element);
            const [a, b] = [luminance(rgb(style.color)), luminance(background)].sort((x, y) => y - x);
            const ratio = (a + 0.05) / (b + 0.05);
            const size = parseFloat(style.fontSize);
            const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
            if (ratio < (large ? 3 : 4.5)) low.push(`${ratio.toFixed(2)}: ${element.tagName.toLowerCase()}.${element.className} “${(element.textContent ?? '').trim().slice(0, 40)}”`);
        }
        return low;
    });
}

/** Text that sticks out of the page or is cut off, outside the boxes that scroll on purpose. */
async function lostText(page: Page): Promise<string[]> {
    return page.evaluate(() => {
        const lost: string[] = [];
        const width = document.documentElement.clientWidth;
        if (document.documentElement.scrollWidth > width + 1) lost.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
        for (const element of document.querySelectorAll<HTMLElement>('main *, header *, nav *')) {
            if (element.closest('svg, .hrk-sr, .diagram-canvas, .table-wrap, .skip, details:not([open])')) continue;
            const hasText = [...element.childNodes].some(n => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
            if (!hasText || element.getClientRects().length === 0) continue;
            const rect = element.getBoundingClientRect();
            if (rect.right > width + 1 || rect.left < -1) lost.push(`${element.tagName.toLowerCase()}.${element.className} “${(element.textContent ?? '').trim().slice(0, 30)}” at ${Math.round(rect.left)}–${Math.round(rect.right)}`);
            const style = getComputedStyle(element);
            if ((style.overflowX === 'hidden' || style.overflowX === 'clip') && element.scrollWidth > element.clientWidth + 1) lost.push(`clipped: ${element.tagName.toLowerCase()}.${element.className}`);
        }
        return lost.slice(0, 20);
    });
}

describe('reading: contrast, enlarged text, print', () => {
    let page: Page;

    beforeAll(async () => {
        ({ page } = await openGuide(browser, file, { viewport: { width: 1280, height: 900 } }));
        // A walk to an advice, so its texts and buttons are measured too.
        const tree = json.trees[0];
        await walkScenario(treeSection(page, tree), scenarioOf(tree));
    });
    afterAll(() => page?.close());

    test('every visible text has a contrast of at least 4.5:1 (3:1 for large text), in the light and the dark colour scheme', async () => {
        expect(await lowContrast(page)).toEqual([]);
        await page.emulateMedia({ colorScheme: 'dark' });
        expect(await lowContrast(page)).toEqual([]);
        await page.emulateMedia({ colorScheme: 'light' });
    });

    test('text enlarged to 200 % reflows without loss: nothing sticks out or is cut off, the layout becomes one column', async () => {
        expect(await lostText(page)).toEqual([]);
        await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
        expect(await lostText(page)).toEqual([]);
        const [toc, main] = await Promise.all([page.locator('nav.toc').boundingBox(), page.locator('main').boundingBox()]);
        expect(main!.y).toBeGreaterThan(toc!.y + toc!.height - 1);
        // The answers stay whole and reachable.
        const answer = await page.locator('.wt-answer').first().boundingBox();
        expect(answer!.x + answer!.width).toBeLessThanOrEqual(1280);
        await page.evaluate(() => { document.documentElement.style.fontSize = ''; });
    });

    test('zoomed to 200 % (half the width at twice the pixel density), nothing is lost either', async () => {
        const zoomed = await browser.newPage({ viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 });
        try {
            await zoomed.goto(page.url());
            await zoomed.waitForSelector('html[data-hrk-app="ready"]');
            expect(await lostText(zoomed)).toEqual([]);
        } finally {
            await zoomed.close();
        }
    });

    test('the print style sheet: no navigation, no buttons, the content and the diagrams stay', async () => {
        await page.emulateMedia({ media: 'print' });
        try {
            for (const hidden of ['nav.toc', 'a.skip', '.wt-answers', '.wt-controls', '.diagram-tools', 'nav.toolbar']) {
                expect(await page.locator(hidden).first().isVisible(), hidden).toBe(false);
            }
            for (const shown of ['h1', '#beslisbomen-titel', '.diagram-canvas svg', '#financiering-titel', '.tree .wt-result']) {
                expect(await page.locator(shown).first().isVisible(), shown).toBe(true);
            }
        } finally {
            await page.emulateMedia({ media: 'screen' });
        }
    });
});

/** Every text a reader can meet: the page's text (hidden reasons and text versions included) and the names and tooltips in attributes. */
function readerTexts(page: Page): Promise<string> {
    return page.evaluate(() => {
        const texts: string[] = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (!node.parentElement?.closest('script, style')) texts.push(node.textContent ?? '');
        }
        for (const element of document.querySelectorAll('[title], [aria-label], [alt], [placeholder]')) {
            for (const name of ['title', 'aria-label', 'alt', 'placeholder']) texts.push(element.getAttribute(name) ?? '');
        }
        texts.push(document.title);
        return texts.join('\n');
    });
}

/** The texts of the guide written for readers (titles, texts, values, reasons …), where an id may appear as an ordinary word. */
function humanTexts(value: unknown, key = ''): string[] {
    const human = new Set(['title', 'text', 'description', 'documentation', 'examples', 'label', 'roles', 'strengths', 'pitfalls', 'via', 'conditions', 'sources', 'detail', 'activities', 'values', 'workingGroup']);
    if (typeof value === 'string') return human.has(key) ? [value] : [];
    if (Array.isArray(value)) return value.flatMap(v => humanTexts(v, key));
    if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => humanTexts(v, key === 'values' ? 'values' : k));
    return [];
}

describe('readable for residents and corporations', () => {
    let page: Page;
    let problems: Problems;

    beforeAll(async () => {
        ({ page, problems } = await openGuide(browser, file));
    });
    afterAll(() => page?.close());

    test('funding as a matrix: every source × typology, grouped by term, ✓ exactly where the source applies', async () => {
        const matrix = page.locator('table.hrk-matrix');
        expect(await matrix.locator('thead th[scope="col"]').allTextContents()).toEqual(['Financieringsbron', ...json.typologies.map(t => t.title)]);
        const groups = await matrix.locator('tr.hrk-term th').allTextContents();
        expect(groups).toEqual(['Incidenteel', 'Meerjarig', 'Structureel'].filter((_, i) => json.funding.some(f => f.term === (['incidental', 'multiYear', 'structural'] as const)[i])));
        const rows = await matrix.locator('tbody tr:not(.hrk-term)').evaluateAll(trs => trs.map(tr => ({
            source: tr.querySelector('th a')?.textContent,
            cells: [...tr.querySelectorAll('td')].map(td => td.querySelector('[aria-hidden="true"]')?.textContent)
        })));
        expect(rows.map(r => r.source).sort()).toEqual(json.funding.map(f => f.title).sort());
        for (const row of rows) {
            const funding = json.funding.find(f => f.title === row.source)!;
            expect(row.cells, funding.id).toEqual(json.typologies.map(t => (funding.term && t.funding[funding.term].includes(funding.id) ? '✓' : '–')));
        }
        expect(await matrix.locator('td').count()).toBe(json.funding.length * json.typologies.length);
    });

    test('a cell\'s reason shows on hover and on keyboard focus, is the cell\'s description, and Escape hides it', async () => {
        const cell = page.locator('table.hrk-matrix td').first();
        const tip = cell.locator('.hrk-tip');
        expect(await tip.isVisible()).toBe(false);
        await cell.hover();
        expect(await tip.isVisible()).toBe(true);
        await page.mouse.move(0, 0);
        expect(await tip.isVisible()).toBe(false);
        // By keyboard: Tab from the element before the matrix.
        await page.locator('.hrk-matrix-wrap').focus();
        await tabTo(page, 'the first cell of the matrix', f => f.classes === 'hrk-cell');
        expect(await tip.isVisible()).toBe(true);
        const described = await page.evaluate(() => document.getElementById(document.activeElement!.getAttribute('aria-describedby')!)?.textContent);
        expect(described).toBe(await tip.textContent());
        await page.keyboard.press('Escape');
        expect(await tip.isVisible()).toBe(false);
        await page.keyboard.press('Tab');
        expect(await cell.locator('xpath=following-sibling::td[1]').locator('.hrk-tip').isVisible()).toBe(true);
        // A condition's reason is a sentence with the typology's own value, never the notation.
        const reasons = await page.locator('.hrk-tip').allTextContents();
        expect(reasons.some(r => /ten minste ‘gemiddeld’ is \(dus ‘gemiddeld’ of ‘veel’\); faciliteiten is hier ‘/.test(r))).toBe(true);
        expect(reasons.some(r => r.startsWith('Deze bron geldt voor alle typologieën.'))).toBe(true);
    });

    test('conditions read as Dutch sentences, never in operator notation; expiry as a date in words; sources as links', async () => {
        const text = await readerTexts(page);
        expect(text).not.toMatch(/>=|<=|!=|\bnu:|waar \w+ = "/);
        expect(text).toContain('ruimten waar faciliteiten ten minste ‘gemiddeld’ is');
        const soo = json.funding.find(f => f.validUntil === '2027-01-01')!;
        expect(await page.locator(`#${anchorId('funding', soo.id)} time`).textContent()).toBe('1 januari 2027');
        expect(await page.locator('table.hrk-matrix .hrk-expiry').allTextContents()).toContain('geldig tot 1 januari 2027');
        const links = await page.locator(`#${anchorId('funding', soo.id)} a[href^="http"]`).evaluateAll(as => as.map(a => ({ href: a.getAttribute('href'), text: a.textContent, target: a.getAttribute('target') })));
        expect(links.length).toBeGreaterThan(0);
        for (const link of links) expect(link).toEqual({ href: link.text, text: link.text, target: null });
    });

    test('no internal identifier anywhere a reader sees: every id in the JSON is checked against the page\'s text, names and tooltips', async () => {
        // Open every text version, so its text is what a reader sees too.
        await page.locator('details.text-version').evaluateAll(ds => ds.forEach(d => { (d as HTMLDetailsElement).open = true; }));
        const text = await readerTexts(page);
        const ids = new Set([
            ...[...json.trees, ...json.typologies, ...json.funding, ...json.stakeholders, ...json.chapters, ...json.characteristics].map(e => e.id),
            ...json.trees.flatMap(t => t.nodes.map(n => n.id))
        ]);
        // An id that is also a word of the guide's own texts, or of the page's interface ("Passend
        // maken", the diagram's zoom button), may of course appear as that word.
        const words = new Set([...humanTexts(json).flatMap(t => t.split(/[^\p{L}\p{N}_]+/u)), 'Passend']);
        const word = (id: string) => new RegExp(`(^|[^\\p{L}\\p{N}_])${id}([^\\p{L}\\p{N}_]|$)`, 'u');
        const checked = [...ids].filter(id => !words.has(id));
        expect(checked.length).toBeGreaterThan(50);
        expect(checked.filter(id => word(id).test(text))).toEqual([]);
    });

    test('axe finds nothing in the matrix, with a reason shown', async () => {
        await page.locator('table.hrk-matrix td').nth(3).hover();
        expect(await axeViolations(page, '#financiering')).toEqual([]);
    });

    test('no console errors, page errors, requests or CSP violations', async () => {
        await expectNothingWrong(page, problems);
    });
});
