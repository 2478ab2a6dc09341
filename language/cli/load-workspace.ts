import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { Cancellation, URI, type DeepPartial, type LangiumDocument, type LangiumSharedCoreServices, type Module } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createHandreikingCoreServices, type HandreikingCoreServices } from '../handreiking-core-module.js';
import type { Lang } from '../i18n/locale.js';
import { cliMessages } from './cli-messages.js';
import { UsageError } from './usage-error.js';
import { decodeSource, readSourceFile, type SourceText } from '../files/read-source.js';
import type { ReadOutcome } from '../files/source-limits.js';
import { unreadSourceMessage } from '../i18n/unread-source.js';
import { PARALLEL_MIN_BYTES, ParallelParser, ParseThreads, parseWorkerUrl } from './parallel-parser.js';
import type { Diagnostic } from 'vscode-languageserver-types';

export interface LoadedWorkspace {
    shared: LangiumSharedCoreServices;
    services: HandreikingCoreServices;
    documents: LangiumDocument[];
    /** The files read (and checked). */
    files: string[];
    /** The files that were found but not read, each with its message: the command exits with 2. */
    unread: UnreadFile[];
}

export interface UnreadFile {
    file: string;
    message: string;
}

export interface LoadOptions {
    lang: Lang;
    /** Fixes "today" for HRK050, so a check can be reproduced. */
    peildatum?: string;
    /** Content without `herkomst` (HRK060) is a warning instead of a hint. */
    streng?: boolean;
    /**
     * Threads that parse beside the main thread (parallel-parser.ts); default: on a machine of more
     * than two cores, one per further core that is free by the load average (at most three) for a
     * guide of PARALLEL_MIN_BYTES or more, else none, or the number in the environment variable
     * HANDREIKING_PARSE_THREADS.
     */
    threads?: number;
}

const skippedFolders = new Set(['node_modules', '.git', 'out', 'dist']);

/** Every `.hrk` file below the given paths, sorted, each once. Throws UsageError for bad paths. */
export async function collectHrkFiles(paths: readonly string[], lang: Lang): Promise<string[]> {
    const t = cliMessages(lang);
    const found = new Set<string>();
    for (const given of paths) {
        const absolute = path.resolve(given);
        let stat;
        try {
            stat = await fs.stat(absolute);
        } catch (err) {
            const code = (err as NodeJS.ErrnoException).code;
            throw new UsageError(code === 'ENOENT' ? t.pathMissing(given) : t.pathUnreadable(given, String((err as Error).message)));
        }
        if (stat.isDirectory()) {
            await walk(absolute, found, lang);
        } else if (absolute.endsWith('.hrk')) {
            found.add(absolute);
        } else {
            throw new UsageError(t.notHrk(given));
        }
    }
    if (found.size === 0) throw new UsageError(t.noFiles(paths.join(', ')));
    return [...found].sort();
}

async function walk(folder: string, found: Set<string>, lang: Lang): Promise<void> {
    let entries;
    try {
        entries = await fs.readdir(folder, { withFileTypes: true });
    } catch (err) {
        throw new UsageError(cliMessages(lang).pathUnreadable(folder, (err as Error).message));
    }
    for (const entry of entries) {
        const full = path.join(folder, entry.name);
        if (entry.isDirectory()) {
            if (!skippedFolders.has(entry.name) && !entry.name.startsWith('.')) await walk(full, found, lang);
        } else if (entry.name.endsWith('.hrk')) {
            // Links, FIFOs and devices too: what they are is looked at when the file is read, and
            // anything but a regular file is reported there (never opened), not skipped in silence.
            found.add(full);
        }
    }
}

/**
 * The command line checks and exports once and never asks "where is this used?": it skips the
 * index of references that an editor needs for find-references and rename.
 */
export const batchMode: Module<HandreikingCoreServices, DeepPartial<HandreikingCoreServices>> = {
    workspace: {
        ReferenceDescriptionProvider: () => ({ createDescriptions: async () => [] })
    }
};

/** How many files are read at once: enough to keep the disk busy, few enough to stay far from any limit on open files. */
const CONCURRENT_READS = 16;

/** Reads every file (at most CONCURRENT_READS at a time); the outcomes in the order of `files`. */
async function readAll(files: readonly string[]): Promise<ReadOutcome[]> {
    const outcomes: ReadOutcome[] = new Array<ReadOutcome>(files.length);
    let next = 0;
    const reader = async () => {
        while (next < files.length) {
            const i = next++;
            outcomes[i] = await readSourceFile(files[i]);
        }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENT_READS, files.length) }, reader));
    return outcomes;
}

/** On a machine with this many cores or fewer, the default is to parse on the main thread only. */
const TWO_CORES = 2;

/** Fewer files than this are not worth starting a parse thread for before their size is known. */
const EARLY_THREADS_MIN_FILES = 64;

/**
 * The threads to parse with beside the main thread (LoadOptions.threads): as many as asked, or,
 * by default, one per further free core (at most three) when the guide is large and the machine
 * has more than two cores, else none. `bytes` is
 * undefined before the files are read: then "large" is guessed from their number.
 */
function parseThreads(options: LoadOptions, files: number, bytes: number | undefined): number {
    if (options.threads !== undefined) return Math.max(0, Math.floor(options.threads));
    const fromEnvironment = Number(process.env.HANDREIKING_PARSE_THREADS);
    if (process.env.HANDREIKING_PARSE_THREADS?.trim() && Number.isInteger(fromEnvironment) && fromEnvironment >= 0) return Math.min(fromEnvironment, 16);
    const large = bytes === undefined ? files >= EARLY_THREADS_MIN_FILES : bytes >= PARALLEL_MIN_BYTES;
    if (!large) return 0;
    // A thread helps only on a core that is free: on a machine already busy (load average as high
    // as its cores) it adds its own start, the transfer of its results and a second parser to the
    // work, and the check took longer than on one core (docs/performance.md). On two cores it costs
    // more than it saves even when the second is free: the main thread, the thread and both
    // collectors share them, and 10 000 nodes took 2.0 s with a thread against 1.4 s without.
    const cores = os.availableParallelism();
    if (cores <= TWO_CORES) return 0;
    const free = Math.floor(cores - os.loadavg()[0]);
    return Math.max(0, Math.min(cores - 1, free, 3));
}

/** Loads the files as one workspace and builds it with every validation category, slow ones included. */
export async function loadWorkspace(paths: readonly string[], options: LoadOptions): Promise<LoadedWorkspace> {
    const files = await collectHrkFiles(paths, options.lang);
    // Parse threads start first (a thread takes a while to start), and the files are read while
    // the services are made (building the parser is the largest part of a small check's start):
    // the reads wait on the disk, the threads and the services on the processors.
    const threads = new ParseThreads(parseWorkerUrl(), parseThreads(options, files.length, undefined), options.lang);
    const reading = readAll(files);
    const { shared, Handreiking } = createHandreikingCoreServices(NodeFileSystem, {
        language: { ...batchMode, parser: { AsyncParser: services => new ParallelParser(services, threads) } }
    });
    Handreiking.i18n.Locale.lang = options.lang;
    Handreiking.i18n.Clock.fix(options.peildatum);
    Handreiking.handreiking.HerkomstSetting.streng = options.streng ?? false;
    const outcomes = await reading;
    const read: string[] = [];
    const unread: UnreadFile[] = [];
    const sources: Array<{ file: string; source: SourceText }> = [];
    files.forEach((file, i) => {
        // One file that cannot be read does not stop the others from being checked.
        const outcome = outcomes[i];
        if (!outcome.ok) {
            unread.push({ file, message: unreadSourceMessage(outcome, path.relative(process.cwd(), file) || file, options.lang) });
            return;
        }
        read.push(file);
        sources.push({ file, source: decodeSource(outcome.bytes, options.lang) });
    });
    const factory = shared.workspace.LangiumDocumentFactory;
    let documents: LangiumDocument[];
    try {
        if (parseThreads(options, files.length, sources.reduce((n, { source }) => n + source.text.length, 0)) > 0 && threads.slots.length > 0) {
            documents = await Promise.all(sources.map(({ file, source }) => factory.fromString(source.text, URI.file(file), Cancellation.CancellationToken.None)));
        } else {
            documents = sources.map(({ file, source }) => factory.fromString(source.text, URI.file(file)));
        }
    } finally {
        threads.dispose();
    }
    const problems = new Map<LangiumDocument, Diagnostic>();
    documents.forEach((document, i) => {
        shared.workspace.LangiumDocuments.addDocument(document);
        const problem = sources[i].source.problem;
        if (problem) problems.set(document, problem);
    });
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    // Problems with the bytes themselves come first: they explain the messages that follow.
    for (const [document, problem] of problems) document.diagnostics = [problem, ...(document.diagnostics ?? [])];
    return { shared, services: Handreiking, documents, files: read, unread };
}

/** Tells about the files that were not read, on `err` (stderr); true if there were any. */
export function reportUnread(workspace: LoadedWorkspace, err: (line: string) => void): boolean {
    for (const { message } of workspace.unread) err(message);
    return workspace.unread.length > 0;
}
