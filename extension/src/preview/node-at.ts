import type { PreviewTree } from '../../../language/lsp/protocol.js';

// Pure (no `vscode` import): the browser edition's preview host (web/) uses it too.
/** The tree and node whose source range contains the position (innermost first). */
export function nodeAt(trees: readonly PreviewTree[], position: { line: number; character: number }): { tree: string; node?: string } | undefined {
    const inside = (r: { start: { line: number; character: number }; end: { line: number; character: number } }) =>
        (position.line > r.start.line || (position.line === r.start.line && position.character >= r.start.character))
        && (position.line < r.end.line || (position.line === r.end.line && position.character <= r.end.character));
    for (const tree of trees) {
        if (!inside(tree.extent)) continue;
        const node = Object.entries(tree.extents).find(([, r]) => inside(r))?.[0];
        return { tree: tree.tree.id, ...(node ? { node } : {}) };
    }
    return undefined;
}
