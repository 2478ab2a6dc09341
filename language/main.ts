import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createHandreikingServices } from './handreiking-module.js';
import { registerHandreikingFeatures } from './lsp/handreiking-server.js';
import { followHerkomstSetting } from './lsp/herkomst-setting-sync.js';
import { answerNullForOtherLanguages } from './lsp/other-languages.js';
import { stopWhenFramingIsLost } from './lsp/stdio-framing.js';
import { testFaultModule } from './lsp/test-faults.js';

// The language server: started by the VS Code extension in its own process (stdio or IPC).
const connection = createConnection(ProposedFeatures.all);
const { shared, Handreiking } = createHandreikingServices({ connection, ...NodeFileSystem }, { language: testFaultModule() });

// Diagnostics follow VS Code's display language.
shared.lsp.LanguageServer.onInitialize(params => {
    Handreiking.i18n.Locale.setFromTag(params.locale);
});

// Content without herkomst is a hint, or a warning with the setting handreiking.herkomst.streng.
followHerkomstSetting(shared, Handreiking);

// In the .vsix the server is dist/server.cjs with the HTML guide's scripts beside it.
registerHandreikingFeatures(connection, shared, Handreiking, async () => {
    const dir = typeof __dirname === 'string' ? __dirname : path.dirname(process.argv[1] ?? '.');
    const [mermaidJs, appJs] = await Promise.all([
        fs.readFile(path.join(dir, 'mermaid.min.js'), 'utf-8'),
        fs.readFile(path.join(dir, 'guide-app.js'), 'utf-8')
    ]);
    return { mermaidJs, appJs };
});

startLanguageServer(shared);
answerNullForOtherLanguages(connection, shared);

// A header that cannot be read puts every later message out of step: stop, so the client restarts us.
if (process.argv.includes('--stdio')) {
    stopWhenFramingIsLost(process.stdin, reason => {
        process.stderr.write(`[handreiking] the messages from the client can no longer be read (${reason.slice(0, 200).replace(/\p{Cc}+/gu, ' ')}); the language server stops so that it can be started again.\n`);
        process.exit(1);
    });
}
