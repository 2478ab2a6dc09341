import * as vscode from 'vscode';
import type { WorkspaceFile } from '../../language/lsp/browser/workspace-file-system.js';

/** The largest file handed to the server: 16 MB, as on the command line (language/cli/read-source.ts). */
const MAX_FILE_BYTES = 16 * 1024 * 1024;
const PATTERN = '**/*.hrk';
const EXCLUDE = '**/{node_modules,.git}/**';

/** Every .hrk file of the workspace (up to 16 MB, UTF-8), for the server's initialize. */
export async function readWorkspaceFiles(): Promise<WorkspaceFile[]> {
    const uris = await vscode.workspace.findFiles(PATTERN, EXCLUDE);
    const files = await Promise.all(uris.map(read));
    return files.filter((f): f is WorkspaceFile => f !== undefined);
}

async function read(uri: vscode.Uri): Promise<WorkspaceFile | undefined> {
    try {
        if ((await vscode.workspace.fs.stat(uri)).size > MAX_FILE_BYTES) return undefined;
        const text = new TextDecoder('utf-8', { fatal: true }).decode(await vscode.workspace.fs.readFile(uri));
        return { uri: uri.toString(), text };
    } catch {
        // Unreadable or not UTF-8: the server does without it, as the CLI skips it with a message.
        return undefined;
    }
}

/** Tells `changed` about .hrk files created, changed or deleted outside the editors. */
export function watchWorkspaceFiles(changed: (change: { files: WorkspaceFile[]; deleted: string[] }) => void): vscode.Disposable {
    const watcher = vscode.workspace.createFileSystemWatcher(PATTERN);
    const send = async (uri: vscode.Uri) => {
        const file = await read(uri);
        changed(file ? { files: [file], deleted: [] } : { files: [], deleted: [uri.toString()] });
    };
    watcher.onDidCreate(uri => void send(uri));
    watcher.onDidChange(uri => void send(uri));
    watcher.onDidDelete(uri => changed({ files: [], deleted: [uri.toString()] }));
    return watcher;
}
