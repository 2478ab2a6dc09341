import { afterEach, describe, expect, test } from 'vitest';
import { parseDocument } from 'langium/test';
import type { Beslisboom, Gids } from '../../language/generated/ast.js';
import { countPaths } from '../../language/model/path-count.js';
import { findCycles } from '../../language/model/tree-graph.js';
import { clearAll, createTestServices } from '../helpers.js';

/** The one depth-first search (tree-graph.ts `depthFirst`) behind the cycle check and the path counts. */

const services = createTestServices();
afterEach(() => clearAll(services));

async function tree(body: string): Promise<Beslisboom> {
    const document = await parseDocument<Gids>(services, `beslisboom B "b" {\n${body}\n}`);
    return document.parseResult.value.elementen[0] as Beslisboom;
}

describe('cycles', () => {
    test('each loop once, in order from where it starts, with the arrow that closes it', async () => {
        const boom = await tree(`
            vraag A "a?" { ja -> B nee -> D }
            stap B "b" -> C
            stap C "c" -> A
            stap D "d" -> D`);
        const cycles = findCycles(boom).map(c => ({ loop: c.loop.map(k => k.name), from: c.closingEdge.from.name, property: c.closingEdge.source.property }));
        expect(cycles).toEqual([
            { loop: ['A', 'B', 'C', 'A'], from: 'C', property: 'volgende' },
            { loop: ['D', 'D'], from: 'D', property: 'volgende' }
        ]);
    });

    test('a loop among nodes the start does not reach is found too', async () => {
        const boom = await tree(`
            start A
            advies A "a"
            stap X "x" -> Y
            stap Y "y" -> X`);
        expect(findCycles(boom).map(c => c.loop.map(k => k.name))).toEqual([['X', 'Y', 'X']]);
    });

    test('a chain of 20 000 steps ending in a loop: no stack overflow, one cycle, one path', async () => {
        const steps = Array.from({ length: 20_000 }, (_, i) => `stap S${i} "s" -> S${i + 1 < 20_000 ? i + 1 : 19_990}`);
        const boom = await tree(steps.join('\n'));
        const cycles = findCycles(boom);
        expect(cycles).toHaveLength(1);
        expect(cycles[0].loop).toHaveLength(11);
        expect(countPaths(boom).total).toBe(1);
    }, 60_000);
});
