import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { singleFileExtension, type TextExportFormat } from '../../../language/export/export-formats.js';
import { safeFileName } from '../../../language/export/file-names.js';
import { ExportRequest } from '../../../language/lsp/protocol.js';
import type { PreviewManager } from '../preview/preview-manager.js';
import { dataUrlBytes } from '../preview/data-url.js';
import { requireTrust } from '../preview/preview-panel.js';
import { writeExport } from './write-files.js';

/** JSON, Mermaid and the HTML guide come from the server; SVG and PNG are drawn by the preview. */
export function registerExportCommands(context: vscode.ExtensionContext, client: LanguageClient, previews: PreviewManager): void {
    const server = (format: TextExportFormat, scope: 'file' | 'workspace') => async (uri?: vscode.Uri) => {
        if (!requireTrust()) return;
        const target = scope === 'file' ? (uri ?? activeHrk()) : undefined;
        if (scope === 'file' && !target) return noFile();
        const files = await vscode.window.withProgress(
            { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Exporting…') },
            () => client.sendRequest(ExportRequest.type, { format, ...(target ? { uri: target.toString() } : {}) }));
        await writeExport(files, { single: singleFileExtension(format) !== undefined });
    };
    const image = (format: 'svg' | 'png') => async (uri?: vscode.Uri) => {
        if (!requireTrust()) return;
        const target = uri ?? activeHrk();
        if (!target) return noFile();
        const preview = previews.open(target);
        const { files, failed } = await vscode.window.withProgress(
            { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Drawing the diagrams…') },
            () => preview.renderAll(format));
        // All trees or none, as on the command line; the preview's banner says the same.
        if (failed.length > 0) {
            void vscode.window.showErrorMessage(vscode.l10n.t('Nothing was exported: not every decision tree could be drawn. {0}', failed.join(' ')));
            return;
        }
        await writeExport(files.map(f => ({
            // The names come from the webview: one file name each, never a path.
            name: safeFileName(f.name),
            content: format === 'png' ? dataUrlBytes(f.data) : f.data
        })), { single: false });
    };
    context.subscriptions.push(
        vscode.commands.registerCommand('handreiking.exportJson', server('json', 'workspace')),
        vscode.commands.registerCommand('handreiking.exportJsonFile', server('json', 'file')),
        vscode.commands.registerCommand('handreiking.exportMermaid', server('mermaid', 'workspace')),
        vscode.commands.registerCommand('handreiking.exportMermaidFile', server('mermaid', 'file')),
        vscode.commands.registerCommand('handreiking.exportHtml', server('html', 'workspace')),
        vscode.commands.registerCommand('handreiking.exportHtmlFile', server('html', 'file')),
        vscode.commands.registerCommand('handreiking.exportSvg', image('svg')),
        vscode.commands.registerCommand('handreiking.exportPng', image('png'))
    );
}

export function activeHrk(): vscode.Uri | undefined {
    const document = vscode.window.activeTextEditor?.document;
    return document?.languageId === 'handreiking' ? document.uri : undefined;
}

function noFile(): void {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a .hrk file first.'));
}
