import { afterEach, describe, expect, test } from 'vitest';
import { diagramLimits } from '../../language/generation/mermaid/diagram-limits.js';
import { computePreviewData } from '../../language/lsp/preview-data.js';
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
});
