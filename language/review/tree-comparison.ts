import type { EdgeJson, HandreikingJson, NodeJson, TreeJson } from '../generation/json/handreiking-json.js';
import type { Lang } from '../i18n/locale.js';
import { compareBehaviour } from './behaviour-diff.js';
import { behaviourChangeText } from './render-review.js';
import type { BehaviourChange } from './review-json.js';
import { compareStructure, type Renames } from './structure-diff.js';

/**
 * One tree of the working copy compared with an older version, as the preview's "Vergelijk met …"
 * draws it: the tree itself with what the old version had and this one lost put back as ghosts, and
 * per node and arrow what changed. The matching (renames, rewired answers) and the behaviour are
 * `handreiking diff`'s own (structure-diff.ts, behaviour-diff.ts); this only lays them on one tree.
 */
export interface TreeComparison {
    /** What it is compared with, as the reader picked it (`HEAD`, `main`, `a1b2c3d`). */
    against: string;
    /** The tree to draw: the new tree, then the removed nodes and arrows of the old one (ghosts). */
    tree: TreeJson;
    /** The tree is not in the old version: everything is new. */
    newTree: boolean;
    /** Nodes the old version did not have. */
    added: string[];
    /** The ghosts: ids in `tree` of the old version's nodes this one lacks (ids kept unless a new node took them). */
    removed: string[];
    /** Nodes whose text (or id) changed, with the old text and, when renamed, the old id. */
    reworded: Array<{ node: string; oldText: string; oldId?: string }>;
    /** Arrows of `tree` (by index in `tree.edges`) that are new, removed (ghosts) or lead elsewhere now (`oldTo`: where to, before). */
    edges: Array<{ index: number; change: 'added' | 'removed' | 'rewired'; oldTo?: string }>;
    /** What the change does: the scenarios and complete paths through this tree that end elsewhere, as `handreiking diff` says it. */
    behaviour: Array<{ text: string; node?: string }>;
    /** The paths were not compared: one version has more than the limit. */
    pathsNotCompared: boolean;
}

/**
 * The comparison of the trees `treeIds` (in `newJson`) with their versions in `oldJson`. Only those
 * trees and their scenarios are compared, so that a keystroke in one file does not diff the workspace.
 */
export function compareTrees(oldJson: HandreikingJson, newJson: HandreikingJson, treeIds: readonly string[], against: string, lang: Lang): Record<string, TreeComparison> {
    const wanted = new Set(treeIds);
    const newPart: HandreikingJson = { ...newJson, trees: newJson.trees.filter(t => wanted.has(t.id)), scenarios: newJson.scenarios.filter(s => wanted.has(s.tree)), calculationScenarios: [] };
    const oldPart: HandreikingJson = { ...oldJson, calculationScenarios: [] };
    const structure = compareStructure(oldPart, newPart);
    const oldTreeOf = new Map([...structure.renames.trees].map(([o, n]) => [n, oldJson.trees.find(t => t.id === o)]));
    const matchedOld = new Set([...oldTreeOf.values()].filter((t): t is TreeJson => t !== undefined).map(t => t.id));
    // The paths of the trees compared here only; scenarios of other trees are not run.
    const behaviour = compareBehaviour(
        { ...oldPart, trees: oldJson.trees.filter(t => matchedOld.has(t.id)), scenarios: oldJson.scenarios.filter(s => matchedOld.has(s.tree)) },
        newPart, structure.renames);
    const result: Record<string, TreeComparison> = Object.create(null) as Record<string, TreeComparison>;
    for (const tree of newPart.trees) {
        const old = oldTreeOf.get(tree.id);
        const changes = behaviour.changes.filter((c): c is TreeChange => c.change !== 'calculationScenario' && c.tree === tree.id);
        result[tree.id] = {
            against,
            ...overlay(tree, old, structure.renames),
            behaviour: changes.map(c => ({ text: behaviourChangeText(c, lang), ...nodeOf(c, tree) })),
            pathsNotCompared: behaviour.notCompared.some(n => n.tree === tree.id)
        };
    }
    return result;
}

type TreeChange = Exclude<BehaviourChange, { change: 'calculationScenario' }>;

type Overlay = Pick<TreeComparison, 'tree' | 'newTree' | 'added' | 'removed' | 'reworded' | 'edges'>;

/** The new tree with the old one's lost nodes and arrows put back, and what changed where. */
function overlay(tree: TreeJson, old: TreeJson | undefined, renames: Renames): Overlay {
    if (!old) {
        return { tree, newTree: true, added: tree.nodes.map(n => n.id), removed: [], reworded: [], edges: tree.edges.map((_, index) => ({ index, change: 'added' as const })) };
    }
    const toNew = renames.nodes.get(tree.id) ?? new Map<string, string>();
    const newIds = new Set(tree.nodes.map(n => n.id));
    const oldById = new Map(old.nodes.map(n => [n.id, n]));
    const matchedNew = new Set(toNew.values());
    // A ghost keeps its old id unless a node of the new version has taken it.
    const ghostIds = new Map<string, string>();
    const ghosts: NodeJson[] = [];
    for (const node of old.nodes) {
        if (toNew.has(node.id)) continue;
        let id = node.id;
        for (let i = 2; newIds.has(id) || [...ghostIds.values()].includes(id); i++) id = `${node.id}_${i}`;
        ghostIds.set(node.id, id);
        // Drawn as unreachable (dashed and faded): a ghost, which the new version cannot reach.
        ghosts.push({ ...node, id, links: [], reachable: false });
    }
    const inNew = (oldId: string) => toNew.get(oldId) ?? ghostIds.get(oldId) ?? oldId;
    const reworded: Overlay['reworded'] = [];
    for (const [oldId, newId] of toNew) {
        const before = oldById.get(oldId);
        const now = tree.nodes.find(n => n.id === newId);
        if (!before || !now) continue;
        if (before.text !== now.text || oldId !== newId) reworded.push({ node: newId, oldText: before.text, ...(oldId !== newId ? { oldId } : {}) });
    }
    // An arrow is the same arrow when it leaves the same node the same way (answer label, `daarna`, `->`).
    const way = (e: EdgeJson, from: string) => `${from}\n${e.kind}\n${e.label ?? ''}`;
    const oldArrows = new Map<string, EdgeJson[]>();
    for (const e of old.edges) {
        const key = way(e, inNew(e.from));
        oldArrows.set(key, [...oldArrows.get(key) ?? [], e]);
    }
    const edges: Overlay['edges'] = [];
    tree.edges.forEach((e, index) => {
        const before = oldArrows.get(way(e, e.from));
        const same = before?.findIndex(o => inNew(o.to) === e.to) ?? -1;
        if (before && same >= 0) before.splice(same, 1);
        else if (before && before.length > 0 && e.kind === 'answer') edges.push({ index, change: 'rewired', oldTo: inNew(before.shift()!.to) });
        else edges.push({ index, change: 'added' });
    });
    const lost = [...oldArrows.values()].flat().map(e => ({ ...e, from: inNew(e.from), to: inNew(e.to) }));
    lost.forEach((_, i) => edges.push({ index: tree.edges.length + i, change: 'removed' }));
    return {
        tree: { ...tree, nodes: [...tree.nodes, ...ghosts], edges: [...tree.edges, ...lost] },
        newTree: false,
        added: tree.nodes.filter(n => !matchedNew.has(n.id)).map(n => n.id),
        removed: ghosts.map(g => g.id),
        reworded,
        edges
    };
}

/** The node a behaviour change is clicked to: where it ends now, else the last question it answers. */
function nodeOf(c: TreeChange, tree: TreeJson): { node?: string } {
    const has = (id: string | undefined) => id !== undefined && tree.nodes.some(n => n.id === id);
    const candidates = c.change === 'scenario' ? [c.new.at, c.old.at]
        : c.change === 'pathChanged' ? [c.new.at, c.answers.at(-1)?.question]
        : [c.end.at, c.answers.at(-1)?.question];
    const node = candidates.find(has);
    return node !== undefined ? { node } : {};
}
