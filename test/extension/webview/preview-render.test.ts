import { describe, expect, test } from 'vitest';
import { collectFiles } from '../../../language/export/exported-file.js';
import { mermaidFiles } from '../../../language/export/mermaid-export.js';
import { treeToMermaid } from '../../../language/generation/mermaid/tree-mermaid.js';
import { diagramLegend } from '../../../language/i18n/provenance-words.js';
import type { FromWebview } from '../../../extension/webview/messages.js';
import { chainTree, previewData, retext, idsOf, fundingIds } from './preview-data.js';
import { mermaidIdOf, type PreviewPage, type PageOptions } from './preview-page.js';
import { usePreviewPage } from './use-preview-page.js';

const preview = usePreviewPage();

const quickscan = () => preview.data.trees.find(t => t.tree.id === 'QuickscanBoom')!;
const soo = () => preview.data.trees.find(t => t.tree.id === 'SooToets')!;

async function opened(options: PageOptions = {}): Promise<PreviewPage> {
    const page = await preview.open(options);
    await page.settings();
    return page;
}

/** The pan and zoom of `key` as the page saved it (on a page opened with `clock: true`). */
async function zoomOf(p: PreviewPage, key: string): Promise<{ scale: number; left: number; top: number }> {
    const state = await p.savedState() as { zooms: Record<string, { scale: number; left: number; top: number }> };
    return state.zooms[key];
}

describe('drawing a tree', () => {
    test('draws one node group per Mermaid node of the first tree', async () => {
        const p = await opened();
        await p.update(preview.data);
        await p.idle();
        const ids = idsOf(preview.data.trees[0]);
        expect(Object.keys(ids).length).toBeGreaterThan(10);
        expect(await p.nodeCount()).toBe(Object.keys(ids).length);
        expect(await p.page.locator('.tree-picker').inputValue()).toBe(preview.data.trees[0].tree.id);
        expect(await p.page.locator('.tree-picker option:not([value=""])').count()).toBe(preview.data.trees.length);
    });

    test('drawn nodes are buttons for the keyboard, named by their label', async () => {
        const p = await opened();
        await p.update(preview.data);
        await p.idle();
        const id = await p.groupId(mermaidIdOf(idsOf(quickscan()), 'Partners'));
        const group = p.page.locator(`[id="${id}"]`);
        expect(await group.getAttribute('role')).toBe('button');
        expect(await group.getAttribute('aria-label')).toBe('Ga in gesprek met samenwerkingspartners');
        await group.focus();
        await p.page.keyboard.press('Enter');
        expect((await p.posted()).filter(m => m.type === 'reveal')).toEqual([{ type: 'reveal', tree: 'QuickscanBoom', node: 'Partners' }]);
    });

    test('a click on a node reveals that tree node; on a link its node; on the start the tree', async () => {
        const p = await opened();
        await p.update(preview.data);
        await p.idle();
        const ids = idsOf(quickscan());
        await p.page.click(`[id="${await p.groupId(mermaidIdOf(ids, 'GoNoGo'))}"]`);
        await p.page.click(`[id="${await p.groupId(mermaidIdOf(ids, 'Partners', 'link'))}"]`);
        await p.page.click(`[id="${await p.groupId('s0')}"]`);
        const reveals = (await p.posted()).filter(m => m.type === 'reveal');
        expect(reveals).toEqual([
            { type: 'reveal', tree: 'QuickscanBoom', node: 'GoNoGo' },
            { type: 'reveal', tree: 'QuickscanBoom', node: 'Partners' },
            { type: 'reveal', tree: 'QuickscanBoom' }
        ]);
    });

    test('a drag that starts on a node pans and does not reveal it', async () => {
        const p = await opened({ clock: true });
        await p.update(preview.data);
        await p.idle();
        const before = await zoomOf(p, 'tree:QuickscanBoom');
        const box = (await p.page.locator(`[id="${await p.groupId(mermaidIdOf(idsOf(quickscan()), 'GoNoGo'))}"]`).boundingBox())!;
        await p.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        await p.page.mouse.down();
        await p.page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2 + 40, { steps: 5 });
        await p.page.mouse.up();
        const after = await zoomOf(p, 'tree:QuickscanBoom');
        expect(after.left - before.left).toBeCloseTo(60, 0);
        expect(after.top - before.top).toBeCloseTo(40, 0);
        expect((await p.posted()).filter(m => m.type === 'reveal')).toEqual([]);
    });

    test('a cursor message highlights exactly that node, and an empty one clears it', async () => {
        const p = await opened();
        await p.update(preview.data);
        await p.idle();
        await p.send({ type: 'cursor', tree: 'QuickscanBoom', node: 'Ouderen' });
        await expect.poll(() => p.marked('hrk-cursor', idsOf(quickscan()))).toEqual(['Ouderen']);
        await p.send({ type: 'cursor', tree: 'QuickscanBoom', node: 'GoNoGo' });
        await expect.poll(() => p.marked('hrk-cursor', idsOf(quickscan()))).toEqual(['GoNoGo']);
        await p.send({ type: 'cursor' });
        await expect.poll(() => p.marked('hrk-cursor', idsOf(quickscan()))).toEqual([]);
        expect((await p.stats()).renders).toBe(1);
    });

    test('a cursor in another tree switches to it and highlights the node there', async () => {
        const p = await opened();
        await p.update(preview.data);
        await p.idle(1);
        await p.send({ type: 'cursor', tree: 'SooToets', node: 'Leeftijd' });
        await p.idle(2);
        expect(await p.page.locator('.tree-picker').inputValue()).toBe('SooToets');
        expect(await p.nodeCount()).toBe(Object.keys(idsOf(soo())).length);
        expect(await p.marked('hrk-cursor', idsOf(soo()))).toEqual(['Leeftijd']);
        // The extension moved the view, not the user: no viewChanged.
        expect((await p.posted()).filter(m => m.type === 'viewChanged')).toEqual([]);
    });

    test('the picker switches trees and reports the view', async () => {
        const p = await opened();
        await p.update(preview.data);
        await p.idle(1);
        const other = preview.data.trees[3];
        await p.page.selectOption('.tree-picker', other.tree.id);
        await p.idle(2);
        expect(await p.nodeCount()).toBe(Object.keys(idsOf(other)).length);
        expect(await p.page.locator('.diagram-viewport svg').textContent()).toContain(other.tree.nodes[0].text.slice(0, 12));
        expect((await p.posted()).filter(m => m.type === 'viewChanged')).toEqual([{ type: 'viewChanged', view: { kind: 'tree', tree: other.tree.id } }]);
    });

    test('the typology table view shows the generated table', async () => {
        const p = await opened();
        await p.update(preview.data);
        await p.idle(1);
        await p.page.click('.tab-typologies');
        await p.idle(2);
        const table = p.page.locator('.table-view table.hrk-typology-table');
        await expect(table.isVisible()).resolves.toBe(true);
        expect(await table.locator('thead th[data-typology]').count()).toBe(preview.json.typologies.length);
        expect(await table.locator('thead th[data-typology]').first().textContent()).toBe(preview.json.typologies[0].title);
        expect(await p.page.locator('.diagram-viewport').isHidden()).toBe(true);
        expect(await p.page.locator('.export-svg').isDisabled()).toBe(true);
        expect((await p.posted()).filter(m => m.type === 'viewChanged')).toEqual([{ type: 'viewChanged', view: { kind: 'typologies' } }]);

        // Back to the tree shown before: picking it again must count as a change.
        await p.page.selectOption('.tree-picker', preview.data.trees[0].tree.id);
        await p.idle(3);
        expect(await p.nodeCount()).toBe(Object.keys(idsOf(preview.data.trees[0])).length);
        expect(await p.page.locator('.table-view').isHidden()).toBe(true);
    });

    test('the funding overview draws its nodes, from the tab and from a show message', async () => {
        const p = await opened();
        await p.update(preview.data);
        await p.idle(1);
        await p.page.click('.tab-funding');
        await p.idle(2);
        expect(await p.nodeCount()).toBe(Object.keys(fundingIds(preview.data)).length);
        expect((await p.posted()).filter(m => m.type === 'viewChanged')).toEqual([{ type: 'viewChanged', view: { kind: 'funding' } }]);
        await p.send({ type: 'show', view: { kind: 'tree', tree: 'SooToets' } });
        await p.idle(3);
        expect(await p.nodeCount()).toBe(Object.keys(idsOf(soo())).length);
        await p.send({ type: 'show', view: { kind: 'funding' } });
        await p.idle(4);
        expect(await p.nodeCount()).toBe(Object.keys(fundingIds(preview.data)).length);
        expect((await p.posted()).filter(m => m.type === 'viewChanged')).toHaveLength(1);
    });

    test('a click on a funding rule in the overview asks to open where it is written', async () => {
        const p = await opened();
        await p.update(preview.data);
        await p.idle(1);
        await p.page.click('.tab-funding');
        await p.idle(2);
        const [mermaidId, target] = Object.entries(fundingIds(preview.data)).find(([, t]) => t.kind === 'funding' && t.id === 'SOO')!;
        await p.page.click(`[id="${await p.groupId(mermaidId)}"]`);
        const posted = (await p.posted()).filter(m => m.type === 'revealSource');
        expect(posted).toEqual([{ type: 'revealSource', source: target.source }]);
    });

    test('a file without trees shows the typology table and says it has no trees, in English on an English page', async () => {
        const p = await opened({ lang: 'en' });
        await p.update({ ...preview.data, trees: [] });
        await p.idle(1);
        expect(await p.page.locator('.table-view table.hrk-typology-table').isVisible()).toBe(true);
        expect(await p.page.locator('.tree-picker').isDisabled()).toBe(true);
        expect(await p.page.locator('.tree-picker option').textContent()).toBe('This file has no decision trees.');
        expect(await p.page.locator('.walk-button').isDisabled()).toBe(true);
        expect(await p.page.locator('.walk-button').textContent()).toBe('Walk through');
        expect(await p.page.locator('.tab-typologies').textContent()).toBe('Typologies');
    });
});

describe('pan and zoom', () => {
    test('zoom buttons, wheel and fit change the scale', async () => {
        const p = await opened({ clock: true });
        await p.update(preview.data);
        await p.idle();
        const fitted = await zoomOf(p, 'tree:QuickscanBoom');
        await p.page.click('.zoom-in');
        const zoomed = await zoomOf(p, 'tree:QuickscanBoom');
        expect(zoomed.scale).toBeGreaterThan(fitted.scale * 1.2);
        await p.page.click('.zoom-out');
        await p.page.click('.zoom-out');
        expect((await zoomOf(p, 'tree:QuickscanBoom')).scale).toBeLessThan(fitted.scale);
        await p.page.click('.zoom-fit');
        expect((await zoomOf(p, 'tree:QuickscanBoom')).scale).toBeCloseTo(fitted.scale, 5);
        await p.page.mouse.move(600, 400);
        await p.page.mouse.wheel(0, -300);
        expect((await zoomOf(p, 'tree:QuickscanBoom')).scale).toBeGreaterThan(fitted.scale);
    });

    test('the view is kept across updates of the same tree and when coming back to it', async () => {
        const p = await opened({ clock: true });
        await p.update(preview.data);
        await p.idle(1);
        await p.page.click('.zoom-in');
        await p.page.click('.zoom-in');
        const zoomed = await zoomOf(p, 'tree:QuickscanBoom');
        const edited = previewData(preview.json, preview.json.trees.map(t => t.id === 'QuickscanBoom' ? retext(t, 'Doel', 'Formuleer het doel (gewijzigd)') : t), 2);
        const before = await p.stats();
        await p.update(edited);
        const after = await p.idle(before.draws + 1);
        expect(after.renders).toBe(before.renders + 1);
        expect(await p.page.locator('.diagram-viewport svg').textContent()).toContain('(gewijzigd)');
        const kept = await zoomOf(p, 'tree:QuickscanBoom');
        expect(kept.scale).toBeCloseTo(zoomed.scale, 5);
        expect(kept.left).toBeCloseTo(zoomed.left, 3);
        expect(kept.top).toBeCloseTo(zoomed.top, 3);

        await p.page.selectOption('.tree-picker', 'SooToets');
        await p.idle(after.draws + 1);
        await p.page.selectOption('.tree-picker', 'QuickscanBoom');
        await p.idle(after.draws + 2);
        const back = await p.page.evaluate(() => (document.querySelector('.diagram-canvas') as HTMLElement).style.transform);
        expect(Number(/scale\(([\d.]+)\)/.exec(back)?.[1])).toBeCloseTo(zoomed.scale, 4);
        expect((await zoomOf(p, 'tree:QuickscanBoom')).left).toBeCloseTo(zoomed.left, 3);
    });

    test('a webview shown again restores its tree and view from setState', async () => {
        const first = await opened({ clock: true });
        await first.update(preview.data);
        await first.idle(1);
        await first.page.selectOption('.tree-picker', 'SooToets');
        await first.idle(2);
        await first.page.click('.zoom-in');
        const zoomed = await zoomOf(first, 'tree:SooToets');
        const state = await first.savedState();
        expect(state).toMatchObject({ view: { kind: 'tree', tree: 'SooToets' } });
        expect(await first.expectClean()).toEqual({ csp: [], foreign: [], errors: [] });
        await first.page.close();

        const second = await opened({ state, clock: true });
        await second.update(preview.data);
        await second.idle(1);
        expect(await second.page.locator('.tree-picker').inputValue()).toBe('SooToets');
        expect(await second.nodeCount()).toBe(Object.keys(idsOf(soo())).length);
        expect((await zoomOf(second, 'tree:SooToets')).scale).toBeCloseTo(zoomed.scale, 5);
    });
});

describe('large trees', () => {
    test('draw the surroundings of the cursor, with a notice and "Toon alles"', async () => {
        const big = chainTree('Groot', 30);
        const p = await opened();
        await p.settings({ largeDiagramThreshold: 20 });
        await p.update(previewData(preview.json, [big]));
        await p.idle(1);
        // Around the start (V0), 3 steps: V0–V3 and A0–A2, plus the start marker.
        expect(await p.nodeCount()).toBe(8);
        expect(await p.page.locator('.notice').textContent()).toContain('53 van de 60 knopen weggelaten');

        await p.send({ type: 'cursor', tree: 'Groot', node: 'V20' });
        await p.idle(2);
        const drawn = await p.page.evaluate(() => document.querySelector('.diagram-viewport svg')!.textContent);
        expect(drawn).toContain('Vraag 20?');
        expect(drawn).not.toContain('Vraag 0?');
        await p.page.waitForSelector('g.node.hrk-cursor');

        await p.page.click('.notice .show-all');
        await p.idle(3);
        expect(await p.nodeCount()).toBe(61);
        expect(await p.page.locator('.notice').textContent()).toContain('Alle 60 knopen getekend');
        // Reveal works on the focus view's own ids as well as on the full tree's.
        await p.page.click(`[id="${await p.groupId(mermaidIdOf(idsOf(previewData(preview.json, [big]).trees[0]), 'V29'))}"]`);
        expect((await p.posted()).filter(m => m.type === 'reveal')).toEqual([{ type: 'reveal', tree: 'Groot', node: 'V29' }]);
    });

    test('a small tree gets no notice', async () => {
        const p = await opened();
        await p.update(preview.data);
        await p.idle(1);
        expect(await p.page.locator('.notice').isHidden()).toBe(true);
    });
});

describe('direction', () => {
    /** Width and height of the drawn diagram and of the exported SVG. */
    async function shapes(p: PreviewPage): Promise<{ drawn: { width: number; height: number }; exported: { width: number; height: number } }> {
        const drawn = await p.page.evaluate(() => {
            const box = document.querySelector<SVGSVGElement>('.diagram-viewport svg')!.viewBox.baseVal;
            return { width: box.width, height: box.height };
        });
        await p.page.click('.export-svg');
        const svg = await p.waitForPosted(m => m.type === 'export' && m.format === 'svg') as Extract<FromWebview, { type: 'export' }>;
        const exported = await p.page.evaluate(xml => {
            const root = new DOMParser().parseFromString(xml, 'image/svg+xml').documentElement;
            return { width: Number(root.getAttribute('width')), height: Number(root.getAttribute('height')) };
        }, svg.data);
        return { drawn, exported };
    }

    test('the direction the server sends is drawn, in the focus view of a large tree and in its SVG export', async () => {
        // A chain: tall when drawn top to bottom, wide when drawn left to right.
        const chain = chainTree('Keten', 12);
        for (const direction of ['LR', 'TD'] as const) {
            const p = await opened();
            await p.settings({ largeDiagramThreshold: 10 });
            await p.update(previewData(preview.json, [chain], 1, direction));
            await p.idle(1);
            expect(await p.page.locator('.notice .show-all').count(), direction).toBe(1);
            const { drawn, exported } = await shapes(p);
            for (const shape of [drawn, exported]) {
                if (direction === 'LR') expect(shape.width, direction).toBeGreaterThan(shape.height);
                else expect(shape.height, direction).toBeGreaterThan(shape.width);
            }
            expect(await p.expectClean()).toEqual({ csp: [], foreign: [], errors: [] });
            await p.page.close();
        }
    });
});

describe('exports', () => {
    function pngSize(dataUrl: string): { width: number; height: number } {
        const bytes = Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64');
        expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
        return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
    }

    async function lastExport(p: PreviewPage, format: string): Promise<Extract<FromWebview, { type: 'export' }>> {
        return await p.waitForPosted(m => m.type === 'export' && m.format === format) as Extract<FromWebview, { type: 'export' }>;
    }

    test('SVG (as XML), PNG (2×), Mermaid text and Kopieer of the current tree', async () => {
        const p = await opened();
        await p.update(preview.data);
        await p.idle(1);
        await p.page.click('.export-svg');
        const svg = await lastExport(p, 'svg');
        expect(svg.name).toBe('QuickscanBoom.svg');
        expect(svg.data.startsWith('<?xml')).toBe(true);
        const parsed = await p.page.evaluate(xml => {
            const doc = new DOMParser().parseFromString(xml, 'image/svg+xml');
            return {
                error: doc.querySelector('parsererror') !== null, nodes: doc.querySelectorAll('g.node').length, width: Number(doc.documentElement.getAttribute('width')),
                text: (doc.documentElement.textContent ?? '').replace(/\s+/g, '')
            };
        }, svg.data);
        expect(parsed.error).toBe(false);
        // A file on its own: besides the tree's nodes, the provenance legend that explains its dashed borders.
        expect(parsed.nodes).toBe(Object.keys(treeToMermaid(quickscan().tree, { legend: true }).ids).length);
        expect(parsed.nodes).toBeGreaterThan(Object.keys(idsOf(quickscan())).length);
        expect(parsed.text).toContain(diagramLegend.nl.reconstructed.replace(/\s+/g, ''));
        // Plain text labels: no foreignObject, which Office and Inkscape show as empty boxes.
        expect(svg.data).not.toContain('foreignObject');

        await p.page.click('.export-png');
        const png = await lastExport(p, 'png');
        expect(png.name).toBe('QuickscanBoom.png');
        expect(png.data.startsWith('data:image/png;base64,')).toBe(true);
        expect(pngSize(png.data).width).toBe(Math.ceil(parsed.width * 2));

        await p.page.click('.export-mermaid');
        expect(await lastExport(p, 'mermaid')).toEqual({ type: 'export', format: 'mermaid', name: 'QuickscanBoom.mmd', data: quickscan().mermaid });
        await p.page.click('.copy');
        expect(await p.waitForPosted(m => m.type === 'copy')).toEqual({ type: 'copy', text: quickscan().mermaid });
    });

    test('the funding overview exports as PNG, SVG and Mermaid text, under the name `handreiking export` gives it', async () => {
        const p = await opened();
        await p.update(preview.data);
        await p.idle(1);
        await p.page.click('.tab-funding');
        await p.idle(2);
        await p.page.click('.export-png');
        const png = await lastExport(p, 'png');
        expect(png.name).toBe('financiering-overzicht.png');
        expect(pngSize(png.data).width).toBeGreaterThan(200);
        await p.page.click('.export-svg');
        expect((await lastExport(p, 'svg')).name).toBe('financiering-overzicht.svg');
        await p.page.click('.export-mermaid');
        const mermaid = await lastExport(p, 'mermaid');
        expect(mermaid.name).toBe('financiering-overzicht.mmd');
        // The save dialog suggests the names the command line writes (language/export/file-names.ts).
        const cliNames = (await collectFiles(mermaidFiles(preview.json, { lang: 'nl' }))).map(f => f.name);
        expect(cliNames).toContain(mermaid.name);
        expect(cliNames).toContain('QuickscanBoom.mmd');
    });

    test('renderAll renders every tree, one after the other', async () => {
        const p = await opened();
        await p.update(preview.data);
        await p.idle(1);
        await p.send({ type: 'renderAll', format: 'svg', requestId: 7 });
        const rendered = await p.waitForPosted(m => m.type === 'rendered', 60_000) as Extract<FromWebview, { type: 'rendered' }>;
        expect(rendered.requestId).toBe(7);
        expect(rendered.files.map(f => f.name)).toEqual(preview.data.trees.map(t => `${t.tree.id}.svg`));
        for (const file of rendered.files) expect(file.data).toMatch(/^<\?xml[^]*<svg[^]*<\/svg>/);

        const two = previewData(preview.json, preview.json.trees.slice(0, 2), 2);
        await p.update(two);
        await p.send({ type: 'renderAll', format: 'png', requestId: 8 });
        const pngs = await p.waitForPosted(m => m.type === 'rendered' && m.requestId === 8, 60_000) as Extract<FromWebview, { type: 'rendered' }>;
        expect(pngs.files.map(f => f.name)).toEqual(two.trees.map(t => `${t.tree.id}.png`));
        for (const file of pngs.files) expect(pngSize(file.data).width).toBeGreaterThan(100);
        expect((await p.stats()).maxActive).toBe(1);
    });
});
