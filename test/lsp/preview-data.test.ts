import { afterEach, describe, expect, test } from 'vitest';
import { diagramLimits } from '../../language/generation/mermaid/diagram-limits.js';
import { exportWorkspaceJson } from '../../language/generation/json/export-json.js';
import { computePreviewData } from '../../language/lsp/preview-data.js';
import { computeCoverage } from '../../language/review/coverage.js';
import { clearAll, createTestServices, validateFiles } from '../helpers.js';

/**
 * What the server sends the preview of a document: each tree's model and Mermaid text in the
 * preview's direction, whether the whole tree is beyond the shared limits (then the webview draws
 * only its focus view, and never generates the whole), and the document of each file it names.
 */

const services = createTestServices();
afterEach(() => clearAll(services));

/** `questions` yes/no questions in a chain, each "nee" to its own advice. */
function chain(questions: number): string {
    const lines = ['beslisboom Keten "Keten" {'];
    for (let i = 0; i < questions; i++) {
        lines.push(`    vraag V${i} "Vraag ${i}?" {`, `        ja  -> ${i + 1 < questions ? `V${i + 1}` : `A${i}`}`, `        nee -> A${i}`, '    }', `    advies A${i} "Advies ${i}"`);
    }
    lines.push('}');
    return lines.join('\n') + '\n';
}

const typen = `kenmerk Schaal "Schaal" { "klein", "groot" }
typologie Huiskamer "Huiskamer" { Schaal = "klein" }
financiering Huur "Huur" { termijn structureel voor Huiskamer }
`;

describe('computePreviewData', () => {
    test('a tree within the limits: its text in the preview\'s direction, no excess', async () => {
        const docs = await validateFiles(services, { 'klein.hrk': chain(3), 'typen.hrk': typen });
        const data = computePreviewData(services, docs.get('klein.hrk')!, { direction: 'LR' });
        expect(data.direction).toBe('LR');
        expect(data.trees[0].mermaid).toMatch(/^flowchart LR\n/);
        expect(data.trees[0].excess).toBeUndefined();
        expect(data.funding.model.funding.map(f => f.id)).toEqual(['Huur']);
        expect(data.documents).toEqual({ 'ws/klein.hrk': 'file:///ws/klein.hrk', 'ws/typen.hrk': 'file:///ws/typen.hrk' });
    });

    test('a tree beyond the limits says which limit, as every renderer counts it', async () => {
        // 600 questions and 600 advices, and the start marker: 1 201 nodes to draw.
        const docs = await validateFiles(services, { 'groot.hrk': chain(600) });
        const data = computePreviewData(services, docs.get('groot.hrk')!, {});
        expect(data.direction).toBe('TD');
        expect(data.trees[0].excess).toEqual({ limit: 'nodes', size: 1_201, max: diagramLimits.nodes });
    });

    test('with the scenarios, each tree carries its coverage: the figures of `test --dekking` and the gaps, without paths', async () => {
        const docs = await validateFiles(services, {
            'boom.hrk': chain(3),
            'scenarios.hrk': 'scenario "kort" { beslisboom Keten V0: nee verwacht A0 }\n'
        });
        const json = exportWorkspaceJson(services);
        const data = computePreviewData(services, docs.get('boom.hrk')!, { scenarios: json.scenarios });
        const dekking = computeCoverage(json).trees[0];
        expect(data.trees[0].coverage).toEqual({
            answers: dekking.answers,
            advices: dekking.advices,
            uncoveredAnswers: [{ node: 'V0', answer: 'ja' }, { node: 'V1', answer: 'ja' }, { node: 'V1', answer: 'nee' }, { node: 'V2', answer: 'ja' }, { node: 'V2', answer: 'nee' }],
            uncoveredAdvices: ['A1', 'A2']
        });
        expect(data.trees[0].coverage?.answers).toEqual({ covered: 1, total: 6, percent: 16.6 });
        expect(data.trees[0].coverage?.advices).toEqual({ covered: 1, total: 3, percent: 33.3 });
    });

    test('without the scenarios no tree carries coverage (the overlay is off: no scenario is run)', async () => {
        const docs = await validateFiles(services, { 'boom.hrk': chain(2) });
        expect(computePreviewData(services, docs.get('boom.hrk')!, {}).trees[0].coverage).toBeUndefined();
    });
});
