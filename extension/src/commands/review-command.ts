import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ReviewSummaryRequest } from '../../../language/lsp/protocol.js';

/**
 * "Markdown summary of the changes": what the working copy (the open documents as edited) does to
 * the guide compared with git HEAD, as `handreiking diff HEAD --format markdown` prints it, on the
 * clipboard for a pull-request comment. The server reads git (language/lsp/review-summary.ts);
 * running git in a folder is running that folder's configuration, so only in a trusted workspace.
 */
export function registerReviewCommand(context: vscode.ExtensionContext, client: LanguageClient): void {
    context.subscriptions.push(vscode.commands.registerCommand('handreiking.copyReviewSummary', async () => {
        if (!vscode.workspace.isTrusted) {
            void vscode.window.showWarningMessage(vscode.l10n.t('Comparing with git runs git in this folder: trust this workspace first (Workspaces: Manage Workspace Trust).'));
            return;
        }
        const active = vscode.window.activeTextEditor?.document.uri;
        const folder = (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
        if (!folder) {
            void vscode.window.showWarningMessage(vscode.l10n.t('Open a folder first.'));
            return;
        }
        const summary = await vscode.window.withProgress(
            { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Comparing with HEAD…') },
            () => client.sendRequest(ReviewSummaryRequest.type, { folder: folder.uri.toString() }));
        if ('error' in summary) {
            void vscode.window.showErrorMessage(summary.error);
            return;
        }
        await vscode.env.clipboard.writeText(summary.markdown);
        void vscode.window.showInformationMessage(vscode.l10n.t('The summary of the changes (Markdown) is on the clipboard.'));
    }));
}
