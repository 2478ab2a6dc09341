import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import { afterEach, describe, expect, test } from 'vitest';
import { serverBundle } from './lsp-session.js';

/**
 * The bundled server over stdio, fed bytes by hand: a header it cannot read leaves every later
 * message out of step, so the server must end (non-zero, so the client's watchdog starts a new
 * one) instead of living on deaf. A body that is not JSON keeps the stream in step: the server
 * skips it and goes on answering.
 */

const started: ChildProcess[] = [];
afterEach(() => { for (const child of started.splice(0)) child.kill(); });

function startServer(): { child: ChildProcess; stdout: () => string; stderr: () => string; exited: Promise<number | null> } {
    expect(fs.existsSync(serverBundle), 'run `node scripts/bundle-extension.mjs` first').toBe(true);
    const child = spawn(process.execPath, [serverBundle, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    started.push(child);
    let out = '';
    let err = '';
    child.stdout!.on('data', (chunk: Buffer) => { out += chunk.toString(); });
    child.stderr!.on('data', (chunk: Buffer) => { err += chunk.toString(); });
    const exited = new Promise<number | null>(resolve => child.on('exit', code => resolve(code)));
    return { child, stdout: () => out, stderr: () => err, exited };
}

function frame(body: string): string {
    return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

const initialize = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });

/** Resolves with the exit code, or with 'alive' if the process still runs after `ms`. */
function exitWithin(exited: Promise<number | null>, ms: number): Promise<number | null | 'alive'> {
    return Promise.race([exited, new Promise<'alive'>(resolve => setTimeout(() => resolve('alive'), ms))]);
}

describe('the language server over stdio', () => {
    test('a misspelt Content-Length header ends the server with a non-zero exit code and a reason', async () => {
        const server = startServer();
        server.child.stdin!.write('Content-Lenght: 5\r\n\r\nhello');
        const code = await exitWithin(server.exited, 15_000);
        expect(code).not.toBe('alive');
        expect(code).not.toBe(0);
        expect(server.stderr()).toContain('[handreiking] the messages from the client can no longer be read');
        expect(server.stderr()).toContain('Content-Length');
    });

    test('a bad header after a good exchange ends it too', async () => {
        const server = startServer();
        server.child.stdin!.write(frame(initialize));
        await expect.poll(() => server.stdout(), { timeout: 15_000 }).toContain('"id":1');
        server.child.stdin!.write('Content-Length: five\r\n\r\n{}');
        const code = await exitWithin(server.exited, 15_000);
        expect(code).not.toBe('alive');
        expect(code).not.toBe(0);
    });

    test('a well-framed body that is not JSON is skipped, and the server goes on answering', async () => {
        const server = startServer();
        server.child.stdin!.write(frame('hello'));
        server.child.stdin!.write(frame(initialize));
        await expect.poll(() => server.stdout(), { timeout: 15_000 }).toContain('"id":1');
        expect(await exitWithin(server.exited, 1_000)).toBe('alive');
    });
});
