import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createHandreikingServices } from './handreiking-module.js';

// The language server: started by the VS Code extension in its own process (stdio or IPC).
const connection = createConnection(ProposedFeatures.all);
const { shared, Handreiking } = createHandreikingServices({ connection, ...NodeFileSystem });

// Diagnostics follow VS Code's display language.
shared.lsp.LanguageServer.onInitialize(params => {
    Handreiking.i18n.Locale.setFromTag(params.locale);
});

startLanguageServer(shared);
