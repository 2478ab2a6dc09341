import * as vscode from 'vscode';
import { LanguageClientWrapper } from 'monaco-languageclient/lcwrapper';
import type { MonacoLanguageClient } from 'monaco-languageclient';
import type { Lang } from '../../language/i18n/locale.js';
import type { BrowserInitializationOptions } from '../../language/lsp/browser/protocol.js';
import type { WorkspaceFile } from '../../language/lsp/browser/workspace-file-system.js';
import { blobWorker, workerSources } from './worker-sources.js';

export interface StartedClient {
    wrapper: LanguageClientWrapper;
    client: MonacoLanguageClient;
    worker: Worker;
}

/**
 * Starts our language server in a worker and monaco-languageclient's client for it. The server
 * gets the whole workspace (its disk) and the language of the diagnostics in `initialize`; a change
 * of language starts a new server.
 */
export async function startLanguageClient(options: { lang: Lang; files: WorkspaceFile[]; folder: { uri: string; name: string } }): Promise<StartedClient> {
    const worker = blobWorker(workerSources().server, 'handreiking-server');
    const initializationOptions: BrowserInitializationOptions & { lang: Lang } = { files: options.files, lang: options.lang };
    const wrapper = new LanguageClientWrapper({
        languageId: 'handreiking',
        connection: { options: { $type: 'WorkerDirect', worker } },
        clientOptions: {
            documentSelector: [{ language: 'handreiking' }],
            initializationOptions,
            workspaceFolder: { index: 0, name: options.folder.name, uri: vscode.Uri.parse(options.folder.uri) }
        }
    });
    await wrapper.start();
    const client = wrapper.getLanguageClient();
    if (!client) throw new Error('the language client did not start');
    return { wrapper, client, worker };
}
