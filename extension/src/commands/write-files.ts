import * as vscode from 'vscode';

export interface FileToWrite {
    name: string;
    content: string | Uint8Array;
}

/**
 * Asks where to save and writes the files. Each file is written beside its target first and then
 * renamed over it, so an interrupted export never leaves half a file or loses the previous one.
 */
export async function writeExport(files: FileToWrite[], options: { single: boolean }): Promise<vscode.Uri[] | undefined> {
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
    try {
        for (let i = 0; i < files.length; i++) await writeAtomic(targets[i], files[i].content);
    } catch (err) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Export failed: {0}. Existing files were not touched.', (err as Error).message));
        return undefined;
    }
    const shown = targets.length === 1 ? vscode.workspace.asRelativePath(targets[0]) : vscode.l10n.t('{0} files', targets.length);
    void vscode.window.showInformationMessage(vscode.l10n.t('Exported: {0}', shown));
    return targets;
}

async function writeAtomic(target: vscode.Uri, content: string | Uint8Array): Promise<void> {
    const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    const temporary = target.with({ path: `${target.path}.${Date.now().toString(36)}.tmp` });
    await vscode.workspace.fs.writeFile(temporary, bytes);
    try {
        await vscode.workspace.fs.rename(temporary, target, { overwrite: true });
    } catch (err) {
        await vscode.workspace.fs.delete(temporary).then(undefined, () => undefined);
        throw err;
    }
}
