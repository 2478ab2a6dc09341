/**
 * The relay between the page and the Node language server (see bench/node-server-relay.ts), in a
 * process of its own so that the benchmark's driver (Playwright, on the same event loop) does not
 * delay its messages. Arguments: the server bundle, the page's folder URI, and the folder on disk
 * that holds the same files. Prints the WebSocket address on its first line of output; ends when
 * its standard input closes. HANDREIKING_RELAY_NODE_ARGS gives the server's Node options, for a
 * diagnosis (`--cpu-prof --cpu-prof-dir=…`: the server ends on `exit`, so its profile is written).
 */
import { spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { StreamMessageReader, StreamMessageWriter, type Message } from 'vscode-languageserver-protocol/node';
import { WebSocketServer, type WebSocket } from 'ws';

const [serverBundle, pageFolderUri, folder] = process.argv.slice(2);
const diskUri = pathToFileURL(folder).toString();
const toServer = (text: string) => text.replaceAll(pageFolderUri, diskUri);
const toPage = (text: string) => text.replaceAll(diskUri, pageFolderUri);

const child = spawn(process.execPath, [...(process.env.HANDREIKING_RELAY_NODE_ARGS ?? '').split(' ').filter(Boolean), serverBundle, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
const reader = new StreamMessageReader(child.stdout!);
const writer = new StreamMessageWriter(child.stdin!);
// Messages for the page, kept until its worker has connected.
let socket: WebSocket | undefined;
const waiting: string[] = [];
const send = (json: string) => {
    if (socket) socket.send(json);
    else waiting.push(json);
};
reader.listen(message => send(toPage(JSON.stringify(message))));

const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
server.on('connection', ws => {
    socket = ws;
    for (const json of waiting.splice(0)) send(json);
    ws.on('message', data => {
        const text = String(data);
        // The relay's own round trip, measured by the benchmark: straight back, without the server.
        if (text.startsWith('{"benchEcho"')) send(text);
        else void writer.write(JSON.parse(toServer(text)) as Message);
    });
});
server.once('listening', () => {
    process.stdout.write(`ws://127.0.0.1:${(server.address() as AddressInfo).port}/\n`);
});

// The benchmark closes our standard input when it is done (or when it ends in any way).
process.stdin.resume();
process.stdin.on('end', () => {
    for (const client of server.clients) client.terminate();
    server.close();
    // The server ends on `exit`; it is killed only if it does not.
    const timer = setTimeout(() => child.kill(), 5000);
    child.once('exit', () => {
        clearTimeout(timer);
        reader.dispose();
        writer.dispose();
        process.exit(0);
    });
    void writer.write({ jsonrpc: '2.0', method: 'exit' } as Message);
});
