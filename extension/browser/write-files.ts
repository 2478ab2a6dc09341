import * as vscode from 'vscode';
import type { ExportedFile } from '../../language/export/exported-file.js';
import { exportWithDialogs, type ExportTarget } from '../src/commands/export-dialog.js';

/**
 * The browser twin of extension/src/commands/write-files.ts (swapped in by the web build,
 * scripts/web/browser-substitutes.mjs): the same dialogs and messages (export-dialog.ts), and each
 * file written through VS Code's file system API, which in VS Code for the web writes to wherever
 * the workspace lives. There is no local disk here to stage a temporary file on.
 */
export function writeExport(files: readonly ExportedFile[], options: { single: boolean }): Promise<vscode.Uri[] | undefined> {
    return exportWithDialogs(files, options, writeInPlace);
}

async function writeInPlace(files: readonly ExportTarget[], replaced: vscode.Uri[]): Promise<void> {
    for (const file of files) {
        await vscode.workspace.fs.writeFile(file.target, typeof file.content === 'string' ? new TextEncoder().encode(file.content) : file.content);
        replaced.push(file.target);
    }
}
