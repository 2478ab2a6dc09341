import { AstUtils, CstUtils, type AstNode, type LangiumDocument } from 'langium';
import { CodeActionKind, type CodeAction, type Range } from 'vscode-languageserver';
import { isAdvies, isAntwoord, isBeslisboom, type Beslisboom } from '../../generated/ast.js';
import { jsonContext } from '../../generation/json/export-json.js';
import { scenarioToJson, treeToJson } from '../../generation/json/to-json.js';
import type { HandreikingServices } from '../../handreiking-module.js';
import { describeTreePath, gapAt } from '../../review/coverage.js';
import type { TreePath } from '../../review/tree-paths.js';
import { lspTexts } from '../lsp-messages.js';
import { eol, indentUnit } from './text-layout.js';

/**
 * "Maak een scenario voor dit pad": on an answer or an advice that no scenario reaches, a scenario
 * along the shortest complete path through it (the one `handreiking test --dekking` names), with
 * `langs` for the advices it passes on the way, written as the examples write scenarios. It goes
 * below the last scenario of the same tree (in that scenario's file), or else at the end of this
 * file. Offered without a diagnostic: coverage is no error, only a gap.
 */
export function scenarioForPath(services: HandreikingServices, document: LangiumDocument, range: Range): CodeAction | undefined {
    const target = coverageTarget(document, range);
    if (!target) return undefined;
    const { boom, node, answer } = target;
    const ctx = jsonContext(services);
    const scenarios = services.handreiking.WorkspaceModel.scenarios().filter(s => s.boom?.ref === boom);
    const gap = gapAt(treeToJson(boom, ctx), scenarios.map(s => scenarioToJson(s, ctx)), node, answer);
    if (!gap?.path || gap.path.status !== 'advice' || gap.path.at === undefined) return undefined;

    const names = new Set(services.handreiking.WorkspaceModel.scenarios().map(s => s.name));
    const last = scenarios.at(-1);
    const where = last ? AstUtils.getDocument(last) : document;
    const text = scenarioText(boom.name, gap.path, names, isAdviceIn(boom), eol(where.textDocument), indentUnit(where.textDocument));
    const edit = insertAfter(where, last, text);
    return {
        title: lspTexts(services.i18n.Locale.lang).actionScenarioForPath({ pad: describeTreePath(gap.path) }),
        kind: CodeActionKind.RefactorRewrite,
        edit: { changes: { [where.textDocument.uri]: [edit] } }
    };
}

/** The answer (question and label) or advice under the cursor, with its tree. */
function coverageTarget(document: LangiumDocument, range: Range): { boom: Beslisboom; node: string; answer?: string } | undefined {
    const root = document.parseResult.value.$cstNode;
    if (!root) return undefined;
    const leaf: AstNode | undefined = CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(range.start))?.astNode;
    const antwoord = AstUtils.getContainerOfType(leaf, isAntwoord);
    if (antwoord) {
        const label = antwoord.soort ?? antwoord.label;
        const boom = AstUtils.getContainerOfType(antwoord, isBeslisboom);
        return boom && label !== undefined && antwoord.$container.name ? { boom, node: antwoord.$container.name, answer: label } : undefined;
    }
    const advies = AstUtils.getContainerOfType(leaf, isAdvies);
    const boom = advies && AstUtils.getContainerOfType(advies, isBeslisboom);
    return advies?.name && boom ? { boom, node: advies.name } : undefined;
}

function isAdviceIn(boom: Beslisboom): (id: string) => boolean {
    const advices = new Set(boom.knopen.filter(isAdvies).map(k => k.name));
    return id => advices.has(id);
}

/** A string as the language writes it: in double quotes, with `\` and `"` escaped. */
function quoted(text: string): string {
    return `"${text.replace(/[\\"]/g, c => `\\${c}`)}"`;
}

/**
 * The scenario, as in examples/scenarios/: its name says the tree and the answers; each answer on
 * its own line (`ja`/`nee` bare, other labels quoted), `langs` for the advices passed before the end.
 */
export function scenarioText(tree: string, path: TreePath, taken: ReadonlySet<string>, isAdvice: (id: string) => boolean, newline: string, indent: string): string {
    const base = `${tree}: ${path.answers.map(a => `${a.question} ${a.answer}`).join(', ') || path.at}`;
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base} (${n})`;
    const passes = path.nodes.slice(0, -1).filter(isAdvice);
    const lines = [
        `scenario ${quoted(name)} {`,
        `${indent}beslisboom ${tree}`,
        ...path.answers.map(a => `${indent}${a.question}: ${a.answer === 'ja' || a.answer === 'nee' ? a.answer : quoted(a.answer)}`),
        ...(passes.length > 0 ? [`${indent}langs ${passes.join(', ')}`] : []),
        `${indent}verwacht ${path.at}`,
        '}'
    ];
    return lines.join(newline);
}

/** Below `after` (a blank line between), or at the end of the document. */
function insertAfter(document: LangiumDocument, after: AstNode | undefined, text: string) {
    const textDocument = document.textDocument;
    const newline = eol(textDocument);
    const end = after?.$cstNode?.range.end ?? textDocument.positionAt(textDocument.getText().length);
    const before = textDocument.getText({ start: { line: 0, character: 0 }, end });
    // After a scenario: a blank line, then the new one. At the end of a file: start on a fresh line.
    const lead = after ? `${newline}${newline}` : before.length === 0 ? '' : before.endsWith(newline + newline) ? '' : before.endsWith(newline) ? newline : `${newline}${newline}`;
    const trail = after ? '' : newline;
    return { range: { start: end, end }, newText: `${lead}${text}${trail}` };
}
