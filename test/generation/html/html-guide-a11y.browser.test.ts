import * as path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { HandreikingJson, TreeJson } from '../../../language/generation/json/handreiking-json.js';
import { anchorId } from '../../../language/generation/html/guide-contract.js';
import { TreeWalker } from '../../../language/walkthrough/walk.js';
import { bundleGuideApp } from '../../../scripts/bundle-guide-app.mjs';
import { axeViolations } from '../../support/axe.js';
import { launchBrowser } from '../../support/browser.js';
import { tempDir } from '../../support/temp-dir.js';
import {
    clickAnswer, currentQuestion, exampleWorkspace, expectNothingWrong, exportFiles, openGuide, restart, walkScenario, writeGuide, type Problems
} from './guide-page.js';

/**
 * The HTML guide against WCAG 2.1 AA, as a reader meets it in Chromium: axe-core (injected by the
 * test only; the page's CSP is not changed) in every state, the text versions of the flowcharts,
 * and the walkthrough by keyboard alone.
 */

let browser: Browser;
let tmp: string;
let json: HandreikingJson;
let file: string;

beforeAll(async () => {
    await bundleGuideApp({ typecheck: false });
    tmp = tempDir('hrk-a11y-');
    browser = await launchBrowser();
    json = await exportFiles(exampleWorkspace());
    file = await writeGuide(json, path.join(tmp, 'gids.html'));
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
