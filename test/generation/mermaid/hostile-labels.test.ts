import { describe, expect, test } from 'vitest';
import type { ProvenanceJson, SourceJson, TreeJson } from '../../../language/generation/json/handreiking-json.js';
import { cleanText } from '../../../language/text/clean-text.js';
import { treeToMermaid } from '../../../language/generation/mermaid/tree-mermaid.js';
import { mermaidParse, mermaidParseConfig } from '../../support/mermaid-parse.js';
import {
    decodeHtmlLabel, decodePlainLabel, edgeLabel, labelBodies, nodeLabel, unexpectedStatements
} from './diagram-text.js';
import { hostileLabels } from './hostile-labels.js';

const source = (line: number): SourceJson => ({ file: 'boom.hrk', line, column: 1, endLine: line, endColumn: 10 });
const unmarked: ProvenanceJson = { kind: 'unmarked' };

/** One tree that carries the text everywhere a user's text can go: node texts, an example, an answer, a link title. */
function treeWith(text: string): TreeJson {
    return {
        id: 'Boom', title: text, start: 'Vraag', source: source(1), provenance: unmarked,
        nodes: [
            { id: 'Vraag', kind: 'question', text, examples: [], links: [], reachable: true, source: source(2), provenance: unmarked },
            { id: 'Advies', kind: 'advice', text, examples: [text], links: [{ kind: 'chapter', target: 'H', title: text }], reachable: true, source: source(3), provenance: unmarked },
            { id: 'Stap', kind: 'step', text, examples: [], links: [], reachable: false, source: source(4), provenance: unmarked }
        ],
        edges: [
            { from: 'Vraag', to: 'Advies', kind: 'answer', label: text },
            { from: 'Vraag', to: 'Stap', kind: 'answer', label: 'nee' },
            { from: 'Stap', to: 'Advies', kind: 'next' }
        ]
    };
}

const fixedLines = (text: string) => text.split('\n').filter(l => /^ {4}(classDef|linkStyle|class) /.test(l));
const benign = treeToMermaid(treeWith('Gewone tekst')).text;

describe('hostile labels', () => {
    test('the corpus is large enough to mean something', () => {
        expect(hostileLabels.length).toBeGreaterThanOrEqual(30);
    });

    describe.each([['HTML labels', false], ['plain text labels', true]] as const)('%s', (_, plainText) => {
        test.each(hostileLabels)('%s', async (_name, text) => {
            const diagram = treeToMermaid(treeWith(text), { plainText }).text;

            await mermaidParse(diagram);
            // A directive that survived escaping would show up as configuration.
            expect(await mermaidParseConfig(diagram)).toEqual({});

            expect(unexpectedStatements(diagram)).toEqual([]);
            expect(diagram).not.toContain('%%');
            expect(diagram.split('\n').filter(l => /^\s*(click|style|%%|---)/.test(l))).toEqual([]);
            expect(fixedLines(diagram)).toEqual(fixedLines(benign));
            expect(diagram).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/);

            for (const label of labelBodies(diagram)) {
                expect(label.replace(/<br\/>/g, '')).not.toMatch(/[<>"]/);
                expect(label.startsWith('`')).toBe(false);
                // Anything Mermaid would read as an entity code must be one we meant.
                const codes = [...label.matchAll(/#(\w+);/g)].map(m => m[1]);
                if (plainText) expect(codes.filter(c => !['amp', 'lt', 'gt'].includes(c!))).toEqual([]);
            }

            // The reader sees what the editor wrote (quotes excepted in plain text, see escape.ts).
            // Compared without whitespace: wrapping may cut a long word.
            const expected = cleanText(text).replace(/\s/g, '');
            if (expected.length < 900) {
                const decode = plainText ? decodePlainLabel : decodeHtmlLabel;
                const shown = (label: string | undefined) => {
                    const decoded = decode(label ?? '').replace(/[\s\u00A0]/g, '');
                    return plainText ? decoded.replace(/[“”]/g, '"') : decoded;
                };
                expect(shown(nodeLabel(diagram, 'n0'))).toBe(expected);
                expect(shown(nodeLabel(diagram, 'n2'))).toBe(expected);
                expect(shown(nodeLabel(diagram, 'n1'))).toBe(`${expected}Bijv.:${expected}`);
                expect(shown(edgeLabel(diagram, 'n0', 'n1'))).toBe(expected);
                // A link without a title shows its target instead.
                expect(shown(nodeLabel(diagram, 'l0'))).toBe(`→${expected || 'H'}(hoofdstuk)`);
            } else {
                expect(diagram.length).toBeLessThan(40_000);
            }
        });
    });
});

/**
 * The provenance legend of an exported diagram carries one user text: the reason of a tree whose
 * connections are reconstructed. It is a label like any other, and the legend's own lines stay fixed.
 */
describe('hostile reasons in the provenance legend', () => {
    const withReason = (reason: string): TreeJson => ({
        ...treeWith('Gewone tekst'),
        provenance: { kind: 'reconstructed', detail: reason },
        nodes: treeWith('Gewone tekst').nodes.map((n, i) => (i === 0 ? { ...n, provenance: { kind: 'illustrative' } } : n))
    });
    const legendLines = (text: string) => text.split('\n').filter(l => /^ {4}(classDef|class|style) /.test(l));
    const benignLegend = legendLines(treeToMermaid(withReason('Gewone reden'), { legend: true }).text);

    describe.each([['HTML labels', false], ['plain text labels', true]] as const)('%s', (_, plainText) => {
        test.each(hostileLabels)('%s', async (_name, text) => {
            const diagram = treeToMermaid(withReason(text), { plainText, legend: true }).text;

            await mermaidParse(diagram);
            expect(await mermaidParseConfig(diagram)).toEqual({});
            expect(unexpectedStatements(diagram)).toEqual([]);
            expect(diagram).not.toContain('%%');
            expect(legendLines(diagram)).toEqual(benignLegend);

            const expected = cleanText(text).replace(/\s/g, '');
            if (expected.length < 900) {
                const decoded = (plainText ? decodePlainLabel : decodeHtmlLabel)(nodeLabel(diagram, 'h2') ?? '').replace(/[\s\u00A0]/g, '');
                expect(plainText ? decoded.replace(/[“”]/g, '"') : decoded)
                    .toBe(`Deverbindingenvandezeboom:Gereconstrueerd${expected ? `:${expected}` : ''}`);
            }
        });
    });
});
