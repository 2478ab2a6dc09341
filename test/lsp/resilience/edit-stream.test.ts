import * as fs from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PreviewSubscription, type PreviewData } from '../../../language/lsp/protocol.js';
import { applyMutation, deepText, hugeText, mutationArb, type Mutation } from '../../../fuzz/mutations.js';
import { LspSession, serverBundle, type Outcome } from './lsp-session.js';
import { exampleWorkspace } from '../../helpers.js';

/**
 * The language server under a stream of damaged edits, through a real LSP client: every edit is
 * followed by the requests an editor sends while one types (hover, completion, outline, formatting,
 * quick fixes, semantic highlighting, the preview, …), partly still running when the next edit
 * arrives. Every request must be answered (an error is allowed only when the server cancels a
 * request for an outdated text, never because a feature threw), the process must stay alive, and
 * when the text is valid again the diagnostics must be those of the valid text.
 */

const SEED = 20261127;
const EDITS = 60;

/** LSP error codes that only say "the text changed under this request", not that a feature failed. */
const benign = new Set([-32800 /* RequestCancelled */, -32801 /* ContentModified */, -32802 /* ServerCancelled */]);

function editTexts(original: string): Array<{ label: string; text: string }> {
    const mutated = fc.sample(fc.array(mutationArb, { minLength: 1, maxLength: 4 }), { seed: SEED, numRuns: EDITS })
        .map((mutations: Mutation[]) => ({ label: mutations.map(m => m.kind).join('+'), text: mutations.reduce(applyMutation, original) }));
    const fixed = [
        { label: 'truncated to nothing', text: '' },
        { label: 'truncated mid-word', text: original.slice(0, original.indexOf('vraag') + 3) },
        { label: 'truncated in a string', text: original.slice(0, original.indexOf('"') + 5) },
        { label: 'NUL bytes', text: original.replace(/vraag/g, 'vr\0aag') },
        { label: 'BOM', text: '\uFEFF' + original },
        { label: 'CRLF', text: original.replace(/\n/g, '\r\n') },
        { label: 'CR', text: original.replace(/\n/g, '\r') },
        { label: 'lone surrogates and bidi controls', text: original.replace(/Doel/g, 'Do\uD800el\u202E') },
        { label: '5000-deep parentheses', text: original + '\n' + deepText('parentheses', 5000) },
        { label: '5000 steps', text: original + '\n' + deepText('stepChain', 5000) },
        { label: '1 MB of copies', text: hugeText('renamedCopies', { 'quickscan.hrk': original }, 1024 * 1024) }
    ];
    // Interleave: the fixed ones spread over the stream.
    const all = [...mutated];
    fixed.forEach((edit, i) => all.splice(Math.floor((i + 1) * all.length / (fixed.length + 1)), 0, edit));
    return all;
}

describe('the language server under a stream of damaged edits', () => {
    let session: LspSession;
    let files: Record<string, string>;
    beforeAll(async () => {
        expect(fs.existsSync(serverBundle), 'run `node scripts/bundle-extension.mjs --only server` first').toBe(true);
        files = exampleWorkspace();
        session = await LspSession.start(files);
    });
    afterAll(() => session.stop());

    test('answers every request, stays alive, and ends with the diagnostics of the valid text', async () => {
        const original = files['quickscan.hrk'];
        const uri = await session.open('quickscan.hrk', original);
        await session.diagnosticsWhere(uri, d => d.length === 0, 'the clean example');
        await session.connection.sendNotification(PreviewSubscription.type, { uri, subscribed: true });

        const pending: Array<{ what: string; answer: Promise<Outcome<unknown>> }> = [];
        const ask = (what: string, method: string, params: unknown) => pending.push({ what, answer: session.request(method, params, 120_000) });
        const edits = editTexts(original);
        let version = 1;
        for (const [i, edit] of edits.entries()) {
            await session.change(uri, ++version, edit.text);
            const lines = edit.text.split(/\r\n|\r|\n/);
            const line = (i * 7) % Math.max(1, lines.length);
            const position = { line, character: Math.min((i * 3) % 40, lines[line]?.length ?? 0) };
            const textDocument = { uri };
            const what = `edit ${i} (${edit.label})`;
            ask(`${what}: hover`, 'textDocument/hover', { textDocument, position });
            ask(`${what}: completion`, 'textDocument/completion', { textDocument, position });
            ask(`${what}: documentSymbol`, 'textDocument/documentSymbol', { textDocument });
            ask(`${what}: formatting`, 'textDocument/formatting', { textDocument, options: { tabSize: 4, insertSpaces: true } });
            ask(`${what}: codeAction`, 'textDocument/codeAction', {
                textDocument, range: { start: position, end: position }, context: { diagnostics: session.latest(uri)?.diagnostics ?? [] }
            });
            ask(`${what}: semanticTokens`, 'textDocument/semanticTokens/full', { textDocument });
            ask(`${what}: foldingRange`, 'textDocument/foldingRange', { textDocument });
            ask(`${what}: definition`, 'textDocument/definition', { textDocument, position });
            ask(`${what}: preview`, 'handreiking/previewData', { uri });
            // Every third edit waits for its answers, the others run on while the next edit arrives.
            if (i % 3 === 2) await Promise.all(pending.slice(-9).map(p => p.answer));
        }

        const answers = await Promise.all(pending.map(async p => ({ what: p.what, outcome: await p.answer })));
        const failures = answers.filter(a => !a.outcome.ok && !benign.has((a.outcome.error as { code?: number }).code ?? 0))
            .map(a => `${a.what}: ${a.outcome.ok ? '' : a.outcome.error.message}`);
        expect(failures).toEqual([]);
        expect(answers.length).toBe(edits.length * 9);
        // Most requests are really answered, not cancelled.
        expect(answers.filter(a => a.outcome.ok).length).toBeGreaterThan(answers.length * 0.8);
        expect(session.alive, session.stderr).toBe(true);

        // Valid again: exactly the diagnostics of the valid text (none), and every feature works.
        await session.change(uri, version + 1, original);
        await session.diagnosticsWhere(uri, d => d.length === 0, 'no diagnostics for the restored text');
        const hover = await session.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 14 } });
        expect(hover.ok && hover.value?.contents.value).toContain('QuickscanBoom');
        const preview = await session.request<PreviewData | null>('handreiking/previewData', { uri });
        expect(preview.ok && preview.value?.errors).toEqual([]);
        expect(preview.ok && preview.value?.trees.map(t => t.tree.id)).toEqual(['QuickscanBoom']);
        expect(session.alive).toBe(true);
        expect(session.stderr).not.toMatch(/Unhandled|RangeError|TypeError/);
    }, 600_000);

    test('a broken edit is reported as located, coded diagnostics', async () => {
        const uri = session.uri('quickscan.hrk');
        const text = '\uFEFFbeslisboom B "B" {\r\n    vraag V "v?" { ja -> \0 }\r\n' + '('.repeat(5000);
        await session.change(uri, 1000, text);
        const diagnostics = await session.diagnosticsWhere(uri, d => d.some(x => x.code === 'HRK000'), 'syntax errors');
        const lines = text.split(/\r\n|\r|\n/);
        for (const d of diagnostics) {
            expect(d.code).toMatch(/^HRK\d{3}$/);
            expect(typeof d.message === 'string' && d.message.length).toBeGreaterThan(0);
            for (const p of [d.range.start, d.range.end]) {
                expect(p.line).toBeGreaterThanOrEqual(0);
                expect(p.line).toBeLessThan(lines.length);
                expect(p.character).toBeLessThanOrEqual(lines[p.line].length);
            }
        }
        expect(diagnostics.find(d => typeof d.message === 'string' && d.message.includes('U+0000'))?.range.start).toEqual({ line: 1, character: 25 });
        expect(session.alive).toBe(true);
    }, 120_000);
});
