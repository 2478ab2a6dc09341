/**
 * Scheduling of Mermaid renders. Mermaid's `render()` keeps global state and must never run twice
 * at once, and a render of a large tree takes seconds, so:
 *
 * - every render (preview, export, renderAll) runs inside `MermaidLock.run`, strictly one after
 *   another, and
 * - the preview asks for "draw what is current" through a `LatestWinsQueue`: while a draw runs,
 *   further requests only replace the one pending request, so a burst of edits costs at most the
 *   running draw plus one more, and that one draws the latest data (the job reads the state when it
 *   starts, not when it was requested).
 */

/** Counters the tests read from `window.__previewStats`. */
export interface RenderStats {
    /** Calls of `mermaid.render` that started. */
    renders: number;
    /** Renders running now, and the most ever seen at once (must stay 1). */
    active: number;
    maxActive: number;
    /** Draw requests that found the view already showing the same text (no render). */
    skipped: number;
    /** Draw jobs started by the queue (rendered, skipped or taken from the cache). */
    draws: number;
    /** True while a draw runs or is pending or debounced. */
    busy: boolean;
    /** The last error shown from a failed render. */
    lastError?: string;
}

export function createStats(): RenderStats {
    return { renders: 0, active: 0, maxActive: 0, skipped: 0, draws: 0, busy: false };
}

export class MermaidLock {
    private tail: Promise<void> = Promise.resolve();

    constructor(private readonly stats: RenderStats) {}

    /** Runs `render` after every render queued before it has finished. */
    run<T>(render: () => Promise<T>): Promise<T> {
        const result = this.tail.then(async () => {
            this.stats.renders++;
            this.stats.active++;
            this.stats.maxActive = Math.max(this.stats.maxActive, this.stats.active);
            try {
                return await render();
            } finally {
                this.stats.active--;
            }
        });
        this.tail = result.then(() => undefined, () => undefined);
        return result;
    }
}

export class LatestWinsQueue {
    private running = false;
    private pending: (() => Promise<void>) | undefined;
    private readonly idleWaiters: Array<() => void> = [];

    constructor(private readonly onError: (err: unknown) => void) {}

    /** Runs `job` now, or after the running job; a later request replaces a pending one. */
    request(job: () => Promise<void>): void {
        this.pending = job;
        if (!this.running) void this.drain();
    }

    get busy(): boolean {
        return this.running || this.pending !== undefined;
    }

    /** Resolves when nothing runs and nothing is pending. */
    idle(): Promise<void> {
        return this.busy ? new Promise(resolve => this.idleWaiters.push(resolve)) : Promise.resolve();
    }

    private async drain(): Promise<void> {
        this.running = true;
        try {
            while (this.pending) {
                const job = this.pending;
                this.pending = undefined;
                try {
                    await job();
                } catch (err) {
                    this.onError(err);
                }
            }
        } finally {
            this.running = false;
            for (const resolve of this.idleWaiters.splice(0)) resolve();
        }
    }
}

/** Calls `action` once, `delay` ms after the last call of `schedule` (0: on the next task). */
export class Debouncer {
    private timer: ReturnType<typeof setTimeout> | undefined;

    schedule(delay: number, action: () => void): void {
        this.cancel();
        this.timer = setTimeout(() => {
            this.timer = undefined;
            action();
        }, Math.max(0, delay));
    }

    cancel(): void {
        if (this.timer !== undefined) clearTimeout(this.timer);
        this.timer = undefined;
    }

    get waiting(): boolean {
        return this.timer !== undefined;
    }
}
