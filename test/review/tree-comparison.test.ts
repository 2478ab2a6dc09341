import { describe, expect, test } from 'vitest';
import { compareTrees } from '../../language/review/tree-comparison.js';
import { guideJson, treeAfter, treeBefore } from './tree-before-after.js';

/**
 * One tree compared with its older version, as the preview's "Vergelijk met …" draws it: the new
 * tree with the lost nodes and arrows put back as ghosts, and what changed where.
 */

// The comparison keeps Onenigheid's "nee": its only changed arrows are the rewired "ja" and the new answer.
const after = treeAfter.replace('{ ja -> Bemiddeling antwoord', '{ ja -> Bemiddeling nee -> Ruimte antwoord');

describe('compareTrees', () => {
    test('added, removed (as ghosts), reworded and rewired, and the paths that end elsewhere', async () => {
        const oldJson = await guideJson(treeBefore);
        const newJson = await guideJson(after);
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
        const oldJson = await guideJson(treeBefore);
        const newJson = await guideJson(treeBefore.replace('nee -> Ruimte }', '}').replace('scenario "onrustig" { beslisboom B Stabiel: nee Onenigheid: ja verwacht Gesprek }', ''));
        const c = compareTrees(oldJson, newJson, ['B'], 'main', 'nl').B;
        const removed = c.edges.filter(e => e.change === 'removed').map(e => c.tree.edges[e.index]);
        expect(removed).toEqual([{ from: 'Onenigheid', to: 'Ruimte', kind: 'answer', label: 'nee' }]);
        expect(c.edges.filter(e => e.change !== 'removed')).toEqual([]);
        expect(c.added).toEqual([]);
    });

    test('a renamed node is one node, reworded with its old id; a new tree is new throughout; nothing changed is nothing', async () => {
        const oldJson = await guideJson(treeBefore);
        const renamed = await guideJson(treeBefore.replaceAll('Gesprek', 'Praten'));
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
