import type { Lang } from '../../i18n/locale.js';

/**
 * The largest diagram we draw, in every renderer: the CLI's SVG and PNG export (Chromium), the
 * preview webview and the HTML guide's in-page Mermaid. Each renderer checks a diagram against these
 * limits before it starts drawing, and refuses beyond them with a message, so a large tree never
 * ends in a stack trace or a diagram that silently says something else.
 *
 * Measured on the 2-core machine (headless Chromium 156, Mermaid 12.3, dagre; docs/reliability.md):
 * - Depth: a chain of 1 700 steps overflows the call stack in dagre's layout (recursive DFS); 1 600
 *   drew. Limiting the nodes to 1 000 bounds the depth too, with room to spare (other browsers'
 *   stacks differ; only Chromium was measured).
 * - Time: within these limits the worst shapes took 11–23 s to lay out on a loaded machine (1 000
 *   nodes with ~400-character labels; 1 000 nodes with 1 900 crossing arrows).
 * - Text: Mermaid replaces a text over `maxTextSize` with a diagram saying "Maximum text size in
 *   diagram exceeded" without an error; over `maxEdges` it throws. Both are set from here.
 * - PNG: the image is as large as the diagram (×2); 1 000 nodes in a chain give 424 × 202 348 pixels.
 *   A canvas (the preview's PNG) beyond 65 535 pixels on a side or 2²⁸ pixels in all silently comes
 *   out empty; 64 million pixels is 256 MB of bitmap in memory (86 million took 24 s to draw here).
 */
export const diagramLimits = {
    /** Drawn nodes: the tree's nodes, its `zie` boxes and the start marker. */
    nodes: 1_000,
    /** Arrows. */
    edges: 2_000,
    /** Characters of Mermaid text (escaped labels cost several characters per character). */
    textSize: 500_000,
    /** PNG: pixels on the longer side. */
    pngSide: 32_000,
    /** PNG: pixels in all (width × height). */
    pngPixels: 64_000_000
} as const;

/** The size of a diagram as the limits count it. */
export interface DiagramSize {
    nodes: number;
    edges: number;
    textSize: number;
}

/** Which limit a diagram or an image goes over, by how much. */
export type LimitExcess =
    | { limit: 'nodes' | 'edges' | 'textSize'; size: number; max: number }
    | { limit: 'pngSide' | 'pngPixels'; width: number; height: number; max: number };

// Our generators write one arrow per line: `    n0 --> n1;`, `    n0 -->|label| n1;`, `    n0 -.-> l0;`.
// A label never holds `>` (escape.ts), so an arrow is only ever found where the generator wrote it.
const arrowLine = /^\s*[A-Za-z][\w]*\s+(?:-->|-\.->)/;

/** Nodes (from the diagram's ids), arrows (from its lines) and characters of a generated diagram. */
export function diagramSize(diagram: { text: string; ids: Record<string, unknown> }): DiagramSize {
    let edges = 0;
    for (const line of diagram.text.split('\n')) if (arrowLine.test(line)) edges++;
    return { nodes: Object.keys(diagram.ids).length, edges, textSize: diagram.text.length };
}

/** The first limit the diagram goes over, or undefined when every renderer can draw it. */
export function diagramExcess(diagram: { text: string; ids: Record<string, unknown> }): LimitExcess | undefined {
    const size = diagramSize(diagram);
    for (const limit of ['nodes', 'edges', 'textSize'] as const) {
        if (size[limit] > diagramLimits[limit]) return { limit, size: size[limit], max: diagramLimits[limit] };
    }
    return undefined;
}

/** Whether a PNG of `width` × `height` CSS pixels, drawn at `scale`, stays within the PNG limits. */
export function pngExcess(width: number, height: number, scale: number): LimitExcess | undefined {
    const w = Math.ceil(width * scale);
    const h = Math.ceil(height * scale);
    if (Math.max(w, h) > diagramLimits.pngSide) return { limit: 'pngSide', width: w, height: h, max: diagramLimits.pngSide };
    if (w * h > diagramLimits.pngPixels) return { limit: 'pngPixels', width: w, height: h, max: diagramLimits.pngPixels };
    return undefined;
}

/** A thrown refusal: the renderer did not start, and the message says why (in the renderer's language). */
export class DiagramLimitError extends Error {
    constructor(readonly excess: LimitExcess, message: string) {
        super(message);
        this.name = 'DiagramLimitError';
    }
}

function count(n: number, lang: Lang): string {
    return n.toLocaleString(lang === 'en' ? 'en-GB' : 'nl-NL');
}

/** What goes over the limit, as a phrase: "2.003 knopen; de grens is 1.000". */
export function describeExcess(excess: LimitExcess, lang: Lang): string {
    const n = (v: number) => count(v, lang);
    if (!('size' in excess)) {
        const size = `${n(excess.width)} × ${n(excess.height)}`;
        if (lang === 'en') {
            return excess.limit === 'pngSide'
                ? `the image would be ${size} pixels; the limit is ${n(excess.max)} pixels on a side`
                : `the image would be ${size} pixels; the limit is ${n(excess.max)} pixels in all`;
        }
        return excess.limit === 'pngSide'
            ? `het beeld zou ${size} pixels worden; de grens is ${n(excess.max)} pixels per zijde`
            : `het beeld zou ${size} pixels worden; de grens is ${n(excess.max)} pixels in totaal`;
    }
    const { size, max } = excess;
    const words: Record<'nodes' | 'edges' | 'textSize', [string, string]> = lang === 'en'
        ? { nodes: ['nodes', 'nodes'], edges: ['arrows', 'arrows'], textSize: ['characters of Mermaid text', 'characters'] }
        : { nodes: ['knopen', 'knopen'], edges: ['pijlen', 'pijlen'], textSize: ['tekens Mermaid-tekst', 'tekens'] };
    const [what, unit] = words[excess.limit];
    return lang === 'en'
        ? `${n(size)} ${what}; the limit is ${n(max)} ${unit}`
        : `${n(size)} ${what}; de grens is ${n(max)} ${unit}`;
}
