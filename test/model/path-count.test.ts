import { afterEach, describe, expect, test } from 'vitest';
import { parseDocument } from 'langium/test';
import type { Beslisboom, Gids } from '../../language/generated/ast.js';
import { countPaths } from '../../language/model/path-count.js';
import { clearAll, createTestServices } from '../helpers.js';

const services = createTestServices();
afterEach(() => clearAll(services));

async function counts(body: string): Promise<{ total: number; through: Record<string, number> }> {
    const document = await parseDocument<Gids>(services, `beslisboom B "b" {\n${body}\n}`);
    const { total, through } = countPaths(document.parseResult.value.elementen[0] as Beslisboom);
    return { total, through: Object.fromEntries([...through].map(([k, n]) => [k.name, n])) };
}

describe('paths through a tree', () => {
    test('a DAG: paths multiply through shared nodes; two answers to one node are two paths', async () => {
        expect(await counts(`
            vraag A "a?" { ja -> B nee -> C }
            vraag B "b?" { ja -> D nee -> D }
            stap C "c" -> D
            advies D "d"`)).toEqual({ total: 3, through: { A: 3, B: 2, C: 1, D: 3 } });
    });

    test('unreachable nodes have no count; a chained advice counts as a way on', async () => {
        expect(await counts(`
            start A
            advies A "a" { daarna -> B }
            advies B "b"
            advies Los "los"`)).toEqual({ total: 1, through: { A: 1, B: 1 } });
    });

    test('an arrow that closes a cycle is left out, so the counts stay finite', async () => {
        expect(await counts(`
            vraag A "a?" { ja -> B nee -> C }
            stap B "b" -> A
            advies C "c"`)).toEqual({ total: 2, through: { A: 2, B: 1, C: 1 } });
    });

    test('a tree without nodes has no paths', async () => {
        expect(await counts('')).toEqual({ total: 0, through: {} });
    });
});
