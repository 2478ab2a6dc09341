import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { ServerWatchdog } from './server-watchdog.js';

/** Starts the bundled language server (dist/server.cjs) in its own Node process. */
export function createLanguageClient(context: vscode.ExtensionContext): LanguageClient {
    const serverModule = context.asAbsolutePath('dist/server.cjs');
    const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc },
        debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } }
    };
    const clientOptions: LanguageClientOptions = {
        // Only the guide's files and new, unsaved ones: a .hrk file shown from another scheme (a
        // git revision in a diff, a file of another extension host) would join the workspace as a
        // second copy and report every name in it as used twice.
        documentSelector: [{ scheme: 'file', language: 'handreiking' }, { scheme: 'untitled', language: 'handreiking' }],
        synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.hrk') },
        // The server speaks the editor's display language (Dutch or English). Whether content
        // without herkomst is a warning is read at start from here, and later from the settings.
        initializationOptions: { herkomst: { streng: vscode.workspace.getConfiguration('handreiking.herkomst').get<boolean>('streng', false) } },
        outputChannelName: 'Handreiking',
        errorHandler: new ServerWatchdog({
            restarted: vscode.l10n.t('The Handreiking language server stopped unexpectedly and was started again.'),
            gaveUp: vscode.l10n.t('The Handreiking language server keeps stopping and was not started again. Reload the window to try again; the Output view (Handreiking) shows why.')
        }, message => void vscode.window.showWarningMessage(message))
    };
    return new LanguageClient('handreiking', 'Handreiking', serverOptions, clientOptions);
}
