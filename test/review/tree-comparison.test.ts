import { afterEach, describe, expect, test } from 'vitest';
import { exportWorkspaceJson } from '../../language/generation/json/export-json.js';
import type { HandreikingJson } from '../../language/generation/json/handreiking-json.js';
import { compareTrees } from '../../language/review/tree-comparison.js';
import { clearAll, createTestServices, validateFiles } from '../helpers.js';

/**
 * One tree compared with its older version, as the preview's "Vergelijk met …" draws it: the new
 * tree with the lost nodes and arrows put back as ghosts, and what changed where.
 */

const services = createTestServices();
afterEach(() => clearAll(services));

async function guide(text: string): Promise<HandreikingJson> {
    await validateFiles(services, { 'g.hrk': text });
    const json = exportWorkspaceJson(services);
    await clearAll(services);
    return json;
}

const before = `beslisboom B "Boom" {
    vraag Stabiel "Is de groep stabiel?" { ja -> Ruimte nee -> Onenigheid }
    vraag Onenigheid "Is er onenigheid?" { ja -> Gesprek nee -> Ruimte }
    advies Gesprek "Ga in gesprek"
    advies Ruimte "Zoek een ruimte"
    advies Oud "Een advies dat verdwijnt"
}
scenario "onrustig" { beslisboom B Stabiel: nee Onenigheid: ja verwacht Gesprek }
`;

const after = `beslisboom B "Boom" {
    vraag Stabiel "Is de groep stabiel?" { ja -> Ruimte nee -> Onenigheid }
    vraag Onenigheid "Is er onenigheid in de groep?" { ja -> Bemiddeling nee -> Ruimte weet_niet -> Gesprek }
    advies Gesprek "Ga in gesprek"
    advies Bemiddeling "Zoek een bemiddelaar"
    advies Ruimte "Zoek een ruimte"
}
scenario "onrustig" { beslisboom B Stabiel: nee Onenigheid: ja verwacht Gesprek }
`;

describe('compareTrees', () => {
    test('added, removed (as ghosts), reworded and rewired, and the paths that end elsewhere', async () => {
        const oldJson = await guide(before);
        const newJson = await guide(after.replace('weet_niet', 'antwoord "weet niet"'));
        const c = compareTrees(oldJson, newJson, ['B'], 'HEAD', 'nl').B;
        expect(c.against).toBe('HEAD');
        expect(c.newTree).toBe(false);
        expect(c.added).toEqual(['Bemiddeling']);
        expect(c.removed).toEqual(['Oud']);
        expect(c.tree.nodes.map(n => n.id)).toEqual(['Stabiel', 'Onenigheid', 'Gesprek', 'Bemiddeling', 'Ruimte', 'Oud']);
        expect(c.reworded).toEqual([{ node: 'Onenigheid', oldText: 'Is er onenigheid?' }]);
        const edge = (i: number) => `${c.tree.edges[i].from}>${c.tree.edges[i].to}:${c.tree.edges[i].label ?? ''}`;
        expect(c.edges.map(e => [edge(e.index), e.change, e.oldTo])).toEqual([
            ['Onenigheid>Bemiddeling:ja', 'rewired', 'Gesprek'],
            ['Onenigheid>Gesprek:weet niet', 'added', undefined]
        ]);
        expect(c.behaviour.map(b => b.node)).toEqual(expect.arrayContaining(['Bemiddeling']));
        expect(c.behaviour.some(b => /onrustig/.test(b.text))).toBe(true);
        expect(c.behaviour.some(b => /weet niet/.test(b.text))).toBe(true);
    });

    test('a removed arrow comes back as a ghost between the nodes it joined', async () => {
        const oldJson = await guide(before);
        const newJson = await guide(before.replace('nee -> Ruimte }', '}').replace('scenario "onrustig" { beslisboom B Stabiel: nee Onenigheid: ja verwacht Gesprek }', ''));
        const c = compareTrees(oldJson, newJson, ['B'], 'main', 'nl').B;
        const removed = c.edges.filter(e => e.change === 'removed').map(e => c.tree.edges[e.index]);
        expect(removed).toEqual([{ from: 'Onenigheid', to: 'Ruimte', kind: 'answer', label: 'nee' }]);
        expect(c.edges.filter(e => e.change !== 'removed')).toEqual([]);
        expect(c.added).toEqual([]);
    });

    test('a renamed node is one node, reworded with its old id; a new tree is new throughout; nothing changed is nothing', async () => {
        const oldJson = await guide(before);
        const renamed = await guide(before.replaceAll('Gesprek', 'Praten'));
        const c = compareTrees(oldJson, renamed, ['B'], 'HEAD', 'nl').B;
        expect(c.added).toEqual([]);
        expect(c.removed).toEqual([]);
        expect(c.reworded).toEqual([{ node: 'Praten', oldText: 'Ga in gesprek', oldId: 'Gesprek' }]);

        const same = compareTrees(oldJson, oldJson, ['B'], 'HEAD', 'nl').B;
        expect([same.added, same.removed, same.reworded, same.edges, same.behaviour]).toEqual([[], [], [], [], []]);

        const fresh = compareTrees({ ...oldJson, trees: [], scenarios: [] }, oldJson, ['B'], 'HEAD', 'nl').B;
        expect(fresh.newTree).toBe(true);
        expect(fresh.added).toHaveLength(5);
    });
});
