import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { DefaultHydrator, type AstNode, type AsyncParser, type Cancellation, type ParseResult, type Reference } from 'langium';
import type { HandreikingCoreServices } from '../handreiking-core-module.js';

/**
 * Parsing a large guide on every core: the command line's `AsyncParser`. Parsing is the largest
 * part of a check (~40 % of it at 10 000 nodes), and every file parses on its own. The texts wait
 * in one queue; the main thread and the worker threads (parse-worker.ts) each take the next one
 * when they are free, so a thread that starts late or a file that takes long balances itself out.
 * A worker's result comes back in Langium's transferable form and is turned back into the AST on
 * the main thread (its Hydrator), which costs far less than parsing. Linking and the checks stay on
 * the main thread: they need the whole guide.
 *
 * Workers come from the command line's bundle (parse-worker.cjs beside it); without one (the
 * compiled modules, the tests) everything is parsed on the main thread.
 */

interface Job {
    text: string;
    resolve(result: ParseResult<AstNode>): void;
    reject(err: unknown): void;
}

/** Below this much text, starting a thread (and its parser) costs more than it saves. */
export const PARALLEL_MIN_BYTES = 512 * 1024;

/** The worker script beside this module, if there is one (only in the bundle). */
export function parseWorkerUrl(): URL | undefined {
    const url = new URL('./parse-worker.cjs', import.meta.url);
    try {
        return url.protocol === 'file:' && fs.existsSync(fileURLToPath(url)) ? url : undefined;
    } catch {
        return undefined;
    }
}

/**
 * Langium's Hydrator, with references it can read back: Langium 4.4 dehydrates a reference to
 * `{ $refText, $refNode }`, but hydrates only what `isReference` recognises, which asks for a `ref`
 * property too, so every reference of a parsed-elsewhere document stayed a plain object: unlinked,
 * unchecked and missing from the document's references. The worker dehydrates with this one.
 */
export class TransferHydrator extends DefaultHydrator {
    protected override dehydrateReference(reference: Reference, context: Parameters<DefaultHydrator['dehydrateReference']>[1]): unknown {
        // `ref` must exist (structured clone keeps a property whose value is undefined); its value is not read.
        return { ...(super.dehydrateReference(reference, context) as object), ref: undefined };
    }
}

interface Slot {
    worker: Worker;
    ready: boolean;
    job?: Job;
}

/**
 * Parse threads, started as early as the command knows it may need them (a thread and its parser
 * take a while to start, which overlaps the reading of the files and the making of the services);
 * a ParallelParser gives them work.
 */
export class ParseThreads {
    readonly slots: Slot[] = [];
    /** Called when a thread is ready, has answered, or is gone. */
    onChange: (slot: Slot, message?: WorkerAnswer) => void = () => undefined;

    constructor(url: URL | undefined, count: number, lang: string) {
        for (let i = 0; i < (url ? count : 0); i++) {
            // Node's threads module is loaded only when a thread is started: a small check never does.
            const worker = new (process.getBuiltinModule('node:worker_threads').Worker)(url!, { workerData: { lang } });
            // A thread never keeps the command from ending.
            worker.unref();
            const slot: Slot = { worker, ready: false };
            this.slots.push(slot);
            worker.on('message', (message: WorkerAnswer) => {
                if (message.ready) slot.ready = true;
                this.onChange(slot, message.ready ? undefined : message);
            });
            // A thread that fails is not used again; its text is parsed on the main thread.
            worker.on('error', () => this.drop(slot));
            worker.on('exit', () => this.drop(slot));
        }
    }

    /** Ends every thread. */
    dispose(): void {
        for (const slot of [...this.slots]) {
            void slot.worker.terminate();
            this.drop(slot);
        }
    }

    private drop(slot: Slot): void {
        const i = this.slots.indexOf(slot);
        if (i < 0) return;
        this.slots.splice(i, 1);
        this.onChange(slot);
    }
}

interface WorkerAnswer {
    ready?: true;
    id?: number;
    result?: ParseResult<object>;
    error?: string;
}

export class ParallelParser implements AsyncParser {
    /** How many texts each side parsed: the main thread, and the threads together. */
    readonly parsed = { main: 0, threads: 0 };
    private readonly queue: Job[] = [];
    private readonly waiting = new Map<number, Job>();
    private nextId = 0;
    private mainScheduled = false;

    constructor(private readonly services: HandreikingCoreServices, private readonly threads: ParseThreads) {
        threads.onChange = (slot, answer) => this.answered(slot, answer);
    }

    parse<T extends AstNode>(text: string, _cancelToken: Cancellation.CancellationToken): Promise<ParseResult<T>> {
        return new Promise<ParseResult<T>>((resolve, reject) => {
            this.queue.push({ text, resolve: resolve as Job['resolve'], reject });
            this.dispatch();
        });
    }

    private answered(slot: Slot, answer: WorkerAnswer | undefined): void {
        const job = slot.job;
        if (job && (answer === undefined || answer.id !== undefined)) {
            slot.job = undefined;
            if (answer?.id !== undefined) this.waiting.delete(answer.id);
            if (answer?.result) {
                this.parsed.threads++;
                job.resolve(this.services.serializer.Hydrator.hydrate(answer.result));
            } else {
                // A thread that could not parse a text, or is gone: the text is parsed here, where
                // any error is reported as usual.
                this.queue.unshift(job);
            }
        }
        this.dispatch();
    }

    private dispatch(): void {
        for (const slot of this.threads.slots) {
            if (!slot.ready || slot.job || this.queue.length === 0) continue;
            const job = this.queue.shift()!;
            const id = this.nextId++;
            slot.job = job;
            this.waiting.set(id, job);
            slot.worker.postMessage({ id, text: job.text });
        }
        // The main thread parses too, one text per turn of the event loop, so that the threads'
        // results are taken in between.
        if (this.queue.length > 0 && !this.mainScheduled) {
            this.mainScheduled = true;
            setImmediate(() => {
                this.mainScheduled = false;
                const job = this.queue.shift();
                if (job) {
                    try {
                        this.parsed.main++;
                        job.resolve(this.services.parser.LangiumParser.parse(job.text));
                    } catch (err) {
                        job.reject(err);
                    }
                }
                this.dispatch();
            });
        }
    }
}
