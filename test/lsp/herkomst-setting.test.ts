import * as fs from 'node:fs';
import { afterEach, describe, expect, test } from 'vitest';
import { DidChangeConfigurationNotification } from 'vscode-languageserver-protocol';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { LspSession, serverBundle } from './resilience/lsp-session.js';

/**
 * The setting handreiking.herkomst.streng reaches the bundled language server: as an
 * initialization option at start (as the extension sends it), and as a configuration change later,
 * after which the open documents are checked again.
 */

const text = 'hoofdstuk H "H"\n';
let session: LspSession | undefined;
afterEach(async () => { await session?.stop(); session = undefined; });

const severities = async (s: LspSession, uri: string, expected: DiagnosticSeverity, what: string) =>
    (await s.diagnosticsWhere(uri, d => d.some(x => x.code === 'HRK060' && x.severity === expected), what)).filter(d => d.code === 'HRK060');

describe('the setting handreiking.herkomst.streng in the language server', () => {
    test('without it, unmarked content is a hint', async () => {
        expect(fs.existsSync(serverBundle), 'run `node scripts/bundle-extension.mjs` first').toBe(true);
        session = await LspSession.start({ 'h.hrk': text });
        const uri = await session.open('h.hrk', text);
        const found = await severities(session, uri, DiagnosticSeverity.Hint, 'HRK060 as a hint');
        expect(found.map(d => d.severity)).toEqual([DiagnosticSeverity.Hint]);
    });

    test('strict from the start (initialization option), and back to a hint when the setting changes', async () => {
        session = await LspSession.start({ 'h.hrk': text }, {}, { herkomst: { streng: true } });
        const uri = await session.open('h.hrk', text);
        const strict = await severities(session, uri, DiagnosticSeverity.Warning, 'HRK060 as a warning');
        expect(strict.map(d => d.severity)).toEqual([DiagnosticSeverity.Warning]);
        await session.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { handreiking: { herkomst: { streng: false } } } });
        const relaxed = await severities(session, uri, DiagnosticSeverity.Hint, 'HRK060 as a hint after the change');
        expect(relaxed.map(d => d.severity)).toEqual([DiagnosticSeverity.Hint]);
        await session.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { handreiking: { herkomst: { streng: true } } } });
        await severities(session, uri, DiagnosticSeverity.Warning, 'HRK060 as a warning again');
    });
});
