import { diagramProblemText, treeDiagramNames, type DiagramNames, type PredrawnCanvas, type PredrawnDiagrams } from '../generation/html/diagram-texts.js';
import { checkPageSvg } from '../generation/html/page-svg.js';
import type { HandreikingJson } from '../generation/json/handreiking-json.js';
import { describeExcess, diagramExcess } from '../generation/mermaid/diagram-limits.js';
import { describeDrawnProblem, DrawnDiagramError } from '../generation/mermaid/drawn-diagram.js';
import { mermaidConfig } from '../generation/mermaid/mermaid-config.js';
import { treeToMermaid, type MermaidDiagram } from '../generation/mermaid/tree-mermaid.js';
import type { PageDiagramRenderer } from '../render/diagram-renderer.js';
import { errorLine } from '../render/error-line.js';
import { RendererUnavailableError } from './export-errors.js';
import type { ExportOptions } from './exported-file.js';

/**
 * How the HTML guide's diagrams were drawn, for the host to say (the command line prints it):
 * at export time in Chromium (the page carries the SVG and no Mermaid), or by Mermaid in the
 * reader's browser, and why.
 */
export type GuideDrawing =
    | { kind: 'predrawn'; diagrams: number }
    | { kind: 'mermaid'; reason: 'asked' | 'no-renderer' | 'no-browser' | 'browser-failed'; detail?: string };

/**
 * Draws every diagram of the guide before the page is written, in one renderer for all of them,
 * when the host has one and was not asked otherwise. A diagram beyond the limits or drawn wrong
 * gets the sentence the page would show for it; a renderer that cannot start or stops halfway
 * gives the page that draws in the reader's browser instead (the whole page, never a mix).
 */
export async function drawGuideDiagrams(json: HandreikingJson, options: ExportOptions): Promise<{ drawing: GuideDrawing; predrawn?: PredrawnDiagrams }> {
    if (options.inPageMermaid) return { drawing: { kind: 'mermaid', reason: 'asked' } };
    if (!options.launchPageRenderer) return { drawing: { kind: 'mermaid', reason: 'no-renderer' } };
    let renderer: PageDiagramRenderer;
    try {
        renderer = await options.launchPageRenderer();
    } catch (err) {
        return { drawing: unavailable(err) };
    }
    try {
        const jobs: Array<{ names: DiagramNames; diagram?: MermaidDiagram; label: string }> = json.trees.map(tree => ({
            names: treeDiagramNames(tree),
            diagram: tree.nodes.length > 0 ? treeToMermaid(tree) : undefined,
            label: tree.id
        }));
        const canvases: PredrawnCanvas[] = [];
        let drawn = 0;
        for (const [i, job] of jobs.entries()) {
            options.progress?.(i, jobs.length, job.label);
            if (!job.diagram) {
                canvases.push({ empty: true });
                continue;
            }
            const excess = diagramExcess(job.diagram);
            if (excess) {
                canvases.push({ problem: diagramProblemText(job.names, 'tooLarge', describeExcess(excess, 'nl')) });
                continue;
            }
            try {
                const markup = await renderer.drawForPage(job.diagram, mermaidConfig, `hrk-diagram-${i + 1}`);
                canvases.push({ svg: checkPageSvg(markup) });
                drawn++;
            } catch (err) {
                if (!(err instanceof DrawnDiagramError)) throw err;
                canvases.push({ problem: diagramProblemText(job.names, 'failed', describeDrawnProblem(err.problem, 'nl')) });
            }
        }
        options.progress?.(jobs.length, jobs.length, '');
        // The funding overview is a table in the page (funding-matrix.ts): only the trees are drawn.
        const predrawn: PredrawnDiagrams = { trees: canvases };
        return { drawing: { kind: 'predrawn', diagrams: drawn }, predrawn };
    } catch (err) {
        // The browser died or Mermaid failed in a way a drawing check does not describe: the page
        // that draws in the reader's browser still shows every diagram.
        return { drawing: { kind: 'mermaid', reason: 'browser-failed', detail: errorLine(err) } };
    } finally {
        await renderer.close().catch(() => undefined);
    }
}

function unavailable(err: unknown): GuideDrawing {
    if (err instanceof RendererUnavailableError) return { kind: 'mermaid', reason: err.reason, ...(err.detail ? { detail: err.detail } : {}) };
    return { kind: 'mermaid', reason: 'browser-failed', detail: errorLine(err) };
}
