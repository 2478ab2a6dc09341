import * as vscode from 'vscode';
import type { TreeCoverageReport } from '../../../language/lsp/protocol.js';

/**
 * The coverage of the trees in the shape of VS Code's test coverage: a file per document with
 * trees; each question a statement with its answers as branches (an answer no scenario takes is an
 * uncovered branch), each advice a statement. The figures add up to `handreiking test --dekking`'s.
 */
export function treeFileCoverage(reports: readonly TreeCoverageReport[]): Array<{ file: vscode.FileCoverage; details: vscode.FileCoverageDetail[] }> {
    const byUri = new Map<string, TreeCoverageReport[]>();
    for (const report of reports) byUri.set(report.uri, [...byUri.get(report.uri) ?? [], report]);
    return [...byUri].map(([uri, trees]) => {
        const details: vscode.FileCoverageDetail[] = [];
        for (const tree of trees) {
            for (const item of tree.items) {
                if (item.kind === 'answer') continue;
                const branches = item.kind === 'question'
                    ? tree.items.filter(a => a.kind === 'answer' && a.node === item.node)
                        .map(a => new vscode.BranchCoverage(a.covered, toRange(a.range), a.answer))
                    : [];
                details.push(new vscode.StatementCoverage(item.covered, toRange(item.range), branches));
            }
        }
        const sum = (pick: (t: TreeCoverageReport) => { covered: number; total: number }) =>
            trees.reduce((n, t) => ({ covered: n.covered + pick(t).covered, total: n.total + pick(t).total }), { covered: 0, total: 0 });
        const nodes = { covered: sum(t => t.questions).covered + sum(t => t.advices).covered, total: sum(t => t.questions).total + sum(t => t.advices).total };
        const answers = sum(t => t.answers);
        const file = new vscode.FileCoverage(vscode.Uri.parse(uri),
            new vscode.TestCoverageCount(nodes.covered, nodes.total),
            new vscode.TestCoverageCount(answers.covered, answers.total));
        return { file, details };
    });
}

function toRange(r: TreeCoverageReport['items'][number]['range']): vscode.Range {
    return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}
