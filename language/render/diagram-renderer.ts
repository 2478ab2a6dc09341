import type { MermaidConfig } from 'mermaid';

/**
 * What the SVG and PNG exports need from a renderer (language/export/image-export.ts). Only the
 * command line has one (render/mermaid-renderer.ts, headless Chromium); the export module knows
 * this interface and not Playwright, so a host without a browser (the language server) never loads it.
 */
export interface DiagramRenderer {
    /**
     * Draws a diagram and checks the drawing: every node of the diagram is there and nothing else.
     * Throws Mermaid's own error, or a `DrawnDiagramError`, when the SVG would not show the diagram.
     */
    draw(diagram: { text: string; ids: Record<string, unknown> }, config: MermaidConfig): Promise<DrawnSvg>;
    /** A PNG of a drawn diagram, with `PNG_PADDING` around it. */
    png(drawn: DrawnSvg, options: PngOptions): Promise<Uint8Array>;
    close(): Promise<void>;
}

/**
 * What the HTML export needs to draw the guide's diagrams before the page is written. Only the
 * command line has one (the same Chromium renderer); without it the page draws them itself.
 */
export interface PageDiagramRenderer {
    /**
     * Draws a diagram with the SVG id `svgId` (unique in the page: Mermaid scopes its styles and
     * markers by it) and checks the drawing like `draw`; gives the markup `serializePageSvg` wrote
     * (generation/html/page-svg.ts). Throws like `draw`.
     */
    drawForPage(diagram: { text: string; ids: Record<string, unknown> }, config: MermaidConfig, svgId: string): Promise<string>;
    close(): Promise<void>;
}

/** A diagram drawn and checked: the standalone SVG file and its size in CSS pixels. */
export interface DrawnSvg {
    svg: string;
    width: number;
    height: number;
}

export interface PngOptions {
    /** Device pixels per CSS pixel; 2 gives sharp images for documents and slides. */
    scale: number;
    transparent: boolean;
}

/** Space around the diagram in a PNG, in CSS pixels. */
export const PNG_PADDING = 8;

/** The CSS pixels of the PNG of a drawn diagram: the diagram and its padding. */
export function pngSize(drawn: DrawnSvg): { width: number; height: number } {
    return { width: drawn.width + 2 * PNG_PADDING, height: drawn.height + 2 * PNG_PADDING };
}
