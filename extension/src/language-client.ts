import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

/** Starts the bundled language server (dist/server.cjs) in its own Node process. */
export function createLanguageClient(context: vscode.ExtensionContext): LanguageClient {
    const serverModule = context.asAbsolutePath('dist/server.cjs');
    const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc },
        debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } }
    };
    const clientOptions: LanguageClientOptions = {
        documentSelector: [{ language: 'handreiking' }],
        synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.hrk') },
        // The server speaks the editor's display language (Dutch or English).
        initializationOptions: {},
        outputChannelName: 'Handreiking',
        connectionOptions: { maxRestartCount: 4 }
    };
    return new LanguageClient('handreiking', 'Handreiking', serverOptions, clientOptions);
}
