import * as fs from 'node:fs';
import { EmptyFileSystem, URI } from 'langium';
import { createHandreikingServices } from '../language/handreiking-module.js';
import { computePreviewData } from '../language/lsp/preview-data.js';
import type { PreviewData } from '../language/lsp/protocol.js';
import { startHarness, type PreviewPage } from '../test/extension/webview/preview-page.js';
import { spreadOf, type Spread } from './stats.js';

export interface PreviewFigures {
    nodes: number;
    /** Drawn whole, or as the focus view around the cursor (past the large-diagram threshold). */
    focus: boolean;
    /**
     * Update message posted in the page → the new diagram in place (the last change to the drawn
     * area), timed in the page; renderDelay 0.
     */
    redraw: Spread;
    /** The floor: a bare `mermaid.render` of the same text with the same configuration, in the same page. */
    bareRender: Spread;
    /** `mermaid.parse` of the same text in the same page. */
    bareParse: Spread;
}

/** PreviewData for one file's text, as the server computes it. */
export async function previewDataFor(text: string): Promise<PreviewData> {
    const { shared, Handreiking } = createHandreikingServices(EmptyFileSystem);
    // The generated trees link to a chapter: define it, so the tree is free of errors and is drawn.
    const full = `${text}\nhoofdstuk Hoofdstuk1 "Inrichten sociaal beheer" { werkgroep "WG1" }\n`;
    const document = shared.workspace.LangiumDocumentFactory.fromString(full, URI.parse('file:///bench/boom.hrk'));
    shared.workspace.LangiumDocuments.addDocument(document);
    await shared.workspace.DocumentBuilder.build([document], { validation: true });
    return computePreviewData(Handreiking, document, {});
}

interface BenchWindow {
    __mermaid: { initialize(config: unknown): void; render(id: string, text: string): Promise<unknown>; parse(text: string): Promise<unknown> };
    __lastRender?: { text: string; config: unknown };
    __benchDrawnAt?: number;
}

/** Records when the drawn area last changed: the diagram is in place at the last change of a draw. */
async function watchDrawnArea(page: PreviewPage): Promise<void> {
    await page.page.evaluate(() => {
        const w = window as unknown as BenchWindow;
        const viewport = document.querySelector('.diagram-viewport');
        if (!viewport) throw new Error('no .diagram-viewport in the preview page');
        new MutationObserver(() => { w.__benchDrawnAt = performance.now(); }).observe(viewport, { childList: true, subtree: true });
    });
}

/** Posts an update as the extension does and returns when it was posted (page clock). */
function postUpdate(page: PreviewPage, data: PreviewData): Promise<number> {
    return page.page.evaluate(d => {
        const posted = performance.now();
        window.postMessage({ type: 'update', data: d }, '*');
        return posted;
    }, data as unknown as Record<string, unknown>);
}

/** A bare `mermaid.render` (or `mermaid.parse`) of the text the preview drew last, timed in the page. */
function bare(page: PreviewPage, what: 'render' | 'parse', n: number): Promise<number> {
    return page.page.evaluate(async ({ what, n }) => {
        const w = window as unknown as BenchWindow;
        const last = w.__lastRender;
        if (!last) throw new Error('the preview has not rendered yet');
        const m = w.__mermaid;
        const id = `hrk-bench-${n}`;
        m.initialize(last.config);
        const start = performance.now();
        if (what === 'render') await m.render(id, last.text);
        else await m.parse(last.text);
        const elapsed = performance.now() - start;
        document.getElementById(`d${id}`)?.remove();
        document.getElementById(id)?.remove();
        return elapsed;
    }, { what, n });
}

/**
 * Keystroke to redrawn diagram in the real preview page in headless Chromium: each "keystroke"
 * is an update whose tree differs by one letter, as the server pushes after an edit. Beside it,
 * in the same page, the floor: Mermaid alone rendering (and parsing) the same text.
 */
export async function measurePreview(texts: Array<{ nodes: number; text: string; threshold?: number }>, keystrokes = 6): Promise<PreviewFigures[]> {
    const harness = await startHarness('reader');
    let floorId = 0;
    try {
        const figures: PreviewFigures[] = [];
        for (const { nodes, text, threshold } of texts) {
            const page = await harness.open();
            await page.settings({ renderDelay: 0, largeDiagramThreshold: threshold ?? 100_000 });
            let data = await previewDataFor(text);
            await page.update(data);
            let draws = (await page.idle(1).catch(async err => {
                throw new Error(`the preview did not draw: ${JSON.stringify(await page.stats())} ${page.pageErrors.join(' ')} ${page.consoleErrors.join(' ')} ${(err as Error).message}`);
            })).draws;
            await watchDrawnArea(page);
            const samples: number[] = [];
            // One more keystroke than samples: the first warms up the path (JIT).
            for (let i = 0; i <= keystrokes; i++) {
                const tree = data.trees[0];
                const letter = String.fromCharCode(97 + (i % 26));
                // One letter more in the first question that has this text, as after a keystroke there.
                const edited = tree.tree.nodes.findIndex(n => n.text.includes('Is er sprake van '));
                const treeNodes = tree.tree.nodes.map((n, j) => j === edited ? { ...n, text: n.text.replace('Is er sprake van ', `Is er sprake van ${letter}`) } : n);
                data = { ...data, version: data.version + 1, trees: [{ ...tree, tree: { ...tree.tree, nodes: treeNodes } }] };
                const posted = await postUpdate(page, data);
                draws = (await page.idle(draws + 1)).draws;
                const drawnAt = await page.page.evaluate(() => (window as unknown as BenchWindow).__benchDrawnAt ?? Number.NaN);
                // A draw that changed nothing in the drawn area (skipped as identical) is no redraw.
                if (i > 0 && drawnAt >= posted) samples.push(drawnAt - posted);
            }
            const renders: number[] = [];
            const parses: number[] = [];
            // The same number of runs as keystrokes, after one warm-up each.
            for (let i = 0; i <= keystrokes; i++) {
                const r = await bare(page, 'render', ++floorId);
                const p = await bare(page, 'parse', ++floorId);
                if (i > 0) { renders.push(r); parses.push(p); }
            }
            await page.page.close();
            figures.push({ nodes, focus: threshold !== undefined && nodes > threshold, redraw: spreadOf(samples), bareRender: spreadOf(renders), bareParse: spreadOf(parses) });
        }
        return figures;
    } finally {
        await harness.close();
        fs.rmSync(harness.dir, { recursive: true, force: true });
    }
}
