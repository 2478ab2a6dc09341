import { URI } from 'langium';
import { startLanguageServer } from 'langium/lsp';
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { createHandreikingServices } from '../../handreiking-module.js';
import { registerHandreikingFeatures } from '../handreiking-server.js';
import { followHerkomstSetting } from '../herkomst-setting-sync.js';
import { answerNullForOtherLanguages } from '../other-languages.js';
import { GuideScriptsRequest, WorkspaceFilesNotification, type BrowserInitializationOptions } from './protocol.js';
import { WorkspaceFileSystem } from './workspace-file-system.js';

// The language server in a Web Worker (the browser edition, web/; VS Code for the web): the same
// services, checks and features as the Node server (start-server.ts), over the worker's messages.
// What the Node server reads from disk comes from the page: the workspace's files
// (WorkspaceFileSystem) and the HTML guide's scripts (GuideScriptsRequest).
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
const files = new WorkspaceFileSystem();
const { shared, Handreiking } = createHandreikingServices({ connection, fileSystemProvider: () => files });

shared.lsp.LanguageServer.onInitialize(params => {
    const options = params.initializationOptions as BrowserInitializationOptions | undefined;
    Handreiking.i18n.Locale.setFromTag(options?.lang ?? params.locale);
    files.set(options?.files ?? []);
});
followHerkomstSetting(shared, Handreiking);

registerHandreikingFeatures(connection, shared, Handreiking, () => connection.sendRequest(GuideScriptsRequest.type));

// A file changed outside the editors (a folder read again, an upload, a file removed): the same
// update as a watched file change on disk.
connection.onNotification(WorkspaceFilesNotification.type, params => {
    files.set(params.files);
    files.delete(params.deleted);
    const changed = params.files.map(f => URI.parse(f.uri));
    const deleted = params.deleted.map(uri => URI.parse(uri));
    const workspace = shared.workspace;
    void workspace.WorkspaceManager.ready.then(() => workspace.WorkspaceLock.write(token => workspace.DocumentBuilder.update(changed, deleted, token)));
});

startLanguageServer(shared);
answerNullForOtherLanguages(connection, shared);
