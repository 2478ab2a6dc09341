import { beforeAll, describe, expect, test } from 'vitest';
import type { HandreikingJson, NodeJson, ProvenanceJson, SourceJson, TreeJson } from '../../../language/generation/json/handreiking-json.js';
import { treeToMermaid } from '../../../language/generation/mermaid/tree-mermaid.js';
import { mermaidParse } from '../../support/mermaid-parse.js';
import { decodeHtmlLabel, edgeLabel, mermaidIds, nodeLabel, unexpectedStatements, words } from './diagram-text.js';
import { exampleJson } from '../../helpers.js';

const source = (line: number): SourceJson => ({ file: 'boom.hrk', line, column: 5, endLine: line, endColumn: 40 });
const unmarked: ProvenanceJson = { kind: 'unmarked' };

function node(id: string, kind: NodeJson['kind'], line: number, extra: Partial<NodeJson> = {}): NodeJson {
    return { id, kind, text: `Tekst van ${id}`, examples: [], links: [], reachable: true, source: source(line), provenance: unmarked, ...extra };
}

/** The design's example tree, small: a question, two advices (one with `zie` and `daarna`), a step. */
const small: TreeJson = {
    id: 'Bewonersbeheer', title: 'Revitalisatie: bewonersbeheer', start: 'Stabiel', source: source(1), provenance: unmarked,
    nodes: [
        node('Stabiel', 'question', 2, { text: 'Is de bewonersbeheergroep stabiel?' }),
        node('Buurtbemiddeling', 'advice', 6, { text: 'Ga in gesprek met de beheergroep', examples: ['Buurtbemiddeling inzetten'] }),
        node('AnderBeheer', 'advice', 9, {
            text: 'Bekijk andere vormen van beheer',
            links: [{ kind: 'chapter', target: 'SociaalBeheer', title: 'Inrichten sociaal beheer' }]
        }),
        node('Doel', 'step', 12, { text: 'Doel en doelgroepen formuleren' }),
        node('Los', 'advice', 13, { text: 'Niet bereikbaar', reachable: false })
    ],
    edges: [
        { from: 'Stabiel', to: 'AnderBeheer', kind: 'answer', label: 'ja' },
        { from: 'Stabiel', to: 'Buurtbemiddeling', kind: 'answer', label: 'nee' },
        { from: 'Buurtbemiddeling', to: 'Doel', kind: 'then' },
        { from: 'Doel', to: 'AnderBeheer', kind: 'next' }
    ]
};

describe('treeToMermaid on the examples', () => {
    let json: HandreikingJson;
    beforeAll(async () => { json = await exampleJson(); });

    test('the examples have trees to draw', () => {
        expect(json.trees.length).toBeGreaterThanOrEqual(6);
    });

    test('every tree of every example passes mermaid.parse, in both directions and label modes', async () => {
        for (const tree of json.trees) {
            for (const options of [{}, { direction: 'LR' as const, plainText: true }]) {
                const { text } = treeToMermaid(tree, options);
                await expect(mermaidParse(text), tree.id).resolves.toBeUndefined();
                expect(unexpectedStatements(text), tree.id).toEqual([]);
            }
        }
    });

    test('ids maps every Mermaid id in the text to the node, link or start it draws, with its source', () => {
        for (const tree of json.trees) {
            const { text, ids } = treeToMermaid(tree);
            expect(new Set(Object.keys(ids)), tree.id).toEqual(mermaidIds(text));
            const byId = new Map(tree.nodes.map(n => [n.id, n]));
            const links = tree.nodes.flatMap(n => n.links.map(link => ({ node: n, link })));
            for (const [mermaidId, target] of Object.entries(ids)) {
                if (target.kind === 'start') {
                    expect(mermaidId).toBe('s0');
                    expect(target).toEqual({ kind: 'start', id: tree.id, source: tree.source });
                } else if (target.kind === 'node') {
                    const n = byId.get(target.id)!;
                    expect(target.source).toEqual(n.source);
                    expect(words(decodeHtmlLabel(nodeLabel(text, mermaidId)!))).toContain(words(n.text));
                } else {
                    const expected = links[Number(mermaidId.slice(1))]!;
                    expect(target).toEqual({ kind: 'link', id: expected.node.id, source: expected.node.source, link: expected.link });
                }
            }
            expect(Object.values(ids).filter(t => t.kind === 'node')).toHaveLength(tree.nodes.length);
            expect(Object.values(ids).filter(t => t.kind === 'link')).toHaveLength(links.length);
        }
    });

    test('every edge of the JSON is drawn once, answers with their label', () => {
        for (const tree of json.trees) {
            const { text } = treeToMermaid(tree);
            const index = new Map(tree.nodes.map((n, i) => [n.id, `n${i}`]));
            const drawn = text.split('\n').filter(l => / n\d+ .*n\d+;$/.test(l) && !l.includes('-.->'));
            expect(drawn, tree.id).toHaveLength(tree.edges.length);
            for (const edge of tree.edges.filter(e => e.kind === 'answer')) {
                expect(decodeHtmlLabel(edgeLabel(text, index.get(edge.from)!, index.get(edge.to)!) ?? '')).toBe(edge.label);
            }
        }
    });
});

describe('treeToMermaid on a small tree', () => {
    const { text, ids } = treeToMermaid(small);

    test('passes mermaid.parse', async () => {
        await mermaidParse(text);
    });

    test('draws each node kind in its shape, with synthetic ids in node order', () => {
        expect(text).toContain('    n0{"Is de bewonersbeheergroep<br/>stabiel?"};');
        expect(text).toContain('    n1("Ga in gesprek met de beheergroep<br/>Bijv.: Buurtbemiddeling inzetten");');
        expect(text).toContain('    n3["Doel en doelgroepen formuleren"];');
        expect(text).toContain('    l0[["→ Inrichten sociaal beheer<br/>(hoofdstuk)"]];');
    });

    test('starts with a start marker pointing at the start node', () => {
        expect(text.startsWith('flowchart TD\n    s0(["Start"]);\n')).toBe(true);
        expect(text).toContain('    s0 --> n0;');
    });

    test('answers carry their label; daarna and a step arrow have none; a link is dotted', () => {
        expect(text).toContain('    n0 -->|"ja"| n2;');
        expect(text).toContain('    n0 -->|"nee"| n1;');
        expect(text).toContain('    n1 --> n3;');
        expect(text).toContain('    n3 --> n2;');
        expect(text).toContain('    n2 -.-> l0;');
    });

    test('classes by kind, and unreachable nodes dashed', () => {
        expect(text).toContain('    class n0 question\n');
        expect(text).toContain('    class n1,n2,n4 advice\n');
        expect(text).toContain('    class n3 step\n');
        expect(text).toContain('    class l0 link\n');
        expect(text).toContain('    class s0 start\n');
        expect(text).toContain('    class n4 unreachable\n');
        expect(text).toMatch(/classDef unreachable [^\n]*stroke-dasharray/);
        expect(text).not.toContain('linkStyle');
    });

    test('direction LR on request', () => {
        expect(treeToMermaid(small, { direction: 'LR' }).text.startsWith('flowchart LR\n')).toBe(true);
    });

    test('wrap sets the line length; 0 turns wrapping off', () => {
        expect(nodeLabel(treeToMermaid(small, { wrap: 20 }).text, 'n0')).toBe('Is de<br/>bewonersbeheergroep<br/>stabiel?');
        expect(nodeLabel(treeToMermaid(small, { wrap: 0 }).text, 'n0')).toBe('Is de bewonersbeheergroep stabiel?');
    });

    test('ids of the small tree', () => {
        expect(ids).toEqual({
            s0: { kind: 'start', id: 'Bewonersbeheer', source: source(1) },
            n0: { kind: 'node', id: 'Stabiel', source: source(2) },
            n1: { kind: 'node', id: 'Buurtbemiddeling', source: source(6) },
            n2: { kind: 'node', id: 'AnderBeheer', source: source(9) },
            n3: { kind: 'node', id: 'Doel', source: source(12) },
            n4: { kind: 'node', id: 'Los', source: source(13) },
            l0: { kind: 'link', id: 'AnderBeheer', source: source(9), link: small.nodes[2]!.links[0] }
        });
    });
});

describe('ids cannot collide with Mermaid syntax', () => {
    const keywords = ['end', 'graph', 'subgraph', 'click', 'style', 'class', 'classDef', 'linkStyle', 'flowchart', 'direction',
        'default', 'o', 'x', 'call', 'href', 'n0', 's0', 'l0', 'A-->B', 'a b'];
    const tree: TreeJson = {
        id: 'end', title: 'graph', start: 'end', source: source(1), provenance: unmarked,
        nodes: keywords.map((id, i) => node(id, i % 3 === 0 ? 'question' : i % 3 === 1 ? 'advice' : 'step', i + 2, {
            text: id, links: i === 1 ? [{ kind: 'tree', target: 'subgraph', title: 'end' }] : []
        })),
        edges: keywords.slice(1).map((id, i) => ({ from: keywords[i]!, to: id, kind: 'answer' as const, label: id }))
    };
    const { text, ids } = treeToMermaid(tree);

    test('passes mermaid.parse', async () => {
        await mermaidParse(text);
    });

    test('every id in the text is synthetic', () => {
        expect([...mermaidIds(text)].every(id => /^[snl]\d+$/.test(id))).toBe(true);
        expect(unexpectedStatements(text)).toEqual([]);
    });

    test('a node named like a synthetic id still maps to itself', () => {
        const at = keywords.indexOf('n0');
        expect(ids[`n${at}`]).toEqual({ kind: 'node', id: 'n0', source: source(at + 2) });
        expect(ids.n0).toEqual({ kind: 'node', id: 'end', source: source(2) });
        expect(text).toContain(`    n${at - 1} -->|"n0"| n${at};`);
    });
});

describe('incomplete trees (the checker reports them; the diagram must still draw)', () => {
    test('no start marker without a start, or with a start the tree does not have', async () => {
        const { start: _, ...withoutStart } = small;
        for (const tree of [withoutStart, { ...small, start: 'Bestaatniet' }]) {
            const { text, ids } = treeToMermaid(tree);
            expect(text).not.toContain('s0');
            expect(ids.s0).toBeUndefined();
            await mermaidParse(text);
        }
    });

    test('an edge to a node the tree does not have is left out', async () => {
        const tree = { ...small, edges: [...small.edges, { from: 'Stabiel', to: 'Weg', kind: 'answer' as const, label: 'misschien' }] };
        const { text } = treeToMermaid(tree);
        expect(text).not.toContain('misschien');
        expect(mermaidIds(text)).toEqual(mermaidIds(treeToMermaid(small).text));
        await mermaidParse(text);
    });

    test('a tree without nodes is still a diagram', async () => {
        const { text, ids } = treeToMermaid({ ...small, nodes: [], edges: [] });
        expect(ids).toEqual({});
        await mermaidParse(text);
    });
});

describe('provenance: the nodes that are not the guide\'s own', () => {
    /** The ids in `class <ids> <name>` lines. */
    const inClass = (text: string, name: string) => new Set(text.split('\n')
        .filter(l => l.startsWith('    class ') && l.endsWith(` ${name}`))
        .flatMap(l => l.slice('    class '.length, -name.length - 1).split(',')));

    test('a reconstructed node gets the dashed class, an illustrative one the dotted class, with the reason in `provenance`; the guide\'s own nodes neither', async () => {
        const json = await exampleJson();
        const seen = { reconstructed: 0, illustrative: 0, guide: 0 };
        for (const tree of json.trees) {
            const { text, ids, provenance } = treeToMermaid(tree);
            const reconstructed = inClass(text, 'reconstructed'), illustrative = inClass(text, 'illustrative');
            for (const [mermaidId, target] of Object.entries(ids)) {
                if (target.kind !== 'node') {
                    expect(provenance?.[mermaidId]).toBeUndefined();
                    continue;
                }
                const p = tree.nodes.find(n => n.id === target.id)!.provenance;
                expect(reconstructed.has(mermaidId), `${tree.id}.${target.id}`).toBe(p.kind === 'reconstructed');
                expect(illustrative.has(mermaidId), `${tree.id}.${target.id}`).toBe(p.kind === 'illustrative');
                if (p.kind === 'reconstructed' || p.kind === 'illustrative') {
                    expect(provenance?.[mermaidId]).toEqual({ kind: p.kind, parts: [{ part: 'element', provenance: p }] });
                    seen[p.kind]++;
                } else {
                    expect(provenance?.[mermaidId]).toBeUndefined();
                    seen.guide++;
                }
            }
            expect(text).toContain('    classDef reconstructed stroke-dasharray:9 4\n');
            expect(text).toContain('    classDef illustrative stroke-dasharray:2 3\n');
        }
        expect(seen.reconstructed).toBeGreaterThan(0);
        expect(seen.illustrative).toBeGreaterThan(0);
        expect(seen.guide).toBeGreaterThan(0);
    });

    test('a hostile reason never reaches the Mermaid text', async () => {
        const reason = '"]; click n0 href "javascript:alert(1)"; classDef x fill:red; %%{init: {"securityLevel":"loose"}}%%';
        const tree = { ...small, nodes: small.nodes.map(n => ({ ...n, provenance: { kind: 'reconstructed' as const, detail: reason } })) };
        const { text, provenance } = treeToMermaid(tree);
        expect(text).not.toContain('javascript');
        expect(text).not.toContain('init');
        expect(Object.values(provenance!).every(p => p.parts[0]!.provenance.detail === reason)).toBe(true);
        await mermaidParse(text);
    });
});

describe('treeToMermaid: the provenance legend', () => {
    const flagged: TreeJson = {
        ...small,
        nodes: small.nodes.map(n => (n.id === 'Doel' ? { ...n, provenance: { kind: 'illustrative' } } : n))
    };

    test('only on request: the guide and the preview draw their legend beside the diagram, not in it', () => {
        const diagram = treeToMermaid(flagged);
        expect(diagram.text).not.toContain('subgraph h0');
        expect(Object.values(diagram.ids).some(t => t.kind === 'legend')).toBe(false);
    });

    test('on request, its boxes are among the ids a renderer expects to see drawn, and it passes mermaid.parse', async () => {
        const diagram = treeToMermaid(flagged, { legend: true });
        expect(Object.entries(diagram.ids).filter(([, t]) => t.kind === 'legend').map(([id]) => id)).toEqual(['h1', 'h2']);
        expect(mermaidIds(diagram.text)).toEqual(new Set(Object.keys(diagram.ids)));
        // The legend's boxes are no content: they carry no provenance tooltip of their own.
        expect(Object.keys(diagram.provenance ?? {})).toEqual(['n3']);
        await mermaidParse(diagram.text);
        expect(unexpectedStatements(diagram.text)).toEqual([]);
    });

    test('on request, but nothing reconstructed or illustrative: no legend', () => {
        expect(treeToMermaid(small, { legend: true }).text).toBe(treeToMermaid(small).text);
    });
});
