import type { EdgeJson, TreeJson } from '../generation/json/handreiking-json.js';
import { TreeWalker, type WalkStatus } from '../walkthrough/walk.js';
import type { Answer } from '../walkthrough/walk-state.js';

/**
 * The complete paths through a tree, as the scenario runner walks them: every combination of
 * answers from the start to where a walk stops. Comparing two versions of a guide and measuring
 * what scenarios cover both read trees this way, through `TreeWalker`, so a path here is exactly
 * what a scenario with those answers would do.
 */

/**
 * At most this many complete paths per tree are enumerated. A tree with n yes/no questions in a
 * row has up to 2^n paths; past this limit a tree's paths are not compared at all (a partial
 * list would report paths as gone that were only not counted) and the output says so.
 * docs/review.md names the limit.
 */
export const MAX_PATHS_PER_TREE = 10_000;

/** One complete path: the answers given, the nodes passed, and where it ended. */
export interface TreePath {
    answers: Answer[];
    /** The node ids passed, in order, ending with the node where the walk stopped. */
    nodes: string[];
    /** `advice` for a proper end; `deadEnd`, `cycle` or `question` (a question without answers) for a broken tree. */
    status: WalkStatus;
    at?: string;
}

export interface PathEnumeration {
    paths: TreePath[];
    /** False when the tree has more than `limit` paths: then `paths` is cut off and must not be compared. */
    complete: boolean;
}

/** Every complete path from the tree's start, in the order the answers are written, up to `limit`. */
export function enumeratePaths(tree: TreeJson, limit = MAX_PATHS_PER_TREE): PathEnumeration {
    const walker = new TreeWalker(tree);
    const paths: TreePath[] = [];
    if (tree.start === undefined) return { paths, complete: true };
    // Depth-first over answer lists; each is replayed from the start by the walker itself, so the
    // semantics (first `daarna`, cycles, dead ends) are the scenario runner's.
    const stack: Answer[][] = [[]];
    while (stack.length > 0) {
        const answers = stack.pop()!;
        const given = new Map(answers.map(a => [a.question, a.answer]));
        const result = walker.walk(q => given.get(q));
        if (result.status === 'question' && result.at !== undefined) {
            const labels = distinctLabels(walker.answers(result.at));
            if (labels.length > 0) {
                // Pushed in reverse, popped in the order written.
                for (const label of [...labels].reverse()) stack.push([...answers, { question: result.at, answer: label }]);
                continue;
            }
        }
        paths.push({ answers, nodes: result.path.map(s => s.node), status: result.status, ...(result.at !== undefined ? { at: result.at } : {}) });
        if (paths.length > limit) return { paths: paths.slice(0, limit), complete: false };
    }
    return { paths, complete: true };
}

function distinctLabels(edges: readonly EdgeJson[]): string[] {
    return [...new Set(edges.map(e => e.label).filter((l): l is string => l !== undefined))];
}

/** A path as a reader writes it: `Stabiel=nee, Onenigheid=ja`. */
export function answersKey(answers: readonly Answer[]): string {
    return answers.map(a => `${a.question}=${a.answer}`).join(', ');
}

/**
 * Shortest ways through a tree as the walker goes: a question by any answer, any other node by its
 * first way on (what `TreeWalker.walk` follows). Breadth-first, so "shortest" is the fewest nodes.
 */
export class ShortestPaths {
    private readonly walker: TreeWalker;
    /** Node → the step that first reached it from the start: the previous node and the answer given there. */
    private readonly reachedBy = new Map<string, { from?: string; answer?: string }>();
    /** Node → its first way on that is not an answer (`daarna`, a step's arrow). */
    private readonly next = new Map<string, string>();

    constructor(readonly tree: TreeJson) {
        this.walker = new TreeWalker(tree);
        for (const edge of tree.edges) if (edge.kind !== 'answer' && !this.next.has(edge.from)) this.next.set(edge.from, edge.to);
        if (tree.start === undefined || !this.walker.node(tree.start)) return;
        this.reachedBy.set(tree.start, {});
        const queue = [tree.start];
        for (let i = 0; i < queue.length; i++) {
            const id = queue[i];
            for (const { to, answer } of this.ways(id)) {
                if (this.reachedBy.has(to) || !this.walker.node(to)) continue;
                this.reachedBy.set(to, { from: id, answer });
                queue.push(to);
            }
        }
    }

    /** Whether a walk from the start can reach `node`. */
    reaches(node: string): boolean {
        return this.reachedBy.has(node);
    }

    /** The nodes a walk from the start can reach, in breadth-first order. */
    reachable(): string[] {
        return [...this.reachedBy.keys()];
    }

    /** The answers of the shortest walk from the start to `node`. */
    answersTo(node: string): Answer[] | undefined {
        if (!this.reachedBy.has(node)) return undefined;
        const answers: Answer[] = [];
        for (let at: string | undefined = node; at !== undefined;) {
            const step: { from?: string; answer?: string } = this.reachedBy.get(at)!;
            if (step.from !== undefined && step.answer !== undefined) answers.unshift({ question: step.from, answer: step.answer });
            at = step.from;
        }
        return answers;
    }

    /**
     * The shortest complete path that passes `node` (and, when `answer` is given, leaves that
     * question by that answer): the shortest way there, then the shortest way on to an end.
     * Checked by walking it; undefined when no walk does that (a broken tree).
     */
    completePathThrough(node: string, answer?: string): TreePath | undefined {
        const before = this.answersTo(node);
        if (!before) return undefined;
        let from = node;
        const after: Answer[] = [];
        if (answer !== undefined) {
            const edge = this.walker.answers(node).find(e => e.label === answer);
            if (!edge) return undefined;
            after.push({ question: node, answer });
            from = edge.to;
        }
        const rest = this.answersToEnd(from);
        if (!rest) return undefined;
        const answers = [...before, ...after, ...rest];
        const given = new Map(answers.map(a => [a.question, a.answer]));
        const result = this.walker.walk(q => given.get(q));
        const nodes = result.path.map(s => s.node);
        if (!nodes.includes(node) || result.status === 'question') return undefined;
        if (answer !== undefined && !result.path.some(s => s.node === node && s.answer === answer)) return undefined;
        return { answers, nodes, status: result.status, ...(result.at !== undefined ? { at: result.at } : {}) };
    }

    /** The answers of the shortest walk from `node` to an end, preferring an advice over a dead end. */
    private answersToEnd(node: string): Answer[] | undefined {
        const reachedBy = new Map<string, { from?: string; answer?: string }>([[node, {}]]);
        const queue = [node];
        let deadEnd: string | undefined;
        let end: string | undefined;
        for (let i = 0; i < queue.length && end === undefined; i++) {
            const id = queue[i];
            const ways = this.ways(id);
            if (ways.length === 0) {
                if (this.walker.node(id)?.kind === 'advice') end = id;
                else deadEnd ??= id;
                continue;
            }
            for (const { to, answer } of ways) {
                if (reachedBy.has(to) || !this.walker.node(to)) continue;
                reachedBy.set(to, { from: id, answer });
                queue.push(to);
            }
        }
        const target = end ?? deadEnd;
        if (target === undefined) return undefined;
        const answers: Answer[] = [];
        for (let at: string | undefined = target; at !== undefined && at !== node;) {
            const step: { from?: string; answer?: string } = reachedBy.get(at)!;
            if (step.from !== undefined && step.answer !== undefined) answers.unshift({ question: step.from, answer: step.answer });
            at = step.from;
        }
        return answers;
    }

    /** Where a walk can go from `id`: each distinct answer of a question, or the first way on. */
    private ways(id: string): Array<{ to: string; answer?: string }> {
        const node = this.walker.node(id);
        if (!node) return [];
        if (node.kind === 'question') {
            const seen = new Set<string>();
            return this.walker.answers(id).filter(e => e.label !== undefined && !seen.has(e.label) && !!seen.add(e.label))
                .map(e => ({ to: e.to, answer: e.label }));
        }
        const next = this.next.get(id);
        return next !== undefined ? [{ to: next }] : [];
    }
}
