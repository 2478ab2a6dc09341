import type { TreeJson } from '../generation/json/handreiking-json.js';
import { diagramExcess, pngExcess, type LimitExcess } from '../generation/mermaid/diagram-limits.js';
import { describeDrawnProblem, DrawnDiagramError } from '../generation/mermaid/drawn-diagram.js';
import { mermaidConfig, plainTextConfig } from '../generation/mermaid/mermaid-config.js';
import { treeToMermaid, type MermaidDiagram } from '../generation/mermaid/tree-mermaid.js';
import { pngSize, type DiagramRenderer, type DrawnSvg } from '../render/diagram-renderer.js';
import { errorLine } from '../render/error-line.js';
import { DiagramsTooLargeError, TreeNotDrawnError } from './export-errors.js';
import type { ExportFiles, ExportOptions } from './exported-file.js';
import { treeFileName } from './file-names.js';

/** Device pixels per CSS pixel in a PNG: sharp in documents and slides. */
const PNG_SCALE = 2;

/**
 * SVG and PNG, one file per tree, drawn by the host's renderer (the command line's Chromium), one
 * renderer for the whole batch.
 *
 * Nothing is given until every tree is known to be drawable: first each tree is checked against the
 * limits every renderer shares (before the renderer starts), then each is laid out and the drawing
 * checked against the diagram (and, for PNG, the image size against its limits); only then come the
 * files. A PNG is photographed just before it is given, so the batch is never in memory at once; a
 * failure there (`TreeNotDrawnError`) comes after the files already given.
 */
export const svgFiles: ExportFiles<string> = async function* (json, options) {
    const plainText = options.plainText ?? false;
    const jobs = drawable(json.trees, plainText);
    const renderer = await launch(options);
    try {
        const drawn = await drawAll(renderer, jobs, plainText, options, jobs.length);
        for (const [i, { tree }] of jobs.entries()) yield { name: treeFileName(tree.id, 'svg'), content: drawn[i].svg };
        options.progress?.(jobs.length, jobs.length, '');
    } finally {
        await renderer.close().catch(() => undefined);
    }
};

export const pngFiles: ExportFiles<Uint8Array> = async function* (json, options) {
    const jobs = drawable(json.trees, false);
    const renderer = await launch(options);
    try {
        const steps = jobs.length * 2;
        const drawn = await drawAll(renderer, jobs, false, options, steps);
        const tooLarge = jobs.flatMap(({ tree }, i) => {
            const size = pngSize(drawn[i]);
            const excess = pngExcess(size.width, size.height, PNG_SCALE);
            return excess ? [{ tree: tree.id, excess }] : [];
        });
        if (tooLarge.length > 0) throw new DiagramsTooLargeError('png', tooLarge);
        for (const [i, { tree }] of jobs.entries()) {
            options.progress?.(jobs.length + i, steps, tree.id);
            let content: Uint8Array;
            try {
                content = await renderer.png(drawn[i], { scale: PNG_SCALE, transparent: options.transparent ?? false });
            } catch (err) {
                throw new TreeNotDrawnError(tree.id, errorLine(err));
            }
            yield { name: treeFileName(tree.id, 'png'), content };
        }
        options.progress?.(steps, steps, '');
    } finally {
        await renderer.close().catch(() => undefined);
    }
};

interface Job {
    tree: TreeJson;
    diagram: MermaidDiagram;
}

/**
 * Every tree's diagram, with its provenance legend (an image on its own has no page to explain its
 * borders), or a refusal naming each tree beyond the shared limits.
 */
function drawable(trees: readonly TreeJson[], plainText: boolean): Job[] {
    const jobs = trees.map(tree => ({ tree, diagram: treeToMermaid(tree, { plainText, legend: true }) }));
    const tooLarge = jobs.flatMap(({ tree, diagram }): Array<{ tree: string; excess: LimitExcess }> => {
        const excess = diagramExcess(diagram);
        return excess ? [{ tree: tree.id, excess }] : [];
    });
    if (tooLarge.length > 0) throw new DiagramsTooLargeError('diagram', tooLarge);
    return jobs;
}

function launch(options: ExportOptions): Promise<DiagramRenderer> {
    if (!options.launchRenderer) throw new Error('SVG and PNG need a renderer, and this host has none');
    return options.launchRenderer();
}

/** Lays out every tree; a failure (nothing is given yet) says which tree and what Mermaid did. */
async function drawAll(renderer: DiagramRenderer, jobs: readonly Job[], plainText: boolean, options: ExportOptions, steps: number): Promise<DrawnSvg[]> {
    const drawn: DrawnSvg[] = [];
    for (const [i, { tree, diagram }] of jobs.entries()) {
        options.progress?.(i, steps, tree.id);
        try {
            drawn.push(await renderer.draw(diagram, plainText ? plainTextConfig() : mermaidConfig));
        } catch (err) {
            throw new TreeNotDrawnError(tree.id, err instanceof DrawnDiagramError ? describeDrawnProblem(err.problem, options.lang) : errorLine(err));
        }
    }
    return drawn;
}
