import { describe, expect, test } from 'vitest';
import type { ScenarioJson, TreeJson } from '../../../language/generation/json/handreiking-json.js';
import { previewCoverage } from '../../../language/lsp/preview-data.js';
import type { PreviewData, PreviewTree } from '../../../language/lsp/protocol.js';
import { chainTree, idsOf, previewData, previewTree } from './preview-data.js';
import { mermaidIdOf, type PreviewPage } from './preview-page.js';
import { usePreviewPage } from './use-preview-page.js';

/**
 * The coverage overlay ("Dekking") in headless Chromium: the reader turns it on, the page asks the
 * extension for the coverage, and draws what the server computed (language/review/coverage.ts, the
 * same as `handreiking test --dekking`): the answers no scenario takes dashed, the advices none
 * reaches greyed, the counts and what the marks mean in words above the diagram.
 */

const preview = usePreviewPage();

/** The tree's preview with its coverage by `scenarios`, as the server sends it while the overlay is on. */
function covered(tree: TreeJson, scenarios: readonly ScenarioJson[]): PreviewTree {
    return { ...previewTree(tree), coverage: previewCoverage(tree, scenarios) };
}

function withTrees(trees: PreviewTree[]): PreviewData {
    return { ...previewData(preview.json, []), trees };
}

const opened = (data: PreviewData, options: { largeDiagramThreshold?: number; state?: unknown } = {}): Promise<PreviewPage> =>
    preview.opened(options.state ? { state: options.state } : {}, data, { largeDiagramThreshold: options.largeDiagramThreshold ?? 150 });

/** The tree node ids (`from>to`) of the dashed edges, from the drawn paths' Mermaid ids. */
async function dashedEdges(p: PreviewPage, ids: Record<string, { kind: string; id: string }>): Promise<string[]> {
    const pairs = await p.page.evaluate(() => [...document.querySelectorAll('.diagram-viewport path.flowchart-link.hrk-uncovered-edge')]
        .map(path => /L[-_]([A-Za-z0-9]+)[-_]([A-Za-z0-9]+)[-_]\d+$/.exec(path.getAttribute('data-id') ?? path.id)?.slice(1) ?? []));
    return pairs.map(([from, to]) => `${ids[from]?.id}>${ids[to]?.id}`).sort();
}

describe('the coverage overlay', () => {
    test('"Dekking" asks for the coverage, then dashes the untaken answers, greys the unreached advices and says the counts', async () => {
        const quickscan = preview.json.trees.find(t => t.id === 'QuickscanBoom')!;
        const scenarios = preview.json.scenarios.filter(s => s.tree === quickscan.id).slice(0, 1);
        const tree = covered(quickscan, scenarios);
        const coverage = tree.coverage!;
        expect(coverage.uncoveredAnswers.length).toBeGreaterThan(0);
        expect(coverage.uncoveredAdvices.length).toBeGreaterThan(0);
        const p = await opened(withTrees([previewTree(quickscan)]));
        expect(await p.page.locator('.coverage-bar').isHidden()).toBe(true);

        await p.page.click('.coverage-button');
        await p.waitForPosted(m => m.type === 'coverage' && m.shown);
        expect(await p.page.locator('.coverage-button').getAttribute('aria-pressed')).toBe('true');
        // Kept like the preview's other state: a preview shown again turns it on (the next test).
        await expect.poll(() => p.state()).toMatchObject({ coverage: true });
        expect(await p.page.locator('.coverage-bar').textContent()).toBe('dekking: wordt berekend…');

        await p.update(withTrees([tree]));
        await p.idle(2);
        const { answers, advices } = coverage;
        await expect.poll(() => p.page.locator('.coverage-bar .coverage-counts').textContent())
            .toBe(`dekking: ${answers.covered}/${answers.total} antwoorden, ${advices.covered}/${advices.total} adviezen`);
        expect(await p.page.locator('.coverage-legend li').allTextContents()).toEqual([
            ' gestreepte pijl: geen scenario neemt dit antwoord', ' grijs advies: geen scenario komt bij dit advies'
        ]);
        const ids = idsOf(quickscan);
        expect(await p.marked('hrk-uncovered', ids)).toEqual([...coverage.uncoveredAdvices].sort());
        const expectedEdges = coverage.uncoveredAnswers.map(a => `${a.node}>${quickscan.edges.find(e => e.from === a.node && e.label === a.answer)!.to}`).sort();
        expect(await dashedEdges(p, ids)).toEqual(expectedEdges);
        // Drawn dashed, greyed: the stylesheet's marks reach the drawing.
        const firstEdge = p.page.locator('path.flowchart-link.hrk-uncovered-edge').first();
        expect(await firstEdge.evaluate(e => getComputedStyle(e).strokeDasharray)).not.toBe('none');
        const advice = p.page.locator(`#${await p.groupId(mermaidIdOf(ids, coverage.uncoveredAdvices[0]))}`);
        expect(Number(await advice.evaluate(e => getComputedStyle(e).opacity))).toBeLessThan(1);
        // Not by colour alone: the box's accessible name says it.
        expect(await advice.getAttribute('aria-label')).toMatch(/\(geen scenario komt hier\)$/);
        const reached = preview.json.scenarios.find(s => s.tree === quickscan.id)!.expected;
        expect(await p.page.locator(`#${await p.groupId(mermaidIdOf(ids, reached))}`).getAttribute('aria-label')).not.toMatch(/geen scenario/);

        await p.page.click('.coverage-button');
        await p.waitForPosted(m => m.type === 'coverage' && !m.shown);
        expect(await p.marked('hrk-uncovered', ids)).toEqual([]);
        expect(await dashedEdges(p, ids)).toEqual([]);
        expect(await advice.getAttribute('aria-label')).not.toMatch(/geen scenario/);
        expect(await p.page.locator('.coverage-bar').isHidden()).toBe(true);
        // Clicks still go to the source after the overlay came and went.
        await p.page.locator(`#${await p.groupId(mermaidIdOf(ids, reached))}`).click();
        await p.waitForPosted(m => m.type === 'reveal' && m.node === reached);
    }, 120_000);

    test('two answers to the same node: only the untaken one is dashed', async () => {
        // The last question of a chain answers "ja" and "nee" with the same advice.
        const tree = chainTree('Keten', 2);
        const scenario: ScenarioJson = {
            name: 'nee', tree: 'Keten', answers: [{ question: 'V0', answer: 'ja' }, { question: 'V1', answer: 'nee' }], expected: 'A1',
            source: tree.source
        };
        const p = await opened(withTrees([covered(tree, [scenario])]), { state: { zooms: {}, showAll: [], coverage: true } });
        await p.waitForPosted(m => m.type === 'coverage' && m.shown);
        await expect.poll(() => p.page.locator('.coverage-bar .coverage-counts').textContent()).toBe('dekking: 2/4 antwoorden, 1/2 adviezen');
        const ids = idsOf(tree);
        expect(await dashedEdges(p, ids)).toEqual(['V0>A0', 'V1>A1']);
        // Of the two arrows V1 → A1, the one labelled "ja" is the dashed one.
        const label = await p.page.evaluate(() => {
            const path = document.querySelector('path.flowchart-link.hrk-uncovered-edge[data-id*="_n3_"]') ?? document.querySelector('path.flowchart-link.hrk-uncovered-edge[id*="_n3_"]');
            return path?.getAttribute('data-id') ?? path?.id ?? '';
        });
        expect(label).toMatch(/_0$/);

        // The command "Dekking … tonen of verbergen" turns it off through the extension, as the button does.
        await p.send({ type: 'coverage', shown: false });
        await p.waitForPosted(m => m.type === 'coverage' && !m.shown);
        expect(await p.page.locator('.coverage-button').getAttribute('aria-pressed')).toBe('false');
        expect(await dashedEdges(p, ids)).toEqual([]);
    }, 120_000);

    test('in the focus view of a large tree the drawn part is marked and the counts are the whole tree\'s', async () => {
        const tree = chainTree('Lang', 30);
        const p = await opened(withTrees([covered(tree, [])]), { largeDiagramThreshold: 20, state: { zooms: {}, showAll: [], coverage: true } });
        expect(await p.page.locator('.notice').textContent()).toContain('Grote boom');
        await expect.poll(() => p.page.locator('.coverage-bar .coverage-counts').textContent()).toBe('dekking: 0/60 antwoorden, 0/30 adviezen');
        const drawn = await p.nodeCount();
        expect(drawn).toBeLessThan(60);
        // Every drawn advice is unreached; the start marker is no advice.
        expect(await p.page.locator('.diagram-viewport g.node.hrk-uncovered').count()).toBe(
            await p.page.evaluate(() => [...document.querySelectorAll('.diagram-viewport g.node')].filter(g => /Advies/.test(g.textContent ?? '')).length));
        expect(await p.page.locator('path.flowchart-link.hrk-uncovered-edge').count()).toBeGreaterThan(0);
    }, 120_000);
});
