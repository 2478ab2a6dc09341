import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LspSession } from './lsp-session.js';

/**
 * A client that sends every open document (not only .hrk ones) must not stall the server: a
 * request about a `plaintext` document is answered with null at once, and the documents of the
 * guide go on getting diagnostics.
 */

const typen = 'kenmerk Schaal "Schaal" { "klein", "groot" }\ntypologie Huiskamer "Huiskamer" { Schaal = "klein" }\n';
const boom = 'beslisboom Boom "Boom" {\n    vraag V "Stabiel?" {\n        ja  -> A\n        nee -> Onbekend\n    }\n    advies A "Ga door"\n}\n';
const text = { uri: 'file:///tmp/x.txt', languageId: 'plaintext', version: 1, text: 'hallo wereld\nvraag V "Stabiel?"\n' };
const position = { line: 0, character: 2 };
const range = { start: { line: 0, character: 0 }, end: { line: 1, character: 5 } };

/** Every request an editor sends about a document, with its parameters. */
const requests: Record<string, object> = {
    'textDocument/hover': { position },
    'textDocument/completion': { position },
    'textDocument/definition': { position },
    'textDocument/references': { position, context: { includeDeclaration: true } },
    'textDocument/documentHighlight': { position },
    'textDocument/documentSymbol': {},
    'textDocument/foldingRange': {},
    'textDocument/formatting': { options: { tabSize: 4, insertSpaces: true } },
    'textDocument/rangeFormatting': { range, options: { tabSize: 4, insertSpaces: true } },
    'textDocument/codeAction': { range, context: { diagnostics: [] } },
    'textDocument/prepareRename': { position },
    'textDocument/rename': { position, newName: 'X' },
    'textDocument/codeLens': {},
    'textDocument/inlayHint': { range },
    'textDocument/semanticTokens/full': {},
    'textDocument/semanticTokens/range': { range }
};

describe('a document of another language, opened by the client', () => {
    let session: LspSession;
    beforeAll(async () => {
        session = await LspSession.start({ 'typen.hrk': typen });
        await session.connection.sendNotification('textDocument/didOpen', { textDocument: text });
    });
    afterAll(() => session.stop());

    test.each(Object.keys(requests))('%s is answered with null at once', async method => {
        const answer = await session.request(method, { textDocument: { uri: text.uri }, ...requests[method] }, 5_000);
        expect(answer).toEqual({ ok: true, value: null });
    });

    test('gets no diagnostics, and the guide\'s documents still do, also after an edit of the text', async () => {
        await session.connection.sendNotification('textDocument/didChange', {
            textDocument: { uri: text.uri, version: 2 }, contentChanges: [{ text: 'nog steeds geen handreiking' }]
        });
        const uri = await session.open('boom.hrk', boom);
        const diagnostics = await session.diagnosticsWhere(uri, d => d.length > 0, 'HRK002 in boom.hrk', 15_000);
        expect(diagnostics.map(d => d.code)).toContain('HRK002');
        await session.change(uri, 2, boom.replace('-> Onbekend', '-> A'));
        await session.diagnosticsWhere(uri, d => !d.some(x => x.code === 'HRK002'), 'the fixed boom.hrk', 15_000);
        const hover = await session.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 10 } }, 5_000);
        expect(hover.ok && hover.value?.contents.value).toContain('Stabiel\\?');
        expect(session.diagnostics.has(text.uri)).toBe(false);
        expect(session.alive).toBe(true);
    });
});
