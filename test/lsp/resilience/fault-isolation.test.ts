import * as fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CompletionList, Hover } from 'vscode-languageserver-protocol';
import type { PreviewData } from '../../../language/lsp/protocol.js';
import { bundleFaultServer, LspSession, serverBundle } from './lsp-session.js';
import { exampleWorkspace } from '../../helpers.js';

/**
 * One failing feature does not take the others down. A test build of the server (fault-server.ts,
 * bundled here) is started with HANDREIKING_TEST_FAULT, which makes the named service throw
 * (test-faults.ts, put in through Langium's module overrides); the tests show how the failure is
 * answered, that it is logged, and that every other feature, the diagnostics and the process carry
 * on. The product's bundle has none of this.
 */

let faultServer: Awaited<ReturnType<typeof bundleFaultServer>>;
beforeAll(async () => { faultServer = await bundleFaultServer(); }, 120_000);
afterAll(() => faultServer?.remove());

test('the product\'s server bundle carries no fault machinery', () => {
    expect(fs.existsSync(serverBundle), 'run `node scripts/bundle-extension.mjs --only server` first').toBe(true);
    const product = fs.readFileSync(serverBundle, 'utf-8');
    expect(product).not.toContain('HANDREIKING_TEST_FAULT');
    expect(fs.readFileSync(faultServer.file, 'utf-8')).toContain('HANDREIKING_TEST_FAULT');
});

const InternalError = -32603;
const position = { line: 3, character: 14 }; // on the name of `beslisboom QuickscanBoom`

/** The position in `text` just after the first occurrence of `before`. */
function after(text: string, before: string): { line: number; character: number } {
    const lines = text.slice(0, text.indexOf(before) + before.length).split('\n');
    return { line: lines.length - 1, character: lines.at(-1)!.length };
}

async function started(fault: string): Promise<{ session: LspSession; uri: string; text: string }> {
    const files = exampleWorkspace();
    const session = await LspSession.start(files, { HANDREIKING_TEST_FAULT: fault }, undefined, faultServer.file);
    const text = files['quickscan.hrk'];
    const uri = await session.open('quickscan.hrk', text);
    await session.diagnosticsWhere(uri, d => d.length === 0, 'the clean example');
    return { session, uri, text };
}

describe('a hover provider that throws', () => {
    let s: Awaited<ReturnType<typeof started>>;
    beforeAll(async () => { s = await started('hover'); });
    afterAll(() => s.session.stop());

    test('is answered with an error response carrying the cause, every time', async () => {
        for (let i = 0; i < 3; i++) {
            const hover = await s.session.request<Hover | null>('textDocument/hover', { textDocument: { uri: s.uri }, position });
            expect(hover.ok).toBe(false);
            if (!hover.ok) {
                expect((hover.error as { code?: number }).code).toBe(InternalError);
                expect(hover.error.message).toContain('HANDREIKING_TEST_FAULT: hover fails on purpose');
            }
        }
    });

    test('while completion, diagnostics and the preview keep working', async () => {
        const completion = await s.session.request<CompletionList>('textDocument/completion', { textDocument: { uri: s.uri }, position: after(s.text, '-> Beh') });
        expect(completion.ok && completion.value.items.map(i => i.label)).toContain('Behoeften');
        await s.session.change(s.uri, 2, s.text.replace('-> Behoeften', '-> Behoefte'));
        const diagnostics = await s.session.diagnosticsWhere(s.uri, d => d.length > 0, 'HRK002 for the misspelt node');
        expect(diagnostics.filter(d => d.severity === 1).map(d => d.code)).toEqual(['HRK002']);
        expect(diagnostics[0].range.start).toEqual(after(s.text, 'Doel "Formuleer het doel en de doelgroepen" -> '));
        const preview = await s.session.request<PreviewData | null>('handreiking/previewData', { uri: s.uri });
        expect(preview.ok && preview.value?.errors.map(e => e.code)).toEqual(['HRK002']);
        expect(s.session.alive).toBe(true);
    });
});

describe('completion and the preview that throw', () => {
    let s: Awaited<ReturnType<typeof started>>;
    beforeAll(async () => { s = await started('completion,preview'); });
    afterAll(() => s.session.stop());

    test('completion is answered with an error, the preview with null, and the preview failure is logged', async () => {
        const completion = await s.session.request<CompletionList>('textDocument/completion', { textDocument: { uri: s.uri }, position });
        expect(completion.ok).toBe(false);
        const preview = await s.session.request<PreviewData | null>('handreiking/previewData', { uri: s.uri });
        expect(preview).toEqual({ ok: true, value: null });
        expect(s.session.logs.some(l => l.startsWith('[handreiking] preview failed: Error: HANDREIKING_TEST_FAULT: preview fails on purpose'))).toBe(true);
    });

    test('while hover, the outline and the diagnostics keep working', async () => {
        const hover = await s.session.request<Hover | null>('textDocument/hover', { textDocument: { uri: s.uri }, position });
        expect(hover.ok && JSON.stringify(hover.value?.contents)).toContain('QuickscanBoom');
        const symbols = await s.session.request<Array<{ name: string }>>('textDocument/documentSymbol', { textDocument: { uri: s.uri } });
        expect(symbols.ok && symbols.value.map(x => x.name)).toEqual(['QuickscanBoom']);
        await s.session.change(s.uri, 2, s.text + '\nkenmerk Kapot');
        const diagnostics = await s.session.diagnosticsWhere(s.uri, d => d.length > 0, 'a syntax error');
        expect(diagnostics[0].code).toBe('HRK000');
        expect(s.session.alive).toBe(true);
    });
});

describe('a build that throws for one document', () => {
    let s: Awaited<ReturnType<typeof started>>;
    beforeAll(async () => { s = await started('build'); });
    afterAll(() => s.session.stop());

    test('is logged, and the server keeps answering for that document and the others', async () => {
        // The marker makes indexing this document throw (the fault hook); without the fix an
        // unhandled rejection ended the process, or the build stopped and requests waited for ever.
        await s.session.change(s.uri, 2, s.text.replace('Quickscan: wanneer', 'Quickscan TEST-FAULT: wanneer').replace('-> Behoeften', '-> Behoefte'));
        const diagnostics = await s.session.diagnosticsWhere(s.uri, d => d.length > 0, 'diagnostics despite the failed indexing');
        expect(diagnostics.filter(d => d.severity === 1).map(d => d.code)).toEqual(['HRK002']);
        expect(s.session.logs.some(l => l.includes('IndexedContent of') && l.includes('HANDREIKING_TEST_FAULT: build fails on purpose'))).toBe(true);
        const hover = await s.session.request<Hover | null>('textDocument/hover', { textDocument: { uri: s.uri }, position }, 30_000);
        expect(hover.ok && JSON.stringify(hover.value?.contents)).toContain('QuickscanBoom');
        const other = s.session.uri('soo.hrk');
        const symbols = await s.session.request<Array<{ name: string }>>('textDocument/documentSymbol', { textDocument: { uri: other } }, 30_000);
        expect(symbols.ok && symbols.value.map(x => x.name)).toEqual(['SooToets']);
        expect(s.session.alive, s.session.stderr).toBe(true);
    });

    test('once the cause is gone, the document is indexed again', async () => {
        await s.session.change(s.uri, 3, s.text);
        await s.session.diagnosticsWhere(s.uri, d => d.length === 0, 'clean again');
        const references = await s.session.request<unknown[]>('textDocument/references', {
            textDocument: { uri: s.uri }, position: { line: 3, character: 14 }, context: { includeDeclaration: true }
        });
        expect(references.ok && references.value.length).toBeGreaterThan(0);
        expect(s.session.alive).toBe(true);
    });
});
