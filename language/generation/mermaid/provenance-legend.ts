import { diagramLegend, provenanceSentence, provenanceWords, type FlaggedKind, type FlaggedProvenance } from '../../i18n/provenance-words.js';
import { mermaidLabel, type LabelOptions } from './escape.js';
import { classDefStatements, classStatements, END } from './statements.js';

/**
 * The provenance legend drawn into a diagram that leaves the tool on its own — the `.mmd`, SVG and
 * PNG exports — where no page around it can explain the dashed and dotted borders (the HTML guide
 * and the preview draw their legend beside the diagram instead). Mermaid draws it as a small
 * subgraph of boxes: a sample of each border with its meaning, the tree's own provenance when its
 * connections are not the guide's, and where the reasons per node are.
 *
 * The wording is `diagramLegend`'s, the one owner of it. The only user text is the tree's reason,
 * which goes through `mermaidLabel` like every label; classes and styles are fixed syntax.
 */

/** Mermaid id of the legend's subgraph; its boxes are `h1`… No generator uses `h` for anything else. */
export const LEGEND_ID = 'h0';

const legendClassDefs: Readonly<Record<string, string>> = {
    legendBox: 'fill:#ffffff,stroke:#1b1f24,stroke-width:1.5px,color:#1b1f24',
    legendText: 'fill:#ffffff,stroke:#ffffff,color:#1b1f24'
};

export interface DrawnLegend {
    /** The statements: the subgraph, its classes and its styles. */
    lines: string[];
    /** The legend's boxes: drawn nodes, so a renderer that checks the drawing must expect them. */
    boxes: string[];
}

/**
 * The legend for a diagram with nodes of these kinds and, for a tree, its own provenance; undefined
 * when nothing in the diagram is reconstructed or illustrative (a legend then would only distract).
 */
export function provenanceLegend(kinds: ReadonlySet<FlaggedKind>, tree: FlaggedProvenance | undefined, label: LabelOptions): DrawnLegend | undefined {
    if (kinds.size === 0 && !tree) return undefined;
    const words = diagramLegend.nl;
    const boxes: Array<{ text: string; classes: string[] }> = [];
    for (const kind of ['reconstructed', 'illustrative'] as const) {
        if (kinds.has(kind)) boxes.push({ text: words[kind], classes: ['legendBox', kind] });
    }
    if (tree) boxes.push({ text: `${words.tree}: ${provenanceSentence(tree, 'nl')}`, classes: ['legendText'] });
    if (kinds.size > 0) boxes.push({ text: words.exportHint, classes: ['legendText'] });

    const ids = boxes.map((_, i) => `h${i + 1}`);
    const byClass = (name: string) => ids.filter((_, i) => boxes[i].classes.includes(name));
    return {
        boxes: ids,
        lines: [
            `    subgraph ${LEGEND_ID} [${mermaidLabel(words.title, label)}]`,
            '        direction TB',
            ...boxes.map((box, i) => `        ${ids[i]}[${mermaidLabel(box.text, { ...label, wrap: 40 })}]${END}`),
            // Invisible links stack the boxes in one column: unlinked, Mermaid puts them side by
            // side, and a legend as wide as four boxes dwarfs a small tree.
            ...ids.slice(1).map((id, i) => `        ${ids[i]} ~~~ ${id}${END}`),
            '    end',
            ...classStatements(['legendBox', 'legendText', 'reconstructed', 'illustrative'].map(name => [name, byClass(name)] as const)),
            ...classDefStatements(legendClassDefs),
            `    style ${LEGEND_ID} fill:#ffffff,stroke:#8a8f98`
        ]
    };
}

/**
 * For a diagram's `accDescr`, so that the SVG says it to a screen reader too: "Herkomst: de
 * verbindingen van deze boom zijn gereconstrueerd; 3 knopen gereconstrueerd, 1 knoop illustratief;
 * zie de legenda." Empty when there is no legend.
 */
export function legendDescription(counts: Readonly<Record<FlaggedKind, number>>, tree: FlaggedProvenance | undefined): string {
    const parts = (['reconstructed', 'illustrative'] as const)
        .filter(kind => counts[kind] > 0)
        .map(kind => `${counts[kind]} ${counts[kind] === 1 ? 'knoop' : 'knopen'} ${provenanceWords.nl[kind].mark}`);
    if (tree) parts.unshift(`${diagramLegend.nl.tree.toLowerCase()} zijn ${provenanceWords.nl[tree.kind].mark}`);
    return parts.length > 0 ? `Herkomst: ${parts.join('; ')}; zie de legenda.` : '';
}
