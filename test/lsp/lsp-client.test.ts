import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
    createProtocolConnection, DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, DidSaveTextDocumentNotification,
    CodeLensRequest, ExitNotification, HoverRequest, InitializedNotification, InitializeRequest, PublishDiagnosticsNotification, ShutdownRequest,
    StreamMessageReader, StreamMessageWriter, type Diagnostic, type ProtocolConnection, type PublishDiagnosticsParams
} from 'vscode-languageserver-protocol/node';
import {
    CalculateRequest, ExportRequest, PreviewNotification, PreviewRequest, PreviewSubscription, RunScenariosRequest, ScenariosChangedNotification, type PreviewData
} from '../../language/lsp/protocol.js';
import { EventWaiter } from '../support/event-waiter.js';
import { tempDir, tempFolder } from '../support/temp-dir.js';

const root = path.resolve(__dirname, '../..');
const serverBundle = path.join(root, 'dist/server.cjs');

/** A real LSP client talking to the bundled server over stdio, as an editor does. */
class Client {
    readonly connection: ProtocolConnection;
    private readonly diagnostics = new Map<string, PublishDiagnosticsParams[]>();
    private readonly previews: PreviewData[] = [];
    private readonly arrived = new EventWaiter();
    /** Diagnostics, previews and ends of builds (the server says so last, ScenariosChangedNotification, after every preview of the build), as they came. */
    readonly order: Array<PublishDiagnosticsParams | PreviewData | 'build ended'> = [];

    constructor(readonly process: ChildProcess) {
        this.connection = createProtocolConnection(new StreamMessageReader(process.stdout!), new StreamMessageWriter(process.stdin!));
        this.connection.onNotification(PublishDiagnosticsNotification.type, params => {
            this.order.push(params);
            const list = this.diagnostics.get(params.uri) ?? [];
            list.push(params);
            this.diagnostics.set(params.uri, list);
            this.arrived.notify();
        });
        this.connection.onNotification(PreviewNotification.type, data => { this.previews.push(data); this.order.push(data); this.arrived.notify(); });
        this.connection.onNotification(ScenariosChangedNotification.type, () => { this.order.push('build ended'); this.arrived.notify(); });
        this.connection.listen();
    }

    /** Waits until `predicate` holds for the notifications received so far (checked as each one arrives). */
    until<T>(predicate: () => T | undefined | false, what: string, timeout = 60_000): Promise<T> {
        return this.arrived.until(predicate, what, {
            timeout,
            failure: () => this.process.exitCode !== null || this.process.signalCode !== null ? `the server ended (${this.process.exitCode ?? this.process.signalCode})` : undefined
        });
    }

    /** How many times diagnostics were published for `uri`: each build of it publishes once. */
    publishCount(uri: string): number {
        return this.diagnostics.get(uri)?.length ?? 0;
    }

    latestDiagnostics(uri: string): Diagnostic[] | undefined {
        return this.diagnostics.get(uri)?.at(-1)?.diagnostics;
    }

    previewsOf(uri: string): PreviewData[] {
        return this.previews.filter(p => p.uri === uri);
    }

}

function startServer(): ChildProcess {
    return spawn(process.execPath, [serverBundle, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
}

const typen = `kenmerk Schaal "Schaal" { "klein", "groot" }
typologie Huiskamer "Huiskamer" { Schaal = "klein" }
typologie Buurthuis "Buurthuis" { Schaal = "groot" }
financiering Huur "Huur" { termijn structureel voor Huiskamer }
`;
const broken = `beslisboom Boom "Boom" {
    vraag V "Stabiel?" {
        ja  -> A
        nee -> Onbekend
    }
    advies A "Ga door"
    advies B "Stop"
}
scenario "nee leidt tot stop" {
    beslisboom Boom
    V: nee
    verwacht B
}
`;
const fixed = broken.replace('nee -> Onbekend', 'nee -> B');

async function openWorkspace(locale: string) {
    const folder = tempDir('hrk-lsp-');
    fs.writeFileSync(path.join(folder, 'typen.hrk'), typen);
    fs.writeFileSync(path.join(folder, 'boom.hrk'), broken);
    const client = new Client(startServer());
    const folderUri = pathToFileURL(folder).toString();
    const init = await client.connection.sendRequest(InitializeRequest.type, {
        processId: process.pid, rootUri: folderUri, locale, capabilities: {},
        workspaceFolders: [{ uri: folderUri, name: 'ws' }]
    });
    await client.connection.sendNotification(InitializedNotification.type, {});
    const boomUri = pathToFileURL(path.join(folder, 'boom.hrk')).toString();
    const typenUri = pathToFileURL(path.join(folder, 'typen.hrk')).toString();
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri: boomUri, languageId: 'handreiking', version: 1, text: broken }
    });
    return { client, init, boomUri, typenUri, folder };
}

async function stop(client: Client): Promise<void> {
    await client.connection.sendRequest(ShutdownRequest.type).catch(() => undefined);
    await client.connection.sendNotification(ExitNotification.type).catch(() => undefined);
    client.connection.dispose();
    client.process.kill();
}

describe('the bundled language server over stdio', () => {
    let ws: Awaited<ReturnType<typeof openWorkspace>>;
    beforeAll(async () => {
        expect(fs.existsSync(serverBundle), 'run `npm run bundle` first').toBe(true);
        ws = await openWorkspace('nl');
    });
    afterAll(async () => {
        await stop(ws.client);
        fs.rmSync(ws.folder, { recursive: true, force: true });
    });

    test('initializes with the features an editor expects', () => {
        const caps = ws.init.capabilities;
        expect(caps.completionProvider).toBeDefined();
        expect(caps.definitionProvider).toBe(true);
        expect(caps.referencesProvider).toBe(true);
        expect(caps.documentSymbolProvider).toBe(true);
        // Saving triggers the slow, workspace-wide checks.
        expect(caps.textDocumentSync).toMatchObject({ openClose: true, save: expect.anything() });
    });

    test('publishes diagnostics with our codes, located and in Dutch', async () => {
        const diagnostics = await ws.client.until(() => ws.client.latestDiagnostics(ws.boomUri)?.length ? ws.client.latestDiagnostics(ws.boomUri) : undefined, 'diagnostics');
        const hrk002 = diagnostics.find(d => d.code === 'HRK002');
        expect(hrk002?.message).toMatch(/^‘Onbekend’ is geen knoop van beslisboom ‘Boom’/);
        expect(hrk002?.range).toEqual({ start: { line: 3, character: 15 }, end: { line: 3, character: 23 } });
    });

    test('the workspace-wide checks run when the folder is opened, without a save (HRK031 in a file not opened)', async () => {
        const hrk031 = await ws.client.until(() => ws.client.latestDiagnostics(ws.typenUri)?.find(d => d.code === 'HRK031'), 'HRK031 without a save');
        expect(hrk031.message).toContain('‘Buurthuis’');
    });

    test('answers the preview request with Mermaid text, the walk data and the errors', async () => {
        const data = await ws.client.connection.sendRequest(PreviewRequest.type, { uri: ws.boomUri });
        expect(data).not.toBeNull();
        expect(data!.trees.map(t => t.tree.id)).toEqual(['Boom']);
        expect(data!.trees[0].mermaid).toMatch(/^flowchart TD/);
        expect(data!.trees[0].ranges['A']).toEqual({ start: { line: 5, character: 11 }, end: { line: 5, character: 12 } });
        expect(data!.errors[0]).toMatchObject({ code: 'HRK002' });
        expect(data!.typologyTableHtml).toContain('Huiskamer');
    });

    test('an edit that fixes the error clears it, and the subscribed preview is pushed again', async () => {
        await ws.client.connection.sendNotification(PreviewSubscription.type, { uri: ws.boomUri, subscribed: true });
        await ws.client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri: ws.boomUri, version: 2 },
            contentChanges: [{ text: fixed }]
        });
        // Only the hint that the tree does not say where it comes from (HRK060) stays.
        await ws.client.until(() => ws.client.latestDiagnostics(ws.boomUri)?.every(d => d.code === 'HRK060'), 'cleared diagnostics');
        const pushed = await ws.client.until(() => ws.client.previewsOf(ws.boomUri).find(p => p.version === 2), 'pushed preview');
        expect(pushed.errors).toEqual([]);
        expect(pushed.trees[0].tree.edges).toContainEqual({ from: 'V', to: 'B', kind: 'answer', label: 'nee' });
    });

    test('a keystroke\'s preview does not wait for the checks, and never leaves out an error they find', async () => {
        const edit = async (version: number, text: string) => {
            await ws.client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: ws.boomUri, version }, contentChanges: [{ text }] });
            // The end of the build that pushed a preview of this version: every preview of it has arrived.
            const order = ws.client.order;
            const isPreview = (m: (typeof order)[number]): m is PreviewData => m !== 'build ended' && 'version' in m && m.uri === ws.boomUri && m.version === version;
            await ws.client.until(() => {
                const first = order.findIndex(isPreview);
                return first >= 0 && order.indexOf('build ended', first) > first;
            }, `the build of version ${version}`);
            return ws.client.previewsOf(ws.boomUri).filter(p => p.version === version);
        };
        const duplicate = fixed.replace('advies B "Stop"', 'advies B "Stop"\n    advies B "Nog eens"');
        // Only a check finds a name used twice: the preview pushed when the document was linked
        // lacks it, so the preview is pushed again, with it.
        const found = await edit(10, duplicate);
        expect(found.at(-1)!.errors.map(e => e.code)).toContain('HRK001');
        // From then on, while that error stays, the preview waits for the checks: every push has it.
        const typed = await edit(11, duplicate.replace('"Nog eens"', '"Nog eens!"'));
        expect(typed.length).toBe(1);
        expect(typed[0].errors.map(e => e.code)).toContain('HRK001');
        // Fixed: the banner goes; clean typing gets one preview per keystroke, without errors.
        expect((await edit(12, fixed)).at(-1)!.errors).toEqual([]);
        const before = ws.client.order.length;
        const clean = await edit(13, fixed.replace('"Ga door"', '"Ga maar door"'));
        expect(clean.map(p => p.errors)).toEqual([[]]);
        // Pushed when the document was linked: before the checks, so before their diagnostics.
        const after = ws.client.order.slice(before).map(m => m === 'build ended' ? m : 'diagnostics' in m ? (m.uri === ws.boomUri ? 'diagnostics' : 'other') : `preview ${m.version}`);
        expect(after.filter(m => m !== 'other')).toEqual(['preview 13', 'diagnostics', 'build ended']);
    });

    test('runs the scenarios of the workspace', async () => {
        const results = await ws.client.connection.sendRequest(RunScenariosRequest.type, {});
        expect(results).toEqual([expect.objectContaining({ uri: ws.boomUri, name: 'nee leidt tot stop', passed: true, path: 'V: nee → B' })]);
    });

    test('exports in the formats and with the file names of the command line (language/export/)', async () => {
        const exported = (format: 'json' | 'mermaid' | 'markdown' | 'html', uri?: string) =>
            ws.client.connection.sendRequest(ExportRequest.type, { format, ...(uri ? { uri } : {}) });
        const [json] = await exported('json');
        expect(json.name).toBe('handreiking.json');
        expect((JSON.parse(json.content) as { trees: Array<{ id: string }> }).trees.map(t => t.id)).toEqual(['Boom']);
        const mermaid = await exported('mermaid', ws.boomUri);
        expect(mermaid.map(f => f.name)).toEqual(['Boom.mmd', 'financiering-overzicht.mmd']);
        expect(mermaid[0].content).toMatch(/^flowchart TD\n/);
        // The typologies' file has no tree, but the funding overview is the workspace's.
        expect((await exported('mermaid', ws.typenUri)).map(f => f.name)).toEqual(['financiering-overzicht.mmd']);
        const markdown = await exported('markdown');
        expect(markdown.map(f => f.name)).toEqual(['typologieen.md']);
        expect(markdown[0].content).toMatch(/^\| Kenmerk \| Huiskamer \| Buurthuis \|\n/);
        const [html] = await exported('html', ws.boomUri);
        expect(html.name).toBe('handreiking.html');
        expect(html.content).toMatch(/^<!DOCTYPE html>/);
    });

    test('saving runs the workspace-wide checks again (a new typology without structural funding)', async () => {
        const extra = `${typen}typologie Wijkcentrum "Wijkcentrum" { Schaal = "groot" }\n`;
        await ws.client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri: ws.typenUri, languageId: 'handreiking', version: 1, text: typen }
        });
        await ws.client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri: ws.typenUri, version: 2 }, contentChanges: [{ text: extra }]
        });
        // While typing only the fast checks run.
        await ws.client.until(() => ws.client.latestDiagnostics(ws.typenUri)?.every(d => d.code !== 'HRK031'), 'the fast checks after the edit');
        await ws.client.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri: ws.typenUri } });
        const found = await ws.client.until(() => {
            const hrk031 = ws.client.latestDiagnostics(ws.typenUri)?.filter(d => d.code === 'HRK031');
            return hrk031 && hrk031.length === 2 ? hrk031 : undefined;
        }, 'HRK031 for both typologies after save');
        expect(found.map(d => d.message).join('\n')).toMatch(/‘Buurthuis’[^]*‘Wijkcentrum’|‘Wijkcentrum’[^]*‘Buurthuis’/);
    });
});

describe('the server in English', () => {
    test('diagnostics follow the client locale', async () => {
        const ws = await openWorkspace('en-US');
        try {
            const diagnostics = await ws.client.until(() => ws.client.latestDiagnostics(ws.boomUri)?.length ? ws.client.latestDiagnostics(ws.boomUri) : undefined, 'diagnostics');
            expect(diagnostics.find(d => d.code === 'HRK002')?.message).toMatch(/^‘Onbekend’ is not a node of decision tree ‘Boom’/);
        } finally {
            await stop(ws.client);
            fs.rmSync(ws.folder, { recursive: true, force: true });
        }
    });
});

describe('a folder opened without opening a file', () => {
    test('shows the problems of the workspace-wide checks at once', async () => {
        const folder = tempFolder('hrk-lsp-', { 'typen.hrk': typen });
        const client = new Client(startServer());
        try {
            const folderUri = pathToFileURL(folder).toString();
            await client.connection.sendRequest(InitializeRequest.type, {
                processId: process.pid, rootUri: folderUri, locale: 'nl', capabilities: {}, workspaceFolders: [{ uri: folderUri, name: 'ws' }]
            });
            await client.connection.sendNotification(InitializedNotification.type, {});
            const typenUri = pathToFileURL(path.join(folder, 'typen.hrk')).toString();
            const hrk031 = await client.until(() => client.latestDiagnostics(typenUri)?.find(d => d.code === 'HRK031'), 'HRK031 without opening or saving');
            expect(hrk031.message).toContain('‘Buurthuis’');
        } finally {
            await stop(client);
        }
    });
});

describe('calculation scenarios beside tree scenarios (the Testing view lists them through this request)', () => {
    const calculation = `berekening SooBijdrage "Bijdrage uit de SOO" {
    herkomst bron "https://wetten.overheid.nl/BWBR0045929"
    invoer oppervlakte "Oppervlakte" in m2
    invoer woningen "Woningen"
    niet van toepassing als woningen < 5 "minder dan 5 woningen"
    plafond "Plafond" = als woningen <= 20 dan 100.000 euro anders 150.000 euro
    uitkomst "Bijdrage" in euro = minimum(2.500 euro per m2 * oppervlakte, plafond)
}
`;
    const scenarios = `scenario "SOO: 45 m², 16 woningen" {
    berekening SooBijdrage
    oppervlakte: 45
    woningen: 16
    verwacht 112.500
}
scenario "nee leidt tot stop" { beslisboom Boom V: nee verwacht B }
scenario "SOO: 4 woningen" {
    berekening SooBijdrage
    oppervlakte: 30
    woningen: 4
    verwacht niet van toepassing
}
`;

    test('listed in the order written, with kind, expected and computed amount; a failure explains itself; an edit that corrects it passes', async () => {
        const folder = tempFolder('hrk-lsp-', { 'soo.hrk': calculation, 'boom.hrk': fixed, 'scenarios.hrk': scenarios });
        const client = new Client(startServer());
        try {
            const folderUri = pathToFileURL(folder).toString();
            await client.connection.sendRequest(InitializeRequest.type, {
                processId: process.pid, rootUri: folderUri, locale: 'nl', capabilities: {}, workspaceFolders: [{ uri: folderUri, name: 'ws' }]
            });
            await client.connection.sendNotification(InitializedNotification.type, {});
            const uri = pathToFileURL(path.join(folder, 'scenarios.hrk')).toString();
            await client.until(() => client.latestDiagnostics(uri) !== undefined, 'the workspace is built');
            const results = await client.connection.sendRequest(RunScenariosRequest.type, { uri });
            expect(results.map(r => [r.name, r.kind, r.tree ?? r.calculation, r.expected, r.reached, r.passed])).toEqual([
                ['SOO: 45 m², 16 woningen', 'calculation', 'SooBijdrage', '€ 112 500', '€ 100 000', false],
                ['nee leidt tot stop', 'tree', 'Boom', 'B', 'B', true],
                ['SOO: 4 woningen', 'calculation', 'SooBijdrage', 'niet van toepassing', 'niet van toepassing (minder dan 5 woningen)', true]
            ]);
            expect(results[0].message).toBe([
                'verwacht: € 112 500',
                'berekend: € 100 000',
                'invoer:   Oppervlakte = 45 m², Woningen = 16',
                'waarden:  Plafond = € 100 000',
                'uitleg:   Plafond (bij Woningen = 16): € 100 000; € 2 500 per m² × 45 m² = € 112 500; het kleinste → € 100 000'
            ].join('\n'));
            expect(results[0].nameRange).toEqual({ start: { line: 0, character: 9 }, end: { line: 0, character: 34 } });

            // "Bereken…" above the calculation carries its inputs; the server computes what a reader types.
            const sooUri = pathToFileURL(path.join(folder, 'soo.hrk')).toString();
            const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: sooUri } });
            const calculate = lenses?.find(l => l.command?.command === 'handreiking.calculate');
            expect(calculate?.command).toEqual({
                title: 'Bereken…', command: 'handreiking.calculate',
                arguments: [sooUri, 'SooBijdrage', [{ id: 'oppervlakte', title: 'Oppervlakte', unit: 'm2', optional: false }, { id: 'woningen', title: 'Woningen', optional: false }], 'Bijdrage uit de SOO']
            });
            expect(lenses?.find(l => l.command?.command === 'handreiking.runScenarios')?.command?.title).toBe("2 scenario's");
            const computed = await client.connection.sendRequest(CalculateRequest.type, { uri: sooUri, calculation: 'SooBijdrage', inputs: { oppervlakte: '32,5', woningen: '16' } });
            expect(computed).toEqual({
                title: 'Bijdrage uit de SOO', outcome: '€ 81 250', invalid: [],
                lines: [
                    'invoer:   Oppervlakte = 32,5 m², Woningen = 16',
                    'waarden:  Plafond = € 100 000',
                    'uitleg:   Plafond (bij Woningen = 16): € 100 000; € 2 500 per m² × 32,5 m² = € 81 250; het kleinste → € 81 250'
                ]
            });
            expect((await client.connection.sendRequest(CalculateRequest.type, { uri: sooUri, calculation: 'SooBijdrage', inputs: { oppervlakte: '30', woningen: '4' } }))?.outcome)
                .toBe('niet van toepassing (minder dan 5 woningen)');
            expect((await client.connection.sendRequest(CalculateRequest.type, { uri: sooUri, calculation: 'SooBijdrage', inputs: { oppervlakte: '1.5', woningen: '' } }))?.invalid)
                .toEqual(['oppervlakte']);
            expect((await client.connection.sendRequest(CalculateRequest.type, { uri: sooUri, calculation: 'SooBijdrage', inputs: { oppervlakte: '30' } }))?.outcome)
                .toBe('geen uitkomst: invoer ‘woningen’ ontbreekt');

            // Hover on the failing scenario shows the outcome for its inputs, on its `berekening` line too.
            const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 12 } });
            expect(JSON.stringify(hover?.contents)).toContain('Berekening `SooBijdrage`: **€ 100 000**');
            const onLine = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 1, character: 18 } });
            expect(JSON.stringify(onLine?.contents)).toContain('Verwacht: € 112 500 (klopt niet)');

            // The preview carries each calculation scenario with its outcome and where it stands.
            const preview = await client.connection.sendRequest(PreviewRequest.type, { uri });
            expect(preview?.calculationScenarios.map(c => [c.name, c.outcome, c.expected, c.passed, c.extent.start.line, c.extent.end.line])).toEqual([
                ['SOO: 45 m², 16 woningen', '€ 100 000', '€ 112 500', false, 0, 5],
                ['SOO: 4 woningen', 'niet van toepassing (minder dan 5 woningen)', 'niet van toepassing', true, 7, 12]
            ]);
            expect(preview?.calculationScenarios[0].steps).toEqual(['Plafond (bij Woningen = 16): € 100 000', '€ 2 500 per m² × 45 m² = € 112 500', 'het kleinste → € 100 000']);

            await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'handreiking', version: 1, text: scenarios } });
            const published = client.publishCount(uri);
            await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
                textDocument: { uri, version: 2 }, contentChanges: [{ text: scenarios.replace('verwacht 112.500', 'verwacht 100.000') }]
            });
            // The edit is built (its diagnostics are published) before the scenarios are asked for again.
            await client.until(() => client.publishCount(uri) > published, 'the edit is built');
            const after = await client.connection.sendRequest(RunScenariosRequest.type, { uri });
            expect(after.map(r => [r.name, r.passed])).toEqual([['SOO: 45 m², 16 woningen', true], ['nee leidt tot stop', true], ['SOO: 4 woningen', true]]);
        } finally {
            await stop(client);
        }
    });
});
