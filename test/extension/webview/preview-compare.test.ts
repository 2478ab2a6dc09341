import { beforeAll, describe, expect, test } from 'vitest';
import type { HandreikingJson } from '../../../language/generation/json/handreiking-json.js';
import type { PreviewData, PreviewTree } from '../../../language/lsp/protocol.js';
import { compareTrees } from '../../../language/review/tree-comparison.js';
import { idsOf, previewData, previewTree } from './preview-data.js';
import { guideJson, treeAfter, treeBefore } from '../../review/tree-before-after.js';
import { mermaidIdOf, type PreviewPage } from './preview-page.js';
import { usePreviewPage } from './use-preview-page.js';

/**
 * "Vergelijk met …" in headless Chromium: the page draws the tree the server compared
 * (review/tree-comparison.ts) — new nodes and arrows green, the removed ones as red ghosts, the
 * reworded amber with the old text on hover, rewired arrows marked — says it in words, and lists
 * what the change does beside the diagram, each line a way to its node.
 */

// The page shows the new version; the old one is only what it is compared with.
const preview = usePreviewPage({ json: () => guideJson(treeAfter) });
let oldJson: HandreikingJson;

beforeAll(async () => {
    oldJson = await guideJson(treeBefore);
});

function compared(): PreviewTree {
    const tree = preview.json.trees[0];
    return { ...previewTree(tree), comparison: compareTrees(oldJson, preview.json, [tree.id], 'HEAD', 'nl')[tree.id] };
}

function data(trees: PreviewTree[]): PreviewData {
    return { ...previewData(preview.json, []), trees };
}

const opened = (d: PreviewData, largeDiagramThreshold = 150): Promise<PreviewPage> => preview.opened({}, d, { largeDiagramThreshold });

/** Tree node ids (`from>to`) of the drawn edges carrying `className`, in the diagram of `tree`. */
async function markedEdges(p: PreviewPage, className: string, ids: Record<string, { kind: string; id: string }>): Promise<string[]> {
    const pairs = await p.page.evaluate(c => [...document.querySelectorAll(`.diagram-viewport path.flowchart-link.${c}`)]
        .map(path => /L[-_]([A-Za-z0-9]+)[-_]([A-Za-z0-9]+)[-_]\d+$/.exec(path.getAttribute('data-id') ?? path.id)?.slice(1) ?? []), className);
    return pairs.map(([from, to]) => `${ids[from]?.id}>${ids[to]?.id}`).sort();
}

describe('comparing with an earlier version', () => {
    test('"Vergelijk…" asks the extension; the compared tree is drawn with its ghosts, marks, words and the list of what it does', async () => {
        const p = await opened(data([previewTree(preview.json.trees[0])]));
        expect(await p.page.locator('.compare-bar').isHidden()).toBe(true);
        await p.page.click('.compare-button');
        await p.waitForPosted(m => m.type === 'compare' && m.stop === undefined);

        const tree = compared();
        const c = tree.comparison!;
        await p.update(data([tree]));
        await p.idle(2);
        await expect.poll(() => p.page.locator('.compare-summary').textContent())
            .toBe('vergeleken met HEAD: 1 nieuw, 1 verwijderd, 1 gewijzigd, 3 pijlen anders');
        expect(await p.page.locator('.compare-button').getAttribute('aria-pressed')).toBe('true');
        // The ghost is drawn: the diagram has the new tree's nodes and the removed one.
        const ids = idsOf(c.tree);
        expect(await p.nodeCount()).toBe(c.tree.nodes.length + 1);
        expect(await p.marked('hrk-added', ids)).toEqual(['Bemiddeling']);
        expect(await p.marked('hrk-removed', ids)).toEqual(['Oud']);
        expect(await p.marked('hrk-reworded', ids)).toEqual(['Onenigheid']);
        expect(await markedEdges(p, 'hrk-edge-added', ids)).toEqual(['Onenigheid>Gesprek']);
        expect(await markedEdges(p, 'hrk-edge-removed', ids)).toEqual(['Onenigheid>Ruimte']);
        expect(await markedEdges(p, 'hrk-edge-rewired', ids)).toEqual(['Onenigheid>Bemiddeling']);
        // The old text on hover (an SVG title, as text) and in the accessible name.
        const reworded = p.page.locator(`#${await p.groupId(mermaidIdOf(ids, 'Onenigheid'))}`);
        expect(await reworded.locator('title.hrk-compare-title').textContent()).toBe('gewijzigd; was: “Is er onenigheid?”');
        expect(await reworded.getAttribute('aria-label')).toMatch(/\(gewijzigd; was: “Is er onenigheid\?”\)$/);
        expect(await p.page.locator('path.hrk-edge-rewired title').textContent()).toBe('leidde eerder naar Gesprek');
        // The new advice's text is the guide's: shown as text, never as markup.
        expect(await p.page.locator('.diagram-viewport b').count()).toBe(0);
        // Colour is not the only sign: the removed arrow is dashed, the ghost drawn faded.
        expect(await p.page.locator('path.hrk-edge-removed').evaluate(e => getComputedStyle(e).strokeDasharray)).not.toBe('none');

        // What the change does, beside the diagram; a click goes to the node in the source.
        const changes = p.page.locator('.compare-panel .compare-change');
        expect(await changes.count()).toBe(c.behaviour.length);
        expect(c.behaviour.length).toBeGreaterThan(1);
        const toBemiddeling = p.page.locator('.compare-panel .compare-change[data-node="Bemiddeling"]').first();
        await toBemiddeling.click();
        await p.waitForPosted(m => m.type === 'reveal' && m.node === 'Bemiddeling' && m.tree === 'B');

        // "Stop vergelijken" asks the extension; the next data has no comparison and no marks.
        await p.page.click('.compare-stop');
        await p.waitForPosted(m => m.type === 'compare' && m.stop === true);
        await p.update(data([previewTree(preview.json.trees[0])]));
        await expect.poll(() => p.page.locator('.compare-bar').isHidden()).toBe(true);
        await p.idle(3);
        expect(await p.page.locator('.compare-panel').isHidden()).toBe(true);
        expect(await p.page.locator('.diagram-viewport .hrk-added, .diagram-viewport .hrk-edge-rewired, .diagram-viewport title.hrk-compare-title').count()).toBe(0);
    }, 120_000);

    test('in the focus view of a large tree the compared part around the cursor is drawn and marked', async () => {
        const p = await opened(data([compared()]), 3);
        expect(await p.page.locator('.notice').textContent()).toContain('Grote boom');
        await p.send({ type: 'cursor', tree: 'B', node: 'Bemiddeling' });
        await p.idle(1);
        const ids = idsOf(compared().comparison!.tree);
        await expect.poll(() => p.marked('hrk-added', ids)).toEqual(['Bemiddeling']);
        expect(await p.page.locator('.compare-summary').textContent()).toContain('vergeleken met HEAD');
    }, 120_000);
});
