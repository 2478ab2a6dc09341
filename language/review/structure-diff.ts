import type {
    ChapterJson, CharacteristicJson, EdgeJson, FundingJson, HandreikingJson, NodeJson, ScenarioJson, StakeholderJson,
    TreeJson, TypologyJson
} from '../generation/json/handreiking-json.js';
import { compareCalculation, compareCalculationScenarioDefinitions } from './calculation-structure-diff.js';
import { FieldDiff } from './field-diff.js';
import { firstById, matchElements, report } from './match-elements.js';
import type { ArrowKind, ElementRef, Field, StructureChange, Value } from './review-json.js';

/**
 * The structure of two versions of a guide compared, element by element, from their JSON exports:
 * what was added, removed, renamed, reworded or rewired. Elements are matched by id; an element whose
 * id is gone is matched to a new one by its title or text, and a node also by its place in the tree
 * (see `matchNodes`), so a rename reads as a rename and not as a removal plus an addition.
 */

/** Old id → new id, per kind of element, for everything matched (identical ids included). */
export interface Renames {
    trees: Map<string, string>;
    /** Per tree (by its new id): old node id → new node id. */
    nodes: Map<string, Map<string, string>>;
    typologies: Map<string, string>;
    calculations: Map<string, string>;
}

export interface StructureResult {
    changes: StructureChange[];
    renames: Renames;
}

export function compareStructure(oldJson: HandreikingJson, newJson: HandreikingJson): StructureResult {
    const changes: StructureChange[] = [];
    const renames: Renames = { trees: new Map(), nodes: new Map(), typologies: new Map(), calculations: new Map() };
    const diff = new FieldDiff(changes);

    // Typologies first: funding, stakeholders and advices name them.
    const typologies = matchElements(oldJson.typologies, newJson.typologies, t => t.title);
    for (const [o, n] of typologies.pairs) renames.typologies.set(o.id, n.id);
    const typologyId = (id: string) => renames.typologies.get(id) ?? id;
    // Calculations too: advices, funding and scenarios name them.
    const calculations = matchElements(oldJson.calculations, newJson.calculations, c => c.title);
    for (const [o, n] of calculations.pairs) renames.calculations.set(o.id, n.id);
    const calculationId = (id: string) => renames.calculations.get(id) ?? id;

    const trees = matchElements(oldJson.trees, newJson.trees, t => t.title);
    report(changes, 'tree', trees);
    for (const [o, n] of trees.pairs) {
        renames.trees.set(o.id, n.id);
        const nodes = compareTree(o, n, diff, changes, typologyId, calculationId);
        renames.nodes.set(n.id, nodes);
    }

    const characteristics = matchElements(oldJson.characteristics, newJson.characteristics, c => c.title);
    report(changes, 'characteristic', characteristics);
    for (const [o, n] of characteristics.pairs) compareCharacteristic(o, n, diff);

    report(changes, 'typology', typologies);
    for (const [o, n] of typologies.pairs) compareTypology(o, n, diff);

    const funding = matchElements(oldJson.funding, newJson.funding, f => f.title);
    report(changes, 'funding', funding);
    const typologiesInBoth = typologies.pairs.map(([, n]) => n.id);
    for (const [o, n] of funding.pairs) compareFunding(o, n, diff, changes, typologyId, typologiesInBoth, calculationId);

    report(changes, 'calculation', calculations);
    for (const [o, n] of calculations.pairs) compareCalculation(o, n, diff);

    const stakeholders = matchElements(oldJson.stakeholders, newJson.stakeholders, s => s.title);
    report(changes, 'stakeholder', stakeholders);
    for (const [o, n] of stakeholders.pairs) compareStakeholder(o, n, diff, typologyId);

    const chapters = matchElements(oldJson.chapters, newJson.chapters, c => c.title);
    report(changes, 'chapter', chapters);
    for (const [o, n] of chapters.pairs) compareChapter(o, n, diff);

    // Scenarios have no id but their name; a renamed scenario is a removed and an added one.
    const scenarios = matchElements(oldJson.scenarios.map(withId), newJson.scenarios.map(withId), () => undefined);
    report(changes, 'scenario', scenarios);
    for (const [o, n] of scenarios.pairs) compareScenario(o, n, diff, renames);
    compareCalculationScenarioDefinitions(oldJson.calculationScenarios, newJson.calculationScenarios, diff, changes, calculationId);

    return { changes, renames };
}

const withId = (s: ScenarioJson) => ({ ...s, id: s.name, title: s.name });

// ---------------------------------------------------------------- matching nodes

/** Node texts are compared as a reader reads them: case and spacing aside. */
function normalised(text: string): string {
    return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Whether two texts share at least half their words (Jaccard similarity of their word sets). */
function similar(a: string, b: string): boolean {
    const words = (s: string) => new Set(normalised(s).split(/[^\p{L}\p{N}]+/u).filter(w => w.length > 0));
    const x = words(a);
    const y = words(b);
    if (x.size === 0 && y.size === 0) return true;
    const common = [...x].filter(w => y.has(w)).length;
    return common / (x.size + y.size - common) >= 0.5;
}

/**
 * Matches the nodes of two versions of a tree: by id; then a removed node to an added one of the
 * same kind with the same text (`text`); then, repeatedly, by place (`position`): the same answer of
 * the same (matched) question leads to both, or both are the start, and their texts are alike or
 * they share an arrow. Only unambiguous matches count. Returns old id → new id, and which were
 * matched how.
 */
function matchNodes(o: TreeJson, n: TreeJson): { map: Map<string, string>; matchedBy: Map<string, 'text' | 'position'> } {
    const oldNodes = firstById(o.nodes);
    const newNodes = firstById(n.nodes);
    const map = new Map<string, string>();
    const taken = new Set<string>();
    const matchedBy = new Map<string, 'text' | 'position'>();
    for (const id of oldNodes.keys()) {
        if (newNodes.has(id)) {
            map.set(id, id);
            taken.add(id);
        }
    }

    const unique = (pick: (r: NodeJson, a: NodeJson) => boolean, how: 'text' | 'position'): boolean => {
        let progress = false;
        const removed = [...oldNodes.values()].filter(x => !map.has(x.id));
        const added = [...newNodes.values()].filter(x => !taken.has(x.id));
        for (const r of removed) {
            const candidates = added.filter(a => !taken.has(a.id) && pick(r, a));
            if (candidates.length !== 1) continue;
            if (removed.filter(other => !map.has(other.id) && pick(other, candidates[0])).length !== 1) continue;
            map.set(r.id, candidates[0].id);
            taken.add(candidates[0].id);
            matchedBy.set(candidates[0].id, how);
            progress = true;
        }
        return progress;
    };

    unique((r, a) => r.kind === a.kind && normalised(r.text) === normalised(a.text), 'text');
    const oldIn = edgesBy(o.edges, 'to');
    const oldOut = edgesBy(o.edges, 'from');
    const newIn = edgesBy(n.edges, 'to');
    const newOut = edgesBy(n.edges, 'from');
    const sameArrow = (x: EdgeJson, y: EdgeJson) => x.kind === y.kind && x.label === y.label;
    // Each round can match the nodes below the ones matched in the round before.
    for (let round = 0; round <= o.nodes.length; round++) {
        const progress = unique((r, a) => {
            if (r.kind !== a.kind) return false;
            const bothStart = o.start === r.id && n.start === a.id;
            const sameParent = (oldIn.get(r.id) ?? []).some(x => (newIn.get(a.id) ?? []).some(y => sameArrow(x, y) && map.get(x.from) === y.from));
            if (!bothStart && !sameParent) return false;
            const sharedChild = (oldOut.get(r.id) ?? []).some(x => (newOut.get(a.id) ?? []).some(y => sameArrow(x, y) && map.get(x.to) === y.to));
            return similar(r.text, a.text) || sharedChild;
        }, 'position');
        if (!progress) break;
    }
    return { map, matchedBy };
}

function edgesBy(edges: readonly EdgeJson[], end: 'from' | 'to'): Map<string, EdgeJson[]> {
    const by = new Map<string, EdgeJson[]>();
    for (const e of edges) {
        const list = by.get(e[end]);
        if (list) list.push(e);
        else by.set(e[end], [e]);
    }
    return by;
}


// ---------------------------------------------------------------- per kind

/** Compares two versions of a tree and its nodes; returns the node matching (old id → new id). */
function compareTree(o: TreeJson, n: TreeJson, diff: FieldDiff, changes: StructureChange[], typologyId: (id: string) => string,
    calculationId: (id: string) => string): Map<string, string> {
    const tree: ElementRef = { type: 'tree', id: n.id };
    const { map, matchedBy } = matchNodes(o, n);
    const nodeId = (id: string) => map.get(id) ?? id;
    diff.field(tree, 'title', o.title, n.title);
    diff.field(tree, 'start', o.start !== undefined ? nodeId(o.start) : undefined, n.start);
    diff.provenance(tree, o.provenance, n.provenance, undefined, {}, true);
    diff.described(tree, o, n);

    const oldById = firstById(o.nodes);
    const oldOut = edgesBy(o.edges, 'from');
    const newOut = edgesBy(n.edges, 'from');
    const newToOld = new Map([...map].map(([oldId, newId]) => [newId, oldId]));
    for (const node of firstById(n.nodes).values()) {
        const ref: ElementRef = { type: 'node', id: node.id, tree: n.id, nodeKind: node.kind };
        const oldId = newToOld.get(node.id);
        const before = oldId !== undefined ? oldById.get(oldId) : undefined;
        if (!before) {
            changes.push({ change: 'added', element: ref, title: node.text });
            continue;
        }
        if (before.id !== node.id) changes.push({ change: 'renamed', element: ref, oldId: before.id, matchedBy: matchedBy.get(node.id) ?? 'text' });
        diff.field(ref, 'kind', before.kind, node.kind);
        diff.field(ref, 'text', before.text, node.text);
        diff.field(ref, 'examples', before.examples, node.examples);
        diff.field(ref, 'links', before.links.map(l => l.target), node.links.map(l => l.target));
        diff.field(ref, 'typology', before.typology !== undefined ? typologyId(before.typology) : undefined, node.typology);
        diff.field(ref, 'calculation', before.calculation !== undefined ? calculationId(before.calculation) : undefined, node.calculation);
        diff.provenance(ref, before.provenance, node.provenance);
        diff.described(ref, before, node);
        compareArrows(oldOut.get(before.id) ?? [], newOut.get(node.id) ?? [], ref, nodeId, changes);
    }
    for (const node of oldById.values()) {
        if (!map.has(node.id)) changes.push({ change: 'removed', element: { type: 'node', id: node.id, tree: n.id, nodeKind: node.kind }, title: node.text });
    }
    return map;
}

/** The arrows out of one node in both versions: per answer label, and `daarna` / `->` in order. */
function compareArrows(oldOut: readonly EdgeJson[], newEdges: readonly EdgeJson[], element: ElementRef, nodeId: (id: string) => string, changes: StructureChange[]): void {
    const oldEdges = oldOut.map(e => ({ ...e, to: nodeId(e.to) }));
    const answerTargets = (edges: readonly EdgeJson[]) => {
        const byLabel = new Map<string, string>();
        for (const e of edges) if (e.kind === 'answer' && e.label !== undefined && !byLabel.has(e.label)) byLabel.set(e.label, e.to);
        return byLabel;
    };
    const before = answerTargets(oldEdges);
    const after = answerTargets(newEdges);
    for (const [label, to] of after) {
        const was = before.get(label);
        if (was === undefined) changes.push({ change: 'arrowAdded', element, arrow: 'answer', label, to });
        else if (was !== to) changes.push({ change: 'rewired', element, arrow: 'answer', label, oldTo: was, newTo: to });
    }
    for (const [label, to] of before) if (!after.has(label)) changes.push({ change: 'arrowRemoved', element, arrow: 'answer', label, to });

    for (const arrow of ['then', 'next'] as const satisfies ArrowKind[]) {
        const was = oldEdges.filter(e => e.kind === arrow).map(e => e.to);
        const now = newEdges.filter(e => e.kind === arrow).map(e => e.to);
        if (was.length === 1 && now.length === 1) {
            if (was[0] !== now[0]) changes.push({ change: 'rewired', element, arrow, oldTo: was[0], newTo: now[0] });
            continue;
        }
        for (const to of now) if (!was.includes(to)) changes.push({ change: 'arrowAdded', element, arrow, to });
        for (const to of was) if (!now.includes(to)) changes.push({ change: 'arrowRemoved', element, arrow, to });
    }
}

function compareCharacteristic(o: CharacteristicJson, n: CharacteristicJson, diff: FieldDiff): void {
    const ref: ElementRef = { type: 'characteristic', id: n.id };
    diff.field(ref, 'title', o.title, n.title);
    diff.field(ref, 'scale', o.values, n.values);
    diff.described(ref, o, n);
}

/** A typology's value of a characteristic: the text, `null` for `onbekend`, undefined when not set. */
function valueOf(t: TypologyJson, characteristic: string): string | null | undefined {
    if (Object.hasOwn(t.values, characteristic)) return t.values[characteristic];
    return t.unknownValues.includes(characteristic) ? null : undefined;
}

function compareTypology(o: TypologyJson, n: TypologyJson, diff: FieldDiff): void {
    const ref: ElementRef = { type: 'typology', id: n.id };
    diff.field(ref, 'title', o.title, n.title);
    const characteristics = [...new Set([...Object.keys(o.values), ...o.unknownValues, ...Object.keys(n.values), ...n.unknownValues])];
    for (const c of characteristics) diff.field(ref, 'value', valueOf(o, c), valueOf(n, c), { characteristic: c });
    diff.field(ref, 'activities', o.activities, n.activities);
    diff.field(ref, 'comparable', o.comparable, n.comparable);
    diff.provenance(ref, o.provenance, n.provenance, undefined, {}, true);
    for (const c of characteristics) {
        const was = o.valueProvenance[c];
        const now = n.valueProvenance[c];
        if (was && now) diff.provenance(ref, was, now, 'value', { characteristic: c });
    }
    if (o.activities.length > 0 && n.activities.length > 0) diff.provenanceList(ref, o.activitiesProvenance, n.activitiesProvenance, 'activities');
    diff.described(ref, o, n);
}

/** The rule after `voor` as a reader reads it: `alle typologieen`, the list of typologies, or the condition. */
function ruleText(f: FundingJson, typologyId: (id: string) => string): string | undefined {
    const a = f.applicability;
    switch (a.kind) {
        case 'all': return 'alle typologieen';
        case 'list': return a.typologies.map(typologyId).join(', ');
        case 'condition': return `typologie waar ${a.text ?? ''}`;
        case 'none': return undefined;
    }
}

const termWords: Record<string, string> = { incidental: 'incidenteel', multiYear: 'meerjarig', structural: 'structureel' };

function compareFunding(o: FundingJson, n: FundingJson, diff: FieldDiff, changes: StructureChange[], typologyId: (id: string) => string,
    typologiesInBoth: readonly string[], calculationId: (id: string) => string): void {
    const ref: ElementRef = { type: 'funding', id: n.id };
    diff.field(ref, 'title', o.title, n.title);
    diff.field(ref, 'term', o.term && termWords[o.term], n.term && termWords[n.term]);
    diff.field(ref, 'rule', ruleText(o, typologyId), ruleText(n, id => id));
    // Computed, not textual: a changed value of a typology changes where a condition applies.
    const before = new Set(o.applicability.typologies.map(typologyId));
    const after = new Set(n.applicability.typologies);
    for (const typology of typologiesInBoth) {
        if (before.has(typology) !== after.has(typology)) changes.push({ change: 'applicability', element: ref, typology, applies: after.has(typology) });
    }
    diff.field(ref, 'validUntil', o.validUntil, n.validUntil);
    diff.field(ref, 'via', o.via, n.via);
    diff.field(ref, 'conditions', o.conditions, n.conditions);
    diff.field(ref, 'sources', o.sources, n.sources);
    diff.field(ref, 'calculation', o.calculation !== undefined ? calculationId(o.calculation) : undefined, n.calculation);
    diff.provenance(ref, o.provenance, n.provenance, undefined, {}, true);
    if (o.applicability.kind !== 'none' && n.applicability.kind !== 'none') diff.provenance(ref, o.applicability.provenance, n.applicability.provenance, 'rule');
    if (o.conditions.length > 0 && n.conditions.length > 0) diff.provenanceList(ref, o.conditionsProvenance, n.conditionsProvenance, 'conditions');
    diff.described(ref, o, n);
}

function compareStakeholder(o: StakeholderJson, n: StakeholderJson, diff: FieldDiff, typologyId: (id: string) => string): void {
    const ref: ElementRef = { type: 'stakeholder', id: n.id };
    diff.field(ref, 'title', o.title, n.title);
    diff.field(ref, 'involvedIn', o.involvedIn.map(typologyId), n.involvedIn);
    diff.field(ref, 'roles', o.roles, n.roles);
    diff.field(ref, 'strengths', o.strengths, n.strengths);
    diff.field(ref, 'pitfalls', o.pitfalls, n.pitfalls);
    diff.provenance(ref, o.provenance, n.provenance, undefined, {}, true);
    diff.described(ref, o, n);
}

function compareChapter(o: ChapterJson, n: ChapterJson, diff: FieldDiff): void {
    const ref: ElementRef = { type: 'chapter', id: n.id };
    diff.field(ref, 'title', o.title, n.title);
    diff.field(ref, 'workingGroup', o.workingGroup, n.workingGroup);
    diff.provenance(ref, o.provenance, n.provenance, undefined, {}, true);
    diff.described(ref, o, n);
}

/**
 * A scenario's text compared. A difference counts only when it is not explained by a rename: a
 * scenario that follows a renamed node along is unchanged, and one that still names the old node
 * is unchanged too (its behaviour says that it now fails).
 */
function compareScenario(o: ScenarioJson, n: ScenarioJson, diff: FieldDiff, renames: Renames): void {
    const ref: ElementRef = { type: 'scenario', id: n.name };
    const tree = renames.trees.get(o.tree) ?? o.tree;
    const nodes = renames.nodes.get(tree);
    const nodeId = (id: string) => nodes?.get(id) ?? id;
    const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
    const field = (f: Field, raw: Value | undefined, mapped: Value | undefined, now: Value | undefined) => {
        if (!same(raw, now) && !same(mapped, now)) diff.field(ref, f, raw, now);
    };
    const answers = (s: ScenarioJson, id: (x: string) => string) => s.answers.map(a => `${id(a.question)}: ${a.answer}`);
    field('tree', o.tree, tree, n.tree);
    field('answers', answers(o, x => x), answers(o, nodeId), answers(n, x => x));
    field('passes', o.passes, o.passes?.map(nodeId), n.passes);
    field('expected', o.expected, nodeId(o.expected), n.expected);
}
