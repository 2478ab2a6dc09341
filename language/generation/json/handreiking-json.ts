/**
 * The JSON export of a Handreiking workspace: the types other tools program against. Field names
 * are English; texts are the guide's own (Dutch). Documented in docs/json-format.md and validated
 * by docs/schema/handreiking.schema.json. These types have no dependencies, so a consumer can copy
 * this file, and the browser code (HTML walkthrough, preview) can import it.
 */

export const FORMAT_VERSION = 1;

export interface HandreikingJson {
    formatVersion: typeof FORMAT_VERSION;
    characteristics: CharacteristicJson[];
    typologies: TypologyJson[];
    trees: TreeJson[];
    funding: FundingJson[];
    calculations: CalculationJson[];
    stakeholders: StakeholderJson[];
    chapters: ChapterJson[];
    scenarios: ScenarioJson[];
    calculationScenarios: CalculationScenarioJson[];
}

/** Where an element is written: the file (relative to the export's root, with `/`) and a 1-based range. */
export interface SourceJson {
    file: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
}

interface Documented {
    /** The `/** … *\/` comment before the element, without the comment markers. */
    documentation?: string;
    /** The element's `toelichting`. */
    description?: string;
    source: SourceJson;
}

/**
 * Where content comes from (`herkomst`), after inheritance: `guide` (the presentation says so),
 * `source` (a public source), `reconstructed` (our reading; `detail` gives the reason),
 * `illustrative` (an example made up to show the idea), or `unmarked` (nothing says).
 */
export type ProvenanceKind = 'guide' | 'source' | 'reconstructed' | 'illustrative' | 'unmarked';

export interface ProvenanceJson {
    kind: ProvenanceKind;
    /** The citation, the source, the reason or the note, as written after the kind. */
    detail?: string;
    /** Present (true) when not written on the element or line itself, but taken from its block or file. */
    inherited?: true;
}

/** Every content element says where it comes from, and so does its `toelichting`. */
interface Provenanced {
    provenance: ProvenanceJson;
    /** Present with `description`: the provenance of the `toelichting` line. */
    descriptionProvenance?: ProvenanceJson;
}

export interface CharacteristicJson extends Documented {
    id: string;
    title: string;
    /** The scale, in order: `>=` and `<=` in funding conditions compare positions on it. */
    values: string[];
}

export type Term = 'incidental' | 'multiYear' | 'structural';

export interface TypologyJson extends Documented, Provenanced {
    id: string;
    title: string;
    /** Characteristic id → value. */
    values: Record<string, string>;
    /** Characteristics the typology says are not known (`Kenmerk = onbekend`): never in `values`. */
    unknownValues: string[];
    /** Characteristic id → the provenance of that value (the keys of `values` and `unknownValues`). */
    valueProvenance: Record<string, ProvenanceJson>;
    activities: string[];
    /** The provenance of each activity, in the order of `activities`. */
    activitiesProvenance: ProvenanceJson[];
    comparable: string[];
    /** Ids of the funding rules that apply to this typology, per term (resolved). */
    funding: Record<Term, string[]>;
}

export type NodeKind = 'question' | 'advice' | 'step';

export type LinkKind = 'tree' | 'node' | 'chapter' | 'typology' | 'funding';

export interface LinkJson {
    kind: LinkKind;
    /** The target's id; for a node `Tree.Node`. */
    target: string;
    /** The target's title or text, so a reader can show the link without looking it up. */
    title: string;
}

export interface NodeJson extends Documented, Provenanced {
    id: string;
    kind: NodeKind;
    text: string;
    /** Advice only: `voorbeeld` texts. */
    examples: string[];
    links: LinkJson[];
    /** Advice only: the typology it recommends. */
    typology?: string;
    /** Advice only: the calculation it refers to (`berekening X`), e.g. what the funding brings. */
    calculation?: string;
    /** False when no path from the start leads here. */
    reachable: boolean;
}

export type EdgeKind = 'answer' | 'then' | 'next';

export interface EdgeJson {
    from: string;
    to: string;
    /** `answer`: a question's answer; `then`: an advice's `daarna`; `next`: a step's arrow. */
    kind: EdgeKind;
    /** For answers: `ja`, `nee`, or the label of `antwoord "…"`. */
    label?: string;
}

export interface TreeJson extends Documented, Provenanced {
    id: string;
    title: string;
    /** The id of the first node (the `start`, else the first node written). */
    start?: string;
    nodes: NodeJson[];
    /** In source order: per node, its answers / `daarna` / next arrow as written. */
    edges: EdgeJson[];
}

export type ConditionJson =
    | { op: 'and' | 'or'; left: ConditionJson; right: ConditionJson }
    | { op: 'compare'; characteristic: string; operator: '=' | '!=' | '>=' | '<='; value: string };

export interface FundingJson extends Documented, Provenanced {
    id: string;
    title: string;
    /** Missing when the rule has no `termijn` (an error in the source). */
    term?: Term;
    applicability: {
        kind: 'all' | 'list' | 'condition' | 'none';
        /** For `condition`: the condition as written, and as a tree. */
        text?: string;
        condition?: ConditionJson;
        /** The typologies it applies to, resolved against the workspace, in typology order. */
        typologies: string[];
        /** The provenance of the `voor` line (which typologies it applies to). */
        provenance: ProvenanceJson;
    };
    via: string[];
    conditions: string[];
    /** The provenance of each condition, in the order of `conditions`. */
    conditionsProvenance: ProvenanceJson[];
    sources: string[];
    /** `geldig tot`: the scheme lapses on this date (YYYY-MM-DD). */
    validUntil?: string;
    /** The calculation of what this funding brings (`berekening X`), an id of `calculations`. */
    calculation?: string;
}

/**
 * A number in a calculation: a decimal with `.` and without grouping (`"2500"`, `"-0.5"`), kept as
 * a string so that no reader turns it into a floating-point number by accident.
 */
export type DecimalString = string;

/** A unit: euro, m² or one per the other. Absent where a number is plain. */
export type UnitName = 'euro' | 'm2' | 'euro per m2' | 'm2 per euro';

/**
 * An expression of a calculation, as a tree. docs/json-format.md ("Evaluating a calculation")
 * gives the rules; language/calculation/evaluate.ts is the reference implementation.
 */
export type ExpressionJson =
    | { op: 'number'; value: DecimalString; unit?: UnitName }
    /** An input of the calculation (`invoer`), by id. */
    | { op: 'input'; name: string }
    /** A named value of the calculation (`plafond = …`), by id. */
    | { op: 'value'; name: string }
    | { op: 'add' | 'subtract' | 'multiply' | 'divide'; left: ExpressionJson; right: ExpressionJson }
    | { op: 'negate'; operand: ExpressionJson }
    /** Two or more arguments (fewer only when exported with --force from a broken source); a missing optional input among them is left out. */
    | { op: 'minimum' | 'maximum'; arguments: ExpressionJson[] }
    /** `afronden`: to `decimals` decimals, halves away from zero. */
    | { op: 'round'; operand: ExpressionJson; decimals: number }
    /** `als … dan … anders …`; `else` is absent only when the source lacks `anders` (an error). */
    | { op: 'if'; condition: CalculationConditionJson; then: ExpressionJson; else?: ExpressionJson };

export type CalculationConditionJson =
    | { op: 'and' | 'or'; left: CalculationConditionJson; right: CalculationConditionJson }
    | { op: 'compare'; operator: '<' | '<=' | '>' | '>=' | '=' | '!='; left: ExpressionJson; right: ExpressionJson };

export interface CalculationInputJson {
    id: string;
    title: string;
    /** Absent: a plain number. */
    unit?: UnitName;
    /** `optioneel`: may be left out; it then drops out of `minimum` and `maximum`. */
    optional: boolean;
    source: SourceJson;
}

/** `niet van toepassing als …`: when the condition holds, the calculation has no outcome. */
export interface NotApplicableJson {
    condition: CalculationConditionJson;
    /** The reason as written after the condition. */
    reason?: string;
    provenance: ProvenanceJson;
    source: SourceJson;
}

/** A named value (`plafond "Plafond van de bijdrage" = …`). */
export interface CalculationValueJson {
    id: string;
    /** The title a reader sees where the value is explained; absent when the source gives none (show the id). */
    title?: string;
    expression: ExpressionJson;
    provenance: ProvenanceJson;
    source: SourceJson;
}

export interface OutcomeJson {
    title: string;
    /** Absent: a plain number (`in getal`), or no unit written (an error). */
    unit?: UnitName;
    expression: ExpressionJson;
    provenance: ProvenanceJson;
    source: SourceJson;
}

export interface CalculationJson extends Documented, Provenanced {
    id: string;
    title: string;
    inputs: CalculationInputJson[];
    /** In the order written: the first that holds decides. */
    notApplicable: NotApplicableJson[];
    /** In the order written; a value may use values written after it (there are no cycles). */
    values: CalculationValueJson[];
    /** Absent only when the source has no `uitkomst` (an error). */
    outcome?: OutcomeJson;
    /** Ids of the funding rules that refer to this calculation. */
    funding: string[];
}

export interface StakeholderJson extends Documented, Provenanced {
    id: string;
    title: string;
    involvedIn: string[];
    roles: string[];
    strengths: string[];
    pitfalls: string[];
}

export interface ChapterJson extends Documented, Provenanced {
    id: string;
    title: string;
    workingGroup?: string;
}

/** A scenario of a calculation: these inputs give this outcome, or "niet van toepassing". */
export interface CalculationScenarioJson {
    name: string;
    calculation: string;
    /** In the order written; an input left out is missing (allowed for an optional one). */
    inputs: Array<{ input: string; value: DecimalString }>;
    expected: { kind: 'value'; value: DecimalString } | { kind: 'notApplicable' };
    source: SourceJson;
}

export interface ScenarioJson {
    name: string;
    tree: string;
    answers: Array<{ question: string; answer: string }>;
    /** `langs`: node ids the path must pass, in this order (other nodes may lie between). Absent when not written. */
    passes?: string[];
    expected: string;
    source: SourceJson;
}
