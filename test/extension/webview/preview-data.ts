import type { HandreikingJson, ProvenanceJson, SourceJson, TreeJson } from '../../../language/generation/json/handreiking-json.js';
import { calculationScenarioOutcome } from '../../../language/calculation/scenario-outcome.js';
import { diagramExcess } from '../../../language/generation/mermaid/diagram-limits.js';
import { fundingOverviewMermaid } from '../../../language/generation/mermaid/funding-mermaid.js';
import { treeToMermaid, type DiagramTarget } from '../../../language/generation/mermaid/tree-mermaid.js';
import { typologyTableHtml } from '../../../language/generation/tables/typology-table.js';
import type { Direction, PreviewData, PreviewTree } from '../../../language/lsp/protocol.js';

/**
 * PreviewData for the tests, made the way the server makes it (JSON export → generators). The
 * server's own builder lives elsewhere; this one only needs to give the webview realistic input.
 */

function range(source: SourceJson) {
    return {
        start: { line: source.line - 1, character: source.column - 1 },
        end: { line: source.endLine - 1, character: source.endColumn - 1 }
    };
}

export function previewTree(tree: TreeJson, direction: Direction = 'TD'): PreviewTree {
    // As the server makes it (language/lsp/preview-data.ts): the text to export, with its legend.
    const diagram = treeToMermaid(tree, { direction, legend: true });
    const excess = diagramExcess(diagram);
    return {
        tree,
        mermaid: diagram.text,
        ...(excess ? { excess } : {}),
        ranges: Object.fromEntries(tree.nodes.map(n => [n.id, range(n.source)])),
        extents: Object.fromEntries(tree.nodes.map(n => [n.id, range(n.source)])),
        range: range(tree.source),
        extent: range(tree.source)
    };
}

/** The preview of `trees` (default: every tree of the workspace) with the workspace-wide views. */
export function previewData(json: HandreikingJson, trees: readonly TreeJson[] = json.trees, version = 1, direction: Direction = 'TD'): PreviewData {
    const model = { funding: json.funding, typologies: json.typologies };
    return {
        uri: 'file:///ws/test.hrk',
        version,
        direction,
        trees: trees.map(t => previewTree(t, direction)),
        funding: { mermaid: fundingOverviewMermaid(model, { legend: true }).text, model },
        typologyTableHtml: typologyTableHtml(json),
        // The examples are loaded under /ws (examplesJson).
        documents: Object.fromEntries([...new Set([...trees.map(t => t.source.file), ...json.funding.map(f => f.source.file), ...json.typologies.map(t => t.source.file)])]
            .map(file => [file, `file:///ws/${file}`])),
        errors: [],
        calculationScenarios: json.calculationScenarios.map(scenario => ({
            ...calculationScenarioOutcome(scenario, json.calculations.find(c => c.id === scenario.calculation), 'nl'),
            extent: range(scenario.source)
        })),
        calculations: json.calculations
            .filter(c => trees.some(t => t.nodes.some(n => n.calculation === c.id)))
            .map(c => ({ id: c.id, title: c.title || c.id, inputs: c.inputs.map(i => ({ id: i.id, title: i.title, ...(i.unit ? { unit: i.unit } : {}), optional: i.optional })) }))
    };
}

/**
 * Mermaid id → what it stands for, in the diagram the preview draws of a tree: the preview makes it
 * with the shared generator, whose ids do not depend on the colours or the direction.
 */
export function idsOf(tree: PreviewTree | TreeJson): Record<string, DiagramTarget> {
    return treeToMermaid('tree' in tree ? tree.tree : tree).ids;
}

/** The same for the funding overview of the data. */
export function fundingIds(data: PreviewData): Record<string, DiagramTarget> {
    return fundingOverviewMermaid(data.funding.model).ids;
}

const src: SourceJson = { file: 'test.hrk', line: 1, column: 1, endLine: 1, endColumn: 2 };
const unmarked: ProvenanceJson = { kind: 'unmarked' };

/** A tree of `questions` yes/no questions in a chain, each "nee" leading to its own advice. */
export function chainTree(id: string, questions: number): TreeJson {
    const nodes: TreeJson['nodes'] = [];
    const edges: TreeJson['edges'] = [];
    for (let i = 0; i < questions; i++) {
        nodes.push({ id: `V${i}`, kind: 'question', text: `Vraag ${i}?`, examples: [], links: [], reachable: true, source: { ...src, line: i + 2 }, provenance: unmarked });
        nodes.push({ id: `A${i}`, kind: 'advice', text: `Advies ${i}`, examples: [], links: [], reachable: true, source: { ...src, line: i + 2 }, provenance: unmarked });
        edges.push({ from: `V${i}`, to: i + 1 < questions ? `V${i + 1}` : `A${i}`, kind: 'answer', label: 'ja' });
        edges.push({ from: `V${i}`, to: `A${i}`, kind: 'answer', label: 'nee' });
    }
    return { id, title: `Keten ${id}`, start: 'V0', nodes, edges, source: src, provenance: unmarked };
}

/** A copy of `tree` with one answer label renamed. */
export function renameAnswer(tree: TreeJson, question: string, from: string, to: string): TreeJson {
    return { ...tree, edges: tree.edges.map(e => e.from === question && e.kind === 'answer' && e.label === from ? { ...e, label: to } : e) };
}

/** A copy of `tree` with one node's text changed (a different Mermaid text, the same structure). */
export function retext(tree: TreeJson, node: string, text: string): TreeJson {
    return { ...tree, nodes: tree.nodes.map(n => n.id === node ? { ...n, text } : n) };
}
