import type { GuideScripts } from '../generation/html/guide-scripts.js';
import type { GuideTheme } from '../generation/html/guide-theme.js';
import type { HandreikingJson } from '../generation/json/handreiking-json.js';
import type { Lang } from '../i18n/locale.js';
import type { DiagramRenderer, PageDiagramRenderer } from '../render/diagram-renderer.js';
import type { GuideDrawing } from './guide-drawings.js';

/**
 * A file an export produces: its name (no folder: file-names.ts) and its content. The export only
 * computes; the host writes: the command line through its output target, the editor through a save
 * dialog. Text formats give a string, PNG gives bytes.
 */
export interface ExportedFile<Content extends string | Uint8Array = string | Uint8Array> {
    name: string;
    content: Content;
    /** HTML: whether the diagrams were drawn at export time or are drawn in the reader's browser, and why. */
    drawing?: GuideDrawing;
}

/** What an export may need beyond the workspace; each host gives what it has. */
export interface ExportOptions {
    /** The language of the reasons in an export's errors. */
    lang: Lang;
    /** SVG: plain text labels instead of HTML ones (for Office and Inkscape). */
    plainText?: boolean;
    /** PNG: a transparent background instead of white. */
    transparent?: boolean;
    /**
     * HTML: the scripts the guide carries inline. They live in different places for different
     * hosts (node_modules and out/ for the command line, beside the server bundle in the .vsix).
     */
    guideAssets?: () => Promise<GuideScripts>;
    /** SVG and PNG: starts a renderer. Only the command line has one (headless Chromium). */
    launchRenderer?: () => Promise<DiagramRenderer>;
    /**
     * HTML: starts a renderer to draw the guide's diagrams at export time, so the page needs no
     * Mermaid. Rejects with a `RendererUnavailableError` when there is no browser. Without it (the
     * language server), or when it cannot start, the page draws them in the reader's browser.
     */
    launchPageRenderer?: () => Promise<PageDiagramRenderer>;
    /** HTML: draw in the reader's browser with Mermaid, even when a renderer is at hand. */
    inPageMermaid?: boolean;
    /** HTML: a house style, read and checked (generation/html/guide-theme.ts). */
    theme?: GuideTheme;
    /** A long export says how far it is: `done` of `total` steps, working on tree `tree` ('' at the end). */
    progress?: (done: number, total: number, tree: string) => void;
}

/**
 * One format's export: the workspace (as its JSON) in, files out, one at a time. A host writes each
 * file as it comes, so a batch of large images is never all in memory at once, and a failure
 * halfway knows which files were already written. Every check that can refuse the whole export
 * (a diagram beyond the limits) is made before the first file is given.
 */
export type ExportFiles<Content extends string | Uint8Array = string | Uint8Array> =
    (json: HandreikingJson, options: ExportOptions) => AsyncIterable<ExportedFile<Content>>;

/** Every file of an export, for a host that sends them all at once (the language server). */
export async function collectFiles<Content extends string | Uint8Array>(files: AsyncIterable<ExportedFile<Content>>): Promise<Array<ExportedFile<Content>>> {
    const all: Array<ExportedFile<Content>> = [];
    for await (const file of files) all.push(file);
    return all;
}
