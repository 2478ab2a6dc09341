import * as vscode from 'vscode';
import type { ExportedFile } from '../../language/export/exported-file.js';

/**
 * The browser twin of extension/src/commands/write-files.ts (swapped in by the web build,
 * scripts/web/browser-substitutes.mjs): the same dialogs, and each file written through VS Code's
 * file system API, which in VS Code for the web writes to wherever the workspace lives. There is
 * no local disk here to stage a temporary file on.
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
        for (const [i, file] of files.entries()) {
            await vscode.workspace.fs.writeFile(targets[i], typeof file.content === 'string' ? new TextEncoder().encode(file.content) : file.content);
            replaced.push(targets[i]);
        }
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
