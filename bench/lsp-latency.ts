import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
    CompletionRequest, createProtocolConnection, DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, ExitNotification,
    HoverRequest, InitializedNotification, InitializeRequest, PublishDiagnosticsNotification, ShutdownRequest, StreamMessageReader,
    StreamMessageWriter
} from 'vscode-languageserver-protocol/node';
import { PreviewNotification, PreviewSubscription } from '../language/lsp/protocol.js';
import { sample, spreadOf, type Spread } from './stats.js';

export interface LspFigures {
    editToDiagnostics: Spread;
    editToPreview: Spread;
    completion: Spread;
    hover: Spread;
    nodes: number;
}

/** Spawn of the bundled server to the answer of `initialize`, `times` times (after one warm-up). */
export async function measureServerStart(serverBundle: string, times: number): Promise<Spread> {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'hrk-bench-start-'));
    const root = pathToFileURL(folder).toString();
    try {
        return await sample(times, async () => {
            const started = performance.now();
            const child = spawn(process.execPath, [serverBundle, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
            const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
            connection.listen();
            await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: root, capabilities: {}, workspaceFolders: [{ uri: root, name: 'bench' }] });
            const elapsed = performance.now() - started;
            await connection.sendRequest(ShutdownRequest.type).catch(() => undefined);
            await connection.sendNotification(ExitNotification.type).catch(() => undefined);
            connection.dispose();
            child.kill();
            return elapsed;
        });
    } finally {
        fs.rmSync(folder, { recursive: true, force: true });
    }
}

/**
 * Latencies of the bundled language server as an editor sees them, through a real LSP client
 * over stdio: an edit in a file of one large tree, to its diagnostics and to the pushed preview.
 */
export async function measureLsp(serverBundle: string, treeText: string, nodes: number, edits = 12, execArgv: string[] = []): Promise<LspFigures> {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'hrk-bench-lsp-'));
    const file = path.join(folder, 'groot.hrk');
    fs.writeFileSync(file, treeText);
    fs.writeFileSync(path.join(folder, 'hoofdstukken.hrk'), 'hoofdstuk Hoofdstuk1 "Inrichten sociaal beheer" { werkgroep "WG1" }\n');
    const uri = pathToFileURL(file).toString();
    const child = spawn(process.execPath, [...execArgv, serverBundle, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    let onDiagnostics: (() => void) | undefined;
    let onPreview: ((version: number) => void) | undefined;
    connection.onNotification(PublishDiagnosticsNotification.type, p => { if (p.uri === uri) onDiagnostics?.(); });
    connection.onNotification(PreviewNotification.type, p => { if (p.uri === uri) onPreview?.(p.version); });
    connection.listen();
    const root = pathToFileURL(folder).toString();
    await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: root, capabilities: {}, workspaceFolders: [{ uri: root, name: 'bench' }] });
    await connection.sendNotification(InitializedNotification.type, {});
    const firstDiagnostics = new Promise<void>(resolve => { onDiagnostics = resolve; });
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'handreiking', version: 1, text: treeText } });
    await firstDiagnostics;
    await connection.sendNotification(PreviewSubscription.type, { uri, subscribed: true });

    const diagnostics: number[] = [];
    const previews: number[] = [];
    let text = treeText;
    for (let i = 0; i < edits; i++) {
        // A keystroke: one more letter in the text of the first question.
        text = text.replace('Is er sprake van ', `Is er sprake van ${String.fromCharCode(97 + (i % 26))}`);
        const version = i + 2;
        const sent = performance.now();
        const gotDiagnostics = new Promise<void>(resolve => { onDiagnostics = () => { diagnostics.push(performance.now() - sent); resolve(); }; });
        const gotPreview = new Promise<void>(resolve => { onPreview = v => { if (v === version) { previews.push(performance.now() - sent); resolve(); } }; });
        await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
        await Promise.all([gotDiagnostics, gotPreview]);
    }

    // Completion after the last arrow and hover on the last question: deep in the file.
    const lines = text.split('\n');
    const arrowLine = lines.findLastIndex(l => l.includes('nee -> '));
    const completionPosition = { line: arrowLine, character: lines[arrowLine].indexOf('nee -> ') + 7 };
    const hoverLine = lines.findLastIndex(l => l.trim().startsWith('vraag '));
    const hoverPosition = { line: hoverLine, character: lines[hoverLine].indexOf('vraag ') + 7 };
    const completion: number[] = [];
    const hover: number[] = [];
    for (let i = 0; i < edits; i++) {
        let t = performance.now();
        await connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: completionPosition });
        completion.push(performance.now() - t);
        t = performance.now();
        await connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: hoverPosition });
        hover.push(performance.now() - t);
    }
    await connection.sendRequest(ShutdownRequest.type).catch(() => undefined);
    await connection.sendNotification(ExitNotification.type).catch(() => undefined);
    connection.dispose();
    // The server ends on `exit`; it is killed only if it does not.
    const exited = new Promise(resolve => child.once('exit', resolve));
    const timer = setTimeout(() => child.kill(), 5000);
    await exited;
    clearTimeout(timer);
    fs.rmSync(folder, { recursive: true, force: true });
    // The first edits warm the server up (JIT); the median of the rest is what an editor feels.
    return {
        editToDiagnostics: spreadOf(diagnostics.slice(2)),
        editToPreview: spreadOf(previews.slice(2)),
        completion: spreadOf(completion.slice(2)),
        hover: spreadOf(hover.slice(2)),
        nodes
    };
}
