/**
 * Scheduling of the preview's draws. Mermaid's `render()` must never run twice at once (every
 * render, preview and export, goes through the page's one `MermaidRenderer`), and a render of a
 * large tree takes seconds, so the preview asks for "draw what is current" through a
 * `LatestWinsQueue`: while a draw runs, further requests only replace the one pending request, so a
 * burst of edits costs at most the running draw plus one more, and that one draws the latest data
 * (the job reads the state when it starts, not when it was requested).
 */

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
