import type { TreeJson } from '../json/handreiking-json.js';
import type { PageSvg } from './page-svg.js';

/**
 * What stands in a diagram's place in the HTML guide, the same whether the diagram is drawn at
 * export time or in the reader's browser: the Dutch sentences for a diagram that cannot be shown,
 * and the pre-drawn diagrams the page generator puts in. Pure and small: the browser app imports it.
 */

export interface DiagramNames {
    /** A short Dutch name for a sentence: "schema van ‘…’". */
    name: string;
    /** Where the reader finds the same content as text when the diagram cannot be shown. */
    textVersion: string;
}

export function treeDiagramNames(tree: TreeJson): DiagramNames {
    return { name: `schema van ‘${tree.title || tree.id}’`, textVersion: 'De doorloop bij dit schema toont de beslisboom vraag voor vraag.' };
}

export const EMPTY_TREE_TEXT = 'Deze beslisboom heeft nog geen vragen, adviezen of stappen.';

/** "Het schema van ‘…’ is te groot om hier te tekenen: … . De doorloop …" */
export function diagramProblemText(names: DiagramNames, problem: 'tooLarge' | 'failed', reason: string): string {
    const why = reason.replace(/[.\s]+$/, '');
    return problem === 'tooLarge'
        ? `Het ${names.name} is te groot om hier te tekenen: ${why}. ${names.textVersion}`
        : `Het ${names.name} kon niet getekend worden: ${why}. ${names.textVersion}`;
}

/** One diagram's place in a page drawn at export time: the drawing, or what stands there instead. */
export type PredrawnCanvas =
    | { svg: PageSvg }
    | { problem: string }
    | { empty: true };

/** Every diagram of the page, drawn at export time (language/export/guide-drawings.ts). */
export interface PredrawnDiagrams {
    /** In the order of the guide's trees (the funding overview is a table, not a diagram). */
    trees: readonly PredrawnCanvas[];
}

/** The value of `<meta name="hrk-diagrams">`: drawn at export time, or by Mermaid in the page. */
export type DiagramDrawing = 'predrawn' | 'mermaid';

export const DIAGRAMS_META = 'hrk-diagrams';
