import { StreamMessageReader, type Message } from 'vscode-languageserver/node';

/**
 * Over stdio each message starts with a `Content-Length` header. When a header cannot be read
 * (`Content-Lenght: 5`), vscode-jsonrpc reports an error that nobody listens to, and from then on
 * it reads the stream out of step: the server lived on, deaf to every later message, and the
 * client's watchdog never saw it stop. This second reader of stdin follows only the framing (it
 * never parses a body) and calls `stop` on the first framing error, so that the process ends and
 * the client starts a new server. A body that is not JSON keeps the stream in step; the connection
 * skips that message on its own.
 *
 * Attach it in the same tick as the connection starts listening, so that it sees the same bytes.
 */
export function stopWhenFramingIsLost(stdin: NodeJS.ReadableStream, stop: (reason: string) => void): void {
    const framingOnly = new StreamMessageReader(stdin, {
        contentTypeDecoder: { name: 'application/json', decode: () => Promise.resolve(unread) }
    });
    framingOnly.onError(error => stop(error.message));
    framingOnly.listen(() => undefined);
}

const unread: Message = { jsonrpc: '2.0' };
