/**
 * The workers' code as text, set by `assets/workers.js` (a classic script made by
 * scripts/build-web.mjs). Chromium starts no worker from a file:// URL and no module worker from a
 * file:// page, so every worker is a classic one started from a blob made of this text: the same
 * way from a web server and from a folder.
 */
interface WorkerSources {
    /** The language server (language/lsp/browser/main.ts). */
    server: string;
    /** Monaco's editor worker. */
    editor: string;
}

export function workerSources(): WorkerSources {
    const sources = (globalThis as { handreikingWorkerSources?: WorkerSources }).handreikingWorkerSources;
    if (!sources) throw new Error('assets/workers.js was not loaded');
    return sources;
}

/** A classic worker running `source`. */
export function blobWorker(source: string, name: string): Worker {
    const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
    const worker = new Worker(url, { name });
    // The worker has read its script once it runs; the URL is not needed after that.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return worker;
}
