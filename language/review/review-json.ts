/**
 * What `handreiking diff` reports, as data: the types of its `--format json` output, which the text
 * and Markdown renderings are made from. Field names are English, texts the guide's own. Documented
 * in docs/review.md and validated by docs/schema/review.schema.json. No dependencies, like
 * handreiking-json.ts, so the extension and other tools can use them.
 */

import type { DecimalString, NodeKind, ProvenanceJson } from '../generation/json/handreiking-json.js';
import type { WalkStatus } from '../walkthrough/walk.js';

export const REVIEW_FORMAT_VERSION = 1;

export interface ReviewJson {
    formatVersion: typeof REVIEW_FORMAT_VERSION;
    old: VersionJson;
    new: VersionJson;
    /** True when something changed that a reader of the guide sees: exit code 1. */
    changed: boolean;
    structure: StructureChange[];
    behaviour: BehaviourChange[];
    /** Trees whose paths were not compared because one version has more than `limit` paths. */
    notCompared: Array<{ tree: string; limit: number }>;
}

/** One side of the comparison. */
export interface VersionJson {
    /** As given on the command line (`HEAD~1`, `examples`), or `working copy`. */
    label: string;
    kind: 'revision' | 'folder' | 'file' | 'workingCopy';
    /** For a revision: the full commit id. */
    commit?: string;
    /** The number of `.hrk` files read. */
    files: number;
}

export type ElementType = 'tree' | 'node' | 'typology' | 'characteristic' | 'funding' | 'calculation' | 'stakeholder' | 'chapter' | 'scenario';

/** An element, by its id in the new version (in the old one when it was removed). */
export interface ElementRef {
    type: ElementType;
    id: string;
    /** For a node: its tree. */
    tree?: string;
    /** For a node: question, advice or step (in the new version, when it changed). */
    nodeKind?: NodeKind;
    /** For a scenario of a calculation (rather than of a tree): the calculation it tests. */
    calculation?: string;
}

/** A property of an element whose value differs. */
export type Field =
    | 'title' | 'text' | 'kind' | 'description' | 'documentation' | 'start' | 'examples' | 'links' | 'typology'
    | 'value' | 'scale' | 'activities' | 'comparable'
    | 'term' | 'rule' | 'validUntil' | 'via' | 'conditions' | 'sources'
    | 'involvedIn' | 'roles' | 'strengths' | 'pitfalls' | 'workingGroup'
    | 'tree' | 'answers' | 'passes' | 'expected'
    | 'calculation' | 'inputs' | 'inputTitle' | 'valueTitle' | 'notApplicable' | 'outcome' | 'outcomeTitle' | 'unit'
    | 'provenance';

/** Which line's provenance, for `field: 'provenance'`; absent: the element's own. */
export type ProvenancePart = 'description' | 'value' | 'activities' | 'conditions' | 'rule' | 'notApplicable' | 'outcome';

/** `null`: a typology's value written as `onbekend` (known to be unknown), as opposed to absent (not set). */
export type Value = string | string[] | ProvenanceJson | ProvenanceJson[] | null;

/** The kind of arrow: a question's answer, an advice's `daarna`, a step's `->`. */
export type ArrowKind = 'answer' | 'then' | 'next';

export type StructureChange =
    | { change: 'added' | 'removed'; element: ElementRef; title: string }
    /**
     * Matched although its id differs: by an equal title or text (`text`), or by its place in the
     * tree — the same arrow leads to it and its text or arrows are alike (`position`).
     */
    | { change: 'renamed'; element: ElementRef; oldId: string; matchedBy: 'text' | 'position' }
    /**
     * `old`/`new` absent: not set in that version. `characteristic` for a typology's `value` and a
     * value's provenance; `name` for a calculation's named value (`value`, its provenance) and an input's title.
     * A calculation's formulas (`value`, `outcome`, `notApplicable`) are written as in a .hrk file.
     */
    | { change: 'modified'; element: ElementRef; field: Field; part?: ProvenancePart; characteristic?: string; name?: string; old?: Value; new?: Value }
    /** An arrow of a node added or removed; `label` for answers. */
    | { change: 'arrowAdded' | 'arrowRemoved'; element: ElementRef; arrow: ArrowKind; label?: string; to: string }
    /** The same answer (or `daarna`, or `->`) now leads elsewhere. Targets by their new ids. */
    | { change: 'rewired'; element: ElementRef; arrow: ArrowKind; label?: string; oldTo: string; newTo: string }
    /** Computed from the typologies' values and the rule: whether a funding rule applies to a typology now. */
    | { change: 'applicability'; element: ElementRef; typology: string; applies: boolean };

/** Where a walk ended, and the advices and steps it passed on the way. */
export interface EndJson {
    /** `noTree`: the version has no tree of that name (a scenario only). */
    status: WalkStatus | 'noTree';
    at?: string;
    /** The nodes passed between the last answer and the end that are advices (`daarna`) or steps. */
    passes: string[];
}

export interface ScenarioOutcomeJson extends EndJson {
    passed: boolean;
}

/** What a calculation gave for a scenario's inputs. */
export type CalculationOutcomeJson =
    /** `approximate`: the value has no end (a third) and is rounded to 10 decimals. `unit` absent: a plain number. */
    | { kind: 'value'; value: DecimalString; approximate?: true; unit?: string }
    | { kind: 'notApplicable'; reason?: string }
    /** No outcome: `error` as in evaluate.ts (`missingInput`, `divisionByZero`, …), `name` the input or value concerned. */
    | { kind: 'error'; error: string; name?: string }
    /** The version has no calculation of that name. */
    | { kind: 'noCalculation' };

export interface CalculationScenarioOutcomeJson {
    passed: boolean;
    outcome: CalculationOutcomeJson;
}

export type BehaviourChange =
    /** A scenario ends elsewhere, or passes where it failed (or the other way round). */
    | { change: 'scenario'; scenario: string; tree: string; old: ScenarioOutcomeJson; new: ScenarioOutcomeJson }
    /** The same answers now end elsewhere; `newAdvice` when that end is a node the old version did not have. */
    | { change: 'pathChanged'; tree: string; answers: Array<{ question: string; answer: string }>; old: EndJson; new: EndJson; newAdvice: boolean }
    | { change: 'pathAdded' | 'pathRemoved'; tree: string; answers: Array<{ question: string; answer: string }>; end: EndJson }
    /**
     * A scenario of a calculation gives another outcome, or passes where it failed (or the other way
     * round). `calculation` by its id in the new version.
     */
    | { change: 'calculationScenario'; scenario: string; calculation: string; old: CalculationScenarioOutcomeJson; new: CalculationScenarioOutcomeJson };
