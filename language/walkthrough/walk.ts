import type { EdgeJson, NodeJson, TreeJson } from '../generation/json/handreiking-json.js';

/**
 * Walking a tree: the one piece of logic behind the scenario runner, the HTML walkthrough and the
 * preview's walkthrough. It works on the JSON form of a tree, so it runs the same in Node and in
 * a browser, and has no dependencies.
 */

/** One node passed on the way, with the answer given there (questions only). */
export interface WalkStep {
    node: string;
    kind: NodeJson['kind'];
    answer?: string;
}

export type WalkStatus =
    /** Stopped at an advice without `daarna`: the walk's outcome. */
    | 'advice'
    /** Stopped at a question that has no answer yet. */
    | 'question'
    /** The answer given is not one the question offers. */
    | 'unknownAnswer'
    /** A step or node with no way on (the checker reports this as HRK015 / HRK010). */
    | 'deadEnd'
    /** The walk came back to a node it passed (HRK012). */
    | 'cycle';

export interface WalkResult {
    status: WalkStatus;
    /** The nodes passed, in order, ending with the node where the walk stopped. */
    path: WalkStep[];
    /** The node where the walk stopped. */
    at?: string;
}

/** Indexes a tree once for repeated walks. */
export class TreeWalker {
    private readonly nodes = new Map<string, NodeJson>();
    private readonly outgoing = new Map<string, EdgeJson[]>();

    constructor(readonly tree: TreeJson) {
        for (const node of tree.nodes) this.nodes.set(node.id, node);
        for (const edge of tree.edges) {
            const list = this.outgoing.get(edge.from) ?? [];
            list.push(edge);
            this.outgoing.set(edge.from, list);
        }
    }

    node(id: string): NodeJson | undefined {
        return this.nodes.get(id);
    }

    /** The answers a question offers, in the order written. */
    answers(questionId: string): EdgeJson[] {
        return (this.outgoing.get(questionId) ?? []).filter(e => e.kind === 'answer');
    }

    /**
     * Walks from `from` (default: the start), taking each question's answer from `answerOf`.
     * Steps and `daarna` are followed without an answer. Stops at an advice without `daarna`, at a
     * question without an answer, or at a problem.
     */
    walk(answerOf: (questionId: string) => string | undefined, from = this.tree.start): WalkResult {
        const path: WalkStep[] = [];
        const passed = new Set<string>();
        let current = from !== undefined ? this.nodes.get(from) : undefined;
        if (!current) return { status: 'deadEnd', path };
        for (;;) {
            if (passed.has(current.id)) {
                path.push({ node: current.id, kind: current.kind });
                return { status: 'cycle', path, at: current.id };
            }
            passed.add(current.id);
            const edges = this.outgoing.get(current.id) ?? [];
            if (current.kind === 'question') {
                const answer = answerOf(current.id);
                if (answer === undefined) {
                    path.push({ node: current.id, kind: current.kind });
                    return { status: 'question', path, at: current.id };
                }
                path.push({ node: current.id, kind: current.kind, answer });
                const edge = edges.find(e => e.kind === 'answer' && e.label === answer);
                if (!edge) return { status: 'unknownAnswer', path, at: current.id };
                current = this.nodes.get(edge.to);
            } else {
                path.push({ node: current.id, kind: current.kind });
                const next = edges.find(e => e.kind !== 'answer');
                if (!next) {
                    return current.kind === 'advice'
                        ? { status: 'advice', path, at: current.id }
                        : { status: 'deadEnd', path, at: current.id };
                }
                current = this.nodes.get(next.to);
            }
            if (!current) return { status: 'deadEnd', path };
        }
    }
}

/**
 * Why a walk does not pass the nodes of a scenario's `langs` in order: `missing`, the node is not on
 * the path at all; `order`, it is, but not after `after` (the node named before it).
 */
export type PassesProblem =
    | { kind: 'missing'; node: string }
    | { kind: 'order'; node: string; after: string };

/** A scenario's outcome: passed when the walk ends at the expected advice using every answer given. */
export interface ScenarioOutcome {
    passed: boolean;
    result: WalkResult;
    /** Answers given for questions the walk never asked. */
    unusedAnswers: string[];
    /** The first node of `langs` that the path does not pass (in order). */
    passesProblem?: PassesProblem;
}

export function runScenarioOnTree(walker: TreeWalker, answers: ReadonlyArray<{ question: string; answer: string }>, expected: string,
    passes: readonly string[] = []): ScenarioOutcome {
    const given = new Map(answers.map(a => [a.question, a.answer]));
    const asked = new Set<string>();
    const result = walker.walk(q => {
        asked.add(q);
        return given.get(q);
    });
    const unusedAnswers = answers.map(a => a.question).filter(q => !asked.has(q));
    const passesProblem = checkPasses(result.path.map(s => s.node), passes);
    const passed = result.status === 'advice' && result.at === expected && unusedAnswers.length === 0 && !passesProblem;
    return { passed, result, unusedAnswers, ...(passesProblem ? { passesProblem } : {}) };
}

/** Whether `path` passes the nodes of `passes` in that order (other nodes may lie between them). */
export function checkPasses(path: readonly string[], passes: readonly string[]): PassesProblem | undefined {
    let from = 0;
    for (let i = 0; i < passes.length; i++) {
        const node = passes[i];
        const at = path.indexOf(node, from);
        if (at >= 0) {
            from = at + 1;
            continue;
        }
        return path.includes(node) ? { kind: 'order', node, after: passes[i - 1] ?? '' } : { kind: 'missing', node };
    }
    return undefined;
}

/** The path as a reader follows it: `Stabiel: nee → Onenigheid: ja → Buurtbemiddeling`. */
export function describePath(path: readonly WalkStep[]): string {
    return path.map(s => s.answer !== undefined ? `${s.node}: ${s.answer}` : s.node).join(' → ');
}
