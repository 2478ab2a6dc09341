import { decodeFile, MAX_FILE_BYTES, type WorkspaceFileState } from './workspace.js';

/**
 * Reading and writing the editor's files on the user's computer: a folder through the File System
 * Access API where the browser has it (Chromium-based browsers), otherwise files picked with an
 * upload field and changes saved as downloads.
 */

/** Not in TypeScript's DOM library yet: the picker and the permission calls. */
interface FolderAccess {
    showDirectoryPicker?(options?: { mode?: 'read' | 'readwrite'; id?: string }): Promise<FileSystemDirectoryHandle>;
}
interface PermissionHandle {
    queryPermission?(options: { mode: 'readwrite' }): Promise<PermissionState>;
    requestPermission?(options: { mode: 'readwrite' }): Promise<PermissionState>;
}

export function canOpenFolder(): boolean {
    return typeof (window as FolderAccess).showDirectoryPicker === 'function' && window.isSecureContext;
}

export interface ReadResult {
    files: WorkspaceFileState[];
    /** Files not opened: too large or not UTF-8 (their paths). */
    skipped: Array<{ path: string; problem: 'tooLarge' | 'notUtf8' }>;
}

/** Asks for a folder and reads every .hrk file in it (not in hidden folders or node_modules). */
export async function pickFolder(): Promise<{ handle: FileSystemDirectoryHandle; result: ReadResult } | undefined> {
    const picker = (window as FolderAccess).showDirectoryPicker;
    if (!picker) return undefined;
    let handle: FileSystemDirectoryHandle;
    try {
        handle = await picker.call(window, { mode: 'readwrite', id: 'handreiking' });
    } catch (err) {
        if (err instanceof DOMException && err.name === 'AbortError') return undefined;
        throw err;
    }
    const result: ReadResult = { files: [], skipped: [] };
    const reads: Array<Promise<void>> = [];
    await readFolder(handle, '', result, reads);
    await Promise.all(reads);
    return { handle, result };
}

async function readFolder(folder: FileSystemDirectoryHandle, prefix: string, result: ReadResult, reads: Array<Promise<void>>): Promise<void> {
    for await (const entry of (folder as unknown as { values(): AsyncIterable<FileSystemHandle> }).values()) {
        const path = prefix + entry.name;
        if (entry.kind === 'directory') {
            if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
            await readFolder(entry as FileSystemDirectoryHandle, `${path}/`, result, reads);
        } else if (entry.name.endsWith('.hrk')) {
            const file = await (entry as FileSystemFileHandle).getFile();
            add(result, reads, path, file.size, () => file.arrayBuffer());
        }
    }
}

/** Reads the files of an upload field (several .hrk files, or a folder where the browser allows it). */
export async function readUploaded(list: FileList): Promise<ReadResult> {
    const result: ReadResult = { files: [], skipped: [] };
    const reads: Array<Promise<void>> = [];
    for (const file of Array.from(list)) {
        if (!file.name.endsWith('.hrk')) continue;
        const path = (file.webkitRelativePath || file.name).split('/').slice(file.webkitRelativePath ? 1 : 0).join('/');
        add(result, reads, path, file.size, () => file.arrayBuffer());
    }
    await Promise.all(reads);
    return result;
}

function add(result: ReadResult, reads: Array<Promise<void>>, path: string, size: number, read: () => Promise<ArrayBuffer>): void {
    // The size is known before reading: a file over 16 MB is never read into memory.
    if (size > MAX_FILE_BYTES) {
        result.skipped.push({ path, problem: 'tooLarge' });
        return;
    }
    reads.push(read().then(buffer => {
        const decoded = decodeFile(new Uint8Array(buffer));
        if ('text' in decoded) result.files.push({ path, text: decoded.text, saved: decoded.text });
        else result.skipped.push({ path, problem: decoded.problem });
    }));
}

/** Whether the page may write to the folder now; asks the user when `ask` (needs a click). */
export async function mayWrite(handle: FileSystemDirectoryHandle, ask: boolean): Promise<boolean> {
    const h = handle as unknown as PermissionHandle;
    if (!h.queryPermission) return true;
    if (await h.queryPermission({ mode: 'readwrite' }) === 'granted') return true;
    return ask && h.requestPermission ? (await h.requestPermission({ mode: 'readwrite' })) === 'granted' : false;
}

/** Writes one file into the folder, making its subfolders as needed. */
export async function writeToFolder(handle: FileSystemDirectoryHandle, path: string, text: string): Promise<void> {
    const parts = path.split('/');
    let folder = handle;
    for (const part of parts.slice(0, -1)) folder = await folder.getDirectoryHandle(part, { create: true });
    const file = await folder.getFileHandle(parts[parts.length - 1], { create: true });
    const writable = await file.createWritable();
    await writable.write(text);
    await writable.close();
}

/** Offers `content` as a download named `name` (a file name, never a path). */
export function download(name: string, content: string | Uint8Array | Blob, type = 'application/octet-stream'): void {
    const blob = content instanceof Blob ? content : new Blob([content as BlobPart], { type });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
    // The download has started from the click; the URL is released a little later.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
