import * as vscode from 'vscode';
import { LanguageClient as BrowserLanguageClient, type LanguageClientOptions } from 'vscode-languageclient/browser';
import type { LanguageClient } from 'vscode-languageclient/node';
import { GuideScriptsRequest, WorkspaceFilesNotification } from '../../language/lsp/browser/protocol.js';
import { ServerWatchdog } from '../src/server-watchdog.js';
import { startExtension } from '../src/start-extension.js';
import { readWorkspaceFiles, watchWorkspaceFiles } from './workspace-files.js';

let client: BrowserLanguageClient | undefined;

/**
 * The extension in VS Code for the web (vscode.dev, github.dev): the same language server as on
 * the desktop, built for a Web Worker (dist/browser-server.js, language/lsp/browser/main.ts), and
 * the same features (start-extension.ts). A worker has no disk: the workspace's .hrk files are read
 * through VS Code's file system API and handed to the server, and so is every later change.
 */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
    const files = await readWorkspaceFiles();
    const worker = await startServerWorker(vscode.Uri.joinPath(context.extensionUri, 'dist', 'browser-server.js'));
    const schemes = [...new Set((vscode.workspace.workspaceFolders ?? []).map(f => f.uri.scheme))];
    const clientOptions: LanguageClientOptions = {
        documentSelector: [...schemes.map(scheme => ({ scheme, language: 'handreiking' })), { scheme: 'untitled', language: 'handreiking' }],
        initializationOptions: {
            herkomst: { streng: vscode.workspace.getConfiguration('handreiking.herkomst').get<boolean>('streng', false) },
            files
        },
        outputChannelName: 'Handreiking',
        errorHandler: new ServerWatchdog({
            restarted: vscode.l10n.t('The Handreiking language server stopped unexpectedly and was started again.'),
            gaveUp: vscode.l10n.t('The Handreiking language server keeps stopping and was not started again. Reload the window to try again; the Output view (Handreiking) shows why.')
        }, message => void vscode.window.showWarningMessage(message))
    };
    client = new BrowserLanguageClient('handreiking', 'Handreiking', worker, clientOptions);
    // The HTML guide carries Mermaid and its app inline: the server asks for them, they lie beside it.
    client.onRequest(GuideScriptsRequest.type, async () => {
        const read = async (name: string) => new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'dist', name)));
        const [mermaidJs, appJs] = await Promise.all([read('mermaid.min.js'), read('guide-app.js')]);
        return { mermaidJs, appJs };
    });
    context.subscriptions.push(watchWorkspaceFiles(change => {
        if (client?.isRunning()) void client.sendNotification(WorkspaceFilesNotification.type, change);
    }));
    // The features take the desktop client's type; both clients are vscode-languageclient's
    // BaseLanguageClient with the same API, only their transports differ.
    await startExtension(context, client as unknown as LanguageClient);
}

/**
 * The server's worker. In vscode.dev and github.dev the extension's files have a URL a worker can
 * start from. When the extension lives on a remote server (code-server, a remote window), VS Code's
 * web worker extension host starts no worker from its `vscode-remote:` URL: the script is read
 * through VS Code's file system API and started from a blob instead.
 */
async function startServerWorker(script: vscode.Uri): Promise<Worker> {
    if (script.scheme !== 'vscode-remote') return new Worker(script.toString(true));
    const source = await vscode.workspace.fs.readFile(script);
    return new Worker(URL.createObjectURL(new Blob([source as BlobPart], { type: 'text/javascript' })));
}

export async function deactivate(): Promise<void> {
    await client?.stop();
}
