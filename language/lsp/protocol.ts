import { NotificationType, RequestType, type Range } from 'vscode-languageserver-protocol';
import type { LimitExcess } from '../generation/mermaid/diagram-limits.js';
import type { FundingOverviewModel } from '../generation/mermaid/funding-mermaid.js';
import type { TreeJson } from '../generation/json/handreiking-json.js';
import type { CalculationScenarioOutcome } from '../calculation/scenario-outcome.js';
import type { CoverageFigure } from '../review/coverage.js';
import type { TreeComparison } from '../review/tree-comparison.js';
import type { TextExportFormat } from '../export/export-formats.js';
import type { ExportedFile } from '../export/exported-file.js';

/**
 * The custom messages between the language server and the extension, in one place. The server
 * computes (the model of each tree, Mermaid text, scenario results, exports); the client only
 * relays and draws. How the webview draws from this data is explained in
 * extension/webview/drawable.ts.
 */

/** The direction a tree is drawn in: top to bottom, or left to right. */
export type Direction = 'TD' | 'LR';

/** One tree of a document, ready to draw and to walk. */
export interface PreviewTree {
    tree: TreeJson;
    /** The tree as Mermaid text in the preview's direction: what the preview's Mermaid and copy buttons save. */
    mermaid: string;
    /** The first of the limits every renderer shares that the whole tree goes over: then only its focus view is drawn. */
    excess?: LimitExcess;
    /** Tree node id → the range of its name in the document (0-based LSP range), for click-to-source. */
    ranges: Record<string, Range>;
    /** The whole node's range, to find the node under the cursor. */
    extents: Record<string, Range>;
    /** The range of the tree's name. */
    range: Range;
    /** The whole tree's range. */
    extent: Range;
    /** What the scenarios of the workspace check of this tree: only while the preview shows coverage. */
    coverage?: PreviewCoverage;
    /** The tree against an older version, while the preview compares ("Vergelijk met …"). */
    comparison?: TreeComparison;
}

/**
 * The coverage of one tree as the preview's overlay draws it (computed by review/coverage.ts, as
 * `handreiking test --dekking` does): the figures for the header, and the answers and advices no
 * scenario reaches, to draw dashed and greyed.
 */
export interface PreviewCoverage {
    answers: CoverageFigure;
    advices: CoverageFigure;
    /** Per question (tree node id), the labels of its answers no scenario takes. */
    uncoveredAnswers: Array<{ node: string; answer: string }>;
    /** The advices (tree node ids) no scenario reaches. */
    uncoveredAdvices: string[];
}

/** A calculation scenario of the document with what it computes: the preview shows it while the cursor is inside. */
export interface PreviewCalculationScenario extends CalculationScenarioOutcome {
    /** The whole scenario's range, to find the scenario under the cursor. */
    extent: Range;
}

/** A calculation an advice of the document refers to: the walkthrough offers "Bereken…" for it. */
export interface PreviewCalculation {
    id: string;
    title: string;
    inputs: CalculationInput[];
}

/** A diagnostic summary for the banner shown while the document has errors. */
export interface PreviewProblem {
    message: string;
    code?: string;
    range: Range;
}

export interface PreviewData {
    uri: string;
    /** The document version the data was computed from. */
    version: number;
    /** The direction the trees are drawn in (the setting handreiking.preview.direction). */
    direction: Direction;
    trees: PreviewTree[];
    /**
     * Workspace-wide views: the funding overview (its Mermaid text for the Mermaid and copy buttons,
     * and the rules and typologies it draws) and the typology comparison table.
     */
    funding: { mermaid: string; model: FundingOverviewModel };
    typologyTableHtml: string;
    /**
     * `source.file` → the URI of that document, for every file the sources in this data name. The
     * file names are the JSON's (paths, which on Windows cannot say their drive or scheme); the
     * extension opens a source by its URI from here.
     */
    documents: Record<string, string>;
    /** Errors of this document, first first; while there are any, the webview keeps the last good diagram. */
    errors: PreviewProblem[];
    /** The document's calculation scenarios, in the order written, each with its outcome. */
    calculationScenarios: PreviewCalculationScenario[];
    /** The calculations the document's advices refer to (`berekening X`), for "Bereken…" in the walkthrough. */
    calculations: PreviewCalculation[];
}

export interface PreviewParams {
    uri: string;
    direction?: Direction;
    /** Send each tree's coverage by the workspace's scenarios with it (the preview's "Dekking" is on). */
    coverage?: boolean;
}

/** Client → server: send me (or stop sending) the preview of this document after every change. */
export namespace PreviewSubscription {
    export const method = 'handreiking/previewSubscription';
    export const type = new NotificationType<PreviewParams & { subscribed: boolean }>(method);
}

/** Server → client: the preview data of a subscribed document, after validation. */
export namespace PreviewNotification {
    export const method = 'handreiking/preview';
    export const type = new NotificationType<PreviewData>(method);
}

export interface PreviewCompareParams {
    /** The previewed document. */
    uri: string;
    /**
     * The older version to compare its trees with: the `.hrk` files of a revision below the
     * workspace folder `root` (a URI), as the extension read them from git. Absent: stop comparing.
     */
    against?: { label: string; root: string; files: Array<{ file: string; text: string }> };
}

/**
 * Client → server: compare the trees of a previewed document with an older version, in every
 * preview pushed from now on (each tree's `comparison`); or stop. The answer: why not (the old
 * version does not parse), in the server's language.
 */
export namespace PreviewCompareRequest {
    export const method = 'handreiking/previewCompare';
    export const type = new RequestType<PreviewCompareParams, { error?: string }, void>(method);
}

/** Client → server: the preview data now (when a preview opens). */
export namespace PreviewRequest {
    export const method = 'handreiking/previewData';
    export const type = new RequestType<PreviewParams, PreviewData | null, void>(method);
}

/** The result of one scenario, with where it is written. */
export interface ScenarioResult {
    uri: string;
    name: string;
    /** `tree`: it walks a decision tree; `calculation`: it computes a calculation. */
    kind: 'tree' | 'calculation';
    /** The tree it walks (kind `tree`). */
    tree?: string;
    /** The calculation it computes (kind `calculation`). */
    calculation?: string;
    /** The advice expected, or the outcome expected as a reader writes it (`€ 100 000`, `niet van toepassing`). */
    expected: string;
    /** The scenario's range and its name's range. */
    range: Range;
    nameRange: Range;
    passed: boolean;
    /** Human-readable explanation of a failure (in the server's language), with the path taken. */
    message?: string;
    /** The path taken, as `Vraag: antwoord → … → Advies`. */
    path?: string;
    /** Where the walk stopped, or the outcome computed (`€ 112 500`, `niet van toepassing (…)`). */
    reached?: string;
}

/** Client → server: run the scenarios of the workspace (or of one document). */
export namespace RunScenariosRequest {
    export const method = 'handreiking/runScenarios';
    export const type = new RequestType<{ uri?: string }, ScenarioResult[], void>(method);
}

/** Server → client: scenarios may have changed (a document was rebuilt); re-list and re-run. */
export namespace ScenariosChangedNotification {
    export const method = 'handreiking/scenariosChanged';
    export const type = new NotificationType<{ uris: string[] }>(method);
}

/** An input of a calculation, as the editor asks the reader for it ("Bereken…"). */
export interface CalculationInput {
    id: string;
    title: string;
    /** The unit as a reader writes it (`euro`, `m2`, `euro per m2`); absent for a plain number. */
    unit?: string;
    optional: boolean;
}

export interface CalculateParams {
    /** A document of the workspace (the calculation is looked up in the whole workspace). */
    uri: string;
    calculation: string;
    /** Input id → the number as the reader typed it (`45`, `2,5`, `100.000`, `-3`); empty or absent is not given. */
    inputs: Record<string, string>;
}

export interface CalculateResult {
    /** The calculation's title. */
    title: string;
    /** The outcome as a reader writes it: `€ 100 000`, `niet van toepassing (…)`, `geen uitkomst: …`. */
    outcome: string;
    /** The inputs and the named values by title, and how it was computed, one line each (`invoer:   …`, `waarden:  …`, `uitleg:   …`). */
    lines: string[];
    /** Inputs whose text is not a number, by id (the outcome is then not computed). */
    invalid: string[];
}

/** Client → server: compute a calculation with the numbers the reader typed (the code lens "Bereken…"). */
export namespace CalculateRequest {
    export const method = 'handreiking/calculate';
    export const type = new RequestType<CalculateParams, CalculateResult | null, void>(method);
}

/**
 * Client → server: the export of one document (`uri`) or the whole workspace, in a format that
 * needs no browser (export/export-formats.ts); the files have the names the command line writes.
 * SVG and PNG are drawn by the preview instead.
 */
export namespace ExportRequest {
    export const method = 'handreiking/export';
    export const type = new RequestType<{ format: TextExportFormat; uri?: string }, Array<ExportedFile<string>>, void>(method);
}

/** The Markdown of `handreiking diff HEAD --format markdown`, or why there is none (in the server's language). */
export type ReviewSummary = { markdown: string } | { error: string };

/**
 * Client → server: what the working copy of a workspace folder (`folder`, a URI; open documents as
 * edited, unsaved changes included) does to the guide compared with its git HEAD, as the Markdown
 * `handreiking diff HEAD --format markdown` prints.
 */
export namespace ReviewSummaryRequest {
    export const method = 'handreiking/reviewSummary';
    export const type = new RequestType<{ folder: string }, ReviewSummary, void>(method);
}

/** What the scenarios check of one tree, and where (for VS Code's test coverage). */
export interface TreeCoverageReport {
    /** The document the tree is written in. */
    uri: string;
    tree: string;
    answers: CoverageFigure;
    questions: CoverageFigure;
    advices: CoverageFigure;
    /** Each question and advice a walk can reach, and each answer of such a question: where it is written, and whether a scenario passes it. */
    items: Array<{ kind: 'question' | 'advice' | 'answer'; node: string; answer?: string; range: Range; covered: boolean }>;
}

/** Client → server: the coverage of every tree by the scenarios of the workspace (`handreiking test --dekking`). */
export namespace CoverageRequest {
    export const method = 'handreiking/coverage';
    export const type = new RequestType<Record<string, never>, TreeCoverageReport[], void>(method);
}
