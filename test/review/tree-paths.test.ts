import { afterEach, describe, expect, test } from 'vitest';
import { exportWorkspaceJson } from '../../language/generation/json/export-json.js';
import type { HandreikingJson } from '../../language/generation/json/handreiking-json.js';
import { computeCoverage, gapAt } from '../../language/review/coverage.js';
import { enumeratePaths, ShortestPaths } from '../../language/review/tree-paths.js';
import { clearAll, createTestServices, validateFiles } from '../helpers.js';

const services = createTestServices();

async function guide(text: string): Promise<HandreikingJson> {
    await validateFiles(services, { 'g.hrk': text });
    return exportWorkspaceJson(services);
}

afterEach(() => clearAll(services));

describe('the complete paths of a tree', () => {
    test('every combination of answers, in the order written, through steps and daarna', async () => {
        const json = await guide(`beslisboom B "b" {
            vraag V "v?" { ja -> Stap nee -> W }
            stap Stap "s" -> A
            vraag W "w?" { antwoord "soms" -> A antwoord "nooit" -> C }
            advies A "a" { daarna -> C }
            advies C "c"
        }`);
        const { paths, complete } = enumeratePaths(json.trees[0]);
        expect(complete).toBe(true);
        expect(paths.map(p => [p.answers.map(a => `${a.question}=${a.answer}`).join(', '), p.nodes.join('>'), p.status])).toEqual([
            ['V=ja', 'V>Stap>A>C', 'advice'],
            ['V=nee, W=soms', 'V>W>A>C', 'advice'],
            ['V=nee, W=nooit', 'V>W>C', 'advice']
        ]);
    });

    test('a cycle (an error in the tree) ends its path instead of looping', async () => {
        const json = await guide(`beslisboom B "b" { vraag V "v?" { ja -> W nee -> A } vraag W "w?" { ja -> V nee -> A } advies A "a" }`);
        const { paths } = enumeratePaths(json.trees[0]);
        expect(paths.map(p => p.status)).toEqual(['cycle', 'advice', 'advice']);
    });

    test('past the limit the enumeration says it is incomplete', async () => {
        const chain = Array.from({ length: 5 }, (_, i) => `vraag Q${i} "q" { ja -> ${i < 4 ? `Q${i + 1}` : 'A'} nee -> ${i < 4 ? `Q${i + 1}` : 'A'} }`).join('\n');
        const json = await guide(`beslisboom B "b" { ${chain} advies A "a" }`);
        expect(enumeratePaths(json.trees[0], 32).complete).toBe(true);
        expect(enumeratePaths(json.trees[0], 31)).toMatchObject({ complete: false });
        expect(enumeratePaths(json.trees[0], 31).paths).toHaveLength(31);
    });
});

describe('shortest paths and coverage', () => {
    test('the shortest complete path through an answer goes on to the nearest advice', async () => {
        const json = await guide(`beslisboom B "b" {
            vraag V "v?" { ja -> W nee -> A }
            vraag W "w?" { ja -> X nee -> A }
            vraag X "x?" { ja -> A nee -> C }
            advies A "a"
            advies C "c"
        }`);
        const shortest = new ShortestPaths(json.trees[0]);
        expect(shortest.completePathThrough('X', 'nee')).toEqual({
            answers: [{ question: 'V', answer: 'ja' }, { question: 'W', answer: 'ja' }, { question: 'X', answer: 'nee' }],
            nodes: ['V', 'W', 'X', 'C'], status: 'advice', at: 'C'
        });
        expect(shortest.completePathThrough('W')?.nodes).toEqual(['V', 'W', 'A']);
        expect(shortest.completePathThrough('X', 'misschien')).toBeUndefined();
    });

    test('unreachable nodes do not count; a failing scenario covers what it walked', async () => {
        const json = await guide(`beslisboom B "b" {
            vraag V "v?" { ja -> A nee -> C }
            advies A "a"
            advies C "c"
            advies Weg "nergens vandaan"
        }
        scenario "fout" { beslisboom B V: ja verwacht C }`);
        const tree = computeCoverage(json).trees[0];
        expect(tree.advices).toEqual({ covered: 1, total: 2, percent: 50 });
        expect(tree.answers).toEqual({ covered: 1, total: 2, percent: 50 });
        expect(tree.uncovered.advices.map(u => u.node)).toEqual(['C']);
    });

    test('the gap at one node is what the whole coverage lists for it, and nothing where it lists nothing', async () => {
        const json = await guide(`beslisboom B "b" {
            vraag V "v?" { ja -> W nee -> C }
            vraag W "w?" { antwoord "soms" -> A antwoord "nooit" -> C }
            advies A "a" { daarna -> D }
            advies C "c"
            advies D "d"
            advies Weg "nergens vandaan"
        }
        scenario "ja" { beslisboom B V: ja W: "soms" verwacht D }`);
        const tree = json.trees[0];
        const whole = computeCoverage(json).trees[0];
        expect(whole.uncovered.answers.length + whole.uncovered.advices.length).toBeGreaterThan(0);
        for (const node of tree.nodes) {
            const labels = [undefined, ...new Set(tree.edges.filter(e => e.from === node.id && e.kind === 'answer').map(e => e.label))];
            for (const answer of labels) {
                const listed = answer === undefined
                    ? whole.uncovered.advices.find(u => u.node === node.id)
                    : whole.uncovered.answers.find(u => u.node === node.id && u.answer === answer);
                expect(gapAt(tree, json.scenarios, node.id, answer), `${node.id} ${answer ?? ''}`).toEqual(listed);
            }
        }
    });

    test('the gap at one advice of a 5 000-long chain: the whole chain, from the start to the end', async () => {
        // The code action asks for one gap per cursor position; the fuzz sample's 5 000-deep cases
        // bound its cost (it once built the whole coverage, a path per advice, each time).
        const chain = Array.from({ length: 5000 }, (_, i) => `advies A${i} "a" { daarna -> A${i + 1} }`).join('\n');
        const json = await guide(`beslisboom B "b" {\n${chain}\nadvies A5000 "eind"\n}`);
        const gap = gapAt(json.trees[0], [], 'A2500');
        expect(gap?.path?.nodes).toHaveLength(5001);
        expect(gap?.path?.at).toBe('A5000');
    }, 120_000);
});
