import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mermaidBundlePath } from '../../../language/generation/html/guide-assets.js';
import { anchorId, linkAnchor } from '../../../language/generation/html/guide-contract.js';
import type { HandreikingJson, TreeJson } from '../../../language/generation/json/handreiking-json.js';
import { treeToMermaid } from '../../../language/generation/mermaid/tree-mermaid.js';
import { TreeWalker } from '../../../language/walkthrough/walk.js';
import { bundleGuideApp } from '../../../scripts/bundle-guide-app.mjs';
import { launchBrowser } from '../../support/browser.js';
import { pageSettled } from '../../support/page-settled.js';
import { tempDir } from '../../support/temp-dir.js';
import { currentQuestion, drawnMarks, expectNothingWrong, openGuide, pathMarks, walkScenario, type Problems } from './guide-page.js';
import { handreikingAsync, projectRoot, type CliRun } from '../../support/cli.js';

/**
 * The HTML guide as `handreiking export html` makes it from the examples, in headless Chromium:
 * with its diagrams drawn at export time (the default when Chromium is at hand: the page carries
 * their SVG and no Mermaid) and with Mermaid drawing them in the reader's browser (the fallback,
 * without Chromium or with --mermaid-in-pagina). Both must work the same: the same drawing, the
 * walkthrough marking its path in it, a click on a node starting the walk there, fit and pan. The
 * whole walkthrough of the page is tested in html-guide.browser.test.ts; the hostile corpus through
 * both pages in test/security/renderers.test.ts.
 */

const PATH_STROKE = 'rgb(194, 65, 12)';
/** The budget for the page of the examples. */
const MAX_BYTES = 1_000_000;

/** The command in the project's folder, with `env` added to this process's environment. */
const handreiking = (args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> => handreikingAsync(args, projectRoot, { ...process.env, ...env });

const section = (page: Page, tree: TreeJson): Locator => page.locator(`#${anchorId('tree', tree.id)}`);
const canvasOf = (page: Page, tree: TreeJson, json: HandreikingJson): Locator =>
    page.locator(`.diagram-canvas[data-tree-index="${json.trees.indexOf(tree)}"]`);

/** The drawing as the walkthrough reads it: Mermaid ids of nodes and `from>to` of edges, with each node's text. */
function drawing(canvas: Locator): Promise<{ nodes: Record<string, string>; edges: string[] }> {
    return canvas.locator('svg').evaluate(svg => ({
        nodes: Object.fromEntries([...svg.querySelectorAll('g.node')].map(g => [/-flowchart-(.+)-\d+$/.exec(g.id)?.[1] ?? `?${g.id}`,
            (g.textContent ?? '').replace(/\s+/g, ' ').trim()])),
        edges: [...svg.querySelectorAll('path.flowchart-link')].map(p => /L_([A-Za-z0-9]+)_([A-Za-z0-9]+)_\d+$/.exec(p.getAttribute('data-id') ?? p.id))
            .map(m => (m ? `${m[1]}>${m[2]}` : '?')).sort()
    }));
}

const pages = [
    { name: 'drawn at export time', key: 'predrawn' },
    { name: 'drawn by Mermaid in the page', key: 'mermaid' }
] as const;

describe('the HTML guide of the examples, with its diagrams drawn at export time and by Mermaid in the page', () => {
    let browser: Browser;
    let dir: string;
    let json: HandreikingJson;
    const runs: Record<'predrawn' | 'mermaid' | 'noBrowser' | 'noBrowserEn', CliRun> = {} as never;
    const files = { predrawn: '', mermaid: '', noBrowser: '' };
    const opened: Partial<Record<'predrawn' | 'mermaid', { page: Page; problems: Problems }>> = {};

    beforeAll(async () => {
        // The page carries the app as built from the current sources.
        await bundleGuideApp({ typecheck: false });
        dir = tempDir('hrk-predrawn-');
        files.predrawn = path.join(dir, 'gids.html');
        files.mermaid = path.join(dir, 'gids-mermaid.html');
        files.noBrowser = path.join(dir, 'gids-zonder-chromium.html');
        const missing = { HANDREIKING_CHROMIUM: path.join(dir, 'geen-chromium') };
        const [predrawn, mermaid, noBrowser, noBrowserEn, jsonRun] = await Promise.all([
            handreiking(['export', 'html', 'examples', '-o', files.predrawn]),
            handreiking(['export', 'html', 'examples', '-o', files.mermaid, '--mermaid-in-pagina']),
            handreiking(['export', 'html', 'examples', '-o', files.noBrowser], missing),
            handreiking(['export', 'html', 'examples', '-o', path.join(dir, 'guide.html'), '--lang', 'en'], missing),
            handreiking(['export', 'json', 'examples', '-o', path.join(dir, 'handreiking.json')])
        ]);
        Object.assign(runs, { predrawn, mermaid, noBrowser, noBrowserEn });
        expect(jsonRun.code).toBe(0);
        json = JSON.parse(fs.readFileSync(path.join(dir, 'handreiking.json'), 'utf-8')) as HandreikingJson;
        browser = await launchBrowser();
        opened.predrawn = await openGuide(browser, files.predrawn);
        opened.mermaid = await openGuide(browser, files.mermaid);
    });

    afterAll(async () => {
        await browser?.close();
    });

    test('the command line says which page it made, and the page says it too', () => {
        const drawable = json.trees.filter(t => t.nodes.length > 0).length;
        for (const run of Object.values(runs)) {
            expect(run.stderr).toBe('');
            expect(run.code).toBe(0);
        }
        expect(runs.predrawn.stdout.trim().split('\n')).toEqual([
            `HTML-gids geschreven: ${files.predrawn}`,
            expect.stringMatching(new RegExp(`^De schema's \\(${drawable}\\) zijn bij het exporteren getekend in Chromium: de pagina heeft geen Mermaid nodig \\(0,\\d MB\\)\\.$`))
        ]);
        expect(runs.mermaid.stdout.trim().split('\n')[1]).toMatch(/^De schema's worden in de browser van de lezer getekend met Mermaid \(--mermaid-in-pagina\); de pagina is \d+,\d MB\.$/);
        expect(runs.noBrowser.stdout.trim().split('\n')[1]).toMatch(/^Chromium is niet gevonden: de schema's worden in de browser van de lezer getekend met Mermaid \(de pagina is \d+,\d MB en laadt trager\)\. Installeer Chromium .* HANDREIKING_CHROMIUM=/);
        expect(runs.noBrowserEn.stdout.trim().split('\n')[1]).toMatch(/^Chromium was not found: the diagrams are drawn in the reader's browser with Mermaid \(the page is \d+\.\d MB/);
        const html = (file: string) => fs.readFileSync(file, 'utf-8');
        expect(html(files.predrawn)).toContain('<meta name="hrk-diagrams" content="predrawn">');
        expect(html(files.mermaid)).toContain('<meta name="hrk-diagrams" content="mermaid">');
        // Without Chromium the command line makes exactly the page --mermaid-in-pagina asks for.
        expect(html(files.noBrowser)).toBe(html(files.mermaid));
    });

    test('the pre-drawn page is at most 1 MB and carries no Mermaid; the fallback carries it', async () => {
        const predrawn = fs.readFileSync(files.predrawn, 'utf-8');
        const mermaid = fs.readFileSync(files.mermaid, 'utf-8');
        const library = fs.readFileSync(mermaidBundlePath(), 'utf-8');
        const sample = library.slice(library.length / 2, library.length / 2 + 200);
        expect(Buffer.byteLength(predrawn)).toBeLessThanOrEqual(MAX_BYTES);
        expect(predrawn).not.toContain(sample);
        expect(mermaid).toContain(sample);
        expect(predrawn.match(/<script\b/g)).toHaveLength(2);
        expect(mermaid.match(/<script\b/g)).toHaveLength(3);
        expect(await opened.predrawn!.page.evaluate(() => 'mermaid' in window)).toBe(false);
        expect(await opened.mermaid!.page.evaluate(() => 'mermaid' in window)).toBe(true);
    });

    test('both pages show the same drawing: every node with its text and every edge', async () => {
        expect(json.trees.length).toBeGreaterThanOrEqual(3);
        for (const tree of json.trees) {
            const [a, b] = await Promise.all([drawing(canvasOf(opened.predrawn!.page, tree, json)), drawing(canvasOf(opened.mermaid!.page, tree, json))]);
            expect(Object.keys(a.nodes).sort(), tree.id).toEqual(Object.keys(treeToMermaid(tree).ids).sort());
            expect(a, tree.id).toEqual(b);
        }
    });

    test('the pre-drawn labels are never cut off by their box, should the reader\'s font be wider than the exporting machine\'s', async () => {
        const overflow = await opened.predrawn!.page.evaluate(() => [...new Set([...document.querySelectorAll('.diagram-canvas foreignObject')].map(f => getComputedStyle(f).overflow))]);
        expect(overflow).toEqual(['visible']);
    });

    test.each(pages)('$name: every scenario walked marks its path in the diagram, and back and restart follow', async ({ key }) => {
        const { page } = opened[key]!;
        for (const scenario of json.scenarios) {
            const tree = json.trees.find(t => t.id === scenario.tree)!;
            await walkScenario(section(page, tree), scenario);
            const given = new Map(scenario.answers.map(a => [a.question, a.answer]));
            const walked = new TreeWalker(tree).walk(q => given.get(q)).path.map(s => s.node);
            const { strokes, ...marked } = await drawnMarks(canvasOf(page, tree, json));
            expect(marked, scenario.name).toEqual(pathMarks(tree, walked));
            expect([...new Set(strokes)], scenario.name).toEqual([PATH_STROKE]);
        }
        // Back and restart on the last one walked.
        const scenario = json.scenarios.find(s => s.answers.length >= 2)!;
        const tree = json.trees.find(t => t.id === scenario.tree)!;
        await walkScenario(section(page, tree), scenario);
        await section(page, tree).locator('.wt-back').click();
        const last = scenario.answers[scenario.answers.length - 1].question;
        const given = new Map(scenario.answers.map(a => [a.question, a.answer]));
        const shorter = new TreeWalker(tree).walk(q => (q === last ? undefined : given.get(q))).path.map(s => s.node);
        const { strokes: _strokes, ...afterBack } = await drawnMarks(canvasOf(page, tree, json));
        expect(afterBack).toEqual(pathMarks(tree, shorter));
        await section(page, tree).locator('.wt-restart').click();
        const initial = new TreeWalker(tree).walk(() => undefined).path.map(s => s.node);
        expect((await drawnMarks(canvasOf(page, tree, json))).nodes).toEqual(pathMarks(tree, initial).nodes);
    });

    test.each(pages)('$name: a click or Enter on a node starts the walkthrough there; the start marker and a link node lead on', async ({ key }) => {
        const { page } = opened[key]!;
        const tree = json.trees.find(t => t.nodes.filter(n => n.kind === 'question').length >= 2)!;
        const ids = treeToMermaid(tree).ids;
        const question = tree.nodes.find(n => n.kind === 'question' && n.id !== tree.start)!;
        const mermaidId = Object.entries(ids).find(([, t]) => t.kind === 'node' && t.id === question.id)![0];
        const node = (id: string) => canvasOf(page, tree, json).locator(`svg g.node[id*="-flowchart-${id}-"]`);
        await node(mermaidId).click();
        expect(await currentQuestion(section(page, tree))).toBe(question.id);
        expect(await section(page, tree).locator('.wt-start-note').textContent()).toContain(question.text);
        expect((await drawnMarks(canvasOf(page, tree, json))).current).toEqual([mermaidId]);
        // The start marker starts from the beginning.
        await node('s0').click();
        expect(await currentQuestion(section(page, tree))).toBe(new TreeWalker(tree).walk(() => undefined).at);
        // By keyboard.
        await node(mermaidId).focus();
        await page.keyboard.press('Enter');
        expect(await currentQuestion(section(page, tree))).toBe(question.id);
        await section(page, tree).locator('.wt-restart').click();

        const linked = json.trees.find(t => t.nodes.some(n => n.links.some(l => l.kind === 'chapter' || l.kind === 'typology')))!;
        const [linkId, target] = Object.entries(treeToMermaid(linked).ids).find(([, t]) => t.kind === 'link' && (t.link?.kind === 'chapter' || t.link?.kind === 'typology'))!;
        await canvasOf(page, linked, json).locator(`svg g.node[id*="-flowchart-${linkId}-"]`).click();
        expect(await page.evaluate(() => location.hash)).toBe(`#${linkAnchor(target.link!)}`);

    });

    test.each(pages)('$name: "Passend maken" fits the diagram in its column and back; the diagram pans to follow the walk', async ({ key }) => {
        const { page } = opened[key]!;
        // The tallest tree: taller than its box, so the box scrolls.
        const sizes = await Promise.all(json.trees.map(async t => (await canvasOf(page, t, json).locator('svg').boundingBox())?.height ?? 0));
        const tree = json.trees[sizes.indexOf(Math.max(...sizes))];
        const canvas = canvasOf(page, tree, json);
        const figure = page.locator('figure.diagram', { has: canvas });
        const box = () => canvas.evaluate(c => {
            const svg = c.querySelector('svg')!.getBoundingClientRect();
            return { svgWidth: svg.width, svgHeight: svg.height, width: c.clientWidth, height: c.clientHeight, scrollHeight: c.scrollHeight, scrollTop: c.scrollTop };
        });
        const natural = await box();
        expect(natural.scrollHeight).toBeGreaterThan(natural.height);

        const zoom = figure.locator('button.diagram-zoom');
        expect(await zoom.textContent()).toBe('Passend maken');
        await zoom.click();
        expect(await zoom.textContent()).toBe('Ware grootte');
        const fitted = await box();
        expect(fitted.svgWidth).toBeLessThanOrEqual(fitted.width + 1);
        expect(fitted.svgHeight).toBeLessThan(natural.svgHeight);
        await zoom.click();
        expect(await zoom.textContent()).toBe('Passend maken');
        expect((await box()).svgHeight).toBeCloseTo(natural.svgHeight, 0);

        // The scenario that ends lowest in the drawing, below what the box shows: walking it scrolls the box.
        await canvas.evaluate(c => c.scrollTo({ top: 0 }));
        const mermaidOf = (nodeId: string) => Object.entries(treeToMermaid(tree).ids).find(([, t]) => t.kind === 'node' && t.id === nodeId)![0];
        const depth = (nodeId: string) => canvas.evaluate((c, id) => {
            const group = [...c.querySelectorAll('g.node')].find(g => g.id.includes(`-flowchart-${id}-`))!;
            return group.getBoundingClientRect().top - c.querySelector('svg')!.getBoundingClientRect().top;
        }, mermaidOf(nodeId));
        const candidates = json.scenarios.filter(s => s.tree === tree.id);
        const depths = await Promise.all(candidates.map(s => depth(s.expected)));
        const scenario = candidates[depths.indexOf(Math.max(...depths))];
        expect(Math.max(...depths)).toBeGreaterThan(natural.height);
        await walkScenario(section(page, tree), scenario);
        await expect.poll(async () => (await box()).scrollTop).toBeGreaterThan(0);
        const inView = await canvas.evaluate(c => {
            const current = c.querySelector('g.node.hrk-current')!.getBoundingClientRect();
            const visible = c.getBoundingClientRect();
            return current.top >= visible.top && current.bottom <= visible.bottom;
        });
        expect(inView).toBe(true);
        await section(page, tree).locator('.wt-restart').click();
    });

    test.each(pages)('$name: no console errors, page errors, requests or CSP violations', async ({ key }) => {
        const { page, problems } = opened[key]!;
        await pageSettled(page);
        await expectNothingWrong(page, problems);
        expect(await page.locator('.diagram-error, .wt-problem').count()).toBe(0);
    });
});
