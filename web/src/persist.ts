/**
 * The page's memory across reloads: the workspace (every file's text and its saved text, the open
 * tabs) and the chosen language, in IndexedDB. A folder opened with the File System Access API is
 * kept as its handle (handles can be stored); writing to it again needs the user's permission.
 */

const DATABASE = 'handreiking-web';
const STORE = 'state';

function open(): Promise<IDBDatabase> {
    return new Promise((resolve, reject) => {
        const request = indexedDB.open(DATABASE, 1);
        request.onupgradeneeded = () => request.result.createObjectStore(STORE);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('IndexedDB cannot be opened'));
    });
}

let database: Promise<IDBDatabase> | undefined;

async function transaction<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
    const db = await (database ??= open());
    return new Promise((resolve, reject) => {
        const tx = db.transaction(STORE, mode);
        const request = work(tx.objectStore(STORE));
        tx.oncomplete = () => resolve(request.result);
        tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
        tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    });
}

export function readValue<T>(key: string): Promise<T | undefined> {
    return transaction('readonly', store => store.get(key) as IDBRequest<T | undefined>);
}

export async function writeValue(key: string, value: unknown): Promise<void> {
    await transaction('readwrite', store => store.put(value, key));
}

/**
 * Writes the latest value of `key` soon after it changes, one write at a time, so that typing
 * never waits for the disk and the last change always lands. `settled` tells when all is written.
 */
export class SoonWriter {
    private pending: (() => unknown) | undefined;
    private running: Promise<void> | undefined;
    private timer: ReturnType<typeof setTimeout> | undefined;

    constructor(private readonly key: string, private readonly delay: number, private readonly onState: (state: 'pending' | 'written' | 'failed') => void) {}

    schedule(value: () => unknown): void {
        this.pending = value;
        this.onState('pending');
        clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.flush(), this.delay);
    }

    async flush(): Promise<void> {
        clearTimeout(this.timer);
        while (this.running) await this.running;
        const value = this.pending;
        if (!value) return;
        this.pending = undefined;
        this.running = writeValue(this.key, value())
            .then(() => { if (!this.pending) this.onState('written'); })
            .catch((err: unknown) => { console.error('[handreiking] keeping the workspace in IndexedDB failed:', err); this.onState('failed'); })
            .finally(() => { this.running = undefined; });
        await this.running;
    }
}
