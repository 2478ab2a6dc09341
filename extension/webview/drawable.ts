import type { LimitExcess } from '../../language/generation/mermaid/diagram-limits.js';
import { fundingOverviewMermaid } from '../../language/generation/mermaid/funding-mermaid.js';
import type { DiagramPalette } from '../../language/generation/mermaid/palette.js';
import { treeToMermaid, type MermaidDiagram } from '../../language/generation/mermaid/tree-mermaid.js';
import type { PreviewData, PreviewTree } from '../../language/lsp/protocol.js';
import { focusTree } from './focus.js';
import type { PreviewView } from './messages.js';
import { diagramPalette, type Palette } from './theme.js';

/**
 * What the main area shows, decided when a draw starts.
 *
 * Mermaid text has one owner, the generator in language/generation/mermaid/. The server uses it for
 * the text it sends (what the Mermaid and copy buttons save, the same as `handreiking export
 * mermaid`); this page calls the same module, bundled in, for what it draws, with two of its
 * options: the palette made from VS Code's theme and the direction the server sends. It does not
 * ask the server for that text, because how a diagram is drawn here depends on what only the page
 * knows and what changes without an edit: the theme's colours (read from the page's CSS variables),
 * the cursor and the walkthrough (the focus view of a large tree), "Toon alles". A round trip
 * through the extension and the server for each cursor move or theme switch would make the preview
 * lag behind the editor. The server sends the model (the trees, the funding rules and typologies)
 * and whether a whole tree is beyond the shared limits; nothing here edits generated text.
 */

export type Drawable =
    | {
        kind: 'diagram';
        /** The view: `tree:<id>` or `funding`; pan/zoom is kept per key. */
        key: string;
        /** What to draw, in the page's palette; the same text in the same palette is not drawn again. */
        diagram: MermaidDiagram;
        palette: Palette;
        tree?: PreviewTree;
        /** The focus view; `tooLarge` when the whole tree is beyond the limits every renderer shares. */
        focus?: { left: number; total: number; kept: ReadonlySet<string>; tooLarge?: LimitExcess };
        large?: { total: number };
    }
    | { kind: 'table'; key: 'typologies'; html: string }
    | { kind: 'empty'; key: string; message: string };

export interface DrawableInput {
    data: PreviewData;
    view: PreviewView;
    /** The page's colours (theme.ts). */
    palette: Palette;
    /** Trees with more nodes are drawn as their focus view, unless "Toon alles" was chosen for them. */
    largeDiagramThreshold: number;
    showAll: ReadonlySet<string>;
    /** The node the focus view of a tree must show: the walk's current node, or the cursor's. */
    wanted(treeId: string): string | undefined;
    /** Per tree, the centre of its focus view so far (updated here): the view stays while the wanted node is in it. */
    focusCentres: Map<string, string>;
    /** The message for a funding overview without rules or typologies. */
    noFunding: string;
}

export function drawableFor(input: DrawableInput): Drawable | undefined {
    const { data, view } = input;
    if (view.kind === 'typologies') return { kind: 'table', key: 'typologies', html: data.typologyTableHtml };
    const palette: DiagramPalette = diagramPalette(input.palette);
    if (view.kind === 'funding') {
        const diagram = fundingOverviewMermaid(data.funding.model, { palette });
        if (Object.keys(diagram.ids).length === 0) return { kind: 'empty', key: 'funding', message: input.noFunding };
        return { kind: 'diagram', key: 'funding', diagram, palette: input.palette };
    }
    const found = data.trees.find(t => t.tree.id === view.tree);
    if (!found) return undefined;
    // While comparing, the tree drawn is the server's tree with the old version's ghosts in it.
    const tree = found.comparison ? { ...found, tree: found.comparison.tree } : found;
    const key = `tree:${tree.tree.id}`;
    const total = tree.tree.nodes.length;
    const options = { direction: data.direction, palette };
    // Beyond the shared limits (the server checked its text of the whole tree) the whole tree is
    // never drawn, and "Toon alles" is not offered. Only what is drawn is generated here, so a draw
    // costs as much as its drawing, however large the tree.
    const tooLarge = tree.excess;
    const large = total > input.largeDiagramThreshold;
    if (tooLarge || (large && !input.showAll.has(tree.tree.id))) {
        const focused = focusOf(tree, input);
        return {
            kind: 'diagram', key, tree, diagram: treeToMermaid(focused.tree, options), palette: input.palette,
            focus: { left: focused.left, total, kept: focused.kept, ...(tooLarge ? { tooLarge } : {}) }
        };
    }
    return { kind: 'diagram', key, tree, diagram: treeToMermaid(tree.tree, options), palette: input.palette, ...(large ? { large: { total } } : {}) };
}

/** The focus view: around the wanted node, sticky while that stays in view. */
function focusOf(tree: PreviewTree, input: DrawableInput): ReturnType<typeof focusTree> {
    const id = tree.tree.id;
    const want = input.wanted(id);
    let focused = focusTree(tree.tree, input.focusCentres.get(id));
    if (want !== undefined && !focused.kept.has(want) && tree.tree.nodes.some(n => n.id === want)) focused = focusTree(tree.tree, want);
    input.focusCentres.set(id, focused.centre);
    return focused;
}
