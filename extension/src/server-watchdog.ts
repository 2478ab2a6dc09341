import { CloseAction, ErrorAction, type CloseHandlerResult, type ErrorHandler, type ErrorHandlerResult } from 'vscode-languageclient/node';

/**
 * What to do when the language server's process dies: start it again, and tell the user once
 * (not at every restart). Only when it keeps dying (more than `maxRestarts` within `windowMs`) it
 * stays stopped, with a message saying so. The texts come from the caller, in the display language.
 */
export class ServerWatchdog implements ErrorHandler {
    private readonly restarts: number[] = [];
    private told = false;

    constructor(
        private readonly texts: { restarted: string; gaveUp: string },
        private readonly tell: (message: string) => void,
        private readonly maxRestarts = 4,
        private readonly windowMs = 3 * 60_000,
        private readonly now: () => number = Date.now
    ) {}

    error(): ErrorHandlerResult {
        // A broken message does not mean a dead server; the connection stays open.
        return { action: ErrorAction.Continue, handled: true };
    }

    closed(): CloseHandlerResult {
        const now = this.now();
        while (this.restarts.length > 0 && now - this.restarts[0] > this.windowMs) this.restarts.shift();
        if (this.restarts.length >= this.maxRestarts) {
            this.tell(this.texts.gaveUp);
            return { action: CloseAction.DoNotRestart, handled: true };
        }
        this.restarts.push(now);
        if (!this.told) {
            this.told = true;
            this.tell(this.texts.restarted);
        }
        return { action: CloseAction.Restart, handled: true };
    }
}
