import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { DeepPartial, Module } from 'langium';
import { startLanguageServer } from 'langium/lsp';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createHandreikingServices, type HandreikingServices } from '../handreiking-module.js';
import { registerHandreikingFeatures } from './handreiking-server.js';
import { followHerkomstSetting } from './herkomst-setting-sync.js';
import { answerNullForOtherLanguages } from './other-languages.js';
import { SourceFileSystemProvider } from './source-file-system.js';
import { stopWhenFramingIsLost } from './stdio-framing.js';

/**
 * Starts the language server in this process, over stdio or IPC as the extension starts it
 * (language/main.ts). `overrides` replaces services, as Langium's modules do: the product passes
 * none; the resilience tests start a build of their own with failing ones
 * (test/lsp/resilience/fault-server.ts).
 */
export function startServer(overrides?: Module<HandreikingServices, DeepPartial<HandreikingServices>>): void {
    const connection = createConnection(ProposedFeatures.all);
    // The workspace's files are read as the command line reads them: at most 16 MB, regular files only.
    const files = new SourceFileSystemProvider();
    const { shared, Handreiking } = createHandreikingServices({ connection, fileSystemProvider: () => files }, overrides ? { language: overrides } : undefined);
    files.forgetDeletedFiles(shared);

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
}
