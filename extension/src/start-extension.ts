import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerCalculateCommand } from './commands/calculate-command.js';
import { activeHrk, registerExportCommands } from './commands/export-commands.js';
import { registerReviewCommand } from './commands/review-command.js';
import type { OldVersions } from './preview/old-version.js';
import { PreviewManager } from './preview/preview-manager.js';
import { ScenarioTests } from './testing/scenario-tests.js';

/**
 * Starts the language client and wires the editor features around it: the preview, the
 * walkthrough, scenarios in the Testing view and the export commands. Nothing here talks to the
 * network; everything is computed by the bundled server.
 */
export async function startExtension(context: vscode.ExtensionContext, client: LanguageClient, oldVersions?: OldVersions): Promise<void> {
    const previews = new PreviewManager(context, client, oldVersions);
    const tests = new ScenarioTests(client);
    context.subscriptions.push(previews, tests);

    const withFile = (action: (uri: vscode.Uri) => void) => (uri?: vscode.Uri | string) => {
        const target = asUri(uri) ?? activeHrk();
        if (target) action(target);
        else void vscode.window.showWarningMessage(vscode.l10n.t('Open a .hrk file first.'));
    };
    context.subscriptions.push(
        vscode.commands.registerCommand('handreiking.openPreview', withFile(uri => previews.open(uri, false))),
        vscode.commands.registerCommand('handreiking.openPreviewToSide', withFile(uri => previews.open(uri, true))),
        vscode.commands.registerCommand('handreiking.compareWith', withFile(uri => void previews.open(uri, true).compareWith())),
        vscode.commands.registerCommand('handreiking.toggleCoverage', withFile(uri => previews.open(uri, true).toggleCoverage())),
        vscode.commands.registerCommand('handreiking.showTypologies', withFile(uri => previews.openView(uri, { kind: 'typologies' }))),
        vscode.commands.registerCommand('handreiking.showFunding', withFile(uri => previews.openView(uri, { kind: 'funding' }))),
        vscode.commands.registerCommand('handreiking.walkthrough', (uri?: vscode.Uri | string, tree?: string, from?: string) => {
            const target = asUri(uri) ?? activeHrk();
            if (!target) return;
            const preview = previews.open(target, true);
            if (tree) {
                preview.walk(tree, from);
            } else {
                const editor = vscode.window.activeTextEditor;
                preview.walkAt(editor?.document.uri.toString() === target.toString() ? editor.selection.active : undefined);
            }
        }),
        vscode.commands.registerCommand('handreiking.runScenarios', async () => {
            await vscode.commands.executeCommand('testing.runAll');
        }),
        // Informational code lenses (a typology's funding) need a command that does nothing.
        vscode.commands.registerCommand('handreiking.noop', () => undefined)
    );
    registerExportCommands(context, client, previews);
    registerReviewCommand(context, client);
    registerCalculateCommand(context, client);

    await client.start();
    // The Testing view fills when the server has built the workspace and run its scenarios; the
    // extension is active before that (which takes seconds in a large workspace), so the editor
    // can show the first file's diagnostics and preview without waiting for every scenario.
    void tests.refresh().catch(() => undefined);
}

/** Commands get a Uri from menus and a string from the server's code lenses. */
function asUri(value: unknown): vscode.Uri | undefined {
    if (value instanceof vscode.Uri) return value;
    if (typeof value === 'string' && value.length > 0) return vscode.Uri.parse(value);
    return undefined;
}
