import * as vscode from 'vscode';
import type { ExportedFile } from '../../../language/export/exported-file.js';

/** One file to write where the user chose. */
export interface ExportTarget {
    target: vscode.Uri;
    content: string | Uint8Array;
}

/**
 * Writes the files to their targets; `replaced` lists the targets already overwritten when it
 * throws, for the message. On disk it is write-files.ts's `writeAll` (all staged, then renamed);
 * in VS Code for the web, extension/browser/write-files.ts's (VS Code's file system API).
 */
export type WriteTargets = (files: readonly ExportTarget[], replaced: vscode.Uri[]) => Promise<void>;

/**
 * An export as the user meets it in both editions, desktop and web: where to save (a save dialog
 * for a single file, a folder otherwise), then the files written by `write`, then one message of
 * what happened. Undefined when there was nothing to write, the user cancelled, or the write failed.
 */
export async function exportWithDialogs(files: readonly ExportedFile[], options: { single: boolean }, write: WriteTargets): Promise<vscode.Uri[] | undefined> {
    if (files.length === 0) {
        void vscode.window.showWarningMessage(vscode.l10n.t('There is nothing to export.'));
        return undefined;
    }
    const targets = await chooseTargets(files, options.single);
    if (!targets) return undefined;
    const replaced: vscode.Uri[] = [];
    try {
        await write(files.map((f, i) => ({ target: targets[i], content: f.content })), replaced);
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

/** The target of each file: asked with a save dialog for a single file, as a folder otherwise. */
async function chooseTargets(files: readonly ExportedFile[], single: boolean): Promise<vscode.Uri[] | undefined> {
    const base = vscode.workspace.workspaceFolders?.[0]?.uri;
    if (single && files.length === 1) {
        const uri = await vscode.window.showSaveDialog({
            ...(base ? { defaultUri: vscode.Uri.joinPath(base, files[0].name) } : {}),
            saveLabel: vscode.l10n.t('Export')
        });
        return uri ? [uri] : undefined;
    }
    const folder = await vscode.window.showOpenDialog({
        canSelectFiles: false, canSelectFolders: true, canSelectMany: false,
        ...(base ? { defaultUri: base } : {}),
        openLabel: vscode.l10n.t('Export here')
    });
    return folder?.[0] ? files.map(f => vscode.Uri.joinPath(folder[0], f.name)) : undefined;
}
