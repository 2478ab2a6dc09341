import type { TreeJson } from '../../language/generation/json/handreiking-json.js';
import type { PreviewCalculation } from '../../language/lsp/protocol.js';
import { Walkthrough, type WalkState } from '../../language/walkthrough/walk-state.js';
import type { FromWebview } from './messages.js';
import type { Strings } from './strings.js';
import { renderWalkPanel } from './walk-panel.js';

/**
 * The preview's walkthrough: the current `Walkthrough` (or one waiting for its tree's data), its
 * panel, and what answering, going back and an edit of the document do to it.
 */

export interface WalkHost {
    /** The tree in the current data. */
    tree(id: string): TreeJson | undefined;
    /** A calculation an advice of the data refers to, for its "Bereken…" button. */
    calculation(id: string): PreviewCalculation | undefined;
    /** The walk changed by the reader: save it, and mark it in the diagram. */
    changed(): void;
    /** The walk changed by new data: save it. */
    persist(): void;
    post(message: FromWebview): void;
}

export class WalkSession {
    private current: Walkthrough | undefined;
    /** A walk restored or requested before the data arrived. */
    private pending: WalkState | undefined;
    /** The pending walk came from a `walk` message: show its tree when the data comes. */
    private showPending = false;

    constructor(private readonly panel: HTMLElement, private readonly t: Strings, private readonly host: WalkHost, restored?: WalkState) {
        this.pending = restored;
    }

    get walk(): Walkthrough | undefined {
        return this.current;
    }

    /** What to keep when the page is hidden. */
    get state(): WalkState | undefined {
        return this.current?.snapshot() ?? this.pending;
    }

    /** Walks `treeId` from `from` (or its start); false when its data is not there yet and the walk waits for it. */
    start(treeId: string, from: string | undefined): boolean {
        const state: WalkState = { tree: treeId, ...(from !== undefined ? { from } : {}), answers: [] };
        const tree = this.host.tree(treeId);
        if (!tree) {
            this.pending = state;
            this.showPending = true;
            return false;
        }
        this.set(new Walkthrough(tree, state));
        return true;
    }

    set(walk: Walkthrough | undefined): void {
        this.current = walk;
        this.pending = undefined;
        this.render();
        this.host.changed();
    }

    render(): void {
        const walk = this.current;
        if (!walk) {
            this.panel.replaceChildren();
            return;
        }
        renderWalkPanel(this.panel, walk, this.t, {
            answer: (question, label) => this.set(walk.answer(question, label)),
            back: () => this.set(walk.back()),
            restart: () => this.set(walk.restart()),
            startFrom: node => this.set(walk.startFrom(node)),
            close: () => this.set(undefined),
            calculation: id => this.host.calculation(id),
            calculate: id => this.host.post({ type: 'calculate', calculation: id }),
            save: () => {
                const result = walk.result;
                if (result.status !== 'advice' || result.at === undefined) return;
                this.host.post({ type: 'saveScenario', tree: walk.tree.id, answers: walk.answers.map(a => ({ ...a })), expected: result.at });
            }
        });
    }

    /**
     * After new data: the same answers on the new tree, as far as they still apply. Returns the
     * walked tree when a `walk` message was waiting for the data, so that it is shown.
     */
    replay(): string | undefined {
        const show = this.showPending;
        this.showPending = false;
        const state = this.state;
        if (!state) return undefined;
        const tree = this.host.tree(state.tree);
        this.current = tree ? new Walkthrough(tree, state) : undefined;
        this.pending = undefined;
        this.render();
        if (tree) this.host.persist();
        return show && this.current ? this.current.tree.id : undefined;
    }
}
