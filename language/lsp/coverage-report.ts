import { AstUtils } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import { isAdvies, isBeslisboom, isVraag } from '../generated/ast.js';
import type { HandreikingJson } from '../generation/json/handreiking-json.js';
import type { HandreikingServices } from '../handreiking-module.js';
import { treeCoverage } from '../review/coverage.js';
import type { TreeCoverageReport } from './protocol.js';

/**
 * What the scenarios check of each tree of the workspace, with where each question, advice and
 * answer is written: the Testing view's coverage (the extension hands it to VS Code's coverage API,
 * which marks the lines in the editor). The figures are `handreiking test --dekking`'s.
 */
export function coverageReports(services: HandreikingServices, json: HandreikingJson): TreeCoverageReport[] {
    const names = services.references.NameProvider;
    const byId = new Map(json.trees.map(t => [t.id, t]));
    const reports: TreeCoverageReport[] = [];
    const seen = new Set<string>();
    for (const boom of services.handreiking.WorkspaceModel.elements().filter(isBeslisboom)) {
        const tree = boom.name ? byId.get(boom.name) : undefined;
        // A tree defined twice is an error of its own; its coverage is reported once.
        if (!tree || seen.has(tree.id)) continue;
        seen.add(tree.id);
        const coverage = treeCoverage(tree, json.scenarios, { paths: false });
        const gapAdvices = new Set(coverage.uncovered.advices.map(a => a.node));
        const gapQuestions = new Set(coverage.uncovered.questions);
        const gapAnswers = new Set(coverage.uncovered.answers.map(a => `${a.node}\n${a.answer ?? ''}`));
        const reachable = new Set(tree.nodes.filter(n => n.reachable).map(n => n.id));
        const items: TreeCoverageReport['items'] = [];
        for (const knoop of boom.knopen) {
            if (!knoop.name || !reachable.has(knoop.name)) continue;
            const range = names.getNameNode(knoop)?.range ?? knoop.$cstNode?.range;
            if (!range) continue;
            if (isAdvies(knoop)) items.push({ kind: 'advice', node: knoop.name, range, covered: !gapAdvices.has(knoop.name) });
            if (!isVraag(knoop)) continue;
            items.push({ kind: 'question', node: knoop.name, range, covered: !gapQuestions.has(knoop.name) });
            for (const antwoord of knoop.antwoorden) {
                const answer = antwoord.soort ?? antwoord.label;
                const at: Range | undefined = antwoord.$cstNode?.range;
                if (answer === undefined || !at) continue;
                items.push({ kind: 'answer', node: knoop.name, answer, range: at, covered: !gapAnswers.has(`${knoop.name}\n${answer}`) });
            }
        }
        reports.push({
            uri: AstUtils.getDocument(boom).uri.toString(),
            tree: tree.id,
            answers: coverage.answers,
            questions: coverage.questions,
            advices: coverage.advices,
            items
        });
    }
    return reports;
}
