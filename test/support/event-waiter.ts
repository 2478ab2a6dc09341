/**
 * Waiting for something another party sends (a notification from the language server, a message
 * from a process): the condition is checked again each time `notify()` says something arrived,
 * never on a timer, so a test goes on the moment the condition holds. The deadline is only there
 * to turn "never" into a failure with a reason.
 */
export class EventWaiter {
    private readonly waiters = new Set<() => void>();

    /** Something arrived: check every waiting condition again. */
    notify(): void {
        for (const wake of [...this.waiters]) wake();
    }

    /**
     * The first value of `condition` that is not `undefined`, `null` or `false`, checked now and
     * after every `notify()`. `failure` says why waiting can stop early (e.g. the process ended);
     * after `timeout` ms the promise is rejected with `what` and `describe()` in the message.
     */
    until<T>(condition: () => T | undefined | null | false, what: string, options: { timeout: number; failure?: () => string | undefined; describe?: () => string }): Promise<T> {
        return new Promise<T>((resolve, reject) => {
            const check = () => {
                let value: T | undefined | null | false;
                try {
                    value = condition();
                } catch (err) {
                    finish();
                    reject(err instanceof Error ? err : new Error(String(err)));
                    return;
                }
                if (value !== undefined && value !== null && value !== false) {
                    finish();
                    resolve(value);
                    return;
                }
                const failed = options.failure?.();
                if (failed !== undefined) {
                    finish();
                    reject(new Error(`${failed} while waiting for ${what}`));
                }
            };
            const finish = () => {
                this.waiters.delete(check);
                clearTimeout(timer);
            };
            const timer = setTimeout(() => {
                finish();
                reject(new Error(`timed out after ${options.timeout} ms waiting for ${what}${options.describe ? `; ${options.describe()}` : ''}`));
            }, options.timeout);
            this.waiters.add(check);
            check();
        });
    }
}
