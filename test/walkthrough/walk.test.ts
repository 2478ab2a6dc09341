import { describe, expect, test } from 'vitest';
import type { TreeJson } from '../../language/generation/json/handreiking-json.js';
import { TreeWalker, checkPasses, describePath, runScenarioOnTree } from '../../language/walkthrough/walk.js';
import { smallTree } from './small-tree.js';

const tree = smallTree({ daarna: true });
const walker = new TreeWalker(tree);

describe('walking a tree', () => {
    test('passes steps and daarna without answers and stops at the final advice', () => {
        const r = walker.walk(q => ({ Stabiel: 'ja' } as Record<string, string>)[q]);
        expect(r.status).toBe('advice');
        expect(r.at).toBe('B');
        expect(describePath(r.path)).toBe('Stabiel: ja → Stap → A → B');
    });

    test('stops at a question without an answer, and at an answer the question does not offer', () => {
        expect(walker.walk(() => undefined)).toMatchObject({ status: 'question', at: 'Stabiel' });
        expect(walker.walk(q => (q === 'Stabiel' ? 'nee' : 'z'))).toMatchObject({ status: 'unknownAnswer', at: 'Voedsel' });
    });

    test('can start from any question', () => {
        expect(walker.walk(() => 'x', 'Voedsel')).toMatchObject({ status: 'advice', at: 'C' });
    });

    test('reports a cycle instead of looping forever', () => {
        const looping: TreeJson = { ...tree, edges: [...tree.edges.filter(e => e.from !== 'A'), { from: 'A', to: 'Stap', kind: 'then' }] };
        expect(new TreeWalker(looping).walk(() => 'ja')).toMatchObject({ status: 'cycle', at: 'Stap' });
    });

    test('a dead end and a missing start are reported', () => {
        const dead: TreeJson = { ...tree, edges: tree.edges.filter(e => e.from !== 'Stap') };
        expect(new TreeWalker(dead).walk(() => 'ja')).toMatchObject({ status: 'deadEnd', at: 'Stap' });
        expect(new TreeWalker({ ...tree, start: undefined }).walk(() => 'ja').status).toBe('deadEnd');
    });
});

describe('scenarios', () => {
    test('pass when the walk ends at the expected advice', () => {
        expect(runScenarioOnTree(walker, [{ question: 'Stabiel', answer: 'nee' }, { question: 'Voedsel', answer: 'x' }], 'C').passed).toBe(true);
    });

    test('fail on another advice, with the path taken', () => {
        const o = runScenarioOnTree(walker, [{ question: 'Stabiel', answer: 'nee' }, { question: 'Voedsel', answer: 'y' }], 'C');
        expect(o.passed).toBe(false);
        expect(o.result.at).toBe('B');
        expect(describePath(o.result.path)).toBe('Stabiel: nee → Voedsel: y → B');
    });

    test('fail when an answer is given for a question that is never asked', () => {
        const o = runScenarioOnTree(walker, [{ question: 'Stabiel', answer: 'ja' }, { question: 'Voedsel', answer: 'x' }], 'B');
        expect(o.passed).toBe(false);
        expect(o.unusedAnswers).toEqual(['Voedsel']);
    });
});

describe('scenarios with langs: the nodes the path passes, in order', () => {
    const ja = [{ question: 'Stabiel', answer: 'ja' }];

    test('pass when the path passes them in that order, with other nodes between', () => {
        expect(runScenarioOnTree(walker, ja, 'B', ['Stap', 'A']).passed).toBe(true);
        expect(runScenarioOnTree(walker, ja, 'B', ['Stabiel', 'A']).passed).toBe(true);
    });

    test('fail when a node is not on the path, naming it, even though the end is right', () => {
        const o = runScenarioOnTree(walker, [{ question: 'Stabiel', answer: 'nee' }, { question: 'Voedsel', answer: 'y' }], 'B', ['A']);
        expect(o.result.at).toBe('B');
        expect(o.passed).toBe(false);
        expect(o.passesProblem).toEqual({ kind: 'missing', node: 'A' });
    });

    test('fail when the nodes are passed in another order, naming the one out of place and the one before it', () => {
        const o = runScenarioOnTree(walker, ja, 'B', ['A', 'Stap']);
        expect(o.passed).toBe(false);
        expect(o.passesProblem).toEqual({ kind: 'order', node: 'Stap', after: 'A' });
    });

    test('a node named twice must be passed twice (the checker reports it before: HRK040)', () => {
        expect(checkPasses(['X', 'Y'], ['X', 'X'])).toEqual({ kind: 'order', node: 'X', after: 'X' });
        expect(checkPasses(['X', 'Y'], [])).toBeUndefined();
    });
});
