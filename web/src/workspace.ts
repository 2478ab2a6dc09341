/**
 * The files the page edits: one workspace at a time, the guide from examples/ (preloaded), a
 * folder opened with the File System Access API, or uploaded files. Each file keeps its text and
 * the text last saved (to the folder, by a download, or as loaded), so the page knows what is
 * unsaved. Paths are relative to the workspace's root, with `/`.
 */

import { compareText } from '../../language/text/collation.js';

export type WorkspaceMode = 'guide' | 'folder' | 'upload';

export interface WorkspaceFileState {
    path: string;
    text: string;
    saved: string;
}

/** What is kept in IndexedDB (persist.ts). */
export interface StoredWorkspace {
    root: string;
    mode: WorkspaceMode;
    files: WorkspaceFileState[];
    tabs: string[];
    active?: string;
    handle?: FileSystemDirectoryHandle;
}

/** The largest file that is opened: 16 MB, as on the command line (language/cli/read-source.ts). */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

export class Workspace {
    readonly files = new Map<string, WorkspaceFileState>();
    tabs: string[] = [];
    active: string | undefined;

    constructor(readonly root: string, readonly mode: WorkspaceMode, files: readonly WorkspaceFileState[], readonly handle?: FileSystemDirectoryHandle) {
        for (const file of [...files].sort((a, b) => compareText(a.path, b.path))) this.files.set(file.path, { ...file });
    }

    static fromStored(stored: StoredWorkspace): Workspace {
        const workspace = new Workspace(stored.root, stored.mode, stored.files, stored.handle);
        workspace.tabs = stored.tabs.filter(path => workspace.files.has(path));
        workspace.active = stored.active && workspace.files.has(stored.active) ? stored.active : workspace.tabs[0];
        return workspace;
    }

    toStored(): StoredWorkspace {
        return {
            root: this.root, mode: this.mode, files: [...this.files.values()], tabs: this.tabs,
            ...(this.active ? { active: this.active } : {}), ...(this.handle ? { handle: this.handle } : {})
        };
    }

    /** The URI the editor and the language server know the file by: `file:///<root>/<path>`. */
    uriOf(path: string): string {
        return `file:///${[this.root, ...path.split('/')].map(encodeURIComponent).join('/')}`;
    }

    pathOf(uri: string): string | undefined {
        for (const path of this.files.keys()) if (this.uriOf(path) === uri) return path;
        return undefined;
    }

    isDirty(path: string): boolean {
        const file = this.files.get(path);
        return file !== undefined && file.text !== file.saved;
    }

    dirty(): string[] {
        return [...this.files.keys()].filter(path => this.isDirty(path));
    }

    open(path: string): void {
        if (!this.tabs.includes(path)) this.tabs.push(path);
        this.active = path;
    }

    close(path: string): void {
        const index = this.tabs.indexOf(path);
        if (index < 0) return;
        this.tabs.splice(index, 1);
        if (this.active === path) this.active = this.tabs[Math.min(index, this.tabs.length - 1)];
    }
}

/** A file's bytes as text, or why not: too large, or not UTF-8. */
export function decodeFile(bytes: Uint8Array): { text: string } | { problem: 'tooLarge' | 'notUtf8' } {
    if (bytes.byteLength > MAX_FILE_BYTES) return { problem: 'tooLarge' };
    try {
        return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
    } catch {
        return { problem: 'notUtf8' };
    }
}
