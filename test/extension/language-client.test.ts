import { describe, expect, test, vi } from 'vitest';

// The client's options, captured from the LanguageClient it creates; `vscode` exists only in the editor.
const created: Array<{ documentSelector?: unknown; initializationOptions?: unknown }> = [];
/** The settings the mocked editor has: `section.key` → value. */
const settings = new Map<string, unknown>();
vi.mock('vscode', () => ({
    workspace: {
        createFileSystemWatcher: (glob: string) => ({ glob }),
        getConfiguration: (section: string) => ({ get: <T>(key: string, fallback: T): T => (settings.has(`${section}.${key}`) ? settings.get(`${section}.${key}`) : fallback) as T })
    },
    l10n: { t: (text: string) => text },
    window: { showWarningMessage: () => undefined }
}));
vi.mock('vscode-languageclient/node', () => ({
    CloseAction: { DoNotRestart: 1, Restart: 2 },
    ErrorAction: { Continue: 1, Shutdown: 2 },
    TransportKind: { ipc: 1 },
    LanguageClient: class {
        constructor(_id: string, _name: string, _server: unknown, options: { documentSelector?: unknown; initializationOptions?: unknown }) { created.push(options); }
    }
}));
const { createLanguageClient } = await import('../../extension/src/language-client.js');

describe('the documents the extension sends to the language server', () => {
    test('are Handreiking documents on disk or unsaved, never a copy from another scheme (a git revision)', () => {
        createLanguageClient({ asAbsolutePath: (p: string) => `/ext/${p}` } as never);
        const selector = created.at(-1)?.documentSelector;
        expect(Array.isArray(selector) && selector.length > 0).toBe(true);
        for (const filter of selector as Array<{ scheme?: string; language?: string }>) {
            expect(filter.language).toBe('handreiking');
            expect(['file', 'untitled']).toContain(filter.scheme);
        }
    });

    test('tell the server at start whether content without herkomst is a warning (handreiking.herkomst.streng)', () => {
        createLanguageClient({ asAbsolutePath: (p: string) => `/ext/${p}` } as never);
        expect(created.at(-1)?.initializationOptions).toEqual({ herkomst: { streng: false } });
        settings.set('handreiking.herkomst.streng', true);
        createLanguageClient({ asAbsolutePath: (p: string) => `/ext/${p}` } as never);
        expect(created.at(-1)?.initializationOptions).toEqual({ herkomst: { streng: true } });
        settings.clear();
    });
});
