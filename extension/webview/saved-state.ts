import type { WalkState } from '../../language/walkthrough/walk-state.js';
import type { ZoomState } from './diagram-view.js';
import type { PreviewView } from './messages.js';

/**
 * What survives the webview being hidden and shown again, through VS Code's `getState`/`setState`:
 * the view, the pan/zoom per view, the walkthrough, the trees shown whole ("Toon alles") and
 * whether the coverage overlay is on.
 */
export interface SavedState {
    view?: PreviewView;
    zooms: Record<string, ZoomState>;
    walk?: WalkState;
    showAll: string[];
    coverage?: boolean;
}

/** The part of VS Code's webview API that keeps state. */
export interface StateStore {
    getState(): unknown;
    setState(state: unknown): void;
}

/** The state of an earlier life of the page, as far as it is well-formed (it is the page's own, but old). */
export function readSavedState(store: StateStore): SavedState {
    const state = store.getState() as Partial<SavedState> | undefined;
    const result: SavedState = { zooms: {}, showAll: [] };
    if (!state || typeof state !== 'object') return result;
    if (state.view && typeof state.view === 'object') result.view = state.view;
    if (state.zooms && typeof state.zooms === 'object') result.zooms = { ...state.zooms };
    if (state.walk && typeof state.walk.tree === 'string' && Array.isArray(state.walk.answers)) result.walk = state.walk;
    if (state.coverage === true) result.coverage = true;
    if (Array.isArray(state.showAll)) result.showAll = state.showAll.filter((id): id is string => typeof id === 'string');
    return result;
}

/** Saves what `collect` returns, at most every 100 ms: pan and zoom change on every pointer move. */
export class StateSaver {
    private timer: ReturnType<typeof setTimeout> | undefined;

    constructor(private readonly store: StateStore, private readonly collect: () => SavedState) {}

    soon(): void {
        if (this.timer !== undefined) return;
        this.timer = setTimeout(() => {
            this.timer = undefined;
            this.store.setState(this.collect());
        }, 100);
    }
}
