import { describe, expect, test } from 'vitest';
import type { TreeJson } from '../../language/generation/json/handreiking-json.js';
import { TreeWalker } from '../../language/walkthrough/walk.js';
import { replay, Walkthrough } from '../../language/walkthrough/walk-state.js';
import { node, smallTree } from './small-tree.js';

/** The walkthrough model of the preview and the HTML guide: answers in order, replayed. */

const tree = smallTree();

/** A copy of `tree` with one answer label renamed. */
function renameAnswer(tree: TreeJson, question: string, from: string, to: string): TreeJson {
    return { ...tree, edges: tree.edges.map(e => e.from === question && e.kind === 'answer' && e.label === from ? { ...e, label: to } : e) };
}

describe('replaying a walk', () => {
    test('keeps every answer that still applies', () => {
        const r = replay(new TreeWalker(tree), [{ question: 'Stabiel', answer: 'nee' }, { question: 'Voedsel', answer: 'x' }]);
        expect(r.answers).toHaveLength(2);
        expect(r.result).toMatchObject({ status: 'advice', at: 'C' });
    });

    test('stops at a question whose answer is no longer offered, and drops the rest', () => {
        const edited = renameAnswer(tree, 'Voedsel', 'x', 'xx');
        const r = replay(new TreeWalker(edited), [{ question: 'Stabiel', answer: 'nee' }, { question: 'Voedsel', answer: 'x' }]);
        expect(r.answers).toEqual([{ question: 'Stabiel', answer: 'nee' }]);
        expect(r.result).toMatchObject({ status: 'question', at: 'Voedsel' });
    });

    test('stops where the walk reaches another question than the answer was for', () => {
        // "nee" now leads straight to C: the answer for Voedsel is never asked for, and dropped.
        const edited: TreeJson = { ...tree, edges: tree.edges.map(e => e.from === 'Stabiel' && e.label === 'nee' ? { ...e, to: 'C' } : e) };
        const r = replay(new TreeWalker(edited), [{ question: 'Stabiel', answer: 'nee' }, { question: 'Voedsel', answer: 'x' }]);
        expect(r.answers).toEqual([{ question: 'Stabiel', answer: 'nee' }]);
        expect(r.result).toMatchObject({ status: 'advice', at: 'C' });
        const other: TreeJson = { ...tree, nodes: [...tree.nodes, node('Nieuw', 'question')], edges: [...tree.edges.map(e => e.from === 'Stabiel' && e.label === 'nee' ? { ...e, to: 'Nieuw' } : e), { from: 'Nieuw', to: 'B', kind: 'answer', label: 'x' }] };
        const r2 = replay(new TreeWalker(other), [{ question: 'Stabiel', answer: 'nee' }, { question: 'Voedsel', answer: 'x' }]);
        expect(r2.answers).toEqual([{ question: 'Stabiel', answer: 'nee' }]);
        expect(r2.result).toMatchObject({ status: 'question', at: 'Nieuw' });
    });

    test('a start node that is gone falls back to the tree start', () => {
        const walk = new Walkthrough(tree, { tree: 'T', from: 'Weg', answers: [] });
        expect(walk.result).toMatchObject({ status: 'question', at: 'Stabiel' });
        expect(walk.fromStart).toBe(true);
    });

    test('answer, back and restart', () => {
        let walk = new Walkthrough(tree, { tree: 'T', answers: [] });
        walk = walk.answer('Stabiel', 'nee').answer('Voedsel', 'y');
        expect(walk.result).toMatchObject({ status: 'advice', at: 'B' });
        expect(walk.pathNodes()).toEqual(['Stabiel', 'Voedsel', 'B']);
        // An answer for a question that is not being asked is ignored.
        expect(walk.answer('Stabiel', 'ja').answers).toHaveLength(2);
        walk = walk.back();
        expect(walk.result).toMatchObject({ status: 'question', at: 'Voedsel' });
        expect(walk.restart().answers).toEqual([]);
        expect(walk.startFrom('Voedsel').fromStart).toBe(false);
    });

    test('back to a question on the path forgets its answer and every later one', () => {
        const walk = new Walkthrough(tree, { tree: 'T', answers: [] }).answer('Stabiel', 'nee').answer('Voedsel', 'y');
        expect(walk.backTo('Voedsel').answers).toEqual([{ question: 'Stabiel', answer: 'nee' }]);
        expect(walk.backTo('Voedsel').result).toMatchObject({ status: 'question', at: 'Voedsel' });
        expect(walk.backTo('Stabiel').answers).toEqual([]);
        expect(walk.backTo('Stabiel').result).toMatchObject({ status: 'question', at: 'Stabiel' });
        // A question the walk did not answer changes nothing.
        expect(walk.backTo('Onbekend')).toBe(walk);
        // Started elsewhere, it stays there.
        const from = walk.startFrom('Voedsel').answer('Voedsel', 'x');
        expect(from.backTo('Voedsel').from).toBe('Voedsel');
        expect(from.backTo('Voedsel').result).toMatchObject({ status: 'question', at: 'Voedsel' });
    });
});
