import type { LangiumDocument } from 'langium';
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { isBeslisboom, isGids, isScenario, type Beslisboom, type Scenario } from '../generated/ast.js';
import { calculationScenarioOutcome } from '../calculation/scenario-outcome.js';
import { calculationScenarioJson, isCalculationScenario } from '../generation/json/calculation-json.js';
import { exportWorkspaceJson, fileName, jsonContext } from '../generation/json/export-json.js';
import { sourceOf, treeToJson, type JsonContext } from '../generation/json/to-json.js';
import type { HandreikingJson, ScenarioJson, TreeJson } from '../generation/json/handreiking-json.js';
import { diagramExcess } from '../generation/mermaid/diagram-limits.js';
import { fundingOverviewMermaid } from '../generation/mermaid/funding-mermaid.js';
import { treeToMermaid } from '../generation/mermaid/tree-mermaid.js';
import { typologyTableHtml } from '../generation/tables/typology-table.js';
import type { HandreikingServices } from '../handreiking-module.js';
import { treeCoverage } from '../review/coverage.js';
import { compareTrees } from '../review/tree-comparison.js';
import type { Direction, PreviewCalculation, PreviewCalculationScenario, PreviewCoverage, PreviewData, PreviewProblem, PreviewTree } from './protocol.js';

const emptyRange: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * What the preview of one document shows, computed from the linked model (the checks add only
 * errors, which the caller may give): each tree with the map back to the source and its Mermaid
 * text, the workspace-wide views, and the errors.
 */
export interface PreviewOptions {
    direction?: Direction;
    /** The workspace JSON, when the caller has it already (at least the typologies, funding and calculations). */
    json?: HandreikingJson;
    /**
     * The diagnostics whose errors the preview carries; default the document's own. Before its
     * checks have run (the preview of a linked document), the caller gives the syntax and
     * reference errors.
     */
    diagnostics?: readonly Diagnostic[];
    /**
     * The scenarios of the workspace, when the preview shows coverage: each tree then carries what
     * they check of it. Without them no scenario is run.
     */
    scenarios?: readonly ScenarioJson[];
    /** An older version to compare the trees with ("Vergelijk met …"), and the working copy's JSON. */
    comparison?: { against: string; old: HandreikingJson; current: HandreikingJson };
}

/** The preview data as a service of the language, so that a host can replace it as any other. */
export class PreviewDataProvider {
    constructor(private readonly services: HandreikingServices) {}

    compute(document: LangiumDocument, options: PreviewOptions = {}): PreviewData {
        return computePreviewData(this.services, document, options);
    }
}

export function computePreviewData(services: HandreikingServices, document: LangiumDocument, options: PreviewOptions): PreviewData {
    const json = options.json ?? exportWorkspaceJson(services);
    const root = document.parseResult.value;
    const bomen = isGids(root) ? root.elementen.filter(isBeslisboom) : [];
    const context = jsonContext(services);
    const direction = options.direction ?? 'TD';
    const trees: PreviewTree[] = [];
    const c = options.comparison;
    const comparisons = c ? compareTrees(c.old, c.current, bomen.flatMap(b => b.name ? [b.name] : []), c.against, services.i18n.Locale.lang) : undefined;
    for (const boom of bomen) {
        if (!boom.name) continue;
        const tree = treeToJson(boom, context);
        // The text the preview exports and copies: a diagram on its own, so with its provenance legend.
        const diagram = treeToMermaid(tree, { direction, legend: true });
        const excess = diagramExcess(diagram);
        const coverage = options.scenarios ? previewCoverage(tree, options.scenarios) : undefined;
        const comparison = comparisons?.[boom.name];
        trees.push({ tree, mermaid: diagram.text, ...(excess ? { excess } : {}), ...rangesOf(services, boom), ...(coverage ? { coverage } : {}), ...(comparison ? { comparison } : {}) });
    }
    const model = { funding: json.funding, typologies: json.typologies };
    const errors: PreviewProblem[] = previewErrors(options.diagnostics ?? document.diagnostics ?? []);
    return {
        uri: document.uri.toString(),
        version: document.textDocument.version,
        direction,
        trees,
        funding: { mermaid: fundingOverviewMermaid(model, { legend: true }).text, model },
        typologyTableHtml: typologyTableHtml(json),
        documents: documentsOf(services, [
            ...trees.flatMap(t => [t.tree.source.file, ...t.tree.nodes.map(n => n.source.file)]),
            ...model.funding.map(f => f.source.file),
            ...model.typologies.map(t => t.source.file)
        ]),
        errors,
        calculationScenarios: calculationScenarios(services, isGids(root) ? root.elementen.filter(isScenario) : [], json, context),
        calculations: advisedCalculations(trees.map(t => t.tree), json)
    };
}

/**
 * Each calculation scenario of the document with what it computes, so that the preview can show
 * the one under the cursor without computing anything itself.
 */
function calculationScenarios(services: HandreikingServices, scenarios: readonly Scenario[], json: HandreikingJson, context: JsonContext): PreviewCalculationScenario[] {
    const lang = services.i18n.Locale.lang;
    const calculations = new Map(json.calculations.map(c => [c.id, c]));
    return scenarios.filter(s => isCalculationScenario(s) && s.$cstNode).map(s => {
        const scenario = calculationScenarioJson(s, sourceOf(s, context));
        return { ...calculationScenarioOutcome(scenario, calculations.get(scenario.calculation), lang), extent: s.$cstNode?.range ?? emptyRange };
    });
}

/** The calculations the trees' advices refer to, with their inputs as "Bereken…" asks for them. */
function advisedCalculations(trees: readonly TreeJson[], json: HandreikingJson): PreviewCalculation[] {
    const wanted = new Set(trees.flatMap(t => t.nodes.flatMap(n => n.calculation !== undefined ? [n.calculation] : [])));
    return json.calculations.filter(c => wanted.has(c.id)).map(c => ({
        id: c.id,
        title: c.title || c.id,
        inputs: c.inputs.map(i => ({ id: i.id, title: i.title, ...(i.unit ? { unit: i.unit } : {}), optional: i.optional }))
    }));
}

/** The coverage of `tree` by the scenarios, as the preview's overlay needs it (no paths to the gaps). */
export function previewCoverage(tree: TreeJson, scenarios: readonly ScenarioJson[]): PreviewCoverage {
    const coverage = treeCoverage(tree, scenarios, { paths: false });
    return {
        answers: coverage.answers,
        advices: coverage.advices,
        uncoveredAnswers: coverage.uncovered.answers.flatMap(a => a.answer !== undefined ? [{ node: a.node, answer: a.answer }] : []),
        uncoveredAdvices: coverage.uncovered.advices.map(a => a.node)
    };
}

/** The errors among `diagnostics`, first first, as the preview's banner shows them. */
export function previewErrors(diagnostics: readonly Diagnostic[]): PreviewProblem[] {
    return diagnostics
        .filter(d => d.severity === 1)
        .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)
        .map(d => ({ message: typeof d.message === 'string' ? d.message : d.message.value, ...(typeof d.code === 'string' ? { code: d.code } : {}), range: d.range }));
}

/**
 * The URI of each document the data's sources name, keyed by `source.file`: a click in the funding
 * overview opens the document it names, on whatever drive or scheme (the name alone cannot say).
 */
function documentsOf(services: HandreikingServices, files: readonly string[]): Record<string, string> {
    const wanted = new Set(files);
    const documents: Record<string, string> = Object.create(null) as Record<string, string>;
    for (const document of services.shared.workspace.LangiumDocuments.all) {
        const file = fileName(document.uri);
        if (wanted.has(file)) documents[file] = document.uri.toString();
    }
    return documents;
}

function rangesOf(services: HandreikingServices, boom: Beslisboom): Pick<PreviewTree, 'ranges' | 'extents' | 'range' | 'extent'> {
    const names = services.references.NameProvider;
    // Keyed by node names, which may be `__proto__` or `constructor`: no inherited keys.
    const ranges: Record<string, Range> = Object.create(null) as Record<string, Range>;
    const extents: Record<string, Range> = Object.create(null) as Record<string, Range>;
    for (const knoop of boom.knopen) {
        if (!knoop.name) continue;
        ranges[knoop.name] ??= names.getNameNode(knoop)?.range ?? knoop.$cstNode?.range ?? emptyRange;
        extents[knoop.name] ??= knoop.$cstNode?.range ?? emptyRange;
    }
    return {
        ranges,
        extents,
        range: names.getNameNode(boom)?.range ?? emptyRange,
        extent: boom.$cstNode?.range ?? emptyRange
    };
}
