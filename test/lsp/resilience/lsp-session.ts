import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { buildOptions } from '../../../scripts/build-options.mjs';
import {
    ConfigurationRequest, createProtocolConnection, DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, ExitNotification,
    InitializedNotification, InitializeRequest, LogMessageNotification, PublishDiagnosticsNotification, RegistrationRequest, type ResponseError,
    StreamMessageReader, StreamMessageWriter, type Diagnostic, type InitializeResult, type ProtocolConnection,
    type PublishDiagnosticsParams
} from 'vscode-languageserver-protocol/node';
import { EventWaiter } from '../../support/event-waiter.js';
import { tempDir } from '../../support/temp-dir.js';

/**
 * A real LSP client over stdio against the bundled server (dist/server.cjs, as the extension
 * starts it), for the resilience tests: it records every published diagnostic, every log message
 * and how the server process ended, and gives each request a deadline, so that a request the
 * server never answers fails the test instead of hanging it.
 */

export const root = path.resolve(__dirname, '../../..');
/** HANDREIKING_SERVER_BUNDLE runs the tests against another build, e.g. one from before a fix. */
export const serverBundle = process.env.HANDREIKING_SERVER_BUNDLE ?? path.join(root, 'dist/server.cjs');

/**
 * Bundles the test server (fault-server.ts: the product's server with failing services) into a
 * temporary folder, with the options of the product's server build; returns the file. The
 * product's bundle has no fault machinery at all.
 */
export async function bundleFaultServer(): Promise<{ file: string; remove(): void }> {
    const outdir = tempDir('hrk-fault-server-');
    await esbuild.build({
        ...buildOptions().server,
        absWorkingDir: root,
        entryPoints: { 'fault-server': 'test/lsp/resilience/fault-server.ts' },
        outdir,
        sourcemap: false,
        legalComments: 'none'
    });
    return { file: path.join(outdir, 'fault-server.cjs'), remove: () => fs.rmSync(outdir, { recursive: true, force: true }) };
}
export const examplesDir = path.join(root, 'examples');

/** An answer, an error answer (ResponseError), or no answer at all (a plain Error: deadline passed, server gone). */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: ResponseError<unknown> | Error };

export class LspSession {
    readonly connection: ProtocolConnection;
    readonly diagnostics = new Map<string, PublishDiagnosticsParams[]>();
    readonly logs: string[] = [];
    stderr = '';
    exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
    private readonly exited: Promise<never>;
    private readonly arrived = new EventWaiter();
    init!: InitializeResult;
    folder!: string;

    private constructor(readonly process: ChildProcess) {
        this.connection = createProtocolConnection(new StreamMessageReader(process.stdout!), new StreamMessageWriter(process.stdin!));
        this.connection.onNotification(PublishDiagnosticsNotification.type, p => {
            const list = this.diagnostics.get(p.uri) ?? [];
            list.push(p);
            this.diagnostics.set(p.uri, list);
            this.arrived.notify();
        });
        this.connection.onNotification(LogMessageNotification.type, p => { this.logs.push(p.message); });
        // Requests the server may send (configuration, registrations): answered so it never waits.
        this.connection.onRequest(ConfigurationRequest.type, p => p.items.map(() => null));
        this.connection.onRequest(RegistrationRequest.type, () => undefined);
        this.connection.listen();
        process.stderr!.on('data', (chunk: Buffer) => { this.stderr += chunk.toString(); });
        this.exited = new Promise<never>((_, reject) => process.on('exit', (code, signal) => {
            this.exit = { code, signal };
            this.arrived.notify();
            reject(new Error(`the server exited (${code ?? signal}): ${this.stderr.slice(-1000)}`));
        }));
        this.exited.catch(() => undefined);
    }

    /**
     * Starts the server (`bundle`) with `env` added, on a copy of `files` (name → text) as its
     * workspace folder; `prepare` may add to the folder before the server looks at it.
     */
    static async start(files: Record<string, string>, env: Record<string, string> = {}, initializationOptions?: unknown, bundle = serverBundle,
        prepare?: (folder: string) => void): Promise<LspSession> {
        const child = spawn(process.execPath, [bundle, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } });
        const session = new LspSession(child);
        session.folder = tempDir('hrk-resilience-');
        for (const [name, text] of Object.entries(files)) {
            const file = path.join(session.folder, name);
            fs.mkdirSync(path.dirname(file), { recursive: true });
            fs.writeFileSync(file, text);
        }
        prepare?.(session.folder);
        const folderUri = pathToFileURL(session.folder).toString();
        session.init = await session.connection.sendRequest(InitializeRequest.type, {
            processId: process.pid, rootUri: folderUri, locale: 'nl', workspaceFolders: [{ uri: folderUri, name: 'ws' }], initializationOptions,
            capabilities: { textDocument: { completion: { completionItem: { snippetSupport: true } }, hover: { contentFormat: ['markdown'] } } }
        });
        await session.connection.sendNotification(InitializedNotification.type, {});
        return session;
    }

    uri(name: string): string {
        return pathToFileURL(path.join(this.folder, name)).toString();
    }

    get alive(): boolean {
        return this.exit === undefined && this.process.exitCode === null;
    }

    async open(name: string, text: string): Promise<string> {
        const uri = this.uri(name);
        await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'handreiking', version: 1, text } });
        return uri;
    }

    async change(uri: string, version: number, text: string): Promise<void> {
        await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
    }

    /** A request that must be answered (with a result or an error) within `ms`; never throws. */
    async request<T>(method: string, params: unknown, ms = 60_000): Promise<Outcome<T>> {
        let timer: NodeJS.Timeout | undefined;
        const deadline = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`no answer to ${method} within ${ms} ms`)), ms); });
        try {
            const value = await Promise.race([this.connection.sendRequest(method, params) as Promise<T>, deadline, this.exited]);
            return { ok: true, value };
        } catch (error) {
            return { ok: false, error: error instanceof Error ? error : new Error(String(error)) };
        } finally {
            clearTimeout(timer);
        }
    }

    latest(uri: string): PublishDiagnosticsParams | undefined {
        return this.diagnostics.get(uri)?.at(-1);
    }

    /** Waits until `predicate` holds for the latest diagnostics of `uri`. */
    diagnosticsWhere(uri: string, predicate: (d: Diagnostic[]) => boolean, what: string, timeout = 60_000): Promise<Diagnostic[]> {
        return this.arrived.until(() => {
            const latest = this.latest(uri);
            return latest && predicate(latest.diagnostics) ? latest.diagnostics : undefined;
        }, what, {
            timeout,
            failure: () => this.alive ? undefined : `server died (${JSON.stringify(this.exit)})\n${this.stderr.slice(-2000)}`,
            describe: () => `latest: ${JSON.stringify(this.latest(uri)?.diagnostics.map(d => d.code))}`
        });
    }

    async stop(): Promise<void> {
        if (this.alive) {
            await this.request('shutdown', undefined, 10_000).catch(() => undefined);
            await this.connection.sendNotification(ExitNotification.type).catch(() => undefined);
        }
        this.connection.dispose();
        this.process.kill();
        fs.rmSync(this.folder, { recursive: true, force: true });
    }
}
