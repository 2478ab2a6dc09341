import { describe, expect, test } from 'vitest';
import type { TreeJson } from '../../../language/generation/json/handreiking-json.js';
import type { PreviewData, PreviewProblem } from '../../../language/lsp/protocol.js';
import { previewData, retext, idsOf } from './preview-data.js';
import { mermaidIdOf, type PreviewPage, type Stats, type PageOptions } from './preview-page.js';
import { usePreviewPage } from './use-preview-page.js';

const preview = usePreviewPage();

async function opened(renderDelay = 0, options: PageOptions = {}): Promise<PreviewPage> {
    const page = await preview.open(options);
    await page.settings({ renderDelay });
    return page;
}

/** Only the Quickscan tree, with the text of its first step changed to `label`. */
function quickscanWith(label: string, version: number): PreviewData {
    const tree = preview.json.trees.find(t => t.id === 'QuickscanBoom')!;
    return previewData(preview.json, [retext(tree, 'Doel', label)], version);
}

const problem = (message: string, line: number): PreviewProblem => ({
    message, code: 'HRK001', range: { start: { line, character: 4 }, end: { line, character: 9 } }
});

/** Tags the drawn SVG element, to tell later whether it is still the same object. */
async function tagSvg(p: PreviewPage): Promise<void> {
    await p.page.evaluate(() => { (document.querySelector('.diagram-viewport svg') as unknown as { __tag: number }).__tag = 42; });
}

async function sameSvg(p: PreviewPage): Promise<boolean> {
    return p.page.evaluate(() => (document.querySelector('.diagram-viewport svg') as unknown as { __tag?: number } | null)?.__tag === 42);
}

async function svgText(p: PreviewPage): Promise<string> {
    return p.page.evaluate(() => document.querySelector('.diagram-viewport svg')?.textContent ?? '');
}

describe('errors', () => {
    test('an update with errors keeps the last good diagram and names the first error; a clean one draws again', async () => {
        const p = await opened();
        const good = quickscanWith('Eerste versie', 1);
        await p.update(good);
        const first = await p.idle(1);
        const count = await p.nodeCount();
        await tagSvg(p);

        await p.update({ ...quickscanWith('Kapotte versie', 2), errors: [problem('Onbekende knoop "Partners2".', 41), problem('Tweede fout', 50)] });
        await p.page.waitForSelector('.banner:not([hidden])');
        expect(await p.page.locator('.banner').textContent()).toContain('Fout op regel 42: Onbekende knoop "Partners2".');
        expect(await p.page.locator('.banner').textContent()).toContain('(en nog 1 fout)');
        expect(await p.page.locator('.banner').textContent()).not.toContain('Tweede fout');
        // The banner shows that the update was handled; a draw it asked for would be counted or
        // pending now (the page marks itself busy at once). Nothing is, so nothing comes later.
        const kept = await p.idle(first.draws);
        expect(kept.draws).toBe(first.draws);
        expect(kept.renders).toBe(first.renders);
        expect(await p.nodeCount()).toBe(count);
        expect(await sameSvg(p)).toBe(true);
        expect(await svgText(p)).toContain('Eerste versie');

        await p.update(quickscanWith('Herstelde versie', 3));
        await p.page.waitForSelector('.banner[hidden]', { state: 'attached' });
        await p.idle(first.draws + 1);
        expect(await svgText(p)).toContain('Herstelde versie');
        expect(await sameSvg(p)).toBe(false);
    });

    test('with errors before any good data, the banner is shown alone', async () => {
        const p = await opened();
        await p.update({ ...quickscanWith('Kapot', 1), errors: [problem('Verwacht "}"', 9)] });
        await p.page.waitForSelector('.banner:not([hidden])');
        expect(await p.page.locator('.banner').textContent()).toBe('Fout op regel 10: Verwacht "}"');
        expect(await p.page.locator('.diagram-viewport').isHidden()).toBe(true);
        expect(await p.page.locator('.message').isHidden()).toBe(true);
        expect(await p.page.locator('.diagram-viewport svg').count()).toBe(0);

        await p.update(quickscanWith('Goed', 2));
        await p.idle(1);
        expect(await p.page.locator('.banner').isHidden()).toBe(true);
        expect(await svgText(p)).toContain('Goed');
    });
});

describe('failures', () => {
    test('a diagram Mermaid cannot draw keeps the last diagram, says why and tells the extension', async () => {
        const p = await opened();
        const good = quickscanWith('Goed', 1);
        await p.update(good);
        const first = await p.idle(1);
        await tagSvg(p);
        // The test build hands Mermaid this instead of the text of the tree with the step ‘Kapot’.
        await p.page.evaluate(() => {
            (window as unknown as { __mermaidText: (text: string) => string }).__mermaidText = text =>
                text.includes('Kapot') ? 'flowchart TD\n    n0["open\n' : text;
        });
        await p.update(quickscanWith('Kapot', 2));
        await p.idle(first.draws + 1);
        expect(await p.page.locator('.render-error').isVisible()).toBe(true);
        expect(await p.page.locator('.render-error').textContent()).toMatch(/^Het diagram kon niet getekend worden: /);
        expect((await p.posted()).filter(m => m.type === 'error')).toHaveLength(1);
        expect(await sameSvg(p)).toBe(true);
        // Mermaid drew no error diagram of its own into the page.
        expect(await p.page.locator('svg[aria-roledescription="error"]').count()).toBe(0);

        await p.update(quickscanWith('Weer goed', 3));
        await p.idle(first.draws + 2);
        expect(await p.page.locator('.render-error').isHidden()).toBe(true);
        expect(await svgText(p)).toContain('Weer goed');
    });
});

describe('render scheduling', () => {
    test('identical Mermaid text is not drawn again, but new node ids are used for clicks', async () => {
        const p = await opened();
        const data = quickscanWith('Zelfde tekst', 1);
        await p.update(data);
        const first = await p.idle(1);
        await tagSvg(p);

        await p.update({ ...data, version: 2 });
        const second = await p.idle(first.draws + 1);
        expect(second.renders).toBe(first.renders);
        expect(second.skipped).toBe(first.skipped + 1);
        expect(await sameSvg(p)).toBe(true);

        // A renamed node id does not change the text (ids are synthetic): the click must use the new id.
        const tree = data.trees[0].tree;
        const renamed: TreeJson = {
            ...tree,
            nodes: tree.nodes.map(n => n.id === 'GoNoGo' ? { ...n, id: 'GoNoGoNieuw' } : n),
            edges: tree.edges.map(e => ({ ...e, from: e.from === 'GoNoGo' ? 'GoNoGoNieuw' : e.from, to: e.to === 'GoNoGo' ? 'GoNoGoNieuw' : e.to }))
        };
        const next = previewData(preview.json, [renamed], 3);
        expect(next.trees[0].mermaid).toBe(data.trees[0].mermaid);
        await p.update(next);
        const third = await p.idle(second.draws + 1);
        expect(third.renders).toBe(first.renders);
        await p.page.click(`[id="${await p.groupId(mermaidIdOf(idsOf(next.trees[0]), 'GoNoGoNieuw'))}"]`);
        expect((await p.posted()).filter(m => m.type === 'reveal')).toEqual([{ type: 'reveal', tree: 'QuickscanBoom', node: 'GoNoGoNieuw' }]);
    });

    test('updates during a render: only the latest runs next, never two at once', async () => {
        const p = await opened(0);
        // When the first render starts, three more updates and an export of every tree arrive
        // (dispatched right then, so they land while that render runs, however fast it is).
        await p.page.evaluate(messages => {
            const stats = (window as unknown as { __previewStats: Stats }).__previewStats;
            let active = stats.active;
            let sent = false;
            Object.defineProperty(stats, 'active', {
                configurable: true,
                enumerable: true,
                get: () => active,
                set: (value: number) => {
                    active = value;
                    if (value !== 1 || sent) return;
                    sent = true;
                    for (const data of messages) window.dispatchEvent(new MessageEvent('message', { data }));
                }
            });
        }, [
            { type: 'update', data: quickscanWith('Versie 2', 2) },
            { type: 'update', data: quickscanWith('Versie 3', 3) },
            { type: 'renderAll', format: 'svg', requestId: 1 },
            { type: 'update', data: quickscanWith('Versie 4', 4) }
        ] as unknown as Array<Record<string, unknown>>);
        await p.update(quickscanWith('Versie 1', 1));
        await p.waitForPosted(m => m.type === 'rendered');
        const stats = await p.idle(2);
        // Version 1, version 4 and the one tree of renderAll: versions 2 and 3 were never drawn.
        expect(stats.renders).toBe(3);
        expect(stats.draws).toBe(2);
        expect(stats.maxActive).toBe(1);
        const text = await svgText(p);
        expect(text).toContain('Versie 4');
        expect(text).not.toContain('Versie 3');
    });

    test('renderDelay 0 (the default): an edit while nothing is drawn starts its render at once, with no timer in between', async () => {
        const p = await opened(0, { clock: true });
        await p.update(quickscanWith('Start', 1));
        const first = await p.idle(1);
        // The page's time stands still from here: a draw that waited for any timer would not start.
        await p.page.clock.pauseAt(await p.page.evaluate(() => Date.now()) + 1_000);
        const started = await p.page.evaluate(data => {
            window.dispatchEvent(new MessageEvent('message', { data: { type: 'update', data } }));
            return (window as unknown as { __previewStats: Stats }).__previewStats.draws;
        }, quickscanWith('Meteen', 2) as unknown as Record<string, unknown>);
        expect(started).toBe(first.draws + 1);
        await p.page.clock.resume();
        const after = await p.idle(first.draws + 1);
        expect(after.renders).toBe(first.renders + 1);
        expect(await svgText(p)).toContain('Meteen');
    });

    test('renderDelay debounces a burst of edits into one render', async () => {
        const p = await opened(400, { clock: true });
        await p.update(quickscanWith('Start', 1));
        const first = await p.idle(1);
        // From here the page's time moves only when the test moves it: the edits come 50 ms apart
        // by the page's clock, however slowly this machine runs.
        await p.page.clock.pauseAt(await p.page.evaluate(() => Date.now()) + 1_000);
        for (let i = 2; i <= 6; i++) {
            // Delivered at once (a posted message would arrive at a moment the test does not control).
            await p.page.evaluate(data => window.dispatchEvent(new MessageEvent('message', { data: { type: 'update', data } })), quickscanWith(`Tik ${i}`, i));
            await p.page.clock.runFor(50);
        }
        await p.page.clock.runFor(349);
        // 399 ms after the last edit: still waiting, nothing drawn.
        const waiting = await p.stats();
        expect(waiting.renders).toBe(first.renders);
        expect(waiting.draws).toBe(first.draws);
        expect(waiting.busy).toBe(true);
        expect(await svgText(p)).toContain('Start');
        // 400 ms after it: one draw, of the last edit.
        await p.page.clock.runFor(1);
        expect((await p.stats()).draws).toBe(first.draws + 1);
        await p.page.clock.resume();
        const after = await p.idle(first.draws + 1);
        expect(after.renders).toBe(first.renders + 1);
        expect(after.draws).toBe(first.draws + 1);
        expect(await svgText(p)).toContain('Tik 6');
    });
});
