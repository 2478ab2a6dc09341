import type { TreeJson } from '../generation/json/handreiking-json.js';
import { TreeWalker, type WalkResult } from './walk.js';

/**
 * A walkthrough as data, the one model behind the preview's walkthrough and the HTML guide's: which
 * tree, where it started, and the answers given in order. Every state is computed by replaying
 * those answers with `TreeWalker` (the scenario runner's own walking), so answering, going back
 * and re-applying after an edit are the same operation. Immutable: each step gives a new value.
 */

export interface Answer {
    question: string;
    answer: string;
}

/** What is kept (and persisted with `setState`) between updates. */
export interface WalkState {
    tree: string;
    /** The node the walk started from; undefined: the tree's start. */
    from?: string;
    answers: Answer[];
}

export interface Replayed {
    /** The answers that still apply, in order. */
    answers: Answer[];
    result: WalkResult;
}

/**
 * Walks `answers` in order as far as they still apply: each must answer the question the walk has
 * reached (same question id) with a label that question still offers. The first that does not
 * ends the replay; it and every later answer are dropped.
 */
export function replay(walker: TreeWalker, answers: readonly Answer[], from?: string): Replayed {
    const kept: Answer[] = [];
    const result = walker.walk(question => {
        const next = answers[kept.length];
        if (!next || next.question !== question) return undefined;
        if (!walker.answers(question).some(edge => edge.label === next.answer)) return undefined;
        kept.push(next);
        return next.answer;
    }, from !== undefined && walker.node(from) ? from : undefined);
    return { answers: kept, result };
}

export class Walkthrough {
    readonly walker: TreeWalker;
    private state: WalkState;
    private replayed: Replayed;

    constructor(readonly tree: TreeJson, state: WalkState) {
        this.walker = new TreeWalker(tree);
        const from = state.from !== undefined && this.walker.node(state.from) ? state.from : undefined;
        this.replayed = replay(this.walker, state.answers, from);
        this.state = { tree: tree.id, ...(from !== undefined ? { from } : {}), answers: this.replayed.answers };
    }

    get result(): WalkResult {
        return this.replayed.result;
    }

    get answers(): readonly Answer[] {
        return this.state.answers;
    }

    get from(): string | undefined {
        return this.state.from;
    }

    /** A copy of the state to keep. */
    snapshot(): WalkState {
        return { ...this.state, answers: [...this.state.answers] };
    }

    /** True when the walk started at the tree's start: only such a walk is a scenario. */
    get fromStart(): boolean {
        return this.state.from === undefined || this.state.from === this.tree.start;
    }

    answer(question: string, label: string): Walkthrough {
        if (this.result.status !== 'question' || this.result.at !== question) return this;
        return new Walkthrough(this.tree, { ...this.state, answers: [...this.state.answers, { question, answer: label }] });
    }

    /** Forgets the last answer given. */
    back(): Walkthrough {
        return new Walkthrough(this.tree, { ...this.state, answers: this.state.answers.slice(0, -1) });
    }

    /** Back to a question on the path: forgets its answer and every later one. */
    backTo(question: string): Walkthrough {
        const index = this.state.answers.findIndex(a => a.question === question);
        if (index < 0) return this;
        return new Walkthrough(this.tree, { ...this.state, answers: this.state.answers.slice(0, index) });
    }

    restart(): Walkthrough {
        return new Walkthrough(this.tree, { ...this.state, answers: [] });
    }

    startFrom(node: string | undefined): Walkthrough {
        return new Walkthrough(this.tree, { tree: this.tree.id, ...(node !== undefined ? { from: node } : {}), answers: [] });
    }

    /** The tree node ids passed, in order (for highlighting). */
    pathNodes(): string[] {
        return this.result.path.map(step => step.node);
    }

    /** The questions of the tree, in the order written (for "start from this question"). */
    questions(): Array<{ id: string; text: string }> {
        return this.tree.nodes.filter(n => n.kind === 'question').map(n => ({ id: n.id, text: n.text }));
    }
}
