import { beforeAll, describe, expect, test } from 'vitest';
import type { FundingJson, HandreikingJson, ProvenanceJson, SourceJson, TypologyJson } from '../../../language/generation/json/handreiking-json.js';
import { fundingOverviewMermaid } from '../../../language/generation/mermaid/funding-mermaid.js';
import { mermaidParse, mermaidParseConfig } from '../../support/mermaid-parse.js';
import { decodeHtmlLabel, labelBodies, mermaidIds, nodeLabel, unexpectedStatements, words } from './diagram-text.js';
import { exampleJson } from '../../helpers.js';
import { hostileLabels } from './hostile-labels.js';

const source = (line: number): SourceJson => ({ file: 'financiering.hrk', line, column: 1, endLine: line, endColumn: 2 });
const unmarked: ProvenanceJson = { kind: 'unmarked' };

/** The lines between `subgraph <id>` and its `end`. */
function subgraphBody(text: string, id: string): string[] {
    const lines = text.split('\n');
    const start = lines.findIndex(l => l.startsWith(`    subgraph ${id} `));
    if (start < 0) return [];
    return lines.slice(start + 1, lines.indexOf('    end', start));
}

describe('fundingOverviewMermaid on the examples', () => {
    let json: HandreikingJson;
    let text: string;
    let ids: ReturnType<typeof fundingOverviewMermaid>['ids'];
    beforeAll(async () => {
        json = await exampleJson();
        ({ text, ids } = fundingOverviewMermaid(json));
    });

    test('passes mermaid.parse, with HTML and with plain text labels', async () => {
        await mermaidParse(text);
        await mermaidParse(fundingOverviewMermaid(json, { plainText: true }).text);
        expect(unexpectedStatements(text)).toEqual([]);
    });

    test('is a left-to-right flowchart with the three terms as subgraphs, in the guide\'s order', () => {
        expect(text.startsWith('flowchart LR\n')).toBe(true);
        const titles = [...text.matchAll(/^ {4}subgraph (t_\w+) \["([^"]+)"\]$/gm)].map(m => `${m[1]} ${m[2]}`);
        expect(titles).toEqual(['t_incidental Incidenteel', 't_multiYear Meerjarig', 't_structural Structureel']);
    });

    test('each rule sits in the subgraph of its term, labelled with its title', () => {
        json.funding.forEach((funding, i) => {
            const body = subgraphBody(text, `t_${funding.term}`);
            expect(body.some(l => l.startsWith(`        f${i}[`)), funding.id).toBe(true);
            expect(words(decodeHtmlLabel(nodeLabel(text, `f${i}`)!))).toContain(words(funding.title));
        });
    });

    test('an edge from each rule to each typology it applies to; "alle typologieën" once', () => {
        const typologyIndex = new Map(json.typologies.map((t, i) => [t.id, `y${i}`]));
        json.funding.forEach((funding, i) => {
            const drawn = text.split('\n').filter(l => l.startsWith(`    f${i} --> `)).map(l => l.slice(`    f${i} --> `.length, -1));
            const expected = funding.applicability.kind === 'all' ? ['a0'] : funding.applicability.typologies.map(t => typologyIndex.get(t));
            expect(drawn, funding.id).toEqual(expected);
        });
        expect(json.funding.some(f => f.applicability.kind === 'all')).toBe(true);
        expect(text.split('\n').filter(l => l.startsWith('    a0 -.-> '))).toHaveLength(json.typologies.length);
    });

    test('ids maps every Mermaid node to its funding rule or typology and source', () => {
        expect(new Set(Object.keys(ids))).toEqual(mermaidIds(text));
        json.funding.forEach((f, i) => expect(ids[`f${i}`]).toEqual({ kind: 'funding', id: f.id, source: f.source }));
        json.typologies.forEach((t, i) => expect(ids[`y${i}`]).toEqual({ kind: 'typology', id: t.id, source: t.source }));
        expect(ids.a0).toEqual({ kind: 'allTypologies', id: '' });
    });
});

describe('fundingOverviewMermaid on constructed input', () => {
    const typology = (id: string, line: number): TypologyJson => ({
        id, title: `Typologie ${id}`, values: {}, unknownValues: [], valueProvenance: {}, activities: [], activitiesProvenance: [], comparable: [],
        funding: { incidental: [], multiYear: [], structural: [] }, source: source(line), provenance: unmarked
    });
    const funding = (id: string, line: number, extra: Partial<FundingJson>): FundingJson => ({
        id, title: `Regel ${id}`, applicability: { kind: 'list', typologies: [], provenance: unmarked }, via: [], conditions: [], conditionsProvenance: [], sources: [], source: source(line), provenance: unmarked, ...extra
    });
    const base: HandreikingJson = {
        formatVersion: 1, characteristics: [], trees: [], stakeholders: [], chapters: [], scenarios: [], calculations: [], calculationScenarios: [],
        typologies: [typology('A', 1), typology('B', 2)],
        funding: [
            funding('S', 10, { term: 'structural', applicability: { kind: 'list', typologies: ['B'], provenance: unmarked } }),
            funding('Z', 11, {}),
            funding('V', 12, { term: 'incidental', applicability: { kind: 'condition', text: 'Schaal >= "groot"', typologies: ['A'], provenance: unmarked }, validUntil: '2027-01-01' })
        ]
    };

    test('empty terms are left out; rules without a term get their own subgraph', async () => {
        const { text } = fundingOverviewMermaid(base);
        expect([...text.matchAll(/subgraph (t_\w+)/g)].map(m => m[1])).toEqual(['t_incidental', 't_structural', 't_none']);
        expect(subgraphBody(text, 't_none')).toEqual(['        f1["Regel Z"];']);
        await mermaidParse(text);
    });

    test('a rule that applies to no typology is drawn dashed', () => {
        expect(fundingOverviewMermaid(base).text).toContain('    class f1 unused\n');
    });

    test('no "alle typologieën" node when no rule applies to all', () => {
        const { text, ids } = fundingOverviewMermaid(base);
        expect(text).not.toContain('a0');
        expect(ids.a0).toBeUndefined();
    });

    test('the condition and the end date are shown under the title', () => {
        expect(decodeHtmlLabel(nodeLabel(fundingOverviewMermaid(base).text, 'f2')!)).toBe('Regel V\nwaar Schaal >= "groot"\ngeldig tot 2027-01-01');
    });

    test('hostile titles and conditions stay labels', async () => {
        const hostile: HandreikingJson = {
            ...base,
            typologies: hostileLabels.map(([, text], i) => ({ ...typology(`T${i}`, i), title: text })),
            funding: hostileLabels.map(([, text], i) => funding(`F${i}`, i, {
                title: text, term: (['incidental', 'multiYear', 'structural'] as const)[i % 3],
                applicability: { kind: 'condition', text, typologies: [`T${i}`], provenance: unmarked }
            }))
        };
        const { text } = fundingOverviewMermaid(hostile);
        await mermaidParse(text);
        expect(await mermaidParseConfig(text)).toEqual({});
        expect(unexpectedStatements(text)).toEqual([]);
        expect(text).not.toContain('%%');
        for (const label of labelBodies(text)) expect(label.replace(/<br\/>/g, '')).not.toMatch(/[<>"]/);
    });
});

describe('fundingOverviewMermaid: provenance', () => {
    test('a rule is dashed when the rule or the typologies it applies to are reconstructed, and says which; the guide\'s own is not', async () => {
        const json = await exampleJson();
        const { text, provenance } = fundingOverviewMermaid(json);
        const dashed = new Set(text.split('\n').filter(l => l.startsWith('    class ') && l.endsWith(' reconstructed')).flatMap(l => l.split(' ')[5]!.split(',')));
        json.funding.forEach((funding, i) => {
            const applicability = funding.applicability.provenance.kind === 'reconstructed';
            const own = funding.provenance.kind === 'reconstructed';
            expect(dashed.has(`f${i}`), funding.id).toBe(applicability || own);
            if (applicability) expect(provenance![`f${i}`]!.parts).toContainEqual({ part: 'applicability', provenance: funding.applicability.provenance });
            if (!applicability && !own) expect(provenance![`f${i}`], funding.id).toBeUndefined();
        });
        expect(json.funding.filter(f => f.applicability.provenance.kind === 'reconstructed').length).toBeGreaterThanOrEqual(10);
        // "Huur van de bewoners" is on the slide for every type: the guide's own, drawn solid.
        const own = json.funding.findIndex(f => f.id === 'HuurBewoners');
        expect(own).toBeGreaterThanOrEqual(0);
        expect(dashed.has(`f${own}`)).toBe(false);
        expect(dashed.size).toBeGreaterThanOrEqual(10);
        await mermaidParse(text);
    });
});
