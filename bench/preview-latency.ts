import { EmptyFileSystem, URI } from 'langium';
import { createHandreikingServices } from '../language/handreiking-module.js';
import { computePreviewData } from '../language/lsp/preview-data.js';
import type { PreviewData } from '../language/lsp/protocol.js';
import { startHarness } from '../test/extension/webview/preview-page.js';
import { median } from './stats.js';

export interface PreviewFigures {
    nodes: number;
    /** Drawn whole, or as the focus view around the cursor (past the large-diagram threshold). */
    focus: boolean;
    /** Update message in → new diagram drawn (webview only; renderDelay 0). */
    redrawMs: number;
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

/**
 * Keystroke to redrawn diagram in the real preview page in headless Chromium: each "keystroke"
 * is an update whose tree differs by one letter, as the server pushes after an edit.
 */
export async function measurePreview(texts: Array<{ nodes: number; text: string; threshold?: number }>, keystrokes = 6): Promise<PreviewFigures[]> {
    const harness = await startHarness();
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
            const samples: number[] = [];
            for (let i = 0; i < keystrokes; i++) {
                const tree = data.trees[0];
                const letter = String.fromCharCode(97 + i);
                // One letter more in the first question that has this text, as after a keystroke there.
                const edited = tree.tree.nodes.findIndex(n => n.text.includes('Is er sprake van '));
                const nodes = tree.tree.nodes.map((n, j) => j === edited ? { ...n, text: n.text.replace('Is er sprake van ', `Is er sprake van ${letter}`) } : n);
                data = { ...data, version: data.version + 1, trees: [{ ...tree, tree: { ...tree.tree, nodes } }] };
                const start = performance.now();
                await page.update(data);
                draws = (await page.idle(draws + 1)).draws;
                samples.push(performance.now() - start);
            }
            await page.page.close();
            figures.push({ nodes, focus: threshold !== undefined && nodes > threshold, redrawMs: median(samples.slice(1)) });
        }
        return figures;
    } finally {
        await harness.close();
    }
}
