import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { ExportedFile } from '../../../language/export/exported-file.js';
import { writeTemporaryBeside } from '../../../language/files/temporary-file.js';

/**
 * Asks where to save and writes the files. Each file is written beside its target first and then
 * renamed over it, so an interrupted export never leaves half a file or loses the previous one.
 */
export async function writeExport(files: readonly ExportedFile[], options: { single: boolean }): Promise<vscode.Uri[] | undefined> {
    if (files.length === 0) {
        void vscode.window.showWarningMessage(vscode.l10n.t('There is nothing to export.'));
        return undefined;
    }
    const base = vscode.workspace.workspaceFolders?.[0]?.uri;
    let targets: vscode.Uri[];
    if (options.single && files.length === 1) {
        const uri = await vscode.window.showSaveDialog({
            ...(base ? { defaultUri: vscode.Uri.joinPath(base, files[0].name) } : {}),
            saveLabel: vscode.l10n.t('Export')
        });
        if (!uri) return undefined;
        targets = [uri];
    } else {
        const folder = await vscode.window.showOpenDialog({
            canSelectFiles: false, canSelectFolders: true, canSelectMany: false,
            ...(base ? { defaultUri: base } : {}),
            openLabel: vscode.l10n.t('Export here')
        });
        if (!folder?.[0]) return undefined;
        targets = files.map(f => vscode.Uri.joinPath(folder[0], f.name));
    }
    const replaced: vscode.Uri[] = [];
    try {
        await writeAll(files.map((f, i) => ({ target: targets[i], content: f.content })), replaced);
    } catch (err) {
        void vscode.window.showErrorMessage(replaced.length === 0
            ? vscode.l10n.t('Export failed: {0}. Existing files were not touched.', (err as Error).message)
            : vscode.l10n.t('Export failed: {0}. Already replaced: {1}; the other existing files were not touched.', (err as Error).message,
                replaced.map(u => vscode.workspace.asRelativePath(u)).join(', ')));
        return undefined;
    }
    const shown = targets.length === 1 ? vscode.workspace.asRelativePath(targets[0]) : vscode.l10n.t('{0} files', targets.length);
    void vscode.window.showInformationMessage(vscode.l10n.t('Exported: {0}', shown));
    return targets;
}

/**
 * Writes every file beside its target first, and only when all are written renames them into place:
 * a write that fails (a full disk, a folder that cannot be written) leaves every existing file as it
 * was and no temporary file behind. `replaced` lists the targets already renamed over.
 */
export async function writeAll(files: ReadonlyArray<{ target: vscode.Uri; content: string | Uint8Array }>, replaced: vscode.Uri[] = []): Promise<void> {
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
