import { describe, expect, test, vi } from 'vitest';

// The watchdog only needs the two enums of vscode-languageclient; its node entry needs `vscode`.
vi.mock('vscode-languageclient/node', () => ({
    CloseAction: { DoNotRestart: 1, Restart: 2 },
    ErrorAction: { Continue: 1, Shutdown: 2 }
}));
const { ServerWatchdog } = await import('../../extension/src/server-watchdog.js');

describe('a dead language server', () => {
    const texts = { restarted: 'opnieuw gestart', gaveUp: 'gestopt' };

    test('is started again, and the user is told once, however often it restarts', () => {
        const told: string[] = [];
        let clock = 0;
        const watchdog = new ServerWatchdog(texts, m => told.push(m), 4, 180_000, () => clock);
        for (let i = 0; i < 10; i++) {
            clock += 60_000; // one crash a minute: never more than 4 within 3 minutes
            expect(watchdog.closed()).toEqual({ action: 2, handled: true });
        }
        expect(told).toEqual(['opnieuw gestart']);
    });

    test('stays stopped when it keeps dying, and says so', () => {
        const told: string[] = [];
        let clock = 0;
        const watchdog = new ServerWatchdog(texts, m => told.push(m), 4, 180_000, () => clock);
        const actions = Array.from({ length: 5 }, () => { clock += 1_000; return watchdog.closed().action; });
        expect(actions).toEqual([2, 2, 2, 2, 1]);
        expect(told).toEqual(['opnieuw gestart', 'gestopt']);
    });

    test('a broken message keeps the connection', () => {
        const watchdog = new ServerWatchdog(texts, () => undefined);
        expect(watchdog.error()).toEqual({ action: 1, handled: true });
    });
});
