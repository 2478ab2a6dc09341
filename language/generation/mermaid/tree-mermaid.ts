import { linkKindWords } from '../../i18n/link-kinds.js';
import { isFlagged, type DrawnProvenance, type FlaggedKind } from '../../i18n/provenance-words.js';
import type { EdgeJson, LinkJson, NodeJson, NodeKind, SourceJson, TreeJson } from '../json/handreiking-json.js';
import { accessibleText, mermaidLabel, type LabelOptions } from './escape.js';
import { boxStyle, checkedPalette, lightPalette, type DiagramPalette } from './palette.js';
import { legendDescription, provenanceLegend } from './provenance-legend.js';
import { classDefStatements, classStatements, END } from './statements.js';

/** What a drawn Mermaid node stands for, so a click on it can open the source or follow a link. */
export interface DiagramTarget {
    /**
     * `start`: the start marker (id: the tree); `node`: a tree node; `link`: a `zie` link (id: the
     * node that carries it, `link`: where it points); `funding`, `typology`: those elements;
     * `allTypologies`: the funding overview's "alle typologieën" node (no id, no source); `legend`: a
     * box of the provenance legend of an exported diagram (no id, no source).
     */
    kind: 'node' | 'link' | 'start' | 'funding' | 'typology' | 'allTypologies' | 'legend';
    id: string;
    source?: SourceJson;
    link?: LinkJson;
}

export interface MermaidDiagram {
    /** Mermaid source that passes `mermaid.parse`. */
    text: string;
    /** Mermaid node id (`n0`, `l0`, `s0` …) → what it stands for. */
    ids: Record<string, DiagramTarget>;
    /**
     * Mermaid node id → why the node is drawn with a dashed (reconstructed) or dotted (illustrative)
     * border: only the nodes whose content is not the guide's own. The HTML guide and the preview
     * show it as the node's tooltip and in its accessible name.
     */
    provenance?: Record<string, DrawnProvenance>;
}

/**
 * The borders of content that is not the guide's own: dashed for reconstructed, dotted for
 * illustrative; both wider than an unreachable node's dashes, which also fade it. Fixed syntax.
 */
export const provenanceClassDefs: Readonly<Record<'reconstructed' | 'illustrative', string>> = {
    reconstructed: 'stroke-dasharray:9 4',
    illustrative: 'stroke-dasharray:2 3'
};

export interface TreeDiagramOptions {
    direction?: 'TD' | 'LR';
    /** Characters per label line; 0 turns wrapping off. */
    wrap?: number;
    /** Escape for rendering with `plainTextConfig()` (SVG text labels); see escape.ts. */
    plainText?: boolean;
    /** The colours; default the light palette of every export. */
    palette?: DiagramPalette;
    /**
     * Draw the provenance legend into the diagram (provenance-legend.ts): for a diagram on its own,
     * the `.mmd`, SVG and PNG exports. The guide and the preview show their legend beside it.
     */
    legend?: boolean;
}

/** The styles of the node classes, from the palette: fixed syntax and `#rrggbb` colours only. */
function classDefs(palette: DiagramPalette): Record<string, string> {
    const width = palette.borderWidth;
    return {
        question: boxStyle(palette.question, width),
        advice: boxStyle(palette.advice, width),
        step: boxStyle(palette.step, width),
        link: boxStyle(palette.link, 1),
        start: boxStyle(palette.start),
        unreachable: 'stroke-dasharray:6 4,opacity:0.75',
        ...provenanceClassDefs
    };
}

/**
 * A decision tree as a Mermaid flowchart. Ids are synthetic (`n0`… per node in order, `l0`… per
 * `zie` link, `s0` for the start marker), so no name a user writes can collide with Mermaid syntax.
 */
export function treeToMermaid(tree: TreeJson, options: TreeDiagramOptions = {}): MermaidDiagram {
    const label: LabelOptions = { ...(options.wrap !== undefined ? { wrap: options.wrap } : {}), plainText: options.plainText ?? false };
    const palette = checkedPalette(options.palette ?? lightPalette);
    const ids: Record<string, DiagramTarget> = {};
    const nodeIds = new Map<string, string>();
    const declarations: string[] = [];
    const edges: string[] = [];
    const byKind: Record<NodeKind | 'link' | 'start' | 'unreachable' | 'reconstructed' | 'illustrative', string[]> = {
        question: [], advice: [], step: [], link: [], start: [], unreachable: [], reconstructed: [], illustrative: []
    };
    const provenance: Record<string, DrawnProvenance> = {};

    tree.nodes.forEach((node, i) => {
        const id = `n${i}`;
        if (!nodeIds.has(node.id)) nodeIds.set(node.id, id);
        ids[id] = { kind: 'node', id: node.id, source: node.source };
        declarations.push(`    ${id}${shape(node.kind, mermaidLabel(nodeParagraphs(node), label))}${END}`);
        byKind[node.kind].push(id);
        if (!node.reachable) byKind.unreachable.push(id);
        if (isFlagged(node.provenance)) {
            byKind[node.provenance.kind].push(id);
            provenance[id] = { kind: node.provenance.kind, parts: [{ part: 'element', provenance: node.provenance }] };
        }
    });

    const start = tree.start !== undefined ? nodeIds.get(tree.start) : undefined;
    if (start) {
        ids.s0 = { kind: 'start', id: tree.id, source: tree.source };
        declarations.unshift(`    s0(["Start"])${END}`);
        byKind.start.push('s0');
        edges.push(`    s0 --> ${start}${END}`);
    }

    for (const edge of tree.edges) {
        const from = nodeIds.get(edge.from);
        const to = nodeIds.get(edge.to);
        // An arrow to a node the tree does not have is reported by the checker; drawing an invented
        // node for it would show something the source does not say.
        if (!from || !to) continue;
        edges.push(`    ${from} ${arrow(edge, label)} ${to}${END}`);
    }

    let links = 0;
    tree.nodes.forEach((node, i) => {
        for (const link of node.links) {
            const id = `l${links++}`;
            ids[id] = { kind: 'link', id: node.id, source: node.source, link };
            declarations.push(`    ${id}[[${mermaidLabel(linkParagraphs(link), label)}]]${END}`);
            byKind.link.push(id);
            edges.push(`    n${i} -.-> ${id}${END}`);
        }
    });

    const flaggedCounts: Record<FlaggedKind, number> = { reconstructed: byKind.reconstructed.length, illustrative: byKind.illustrative.length };
    const treeProvenance = isFlagged(tree.provenance) ? tree.provenance : undefined;
    const legend = options.legend
        ? provenanceLegend(new Set((['reconstructed', 'illustrative'] as const).filter(kind => flaggedCounts[kind] > 0)), treeProvenance, label)
        : undefined;
    for (const box of legend?.boxes ?? []) ids[box] = { kind: 'legend', id: '' };

    const lines = [
        `flowchart ${options.direction ?? 'TD'}`,
        ...declarations,
        ...edges,
        ...classStatements(Object.entries(byKind)),
        ...classDefStatements(classDefs(palette)),
        ...(legend?.lines ?? []),
        ...accessibilityStatements(tree, legend ? legendDescription(flaggedCounts, treeProvenance) : '')
    ];
    return { text: lines.join('\n') + '\n', ids, provenance };
}

/**
 * `accTitle` and `accDescr`: the drawn SVG's `<title>` and `<desc>`, so a diagram exported on its
 * own (SVG, PNG's source) still says what it is. Written last, so the diagram's statements keep
 * their order. The texts are the tree's own, escaped for this place (`accessibleText`).
 */
function accessibilityStatements(tree: TreeJson, provenance: string): string[] {
    const count = (kind: NodeKind) => tree.nodes.filter(n => n.kind === kind).length;
    const counts = ([['question', 'vraag', 'vragen'], ['advice', 'advies', 'adviezen'], ['step', 'stap', 'stappen']] as const)
        .map(([kind, one, more]) => [count(kind), one, more] as const)
        .filter(([n]) => n > 0)
        .map(([n, one, more]) => `${n} ${n === 1 ? one : more}`);
    const start = tree.nodes.find(n => n.id === tree.start);
    const description = [
        `Beslisboom${counts.length > 0 ? ` met ${counts.join(', ')}` : ' zonder knopen'}.`,
        // Before the start's text, which may be long: the description is cut at 600 characters.
        provenance,
        start ? `Begint bij ${start.kind === 'question' ? 'de vraag' : start.kind === 'advice' ? 'het advies' : 'de stap'}: ${start.text}` : ''
    ].filter(s => s.length > 0).join(' ');
    return [
        `    accTitle: ${accessibleText(`Stroomschema: ${tree.title.trim() ? tree.title : 'beslisboom'}`)}`,
        `    accDescr: ${accessibleText(description, 600)}`
    ];
}

function shape(kind: NodeKind, label: string): string {
    switch (kind) {
        case 'question': return `{${label}}`;
        case 'advice': return `(${label})`;
        case 'step': return `[${label}]`;
    }
}

function arrow(edge: EdgeJson, label: LabelOptions): string {
    return edge.kind === 'answer' && edge.label !== undefined ? `-->|${mermaidLabel(edge.label, label)}|` : '-->';
}

/** An advice's examples go on a second paragraph, so the advice itself stays the first thing read. */
function nodeParagraphs(node: NodeJson): string[] {
    return node.examples.length > 0 ? [node.text, `Bijv.: ${node.examples.join('; ')}`] : [node.text];
}

function linkParagraphs(link: LinkJson): string[] {
    return [`→ ${link.title.trim() ? link.title : link.target}`, `(${linkKindWords.nl[link.kind]})`];
}
