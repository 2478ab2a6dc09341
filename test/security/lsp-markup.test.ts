import * as fs from 'node:fs';
import { Marked } from 'marked';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CompletionItem, CompletionList, Hover, InlayHint, MarkupContent } from 'vscode-languageserver-protocol';
import { cleanComment } from '../../language/generation/json/to-json.js';
import { LspSession, serverBundle } from '../lsp/resilience/lsp-session.js';
import { hostileCorpus, hostileWorkspace, hrkString, shown, squash } from './hostile-corpus.js';
import { hostileMarkdown } from './hostile-markdown.js';

/**
 * "Nothing loads or runs from a hover": the hostile corpus and the Markdown payloads, in every
 * place a `.hrk` file has text, asked of the bundled language server through a real LSP client.
 * Every hover and every completion item's documentation is rendered with marked (the renderer VS
 * Code uses for hovers, GitHub-flavoured as there): the HTML holds only the markup the server
 * writes itself (paragraphs, bold, code, the characteristics table) — no image, no link, no
 * other HTML, no theme icon — and every text shows as written (bidi and control characters
 * removed by design, see `shown()`).
 */

const corpus = [...hostileCorpus, ...hostileMarkdown];
const workspace = hostileWorkspace(corpus);
const gids = workspace.files['gids.hrk'];
const bomen = workspace.files['bomen.hrk'];

/** The only elements the server's own Markdown makes. */
const ALLOWED_TAGS = new Set(['p', 'strong', 'code', 'table', 'thead', 'tbody', 'tr', 'th', 'td']);
const marked = new Marked({ gfm: true, async: false });

function rendered(markdown: string): { html: string; text: string } {
    const html = marked.parse(markdown) as string;
    const text = html.replace(/<[^>]*>/g, '')
        .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    return { html, text };
}

/** Fails with the offending Markdown when it renders anything but text in the server's own markup. */
function expectOnlyText(markdown: string, where: string): string {
    const { html, text } = rendered(markdown);
    // Every `<` of the text is `&lt;` in the HTML: each `<` left opens an element the renderer made.
    const elements = [...html.matchAll(/<\/?([^\s/>]*)([^>]*)>/g)].map(m => ({ tag: m[1].toLowerCase(), attributes: m[2].trim() }));
    expect(elements.filter(e => !ALLOWED_TAGS.has(e.tag) || e.attributes !== ''), `${where}: elements from\n${markdown}`).toEqual([]);
    expect(html.replace(/<[^>]*>/g, ''), `${where}: a stray < in\n${html}`).not.toContain('<');
    // VS Code draws `$(name)` as an icon in Markdown that supports theme icons.
    expect(markdown, `${where}: a theme icon in\n${markdown}`).not.toMatch(/(^|[^\\])\$\(/);
    return text;
}

/** The position of `offset` in `text`; LSP lines end at CR LF, CR or LF (hostile texts hold all three). */
function positionOf(text: string, offset: number): { line: number; character: number } {
    const before = text.slice(0, offset).split(/\r\n|\r|\n/);
    return { line: before.length - 1, character: before.at(-1)!.length };
}

/** The position just after `marker`, searched from `from`; fails the test when it is not there. */
function after(text: string, marker: string, from = 0): { line: number; character: number } {
    const at = text.indexOf(marker, from);
    expect(at, `"${marker}" in the workspace`).toBeGreaterThanOrEqual(0);
    return positionOf(text, at + marker.length);
}

/** What a reader must find in the hover of an element with `text` as title, whitespace removed. */
const literal = (text: string) => squash(shown(text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')));
/** The same for the `/** … *\/` comment written before the element, if the text fits in one. */
const documentation = (text: string) => literal(cleanComment(`/** ${text} */`) ?? '');
const fitsComment = (text: string) => !text.includes('*/') && !/[\r\u2028\u2029\u0085\u000B\u000C]/.test(text);

describe('hovers and completion documentation on a hostile workspace', () => {
    let session: LspSession;
    let gidsUri: string;
    let bomenUri: string;

    beforeAll(async () => {
        expect(fs.existsSync(serverBundle), 'run `node scripts/bundle-extension.mjs` first').toBe(true);
        session = await LspSession.start(workspace.files);
        gidsUri = session.uri('gids.hrk');
        bomenUri = await session.open('bomen.hrk', bomen);
        await session.diagnosticsWhere(bomenUri, () => true, 'the first build of the hostile workspace', 120_000);
    }, 180_000);
    afterAll(() => session?.stop());

    async function hover(uri: string, position: { line: number; character: number }, where: string): Promise<string> {
        const answer = await session.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
        expect(answer.ok, `${where}: ${answer.ok ? '' : answer.error.message}`).toBe(true);
        const contents = answer.ok ? answer.value?.contents as MarkupContent | undefined : undefined;
        expect(contents?.kind, `${where}: a Markdown hover`).toBe('markdown');
        return expectOnlyText(contents!.value, where);
    }

    test.each(corpus.map((entry, i) => [entry.id, i] as const))('%s: every element that carries it', async (_id, i) => {
        const { text } = corpus[i];
        const n = workspace.names(i);
        const elements: Array<[uri: string, source: string, marker: string, from?: number]> = [
            [gidsUri, gids, `kenmerk ${n.characteristic} `],
            [gidsUri, gids, `typologie ${n.typology} `],
            [gidsUri, gids, `financiering ${n.funding} `],
            [gidsUri, gids, `partij ${n.stakeholder} `],
            [gidsUri, gids, `hoofdstuk ${n.chapter} `],
            [bomenUri, bomen, `beslisboom ${n.tree} `]
        ];
        const tree = bomen.indexOf(`beslisboom ${n.tree} `);
        elements.push([bomenUri, bomen, 'vraag Vraag ', tree], [bomenUri, bomen, 'stap Stap ', tree], [bomenUri, bomen, 'advies Advies ', tree]);
        for (const [uri, source, marker, from] of elements) {
            const position = after(source, marker, from);
            position.character -= 2; // on the name, not the space after it
            const shownText = squash(await hover(uri, position, `${marker}(${_id})`));
            expect(shownText, `${marker}: its title as written`).toContain(literal(text));
            // Every element but the step and the advice has the text as its documentation comment too.
            if (fitsComment(text) && !marker.startsWith('stap') && !marker.startsWith('advies')) {
                expect(shownText, `${marker}: its documentation as written`).toContain(documentation(text));
            }
        }
        const scenario = after(bomen, `scenario ${hrkString(text)}`);
        scenario.character -= 1;
        expect(squash(await hover(bomenUri, scenario, `the scenario named (${_id})`))).toContain(literal(text));
    });

    test('the question with every text as an answer, and the scale with every text as a value', async () => {
        const on = (source: string, marker: string) => { const p = after(source, marker); p.character -= 1; return p; };
        const answers = squash(await hover(bomenUri, on(bomen, 'vraag Keuze'), 'vraag Keuze'));
        const scale = squash(await hover(gidsUri, on(gids, 'kenmerk Schaal'), 'kenmerk Schaal'));
        for (const { text } of corpus) {
            expect(answers).toContain(literal(text));
            expect(scale).toContain(literal(text));
        }
    });

    test('completion documentation of every referable element', async () => {
        const answer = await session.request<CompletionList | CompletionItem[]>('textDocument/completion', {
            textDocument: { uri: bomenUri }, position: after(bomen, `zie `, bomen.indexOf(`beslisboom ${workspace.names(0).tree} `))
        });
        expect(answer.ok).toBe(true);
        const items = answer.ok ? (Array.isArray(answer.value) ? answer.value : answer.value.items) : [];
        const documented = items.filter(item => item.documentation !== undefined);
        // Chapters, typologies and funding rules with a hostile comment: all of them must come through as text.
        expect(documented.length).toBeGreaterThanOrEqual(3 * corpus.filter(e => fitsComment(e.text)).length);
        for (const item of documented) {
            const doc = item.documentation!;
            if (typeof doc === 'string') continue; // plain text
            expect(doc.kind).toBe('markdown');
            expectOnlyText(doc.value, `completion ${item.label}`);
        }
    });

    test('inlay hint tooltips are plain text or Markdown without markup', async () => {
        const lines = bomen.split('\n').length;
        const answer = await session.request<InlayHint[] | null>('textDocument/inlayHint', {
            textDocument: { uri: bomenUri }, range: { start: { line: 0, character: 0 }, end: { line: lines, character: 0 } }
        });
        expect(answer.ok && answer.value?.length).toBeGreaterThan(0);
        for (const hint of (answer.ok && answer.value) || []) {
            const tooltips = [hint.tooltip, ...(Array.isArray(hint.label) ? hint.label.map(part => part.tooltip) : [])];
            for (const tooltip of tooltips) {
                if (tooltip !== undefined && typeof tooltip !== 'string') expectOnlyText(tooltip.value, 'inlay hint tooltip');
            }
        }
    });
});
