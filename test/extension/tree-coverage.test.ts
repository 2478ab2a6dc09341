import { afterEach, describe, expect, test, vi } from 'vitest';
import { exportWorkspaceJson } from '../../language/generation/json/export-json.js';
import { coverageReports } from '../../language/lsp/coverage-report.js';
import { clearAll, createTestServices, validateFiles } from '../helpers.js';

// The few classes of VS Code's coverage API that treeFileCoverage builds, kept as plain records so
// that the test can read what the Testing view would be given.
vi.mock('vscode', () => {
    class Range { constructor(readonly startLine: number, readonly startCharacter: number, readonly endLine: number, readonly endCharacter: number) {} }
    class BranchCoverage { constructor(readonly executed: boolean, readonly location: Range, readonly label: string) {} }
    class StatementCoverage { constructor(readonly executed: boolean, readonly location: Range, readonly branches: BranchCoverage[]) {} }
    class TestCoverageCount { constructor(readonly covered: number, readonly total: number) {} }
    class FileCoverage { constructor(readonly uri: { path: string }, readonly statementCoverage: TestCoverageCount, readonly branchCoverage: TestCoverageCount) {} }
    return { Range, BranchCoverage, StatementCoverage, TestCoverageCount, FileCoverage, Uri: { parse: (uri: string) => ({ path: uri }) } };
});
const { treeFileCoverage } = await import('../../extension/src/testing/tree-coverage.js');

/**
 * "Run scenarios with coverage" in the Testing view: the server's report (language/lsp/coverage-report.ts)
 * and its shape in VS Code's coverage API (extension/src/testing/tree-coverage.ts). Each question and
 * advice a statement, each answer a branch of its question; the counts are `handreiking test --dekking`'s.
 */

const services = createTestServices();
afterEach(() => clearAll(services));

const boom = `beslisboom Boom "Boom" {
    vraag Eerste "Eerste?" {
        ja  -> Tweede
        nee -> Stoppen
    }
    vraag Tweede "Tweede?" {
        ja  -> Doen
        nee -> Stoppen
    }
    advies Doen "Doen"
    advies Stoppen "Stoppen"
}
`;
const scenario = `scenario "Boom: ja, ja" {
    beslisboom Boom
    Eerste: ja
    Tweede: ja
    verwacht Doen
}
`;

describe('the Testing view\'s coverage of the trees', () => {
    test('one scenario along ja, ja: every node but Stoppen reached, two of four answers taken, each written where it is', async () => {
        await validateFiles(services, { 'boom.hrk': boom, 'scenario.hrk': scenario });
        const [report, ...others] = coverageReports(services, exportWorkspaceJson(services));
        expect(others).toEqual([]);
        expect(report).toMatchObject({
            tree: 'Boom', uri: 'file:///ws/boom.hrk',
            questions: { covered: 2, total: 2 }, advices: { covered: 1, total: 2 }, answers: { covered: 2, total: 4 }
        });
        const line = (name: string) => boom.split('\n').findIndex(l => l.includes(` ${name} "`));
        const uncovered = report.items.filter(i => !i.covered).map(i => [i.kind, i.node, i.answer ?? '', i.range.start.line]);
        expect(uncovered).toEqual([
            ['answer', 'Eerste', 'nee', line('Eerste') + 2],
            ['answer', 'Tweede', 'nee', line('Tweede') + 2],
            ['advice', 'Stoppen', '', line('Stoppen')]
        ]);

        const [{ file, details }] = treeFileCoverage([report]);
        expect(file.uri.path).toBe('file:///ws/boom.hrk');
        // Statements: the questions and advices; branches: the answers.
        expect([file.statementCoverage.covered, file.statementCoverage.total]).toEqual([3, 4]);
        expect([file.branchCoverage!.covered, file.branchCoverage!.total]).toEqual([2, 4]);
        const statements = details.map(d => d as unknown as { executed: boolean; branches: Array<{ executed: boolean; label: string }> });
        expect(statements.map(s => s.branches.map(b => `${b.label}:${b.executed}`))).toEqual([['ja:true', 'nee:false'], ['ja:true', 'nee:false'], [], []]);
        expect(statements.map(s => s.executed)).toEqual([true, true, true, false]);
    });

    test('without scenarios nothing is covered; trees in two files give a file each', async () => {
        await validateFiles(services, { 'boom.hrk': boom, 'ander.hrk': boom.replaceAll('Boom', 'Ander') });
        const reports = coverageReports(services, exportWorkspaceJson(services));
        expect(reports.map(r => r.tree).sort()).toEqual(['Ander', 'Boom']);
        expect(reports.every(r => r.items.every(i => !i.covered))).toBe(true);
        const files = treeFileCoverage(reports);
        expect(files.map(f => f.file.uri.path).sort()).toEqual(['file:///ws/ander.hrk', 'file:///ws/boom.hrk']);
        expect(files.every(f => f.file.statementCoverage.covered === 0 && f.file.branchCoverage!.covered === 0)).toBe(true);
    });
});
