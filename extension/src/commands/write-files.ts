import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { ExportedFile } from '../../../language/export/exported-file.js';
import { writeTemporaryBeside } from '../../../language/files/temporary-file.js';
import { exportWithDialogs, type ExportTarget } from './export-dialog.js';

/**
 * Asks where to save and writes the files (export-dialog.ts). Each file is written beside its target
 * first and then renamed over it, so an interrupted export never leaves half a file or loses the
 * previous one.
 */
export function writeExport(files: readonly ExportedFile[], options: { single: boolean }): Promise<vscode.Uri[] | undefined> {
    return exportWithDialogs(files, options, writeAll);
}

/**
 * Writes every file beside its target first, and only when all are written renames them into place:
 * a write that fails (a full disk, a folder that cannot be written) leaves every existing file as it
 * was and no temporary file behind. `replaced` lists the targets already renamed over.
 */
export async function writeAll(files: readonly ExportTarget[], replaced: vscode.Uri[] = []): Promise<void> {
    const staged: Array<{ temporary: vscode.Uri; target: vscode.Uri }> = [];
    try {
        for (const file of files) {
            const bytes = typeof file.content === 'string' ? new TextEncoder().encode(file.content) : file.content;
            staged.push({ temporary: await stage(file.target, bytes), target: file.target });
        }
        while (staged.length > 0) {
            await vscode.workspace.fs.rename(staged[0].temporary, staged[0].target, { overwrite: true });
            replaced.push(staged.shift()!.target);
        }
    } finally {
        for (const s of staged) await vscode.workspace.fs.delete(s.temporary).then(undefined, () => undefined);
    }
}

/**
 * Writes the bytes to a temporary file beside the target. On disk (every workspace the extension
 * supports: it declares no virtual workspaces) that file has a random name, is created exclusively
 * so that nothing planted in a shared folder is followed, and has the permissions of the file it will
 * replace (language/files/temporary-file.ts). Any other file system gets a random name through
 * VS Code's API, which cannot create exclusively.
 */
async function stage(target: vscode.Uri, bytes: Uint8Array): Promise<vscode.Uri> {
    if (target.scheme === 'file') return vscode.Uri.file(await writeTemporaryBeside(target.fsPath, bytes));
    const name = target.path.slice(target.path.lastIndexOf('/') + 1);
    const temporary = target.with({ path: `${target.path.slice(0, target.path.length - name.length)}.${name}.${randomBytes(12).toString('hex')}.tmp` });
    try {
        await vscode.workspace.fs.writeFile(temporary, bytes);
    } catch (err) {
        await vscode.workspace.fs.delete(temporary).then(undefined, () => undefined);
        throw err;
    }
    return temporary;
}
