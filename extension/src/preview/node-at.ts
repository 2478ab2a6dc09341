import type { PreviewCalculationScenario, PreviewTree } from '../../../language/lsp/protocol.js';

// Pure (no `vscode` import): the browser edition's preview host (web/) uses it too.

type Position = { line: number; character: number };
type Range = { start: Position; end: Position };

function inside(position: Position, r: Range): boolean {
    return (position.line > r.start.line || (position.line === r.start.line && position.character >= r.start.character))
        && (position.line < r.end.line || (position.line === r.end.line && position.character <= r.end.character));
}

/** The tree and node whose source range contains the position (innermost first). */
export function nodeAt(trees: readonly PreviewTree[], position: Position): { tree: string; node?: string } | undefined {
    for (const tree of trees) {
        if (!inside(position, tree.extent)) continue;
        const node = Object.entries(tree.extents).find(([, r]) => inside(position, r))?.[0];
        return { tree: tree.tree.id, ...(node ? { node } : {}) };
    }
    return undefined;
}

/** The name of the calculation scenario whose text contains the position, if any. */
export function calculationScenarioAt(scenarios: readonly PreviewCalculationScenario[] | undefined, position: Position): string | undefined {
    return scenarios?.find(s => inside(position, s.extent))?.name;
}
