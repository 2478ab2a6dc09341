import { describe, expect, test } from 'vitest';
import type { EdgeJson, NodeJson, TreeJson } from '../../../language/generation/json/handreiking-json.js';
import { MAX_NESTED_QUESTIONS, textNodeAnchor, treeTextVersion } from '../../../language/generation/html/tree-text.js';

const source = { file: 't.hrk', line: 1 };
const unmarked = { kind: 'unmarked' } as NodeJson['provenance'];

function node(id: string, kind: NodeJson['kind'], text: string): NodeJson {
    return { id, kind, text, examples: [], links: [], source, provenance: unmarked } as unknown as NodeJson;
}

/** V0 → V1 → … by `ja`, every `nee` to Stop: questions nested `depth` deep. */
function questionChain(depth: number): TreeJson {
    const nodes = [...Array.from({ length: depth }, (_, i) => node(`V${i}`, 'question', `Vraag ${i}?`)), node('Einde', 'advice', 'Klaar'), node('Stop', 'advice', 'Gestopt')];
    const edges: EdgeJson[] = Array.from({ length: depth }, (_, i) => [
        { from: `V${i}`, to: i + 1 < depth ? `V${i + 1}` : 'Einde', kind: 'answer', label: 'ja' },
        { from: `V${i}`, to: 'Stop', kind: 'answer', label: 'nee' }
    ] as EdgeJson[]).flat();
    return { id: 'Vragen', title: 'Vragen', start: 'V0', nodes, edges } as unknown as TreeJson;
}

/** The deepest nesting of `<li>` elements in the markup. */
function deepestItem(html: string): number {
    let depth = 0;
    let deepest = 0;
    for (const m of html.matchAll(/<(\/?)li\b/g)) {
        depth += m[1] ? -1 : 1;
        deepest = Math.max(deepest, depth);
    }
    return deepest;
}

const context = { typologyTitle: () => undefined, calculation: () => undefined };

describe('the text version of a flowchart', () => {
    test('a shallow tree nests each question inside the answer that leads to it, and refers back to a node met before', () => {
        const tree = questionChain(3);
        const html = treeTextVersion(tree, context);
        expect(deepestItem(html)).toBe(2 * 3 + 1);
        // Stop is written once, under V0's nee; the later nee's refer back to it.
        expect(html.match(/Gestopt<\/span>/g)).toHaveLength(1);
        expect(html.match(/verder bij advies <a href="#[^"]+">Gestopt<\/a> \(hierboven\)/g)).toHaveLength(2);
        expect(html).not.toContain('hieronder');
    });

    test('5 000 questions deep: no stack overflow, nesting bounded, every node written once with its anchor', () => {
        const tree = questionChain(5000);
        const html = treeTextVersion(tree, context);
        // Each question adds two <li> levels (its item, the answer); past the limit the chain goes on at the top.
        expect(deepestItem(html)).toBeLessThanOrEqual(2 * MAX_NESTED_QUESTIONS + 1);
        const ids = [...html.matchAll(/<li id="([^"]+)"/g)].map(m => m[1]);
        expect(ids.sort()).toEqual(tree.nodes.map((_, i) => textNodeAnchor(tree, i)).sort());
        // The question past the limit is referred to below, and written at the top level of the list.
        const past = tree.nodes[MAX_NESTED_QUESTIONS];
        expect(html).toContain(`verder bij vraag <a href="#${textNodeAnchor(tree, MAX_NESTED_QUESTIONS)}">${past.text}</a> (hieronder)`);
    });

    test('an advice that refers to a calculation links to its rekenhulp; one the guide does not have, or another advice, does not', () => {
        const tree = questionChain(1);
        tree.nodes.find(n => n.id === 'Einde')!.calculation = 'SooBijdrage';
        tree.nodes.find(n => n.id === 'Stop')!.calculation = 'Onbekend';
        const calculations = new Map([['SooBijdrage', { id: 'SooBijdrage', title: 'Bijdrage <uit> de SOO' }]]);
        const html = treeTextVersion(tree, { ...context, calculation: id => calculations.get(id) });
        expect(html.match(/Reken het uit/g)).toHaveLength(1);
        expect(html).toMatch(/Klaar<\/span> <p class="tv-detail"><a href="#rekenhulp-SooBijdrage">Reken het uit: Bijdrage &lt;uit&gt; de SOO<\/a><\/p><\/li>/);
        expect(treeTextVersion(tree, context)).not.toContain('Reken het uit');
    });
});
