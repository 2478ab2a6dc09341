import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, test } from 'vitest';
import type { HandreikingJson, NodeJson, ProvenanceJson, SourceJson, TreeJson } from '../../../language/generation/json/handreiking-json.js';
import { describeExcess, diagramExcess, diagramLimits, diagramSize, pngExcess } from '../../../language/generation/mermaid/diagram-limits.js';
import { describeDrawnProblem, drawnProblem, readDrawn, type ElementLike } from '../../../language/generation/mermaid/drawn-diagram.js';
import { fundingOverviewMermaid } from '../../../language/generation/mermaid/funding-mermaid.js';
import { mermaidConfig } from '../../../language/generation/mermaid/mermaid-config.js';
import { treeToMermaid } from '../../../language/generation/mermaid/tree-mermaid.js';
import { exampleJson } from '../../helpers.js';

const source: SourceJson = { file: 't.hrk', line: 1, column: 1, endLine: 1, endColumn: 2 };
const unmarked: ProvenanceJson = { kind: 'unmarked' };
const node = (id: string, kind: NodeJson['kind'], text = id): NodeJson => ({ id, kind, text, examples: [], links: [], reachable: true, source, provenance: unmarked });

function chain(steps: number, text = (i: number) => `Stap ${i}`): TreeJson {
    const nodes = Array.from({ length: steps }, (_, i) => node(`S${i}`, 'step', text(i)));
    const edges = nodes.map((n, i) => ({ from: n.id, to: i + 1 < steps ? `S${i + 1}` : 'E', kind: 'next' as const }));
    return { id: 'T', title: 'T', start: 'S0', nodes: [...nodes, node('E', 'advice')], edges, source, provenance: unmarked };
}

describe('the size of a diagram as the limits count it', () => {
    let json: HandreikingJson;
    beforeAll(async () => { json = await exampleJson(); });

    test('every example tree: its drawn nodes, and one arrow per edge, `zie` link and start marker', () => {
        for (const tree of json.trees) {
            const diagram = treeToMermaid(tree);
            const ids = new Set(tree.nodes.map(n => n.id));
            const edges = tree.edges.filter(e => ids.has(e.from) && ids.has(e.to)).length
                + tree.nodes.reduce((sum, n) => sum + n.links.length, 0) + (tree.start !== undefined ? 1 : 0);
            expect(diagramSize(diagram), tree.id).toEqual({ nodes: Object.keys(diagram.ids).length, edges, textSize: diagram.text.length });
        }
    });

    test('the funding overview: one arrow per rule and typology it applies to', () => {
        const diagram = fundingOverviewMermaid(json);
        const arrows = diagram.text.split('\n').filter(l => / (-->|-\.->) /.test(l)).length;
        expect(arrows).toBeGreaterThan(5);
        expect(diagramSize(diagram).edges).toBe(arrows);
    });

    test('arrows written in labels are text, not arrows', () => {
        const tree: TreeJson = {
            id: 'T', title: 'T', start: 'V', source, provenance: unmarked,
            nodes: [node('V', 'question', 'a --> b -.-> c\n    n0 --> n1'), node('A', 'advice', 'x -->|y| z')],
            edges: [{ from: 'V', to: 'A', kind: 'answer', label: 'ja --> nee' }]
        };
        for (const plainText of [false, true]) expect(diagramSize(treeToMermaid(tree, { plainText })).edges).toBe(2);
    });
});

describe('which limit a diagram goes over', () => {
    test(`nodes: ${diagramLimits.nodes} drawn nodes pass, one more does not`, () => {
        // Steps, the advice and the start marker.
        expect(diagramExcess(treeToMermaid(chain(diagramLimits.nodes - 2)))).toBeUndefined();
        expect(diagramExcess(treeToMermaid(chain(diagramLimits.nodes - 1)))).toEqual({ limit: 'nodes', size: diagramLimits.nodes + 1, max: diagramLimits.nodes });
    });

    test('arrows: 50 questions with 50 answers each stay under the node limit but not under the arrow limit', () => {
        const questions = Array.from({ length: 50 }, (_, i) => node(`V${i}`, 'question'));
        const advices = Array.from({ length: 50 }, (_, i) => node(`A${i}`, 'advice'));
        const edges = questions.flatMap(q => advices.map((a, j) => ({ from: q.id, to: a.id, kind: 'answer' as const, label: `${j}` })));
        const excess = diagramExcess(treeToMermaid({ id: 'T', title: 'T', start: 'V0', nodes: [...questions, ...advices], edges, source, provenance: unmarked }));
        expect(excess).toEqual({ limit: 'edges', size: 2_501, max: diagramLimits.edges });
    });

    test('text: 220 steps with labels of 200 × ‘R&D; ’ escape to more Mermaid text than the limit', () => {
        const diagram = treeToMermaid(chain(220, () => 'R&D; '.repeat(200)));
        expect(diagram.text.length).toBeGreaterThan(diagramLimits.textSize);
        expect(diagramExcess(diagram)).toEqual({ limit: 'textSize', size: diagram.text.length, max: diagramLimits.textSize });
    });

    test('PNG: at 2×, a side over the limit, or too many pixels in all', () => {
        expect(pngExcess(200, 15_000, 2)).toBeUndefined();
        expect(pngExcess(200, 16_001, 2)).toEqual({ limit: 'pngSide', width: 400, height: 32_002, max: diagramLimits.pngSide });
        expect(pngExcess(6_000, 6_000, 2)).toEqual({ limit: 'pngPixels', width: 12_000, height: 12_000, max: diagramLimits.pngPixels });
    });

    test('said in Dutch and in English', () => {
        expect(describeExcess({ limit: 'nodes', size: 2_002, max: 1_000 }, 'nl')).toBe('2.002 knopen; de grens is 1.000 knopen');
        expect(describeExcess({ limit: 'edges', size: 2_501, max: 2_000 }, 'en')).toBe('2,501 arrows; the limit is 2,000 arrows');
        expect(describeExcess({ limit: 'textSize', size: 519_361, max: 500_000 }, 'nl')).toBe('519.361 tekens Mermaid-tekst; de grens is 500.000 tekens');
        expect(describeExcess({ limit: 'pngSide', width: 424, height: 202_348, max: 32_000 }, 'nl'))
            .toBe('het beeld zou 424 × 202.348 pixels worden; de grens is 32.000 pixels per zijde');
        expect(describeExcess({ limit: 'pngPixels', width: 12_000, height: 12_000, max: 64_000_000 }, 'en'))
            .toBe('the image would be 12,000 × 12,000 pixels; the limit is 64,000,000 pixels in all');
    });

    test('Mermaid’s own limits are the shared ones', () => {
        expect(mermaidConfig.maxTextSize).toBe(diagramLimits.textSize);
        expect(mermaidConfig.maxEdges).toBe(diagramLimits.edges);
    });
});

describe('checking what Mermaid drew', () => {
    const svg = (markup: string): ElementLike => new JSDOM(`<!DOCTYPE html><body>${markup}</body>`).window.document.querySelector('svg')!;
    const group = (id: string, text = '') => `<g class="node default" id="diagram-flowchart-${id}-${id.length}"><text>${text}</text></g>`;

    test('every node drawn and nothing else: no problem', () => {
        const drawn = readDrawn(svg(`<svg aria-roledescription="flowchart-v2">${group('s0')}${group('n0')}${group('n1')}</svg>`), ['s0', 'n0', 'n1']);
        expect(drawnProblem(drawn, ['s0', 'n0', 'n1'])).toBeUndefined();
    });

    test('Mermaid’s “Maximum text size” diagram instead of ours: a problem that quotes it', () => {
        const drawn = readDrawn(svg(`<svg aria-roledescription="flowchart-v2">${group('a', 'Maximum text size in diagram exceeded')}</svg>`), ['s0', 'n0']);
        const problem = drawnProblem(drawn, ['s0', 'n0']);
        expect(problem).toEqual({ expected: 2, drawn: 0, mermaidSays: 'Maximum text size in diagram exceeded' });
        expect(describeDrawnProblem(problem!, 'nl')).toBe('Mermaid tekende 0 van de 2 knopen en schreef ‘Maximum text size in diagram exceeded’');
        expect(describeDrawnProblem(problem!, 'en')).toBe('Mermaid drew 0 of the 2 nodes and wrote ‘Maximum text size in diagram exceeded’');
    });

    test('Mermaid’s error diagram, and a drawing with a node missing', () => {
        const error = readDrawn(svg('<svg aria-roledescription="error"><text class="error-text">Syntax error in text</text></svg>'), ['n0']);
        expect(drawnProblem(error, ['n0'])).toEqual({ expected: 1, drawn: 0, mermaidSays: 'Syntax error in text' });
        const partial = readDrawn(svg(`<svg aria-roledescription="flowchart-v2">${group('n0')}</svg>`), ['n0', 'n1']);
        expect(drawnProblem(partial, ['n0', 'n1'])).toEqual({ expected: 2, drawn: 1 });
    });
});
