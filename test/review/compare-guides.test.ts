import { describe, expect, test } from 'vitest';
import { exportWorkspaceJson } from '../../language/generation/json/export-json.js';
import type { HandreikingJson } from '../../language/generation/json/handreiking-json.js';
import { compareGuides } from '../../language/review/compare-guides.js';
import type { ReviewJson } from '../../language/review/review-json.js';
import { createTestServices, validateFiles } from '../helpers.js';

/** The comparison itself, on the JSON of two small versions: what counts as a rename, and what is not reported. */

async function json(text: string): Promise<HandreikingJson> {
    const services = createTestServices();
    await validateFiles(services, { 'g.hrk': text });
    return exportWorkspaceJson(services);
}

async function compare(oud: string, nieuw: string): Promise<ReviewJson> {
    const version = { label: 'x', kind: 'folder' as const, files: 1 };
    return compareGuides(await json(oud), await json(nieuw), { old: version, new: version });
}

const tree = (advice: string) => `beslisboom B "b" {
    herkomst gereconstrueerd "pijlen"
    vraag V "Is de groep stabiel?" { ja -> A nee -> ${advice.split(' ')[1]} }
    advies A "a"
    ${advice}
}`;

describe('compareGuides', () => {
    test('an advice replaced by an unrelated one at the same answer is removed and added, not renamed', async () => {
        const review = await compare(tree('advies W "Praat met de groep"'), tree('advies X "Zoek een nieuwe locatie"'));
        expect(review.structure.map(c => c.change)).toEqual(['rewired', 'added', 'removed']);
        expect(review.behaviour).toEqual([expect.objectContaining({ change: 'pathChanged', newAdvice: true, new: { status: 'advice', at: 'X', passes: [] } })]);
    });

    test('a typology renamed with the same title is one typology, and a rule naming it has not changed', async () => {
        const base = (naam: string) => `kenmerk S "s" { "a" }\ntypologie ${naam} "Huiskamer" { S = "a" }\nfinanciering F "f" { termijn structureel voor ${naam} }\n`;
        const review = await compare(base('Huiskamer'), base('Woonkamer'));
        expect(review.structure).toEqual([{ change: 'renamed', element: { type: 'typology', id: 'Woonkamer' }, oldId: 'Huiskamer', matchedBy: 'text' }]);
    });

    test('a provenance changed on a tree is reported once, not again at every node that inherits it', async () => {
        const review = await compare(tree('advies W "w"'), tree('advies W "w"').replace('gereconstrueerd "pijlen"', 'handreiking "dia"'));
        expect(review.structure).toEqual([{
            change: 'modified', element: { type: 'tree', id: 'B' }, field: 'provenance',
            old: { kind: 'reconstructed', detail: 'pijlen' }, new: { kind: 'guide', detail: 'dia' }
        }]);
        expect(review.changed).toBe(true);
    });

    test('nothing that a reader cannot see: comments, layout, order of nodes', async () => {
        const reformatted = `// anders opgemaakt
beslisboom B "b" {
\therkomst gereconstrueerd "pijlen"
\tvraag V "Is de groep stabiel?" {
\t\tja -> A
\t\tnee -> W
\t}
\tadvies W "w" // eerst W, dan A
\tadvies A "a"
}
`;
        const review = await compare(tree('advies W "w"'), reformatted);
        expect(review).toMatchObject({ changed: false, structure: [], behaviour: [] });
    });

    test('the first node is the start when a tree has no start: putting another node first changes where every walk begins', async () => {
        const first = `beslisboom B "b" {\n    herkomst gereconstrueerd "pijlen"\n    advies W "w"\n    vraag V "Is de groep stabiel?" { ja -> A nee -> W }\n    advies A "a"\n}`;
        const review = await compare(tree('advies W "w"'), first);
        expect(review.structure).toEqual([{ change: 'modified', element: { type: 'tree', id: 'B' }, field: 'start', old: 'V', new: 'W' }]);
        expect(review.behaviour.map(c => c.change)).toEqual(['pathAdded', 'pathRemoved', 'pathRemoved']);
    });
});
