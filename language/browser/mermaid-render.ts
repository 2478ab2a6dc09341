import type { Mermaid, MermaidConfig } from 'mermaid';
import { diagramExcess, DiagramLimitError, type LimitExcess } from '../generation/mermaid/diagram-limits.js';
import { DrawnDiagramError, drawnProblem, readDrawn, type DrawnProblem } from '../generation/mermaid/drawn-diagram.js';
import type { MermaidDiagram } from '../generation/mermaid/tree-mermaid.js';

/**
 * Drawing a generated diagram with Mermaid in a page, the same way in the HTML guide and the
 * preview. Mermaid's `render()` keeps global state and must never run twice at once, so every render
 * of a page goes through one `MermaidRenderer`, strictly one after another. A diagram beyond the
 * limits every renderer shares is refused before Mermaid starts; a drawing that does not show every
 * node of the diagram (past its own limits Mermaid draws a message instead, without an error) is an
 * error, never a picture.
 */

export type MermaidApi = Pick<Mermaid, 'initialize' | 'render'>;

/** Counts of renders, for whoever watches (the preview's test build reads them). */
export interface RenderCounters {
    /** Calls of `mermaid.render` that started. */
    renders: number;
    /** Renders running now, and the most ever seen at once (must stay 1). */
    active: number;
    maxActive: number;
}

/** The sentences for a refusal, in the page's language. */
export interface RenderMessages {
    tooLarge(excess: LimitExcess): string;
    drawnWrong(problem: DrawnProblem): string;
}

export interface RendererOptions {
    /** Prefix of the ids of the drawn SVGs (and of Mermaid's scratch elements). */
    idPrefix: string;
    messages: RenderMessages;
    counters?: RenderCounters;
}

export class MermaidRenderer {
    private tail: Promise<void> = Promise.resolve();
    private count = 0;

    constructor(private readonly mermaid: MermaidApi, private readonly options: RendererOptions) {}

    /**
     * The SVG markup of `diagram` (Mermaid's output under securityLevel 'strict': sanitised, and
     * every label escaped by the generator), drawn with `config` when given. Rejects with a
     * `DiagramLimitError` beyond the shared limits and a `DrawnDiagramError` for a wrong drawing.
     */
    render(diagram: MermaidDiagram, config?: MermaidConfig): Promise<string> {
        return this.renderDrawn(diagram, config).then(drawn => drawn.svg);
    }

    /**
     * As `render`, with the drawing also as an element of the inert document it was checked in:
     * a page that shows it moves that element into place instead of parsing the markup once more.
     */
    renderDrawn(diagram: MermaidDiagram, config?: MermaidConfig): Promise<{ svg: string; element: SVGSVGElement }> {
        const excess = diagramExcess(diagram);
        if (excess) return Promise.reject(new DiagramLimitError(excess, this.options.messages.tooLarge(excess)));
        const result = this.tail.then(() => this.renderNow(diagram, config));
        this.tail = result.then(() => undefined, () => undefined);
        return result;
    }

    private async renderNow(diagram: MermaidDiagram, config: MermaidConfig | undefined): Promise<{ svg: string; element: SVGSVGElement }> {
        const counters = this.options.counters;
        const id = `${this.options.idPrefix}-${++this.count}`;
        if (counters) {
            counters.renders++;
            counters.active++;
            counters.maxActive = Math.max(counters.maxActive, counters.active);
        }
        try {
            if (config) this.mermaid.initialize(config);
            const { svg } = await this.mermaid.render(id, diagram.text);
            // Read back from an inert document: nothing in it loads or runs.
            const drawn = new DOMParser().parseFromString(svg, 'text/html').querySelector('svg');
            const expected = Object.keys(diagram.ids);
            const problem = drawn ? drawnProblem(readDrawn(drawn, expected), expected) : { expected: expected.length, drawn: 0 };
            if (problem) throw new DrawnDiagramError(problem, this.options.messages.drawnWrong(problem));
            return { svg, element: drawn as SVGSVGElement };
        } finally {
            if (counters) counters.active--;
            // After a failure Mermaid may leave its scratch elements in the page.
            document.getElementById(`d${id}`)?.remove();
            document.getElementById(id)?.remove();
        }
    }
}
