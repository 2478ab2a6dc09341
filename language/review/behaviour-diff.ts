import type { HandreikingJson, ScenarioJson, TreeJson } from '../generation/json/handreiking-json.js';
import { TreeWalker, runScenarioOnTree, type WalkResult } from '../walkthrough/walk.js';
import { compareCalculationScenarioOutcomes } from './calculation-behaviour-diff.js';
import type { BehaviourChange, EndJson, ScenarioOutcomeJson } from './review-json.js';
import type { Renames } from './structure-diff.js';
import { answersKey, enumeratePaths, MAX_PATHS_PER_TREE, type TreePath } from './tree-paths.js';

/**
 * What two versions of a guide do, compared: every scenario (of either version, of a tree or of a
 * calculation) run on both, and every complete path through every tree that both versions have.
 * Old ids are read through the renames found in the structure, so a renamed node is not a changed end.
 */
export function compareBehaviour(oldJson: HandreikingJson, newJson: HandreikingJson, renames: Renames, limit = MAX_PATHS_PER_TREE):
    { changes: BehaviourChange[]; notCompared: Array<{ tree: string; limit: number }> } {
    const changes: BehaviourChange[] = [...compareScenarios(oldJson, newJson, renames), ...compareCalculationScenarioOutcomes(oldJson, newJson, renames)];
    const notCompared: Array<{ tree: string; limit: number }> = [];
    const newTrees = new Map(newJson.trees.map(t => [t.id, t]));
    const seen = new Set<string>();
    for (const o of oldJson.trees) {
        const id = renames.trees.get(o.id);
        const n = id !== undefined ? newTrees.get(id) : undefined;
        if (!n || seen.has(n.id)) continue;
        seen.add(n.id);
        const nodes = renames.nodes.get(n.id) ?? new Map<string, string>();
        const result = comparePaths(o, n, id => nodes.get(id) ?? id, limit);
        if (result) changes.push(...result);
        else notCompared.push({ tree: n.id, limit });
    }
    return { changes, notCompared };
}

/** The end of a walk, and the advices and steps passed before it. */
function endOf(nodes: readonly string[], tree: TreeJson, status: EndJson['status'], at: string | undefined, nodeId: (id: string) => string): EndJson {
    const kinds = new Map(tree.nodes.map(n => [n.id, n.kind]));
    const passes = nodes.slice(0, -1).filter(id => kinds.get(id) !== 'question').map(nodeId);
    return { status, ...(at !== undefined ? { at: nodeId(at) } : {}), passes };
}

function sameEnd(a: EndJson, b: EndJson): boolean {
    return a.status === b.status && a.at === b.at && a.passes.join('\n') === b.passes.join('\n');
}

/** The paths of both versions by their answers; undefined when either has more than `limit`. */
function comparePaths(o: TreeJson, n: TreeJson, nodeId: (id: string) => string, limit: number): BehaviourChange[] | undefined {
    const before = enumeratePaths(o, limit);
    const after = enumeratePaths(n, limit);
    if (!before.complete || !after.complete) return undefined;
    const oldIds = new Set(o.nodes.map(x => nodeId(x.id)));
    const oldPaths = new Map<string, { path: TreePath; answers: Array<{ question: string; answer: string }> }>();
    for (const path of before.paths) {
        const answers = path.answers.map(a => ({ question: nodeId(a.question), answer: a.answer }));
        oldPaths.set(answersKey(answers), { path, answers });
    }
    const changes: BehaviourChange[] = [];
    const matched = new Set<string>();
    for (const path of after.paths) {
        const key = answersKey(path.answers);
        const end = endOf(path.nodes, n, path.status, path.at, id => id);
        const was = oldPaths.get(key);
        if (!was) {
            changes.push({ change: 'pathAdded', tree: n.id, answers: path.answers, end });
            continue;
        }
        matched.add(key);
        const oldEnd = endOf(was.path.nodes, o, was.path.status, was.path.at, nodeId);
        if (!sameEnd(oldEnd, end)) {
            const newAdvice = end.at !== undefined && end.at !== oldEnd.at && !oldIds.has(end.at);
            changes.push({ change: 'pathChanged', tree: n.id, answers: path.answers, old: oldEnd, new: end, newAdvice });
        }
    }
    for (const [key, was] of oldPaths) {
        if (!matched.has(key)) changes.push({ change: 'pathRemoved', tree: n.id, answers: was.answers, end: endOf(was.path.nodes, o, was.path.status, was.path.at, nodeId) });
    }
    return changes;
}

/**
 * Every scenario of either version, run on both. A scenario that only one version has is run on
 * the other too, its ids translated through the renames: what would it do there?
 */
function compareScenarios(oldJson: HandreikingJson, newJson: HandreikingJson, renames: Renames): BehaviourChange[] {
    const oldByName = new Map(oldJson.scenarios.map(s => [s.name, s]));
    const newByName = new Map(newJson.scenarios.map(s => [s.name, s]));
    const names = [...new Set([...newByName.keys(), ...oldByName.keys()])];
    const reverse = reverseRenames(renames);
    const changes: BehaviourChange[] = [];
    for (const name of names) {
        const oldDef = oldByName.get(name) ?? translate(newByName.get(name)!, reverse);
        const newDef = newByName.get(name) ?? translate(oldByName.get(name)!, renames);
        const treeId = newDef.tree;
        const nodes = renames.nodes.get(treeId);
        const before = runOn(oldJson, oldDef, id => nodes?.get(id) ?? id);
        const after = runOn(newJson, newDef, id => id);
        if (before.status !== after.status || before.at !== after.at || before.passed !== after.passed) {
            changes.push({ change: 'scenario', scenario: name, tree: treeId, old: before, new: after });
        }
    }
    return changes;
}

function runOn(json: HandreikingJson, scenario: ScenarioJson, nodeId: (id: string) => string): ScenarioOutcomeJson {
    const tree = json.trees.find(t => t.id === scenario.tree);
    if (!tree) return { status: 'noTree', passes: [], passed: false };
    const outcome = runScenarioOnTree(new TreeWalker(tree), scenario.answers, scenario.expected, scenario.passes ?? []);
    return { ...endOf(nodesOf(outcome.result), tree, outcome.result.status, outcome.result.at, nodeId), passed: outcome.passed };
}

const nodesOf = (result: WalkResult) => result.path.map(s => s.node);

/** The renames the other way: new id → old id. */
function reverseRenames(renames: Renames): Renames {
    const flip = (m: Map<string, string>) => new Map([...m].map(([a, b]) => [b, a]));
    const trees = flip(renames.trees);
    const nodes = new Map<string, Map<string, string>>();
    // Keyed by the tree's id in the version the ids are translated to (here: the old one).
    for (const [newTree, map] of renames.nodes) nodes.set(trees.get(newTree) ?? newTree, flip(map));
    return { trees, nodes, typologies: flip(renames.typologies), calculations: flip(renames.calculations) };
}

/** A scenario written for one version, its tree and node ids translated into the other's. */
function translate(s: ScenarioJson, renames: Renames): ScenarioJson {
    const tree = renames.trees.get(s.tree) ?? s.tree;
    const nodes = renames.nodes.get(tree);
    const id = (x: string) => nodes?.get(x) ?? x;
    return {
        ...s, tree,
        answers: s.answers.map(a => ({ question: id(a.question), answer: a.answer })),
        ...(s.passes ? { passes: s.passes.map(id) } : {}),
        expected: id(s.expected)
    };
}
