import { writeSync } from 'node:fs';
import { terminalJson, terminalLine } from './terminal-text.js';

/** Where the output goes: a stream (tests give one), or a file descriptor of the process. */
type Target = NodeJS.WritableStream | 1 | 2;

/**
 * The CLI's standard output and standard error. Every line of text goes through `terminalLine`
 * (nothing from a `.hrk` file or a file name acts on the terminal or a CI log), a JSON document
 * through `terminalJson`.
 *
 * The process's own output is written to its file descriptors with `fs.writeSync`, not through
 * `process.stdout`: creating that stream loads Node's streams and, for a pipe or a terminal, its
 * network modules — ~8 ms of a small `check` (issue 11), for text that is written at once anyway
 * (on Linux `process.stdout` writes synchronously to files, pipes and terminals alike). Not on
 * Windows (see the constructor). Should a descriptor refuse to wait (EAGAIN: a pipe someone else
 * made non-blocking), the rest goes through the stream after all, in order.
 *
 * A reader that stops reading (`handreiking check | head -1`) closes the pipe: the rest of the
 * output is dropped quietly, without an EPIPE stack trace, and the exit code stays the command's.
 * Any other write error (a full disk under `> rapport.txt`) is kept, so that the command can report
 * it and fail instead of leaving a cut-off report behind an exit code 0.
 */
export class TerminalOutput {
    private readonly closed = new Set<Target>();
    private readonly listened = new Set<NodeJS.WritableStream>();
    private failure: Error | undefined;
    private readonly targets: { out: Target; err: Target };

    constructor(stdout?: NodeJS.WritableStream, stderr?: NodeJS.WritableStream) {
        // On Windows a console takes text through its own API (the stream converts to UTF-16);
        // bytes written to its descriptor would be read in the console's code page, and ‘é’ garbled.
        const windows = process.platform === 'win32';
        this.targets = { out: stdout ?? (windows ? process.stdout : 1), err: stderr ?? (windows ? process.stderr : 2) };
    }

    /** One line of text on standard output. */
    readonly out = (line: string): void => this.write('out', terminalLine(line));
    /** One line of text on standard error. */
    readonly err = (line: string): void => this.write('err', terminalLine(line));
    /** A JSON document on standard output. */
    readonly json = (json: string): void => this.write('out', terminalJson(json));

    /** The first write error that was not a closed pipe, if any. */
    get writeFailure(): Error | undefined {
        return this.failure;
    }

    private write(which: 'out' | 'err', text: string): void {
        const target = this.targets[which];
        if (this.closed.has(target)) return;
        if (typeof target !== 'number') {
            this.listen(target);
            target.write(text + '\n');
            return;
        }
        const bytes = Buffer.from(text + '\n', 'utf-8');
        let written = 0;
        try {
            while (written < bytes.length) written += writeSync(target, bytes, written);
        } catch (error) {
            const err = error as NodeJS.ErrnoException;
            if (err.code !== 'EAGAIN') return this.failed(target, err);
            const stream = which === 'out' ? process.stdout : process.stderr;
            this.targets[which] = stream;
            this.listen(stream);
            stream.write(bytes.subarray(written));
        }
    }

    private listen(stream: NodeJS.WritableStream): void {
        if (this.listened.has(stream)) return;
        this.listened.add(stream);
        stream.on('error', (err: NodeJS.ErrnoException) => this.failed(stream, err));
    }

    private failed(target: Target, err: NodeJS.ErrnoException): void {
        this.closed.add(target);
        // After a closed pipe the stream is destroyed and later writes fail too; only the first counts.
        if (err.code !== 'EPIPE' && err.code !== 'ERR_STREAM_DESTROYED') this.failure ??= err;
    }
}
