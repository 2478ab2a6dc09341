import type { ProvenanceJson, TreeJson } from '../../language/generation/json/handreiking-json.js';

/** The small tree the walkthrough and the preview's focus view are tested on, as the JSON has it. */

const src = { file: 'x.hrk', line: 1, column: 1, endLine: 1, endColumn: 2 };
const unmarked: ProvenanceJson = { kind: 'unmarked' };

/** A node of the tree's JSON whose text is its name. */
export const node = (id: string, kind: 'question' | 'advice' | 'step') => ({ id, kind, text: id, examples: [], links: [], reachable: true, source: src, provenance: unmarked });

/**
 * Stabiel? ja → Stap → A; nee → Voedsel? x → C, y → B. With `daarna`, advice A goes on to B
 * (`A daarna B`).
 */
export function smallTree(options: { daarna?: boolean } = {}): TreeJson {
    return {
        id: 'T', title: 'T', start: 'Stabiel', source: src, provenance: unmarked,
        nodes: [node('Stabiel', 'question'), node('Stap', 'step'), node('A', 'advice'), node('B', 'advice'), node('Voedsel', 'question'), node('C', 'advice')],
        edges: [
            { from: 'Stabiel', to: 'Stap', kind: 'answer', label: 'ja' },
            { from: 'Stabiel', to: 'Voedsel', kind: 'answer', label: 'nee' },
            { from: 'Stap', to: 'A', kind: 'next' },
            ...(options.daarna ? [{ from: 'A', to: 'B', kind: 'then' as const }] : []),
            { from: 'Voedsel', to: 'C', kind: 'answer', label: 'x' },
            { from: 'Voedsel', to: 'B', kind: 'answer', label: 'y' }
        ]
    };
}
