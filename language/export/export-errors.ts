import type { LimitExcess } from '../generation/mermaid/diagram-limits.js';

/**
 * Trees beyond the limits every renderer shares (`diagram`), or whose image would be beyond the PNG
 * limits (`png`). Thrown before the export gives its first file: nothing is written.
 */
export class DiagramsTooLargeError extends Error {
    constructor(readonly limits: 'diagram' | 'png', readonly trees: ReadonlyArray<{ tree: string; excess: LimitExcess }>) {
        super(`too large to ${limits === 'png' ? 'export as PNG' : 'draw'}: ${trees.map(t => t.tree).join(', ')}`);
        this.name = 'DiagramsTooLargeError';
    }
}

/**
 * A tree that could not be drawn (Mermaid failed, the drawing does not show the diagram) or
 * photographed (the browser died). The files the export gave before it are complete; the host
 * knows which of them it wrote. `reason` is in the export's language.
 */
export class TreeNotDrawnError extends Error {
    constructor(readonly tree: string, readonly reason: string) {
        super(`decision tree ${tree} could not be drawn: ${reason}`);
        this.name = 'TreeNotDrawnError';
    }
}

/**
 * The host's renderer cannot start: no browser was found (`no-browser`), or it failed to start
 * (`browser-failed`, with the first line of why). The HTML export then makes the page that draws
 * in the reader's browser; SVG and PNG cannot be made without it.
 */
export class RendererUnavailableError extends Error {
    constructor(readonly reason: 'no-browser' | 'browser-failed', readonly detail?: string) {
        super(reason === 'no-browser' ? 'no browser found' : `the browser could not start${detail ? `: ${detail}` : ''}`);
        this.name = 'RendererUnavailableError';
    }
}
