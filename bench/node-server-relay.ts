/**
 * For the browser edition's keystroke figures (bench/web-latency.ts): the Node language server
 * behind the same page and the same editor. The page's server worker is replaced, by the
 * benchmark's init script, with a small worker that passes every message on over a WebSocket to a
 * relay (bench/node-server-relay-process.ts, a process of its own) and every message of the Node
 * server back; the relay speaks LSP to `dist/server.cjs --stdio`. So the page, Monaco and the
 * language client are the same in both measurements and only the server differs.
 *
 * The page names its files `file:///bestanden/…`; the Node server reads the same files from a
 * temporary folder, so the relay rewrites URIs on the way. A message `{ benchEcho }` goes straight
 * back without the server: the relay's own round trip, measured with the machine at rest and right
 * behind each keystroke's edit (under the keystroke's load), so that it can be taken off the Node
 * server's figures (it would otherwise count against the Node server).
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as readline from 'node:readline';

export interface NodeServerRelay {
    /** Where the page's relay worker connects. */
    url: string;
    close(): Promise<void>;
}

export async function startNodeServerRelay(serverBundle: string, pageFolderUri: string, files: Record<string, string>): Promise<NodeServerRelay> {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'hrk-bench-relay-'));
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(folder, name), text);
    const script = path.join(path.dirname(process.argv[1]), 'node-server-relay-process.mjs');
    const child = spawn(process.execPath, [script, serverBundle, pageFolderUri, folder], { stdio: ['pipe', 'pipe', 'inherit'] });
    const exited = new Promise(resolve => child.once('exit', resolve));
    // Its first line is its address; if it ends before that, it did not start.
    const firstLine = new Promise<string>(resolve => readline.createInterface({ input: child.stdout! }).once('line', resolve));
    const url = await Promise.race([firstLine, exited.then((): never => { throw new Error('the relay to the Node server did not start'); })]);
    return {
        url,
        close: async () => {
            child.stdin!.end();
            await exited;
            fs.rmSync(folder, { recursive: true, force: true });
        }
    };
}

/**
 * The worker the page gets in place of its language server (its source, for a blob URL made in
 * the page): every message on to the relay in order, every message of the relay back.
 */
export function relayWorkerSource(relayUrl: string): string {
    // An echo is timed here, in the worker, from the page's message to the relay's answer: the
    // relay's own cost without the page's main thread (which the diagnostics wait for in both
    // measurements alike).
    return `
const socket = new WebSocket(${JSON.stringify(relayUrl)});
const waiting = [];
const echoes = new Map();
socket.onopen = () => { for (const text of waiting.splice(0)) socket.send(text); };
socket.onmessage = event => {
    const message = JSON.parse(event.data);
    if (typeof message.benchEcho === 'number') {
        message.relayMs = performance.now() - echoes.get(message.benchEcho);
        echoes.delete(message.benchEcho);
    }
    postMessage(message);
};
onmessage = event => {
    if (typeof event.data?.benchEcho === 'number') echoes.set(event.data.benchEcho, performance.now());
    const text = JSON.stringify(event.data);
    if (socket.readyState === WebSocket.OPEN) socket.send(text);
    else waiting.push(text);
};
`;
}
