import { AstUtils, GrammarAST, type AstNodeDescription, type MaybePromise, type ReferenceInfo, type Stream } from 'langium';
import {
    DefaultCompletionProvider, type CompletionAcceptor, type CompletionContext, type CompletionProviderOptions,
    type CompletionValueItem, type NextFeature
} from 'langium/lsp';
import { CompletionItemKind, InsertTextFormat, type TextEdit } from 'vscode-languageserver';
import {
    Advies, Kenmerk, Scenario, isAdvies, isBerekening, isBeslisboom, isGids, isKenmerk, isKenmerkWaarde, isKnoop, isScenario,
    isVergelijking, isVraag, type Vraag
} from '../../generated/ast.js';
import type { HandreikingServices } from '../../handreiking-module.js';
import { isArrow } from '../../model/tree-graph.js';
import { elementKind } from '../node-kinds/element-kinds.js';
import { lspTexts, type LspCatalogue } from '../lsp-messages.js';
import { shorten } from '../markdown.js';
import { snippetsFor } from './snippets.js';

const NAME = String.raw`[_\p{L}][\p{L}\p{N}_]*`;
/** `Kenmerk =` (or `!=`, `>=`, `<=`) right before the value being completed, perhaps with its opening quote. */
const beforeValue = new RegExp(String.raw`(${NAME})\s*(?:=|!=|>=|<=)\s*"?$`, 'u');
/** `Vraag:` right before the answer being completed in a scenario. */
const beforeAnswer = new RegExp(String.raw`(${NAME})\s*:\s*"?$`, 'u');

/** Which kinds come first after `zie`: the guide's chapters, typologies and funding rules, then trees and nodes. */
const zieOrder = ['Hoofdstuk', 'Typologie', 'Financiering', 'Beslisboom', 'Vraag', 'Advies', 'Stap'];

/**
 * Completion that knows the language: Langium's keywords and references (in the scopes of
 * scoping/), plus what a grammar cannot say — a characteristic's own values after `Kenmerk =`, a
 * question's own answers in a scenario, the right kinds after `zie`, `verwacht` and `->`, and a
 * snippet for every element where its keyword may be written.
 */
export class HandreikingCompletionProvider extends DefaultCompletionProvider {
    private readonly services: HandreikingServices;

    constructor(services: HandreikingServices) {
        super(services);
        this.services = services;
    }

    override readonly completionOptions: CompletionProviderOptions = { triggerCharacters: ['.', '"'] };

    private get t(): LspCatalogue {
        return lspTexts(this.services.i18n.Locale.lang);
    }

    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): MaybePromise<void> {
        const feature = next.feature;
        const assignment = AstUtils.getContainerOfType(feature, GrammarAST.isAssignment);
        const rule = AstUtils.getContainerOfType(feature, GrammarAST.isParserRule)?.name;
        if (GrammarAST.isRuleCall(feature) && assignment?.feature === 'waarde' && (rule === 'KenmerkWaarde' || rule === 'Vergelijking')) {
            return this.completeValues(context, acceptor);
        }
        if (GrammarAST.isRuleCall(feature) && assignment?.feature === 'label' && rule === 'ScenarioStap') {
            return this.completeAnswers(context, acceptor, 'label');
        }
        if (GrammarAST.isKeyword(feature) && (feature.value === 'ja' || feature.value === 'nee') && this.scenarioAt(context)) {
            return this.completeAnswers(context, acceptor, feature.value);
        }
        return super.completionFor(context, next, acceptor);
    }

    protected override completionForKeyword(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): MaybePromise<void> {
        if (!this.filterKeyword(context, keyword)) return;
        acceptor(context, { label: keyword.value, kind: CompletionItemKind.Keyword, detail: this.t.keywordDetail(), sortText: '1' });
        if (!startsElement(keyword)) return;
        const model = this.services.handreiking.WorkspaceModel;
        const kenmerken = uniqueByName(model.kenmerken());
        const bomen = [...new Set(model.bomen().map(b => b.name).filter(Boolean))];
        const berekeningen = [...new Set(model.elements().filter(isBerekening).map(b => b.name).filter(Boolean))];
        for (const snippet of snippetsFor(keyword.value, this.t, { kenmerken, bomen, berekeningen })) {
            acceptor(context, {
                label: snippet.label,
                labelDetails: { description: snippet.description },
                kind: CompletionItemKind.Snippet,
                detail: snippet.description,
                filterText: keyword.value,
                insertText: snippet.body,
                insertTextFormat: InsertTextFormat.Snippet,
                sortText: '0'
            });
        }
    }

    protected override getReferenceCandidates(refInfo: ReferenceInfo, context: CompletionContext): Stream<AstNodeDescription> {
        const candidates = super.getReferenceCandidates(refInfo, context);
        const { container, property } = refInfo;
        // `verwacht` names where a path ends: an advice without `daarna`.
        if (container.$type === Scenario.$type && property === Scenario.verwacht) {
            return candidates.filter(d => isAdvies(d.node) && d.node.daarna.length === 0);
        }
        // An arrow back to its own node is a cycle (HRK012).
        const own = AstUtils.getContainerOfType(container, isKnoop);
        if (isArrow(container.$type, property)) {
            return candidates.filter(d => d.node !== own);
        }
        // `zie` inside a tree: its own nodes by their short name, not also as `Boom.Knoop`.
        if (property === Advies.zie) {
            const boom = AstUtils.getContainerOfType(container, isBeslisboom);
            return candidates.filter(d => !(boom && d.name.startsWith(`${boom.name}.`)));
        }
        return candidates;
    }

    protected override createReferenceCompletionItem(description: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext): CompletionValueItem {
        const item = super.createReferenceCompletionItem(description, refInfo, context);
        const kind = elementKind(description.type);
        const node = description.node;
        const text = node && isKnoop(node) ? node.tekst : (node as { titel?: unknown } | undefined)?.titel;
        const word = kind ? this.t[kind.word]() : description.type;
        const detail = typeof text === 'string' ? `${word} · ${shorten(text, 60)}` : word;
        const rank = refInfo.property === Advies.zie ? zieOrder.indexOf(description.type) : 0;
        return { ...item, detail, sortText: `0${Math.max(rank, 0)}${description.name.includes('.') ? '1' : '0'}` };
    }

    /** The values on the scale of the characteristic before `=`, as quoted strings replacing what is typed. */
    private completeValues(context: CompletionContext, acceptor: CompletionAcceptor): void {
        const kenmerk = this.kenmerkAt(context);
        if (!kenmerk) return;
        kenmerk.waarden.forEach((waarde, index) => {
            const text = `"${waarde}"`;
            acceptor(context, {
                label: text, kind: CompletionItemKind.EnumMember, detail: this.t.valueDetail({ kenmerk: kenmerk.name }),
                filterText: text, textEdit: this.stringEdit(context, text), sortText: `0${String(index).padStart(3, '0')}`
            });
        });
    }

    /** The answers of the question before `:` in a scenario: its `ja`/`nee` and its labelled answers. */
    private completeAnswers(context: CompletionContext, acceptor: CompletionAcceptor, which: 'ja' | 'nee' | 'label'): void {
        const vraag = this.questionAt(context);
        if (!vraag) {
            // Without the question known, the keywords are still right; labels cannot be guessed.
            if (which !== 'label') acceptor(context, { label: which, kind: CompletionItemKind.Keyword, detail: this.t.keywordDetail(), sortText: '1' });
            return;
        }
        for (const antwoord of vraag.antwoorden) {
            const doel = antwoord.doel?.$refText ?? '';
            const detail = this.t.answerDetail({ vraag: vraag.name, doel });
            if (which === 'label' && antwoord.label !== undefined) {
                const text = `"${antwoord.label}"`;
                acceptor(context, { label: text, kind: CompletionItemKind.EnumMember, detail, filterText: text, textEdit: this.stringEdit(context, text), sortText: '0' });
            } else if (which !== 'label' && antwoord.soort === which) {
                acceptor(context, { label: which, kind: CompletionItemKind.EnumMember, detail, sortText: '0' });
            }
        }
    }

    private kenmerkAt(context: CompletionContext): Kenmerk | undefined {
        const node = context.node;
        const own = isKenmerkWaarde(node) || isVergelijking(node) ? node.kenmerk?.ref : undefined;
        if (own) return own;
        const name = beforeValue.exec(this.textBefore(context))?.[1];
        if (!name) return undefined;
        const description = this.services.shared.workspace.IndexManager.allElements(Kenmerk.$type).find(d => d.name === name);
        return isKenmerk(description?.node) ? description.node : undefined;
    }

    private questionAt(context: CompletionContext): Vraag | undefined {
        const scenario = this.scenarioAt(context);
        const name = beforeAnswer.exec(this.textBefore(context))?.[1];
        const knoop = scenario?.boom?.ref?.knopen.find(k => k.name === name);
        return isVraag(knoop) ? knoop : undefined;
    }

    private scenarioAt(context: CompletionContext): Scenario | undefined {
        const found = AstUtils.getContainerOfType(context.node, isScenario);
        if (found) return found;
        const root = context.document.parseResult.value;
        if (!isGids(root)) return undefined;
        return root.elementen.filter(isScenario).find(s => s.$cstNode && s.$cstNode.offset <= context.offset && context.offset <= s.$cstNode.end);
    }

    /** The document text on the current line before the token being completed. */
    private textBefore(context: CompletionContext): string {
        const start = context.textDocument.offsetAt({ line: context.position.line, character: 0 });
        return context.textDocument.getText().slice(Math.min(start, context.tokenOffset), context.tokenOffset);
    }

    /**
     * The edit that puts a quoted value in place of what is typed: a whole string token, or an
     * unfinished string from its opening quote to the cursor (the lexer skips an unfinished quote).
     */
    private stringEdit(context: CompletionContext, text: string): TextEdit {
        const source = context.textDocument.getText();
        let start = context.tokenOffset;
        let end = context.offset;
        if (source[start] === '"') {
            const lineEnd = source.indexOf('\n', context.offset);
            end = lineEnd < 0 || context.tokenEndOffset <= lineEnd ? Math.max(context.tokenEndOffset, context.offset) : context.offset;
        } else if (source[start - 1] === '"') {
            start -= 1;
            if (source[end] === '"') end += 1;
        }
        return { newText: text, range: { start: context.textDocument.positionAt(start), end: context.textDocument.positionAt(end) } };
    }
}

/** The keywords that begin an element or a node, where the element's snippet is offered too. */
function startsElement(keyword: GrammarAST.Keyword): boolean {
    const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule);
    const first = rule && GrammarAST.isGroup(rule.definition) ? rule.definition.elements[0] : undefined;
    return first === keyword;
}

function uniqueByName(kenmerken: Kenmerk[]): Kenmerk[] {
    const seen = new Set<string>();
    return kenmerken.filter(k => !!k.name && !seen.has(k.name) && seen.add(k.name) !== undefined);
}
