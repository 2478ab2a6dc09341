import { terminalJson, terminalLine } from './terminal-text.js';

/**
 * The CLI's standard output and standard error. Every line of text goes through `terminalLine`
 * (nothing from a `.hrk` file or a file name acts on the terminal or a CI log), a JSON document
 * through `terminalJson`.
 *
 * A reader that stops reading (`handreiking check | head -1`) closes the pipe: the rest of the
 * output is dropped quietly, without an EPIPE stack trace, and the exit code stays the command's.
 * Any other write error (a full disk under `> rapport.txt`) is kept, so that the command can report
 * it and fail instead of leaving a cut-off report behind an exit code 0.
 */
export class TerminalOutput {
    private readonly closed = new Set<NodeJS.WritableStream>();
    private failure: Error | undefined;

    constructor(private readonly stdout: NodeJS.WritableStream = process.stdout, private readonly stderr: NodeJS.WritableStream = process.stderr) {
        for (const stream of [stdout, stderr]) stream.on('error', (err: NodeJS.ErrnoException) => this.failed(stream, err));
    }

    /** One line of text on standard output. */
    readonly out = (line: string): void => this.write(this.stdout, terminalLine(line));
    /** One line of text on standard error. */
    readonly err = (line: string): void => this.write(this.stderr, terminalLine(line));
    /** A JSON document on standard output. */
    readonly json = (json: string): void => this.write(this.stdout, terminalJson(json));

    /** The first write error that was not a closed pipe, if any. */
    get writeFailure(): Error | undefined {
        return this.failure;
    }

    private write(stream: NodeJS.WritableStream, text: string): void {
        if (!this.closed.has(stream)) stream.write(text + '\n');
    }

    private failed(stream: NodeJS.WritableStream, err: NodeJS.ErrnoException): void {
        this.closed.add(stream);
        // After a closed pipe the stream is destroyed and later writes fail too; only the first counts.
        if (err.code !== 'EPIPE' && err.code !== 'ERR_STREAM_DESTROYED') this.failure ??= err;
    }
}
