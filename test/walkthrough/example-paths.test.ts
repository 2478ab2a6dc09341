import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { exportWorkspaceJson } from '../../language/generation/json/export-json.js';
import type { HandreikingJson, TreeJson } from '../../language/generation/json/handreiking-json.js';
import { runScenarios } from '../../language/walkthrough/run-scenarios.js';
import { clearAll, createTestServices, exampleFiles, validateFiles } from '../helpers.js';

/**
 * The example scenarios pin the way, not only the end: every node a path passes on its way (a step,
 * an advice with `daarna`) is named by a scenario's `langs`. Taking any one of them out of the path
 * — every arrow into it goes straight to where it led — leaves every end the same, so only `langs`
 * can notice: without it all scenarios would stay green.
 */

const root = path.resolve(__dirname, '../../examples');
const services = createTestServices();
let json: HandreikingJson;

beforeAll(async () => {
    await validateFiles(services, Object.fromEntries(exampleFiles(root).map(f => [path.relative(root, f), fs.readFileSync(f, 'utf-8')])));
    json = exportWorkspaceJson(services, '/ws');
});
afterAll(() => clearAll(services));

/** The nodes a walk passes without stopping: steps, and advices with `daarna`. */
function passThroughNodes(tree: TreeJson): Array<{ node: string; next: string }> {
    return tree.nodes.flatMap(node => {
        const onward = tree.edges.filter(e => e.from === node.id && e.kind !== 'answer');
        return node.kind !== 'question' && onward.length === 1 ? [{ node: node.id, next: onward[0]!.to }] : [];
    });
}

/** The tree with `node` taken out of every path: arrows into it (and the start) go to `next`. */
function bypass(tree: TreeJson, node: string, next: string): TreeJson {
    return {
        ...tree,
        start: tree.start === node ? next : tree.start,
        edges: tree.edges.filter(e => e.from !== node).map(e => e.to === node ? { ...e, to: next } : e)
    };
}

const cases = () => json.trees.flatMap(tree => passThroughNodes(tree).map(p => ({ tree, ...p })));

describe('the example scenarios pin the nodes their paths pass', () => {
    test('the examples have such nodes in most trees (the test below is not vacuous)', () => {
        const names = cases().map(c => `${c.tree.id}.${c.node}`);
        expect(names).toEqual(expect.arrayContaining([
            'Bewonersbeheer.BuurtbemiddelingInzetten', 'Bewonersbeheer.Wensenonderzoek', 'AfhankelijkheidDerden.ZelfbeheerOndersteunen',
            'Regelgeving.Drank', 'Regelgeving.Hygienecode', 'Regelgeving.Checklist', 'Regelgeving.Gebruiksmelding', 'MismatchVraagAanbod.Peiling',
            'QuickscanBoom.Partners'
        ]));
        expect(runScenarios(json).every(r => r.passed)).toBe(true);
    });

    test('taking any one of them out of the path makes a scenario fail, naming that node; without langs none would', () => {
        for (const { tree, node, next } of cases()) {
            const rewired = { ...json, trees: json.trees.map(t => t === tree ? bypass(tree, node, next) : t) };
            const failed = runScenarios(rewired).filter(r => !r.passed);
            expect(failed.map(r => r.passesProblem), `${tree.id}.${node}`).toContainEqual({ kind: 'missing', node });
            // Every end stays the same: without langs the rewiring goes unnoticed.
            const withoutLangs = { ...rewired, scenarios: rewired.scenarios.map(({ passes: _passes, ...s }) => s) };
            expect(runScenarios(withoutLangs).filter(r => !r.passed).map(r => r.scenario.name), `${tree.id}.${node}`).toEqual([]);
        }
    });
});
