import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
    CodeActionRequest, CompletionRequest, ConfigurationRequest, createProtocolConnection, DidOpenTextDocumentNotification,
    DocumentFormattingRequest, ExitNotification, HoverRequest, InitializedNotification, InitializeRequest, InlayHintRequest,
    PrepareRenameRequest, PublishDiagnosticsNotification, RegistrationRequest, RenameRequest, ShutdownRequest, StreamMessageReader,
    StreamMessageWriter, type CodeAction, type CompletionItem, type CompletionList, type Diagnostic, type InitializeResult,
    type MarkupContent, type ProtocolConnection, type TextEdit
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { EventWaiter } from '../support/event-waiter.js';
import { tempDir } from '../support/temp-dir.js';

/**
 * The authoring features through the real language server bundle (dist/server.cjs, as the
 * extension starts it), over stdio with a protocol client: what an editor sends and receives.
 * Run `node scripts/bundle-extension.mjs --only server` first.
 */
const root = path.resolve(__dirname, '../..');
const serverBundle = path.join(root, 'dist/server.cjs');

const guide = `kenmerk Schaal "Schaal" { "klein", "groot" }
typologie Huiskamer "Huiskamer" { Schaal = "klein" }
financiering Huur "Huur" { termijn structureel voor alle typologieen }
beslisboom Boom "Boom" {
    vraag Stabiel "Is de groep stabiel?" {
        ja -> Door
        nee -> Buurtbemiddeling
    }
    advies Door "Ga door"
}
typologie Nieuw "Nieuw" { Schaal =  }
`;

class Client {
    readonly connection: ProtocolConnection;
    private readonly diagnostics = new Map<string, Diagnostic[]>();
    private readonly arrived = new EventWaiter();
    /** What the client answers to workspace/configuration for the section `handreiking`. */
    settings: unknown = {};

    constructor(readonly process: ChildProcess) {
        this.connection = createProtocolConnection(new StreamMessageReader(process.stdout!), new StreamMessageWriter(process.stdin!));
        this.connection.onNotification(PublishDiagnosticsNotification.type, p => {
            this.diagnostics.set(p.uri, p.diagnostics);
            this.arrived.notify();
        });
        this.connection.onRequest(ConfigurationRequest.type, p => p.items.map(item => item.section === 'handreiking' ? this.settings : null));
        this.connection.onRequest(RegistrationRequest.type, () => undefined);
        this.connection.listen();
    }

    /** The first diagnostic with `code` for `uri`, as soon as the server publishes one. */
    diagnosticsOf(uri: string, code: string, timeout = 60_000): Promise<Diagnostic> {
        return this.arrived.until(() => this.diagnostics.get(uri)?.find(d => d.code === code), code, { timeout });
    }
}

describe('authoring features through the language server bundle', () => {
    let client: Client;
    let init: InitializeResult;
    let uri: string;
    let document: TextDocument;

    beforeAll(async () => {
        expect(fs.existsSync(serverBundle), 'run `node scripts/bundle-extension.mjs --only server` first').toBe(true);
        const folder = tempDir('hrk-authoring-');
        fs.writeFileSync(path.join(folder, 'gids.hrk'), guide);
        client = new Client(spawn(process.execPath, [serverBundle, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] }));
        const folderUri = pathToFileURL(folder).toString();
        init = await client.connection.sendRequest(InitializeRequest.type, {
            processId: process.pid, rootUri: folderUri, locale: 'nl', workspaceFolders: [{ uri: folderUri, name: 'ws' }],
            capabilities: {
                workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
                textDocument: {
                    completion: { completionItem: { snippetSupport: true } },
                    hover: { contentFormat: ['markdown'] },
                    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } }
                }
            }
        });
        await client.connection.sendNotification(InitializedNotification.type, {});
        uri = pathToFileURL(path.join(folder, 'gids.hrk')).toString();
        document = TextDocument.create(uri, 'handreiking', 1, guide);
        await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'handreiking', version: 1, text: guide } });
        await client.diagnosticsOf(uri, 'HRK002');
    });

    afterAll(async () => {
        await client.connection.sendRequest(ShutdownRequest.type).catch(() => undefined);
        await client.connection.sendNotification(ExitNotification.type).catch(() => undefined);
        client.connection.dispose();
        client.process.kill();
    });

    const at = (text: string, delta = 0) => document.positionAt(guide.indexOf(text) + delta);

    test('announces every authoring feature', () => {
        const caps = init.capabilities;
        expect(caps.completionProvider?.triggerCharacters).toEqual(['.', '"']);
        expect(caps.hoverProvider).toBe(true);
        expect(caps.codeActionProvider).toBe(true);
        expect(caps.documentFormattingProvider).toBe(true);
        expect(caps.documentRangeFormattingProvider).toBe(true);
        expect(caps.renameProvider).toEqual({ prepareProvider: true });
        expect(caps.foldingRangeProvider).toBe(true);
        expect(caps.workspaceSymbolProvider).toBeDefined();
        expect(caps.semanticTokensProvider).toMatchObject({ full: expect.anything(), range: true });
        expect(caps.codeLensProvider).toEqual({ resolveProvider: false });
        expect(caps.inlayHintProvider).toEqual({ resolveProvider: false });
    });

    test('completion after Kenmerk = offers the scale, and onbekend', async () => {
        const result = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: at('Schaal =  }', 'Schaal = '.length) });
        const items = (Array.isArray(result) ? result : (result as CompletionList).items) as CompletionItem[];
        expect(items.map(i => i.label)).toEqual(['"klein"', '"groot"', 'onbekend']);
        expect(items[0].detail).toBe('waarde op de schaal van Schaal');
    });

    test('hover on a question shows its kind, text and paths', async () => {
        const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: at('Stabiel "', 2) });
        const value = (hover?.contents as MarkupContent).value;
        expect(value).toMatch(/^\*\*vraag\*\* `Stabiel` in beslisboom `Boom`\n\nIs de groep stabiel\\\?/);
        expect(value).toContain('Via deze vraag loopt **1** van de 1 pad van de start naar een einde.');
    });

    test('the quick fix for a missing node: titles and the edit', async () => {
        const diagnostic = await client.diagnosticsOf(uri, 'HRK002');
        const actions = await client.connection.sendRequest(CodeActionRequest.type, {
            textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] }
        }) as CodeAction[];
        expect(actions.map(a => a.title)).toEqual([
            'Maak advies ‘Buurtbemiddeling’ aan: advies Buurtbemiddeling "…"',
            'Maak vraag ‘Buurtbemiddeling’ aan: vraag Buurtbemiddeling "…" { }'
        ]);
        const edits = actions[0].edit!.changes![uri];
        expect(TextDocument.applyEdits(document, edits)).toBe(guide.replace('    advies Door', '    advies Buurtbemiddeling "…"\n    advies Door'));
    });

    test('formatting indents and aligns the arrows; a document with a syntax error is left alone', async () => {
        const messy = 'beslisboom Ander "Ander" {\nvraag V "v?" {\n ja -> A\n  nee -> B\n }\n  advies A "a"\n advies B "b"\n}\n';
        const other = uri.replace('gids.hrk', 'ander.hrk');
        await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: other, languageId: 'handreiking', version: 1, text: messy } });
        const options = { tabSize: 4, insertSpaces: true };
        const edits = await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri: other }, options }) as TextEdit[];
        expect(TextDocument.applyEdits(TextDocument.create(other, 'handreiking', 1, messy), edits))
            .toBe('beslisboom Ander "Ander" {\n    vraag V "v?" {\n        ja  -> A\n        nee -> B\n    }\n    advies A "a"\n    advies B "b"\n}\n');
        // gids.hrk has `Schaal =` without a value.
        expect(await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options }) ?? []).toEqual([]);
    });

    test('rename is prepared on the name and refused for a name in use', async () => {
        const range = await client.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri }, position: at('Door "', 1) });
        expect(range).toEqual({ start: at('Door "'), end: at('Door "', 4) });
        await expect(client.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position: at('Door "', 1), newName: 'Stabiel' }))
            .rejects.toThrow('De naam ‘Stabiel’ is al gebruikt in beslisboom ‘Boom’. Kies een andere naam.');
    });

    test('inlay hints follow the client setting handreiking.inlayHints.enabled', async () => {
        const range = { start: { line: 0, character: 0 }, end: document.positionAt(guide.length) };
        const on = await client.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range });
        expect(on?.map(h => h.label)).toEqual(['“Ga door”']);
        client.settings = { inlayHints: { enabled: false } };
        await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { handreiking: client.settings } });
        const off = await client.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range });
        expect(off).toEqual([]);
    });
});
