/**
 * The names of the files an export writes, the same from the command line and from the editor (its
 * export commands and the preview's save dialog): `handreiking.json`, `handreiking.html`,
 * `typologieen.md`, one `<boom>.mmd|svg|png` per decision tree and `financiering-overzicht.mmd` for
 * the funding overview (docs/cli.md, docs/extension.md). No Node imports: the webview bundles it.
 */

export const JSON_FILE = 'handreiking.json';
export const HTML_FILE = 'handreiking.html';
export const MARKDOWN_FILE = 'typologieen.md';

/** The funding overview's file name without extension; tree ids cannot clash with it (they start with a capital). */
const FUNDING_OVERVIEW = 'financiering-overzicht';

export type DiagramExtension = 'mmd' | 'svg' | 'png';

/** The file of one decision tree, `<id>.<extension>`. */
export function treeFileName(treeId: string, extension: DiagramExtension): string {
    return `${safeFileName(treeId)}.${extension}`;
}

/** The file of the funding overview, `financiering-overzicht.<extension>`. */
export function fundingOverviewFileName(extension: DiagramExtension): string {
    return `${FUNDING_OVERVIEW}.${extension}`;
}

/**
 * A name that is one file name and nothing else: ids are already safe identifiers, but names also
 * come from elsewhere (the preview's webview), and a `/` or `\` must never reach a path.
 */
export function safeFileName(name: string): string {
    return name.replace(/[^\p{L}\p{N}_.-]/gu, '_') || '_';
}
