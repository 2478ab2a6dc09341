import { AstUtils, CstUtils, GrammarUtils, type AstNode, type LangiumDocument, type LeafCstNode, type MaybePromise, type TextDocument } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import { CodeActionKind, DiagnosticSeverity, type CodeAction, type CodeActionParams, type Command, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver';
import {
    Beslisboom, Kenmerk, isBeslisboom, isGids, isKenmerk, isKnoop, isScenarioStap, isTypologie, isVraag,
    type Knoop, type Typologie
} from '../../generated/ast.js';
import { isArrow } from '../../model/tree-graph.js';
import { isContentElement, type ContentElement } from '../../provenance/herkomst.js';
import type { HandreikingServices } from '../../handreiking-module.js';
import { IssueCodes } from '../../validation/codes.js';
import { closestNames } from '../../validation/distance.js';
import { lspTexts, type LspCatalogue } from '../lsp-messages.js';
import { shorten } from '../markdown.js';
import { eol, indentUnit, insertLineAfter, isOneLine, lineIndent } from './text-layout.js';
import { scenarioForPath } from './scenario-for-path.js';

/** The `data` the checks attach to a diagnostic (see validation/ and the document validator). */
interface FixData {
    code?: string;
    containerType?: string;
    property?: string;
    refText?: string;
    suggestions?: string[];
    missing?: string | string[];
    scale?: string[];
    datum?: string;
    offered?: string[];
}

/** What the created node's text is until the editor writes it. */
const PLACEHOLDER = '…';

/**
 * Quick fixes for the checks whose fix is clear. Each title ends with exactly the text it
 * inserts (or removes), so the editor knows what Ctrl+. will write before choosing it.
 */
export class HandreikingCodeActionProvider implements CodeActionProvider {
    private readonly services: HandreikingServices;

    constructor(services: HandreikingServices) {
        this.services = services;
    }

    getCodeActions(document: LangiumDocument, params: CodeActionParams): MaybePromise<Array<Command | CodeAction> | undefined> {
        const actions: Array<Command | CodeAction> = params.context.diagnostics.flatMap(diagnostic => this.fixesFor(document, diagnostic));
        // Not a fix: on an answer or advice no scenario reaches, the scenario that would. Where an
        // error is under the cursor, its fix comes first: a scenario is written for a sound tree.
        const wanted = params.context.only;
        const error = params.context.diagnostics.some(d => d.severity === DiagnosticSeverity.Error);
        if (!error && (!wanted || wanted.some(kind => CodeActionKind.RefactorRewrite.startsWith(kind)))) {
            const scenario = scenarioForPath(this.services, document, params.range);
            if (scenario) actions.push(scenario);
        }
        return actions.length > 0 ? actions : undefined;
    }

    private get t(): LspCatalogue {
        return lspTexts(this.services.i18n.Locale.lang);
    }

    private fixesFor(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const data = (diagnostic.data ?? {}) as FixData;
        if (data.refText !== undefined) return this.unresolvedFixes(document, diagnostic, data);
        switch (diagnostic.code) {
            case IssueCodes.BadAnswers: return this.addMissingAnswer(document, diagnostic, data);
            case IssueCodes.UnreachableNode: return this.removeNode(document, diagnostic);
            case IssueCodes.MissingCharacteristic: return this.fillCharacteristics(document, diagnostic, data);
            case IssueCodes.BadCharacteristicValue: return this.correctValue(document, diagnostic, data);
            case IssueCodes.ScenarioUnknown: return this.correctAnswer(document, diagnostic, data);
            case IssueCodes.Expired: return this.extendValidity(document, diagnostic, data);
            case IssueCodes.ContentWithoutProvenance: return this.addHerkomst(document, diagnostic);
            default: return [];
        }
    }

    /** HRK002, HRK010 (`start`), HRK040: the closest existing name; for an arrow, the missing node created. */
    private unresolvedFixes(document: LangiumDocument, diagnostic: Diagnostic, data: FixData): CodeAction[] {
        const actions: CodeAction[] = [];
        const naam = data.refText ?? '';
        const closest = data.suggestions?.[0];
        if (closest) {
            actions.push(this.action(this.t.fixReplaceName({ van: naam, naar: closest }), diagnostic, document,
                [{ range: diagnostic.range, newText: closest }], true));
        }
        // An arrow must name a node of its own tree: there a missing name can be created.
        const arrow = data.containerType !== undefined && data.property !== undefined && isArrow(data.containerType, data.property);
        const node = this.nodeAt(document, diagnostic.range);
        const boom = node && AstUtils.getContainerOfType(node, isBeslisboom);
        if (arrow && boom && /^[_\p{L}][\p{L}\p{N}_]*$/u.test(naam)) {
            const after = AstUtils.getContainerOfType(node, isKnoop) ?? boom.knopen[boom.knopen.length - 1];
            for (const tekst of [`advies ${naam} "${PLACEHOLDER}"`, `vraag ${naam} "${PLACEHOLDER}" { }`]) {
                const soort = tekst.startsWith('advies') ? this.t.kindAdvies() : this.t.kindVraag();
                const edit = this.insertNode(document, boom, after, tekst);
                if (edit) actions.push(this.action(this.t.fixCreateNode({ soort, naam, tekst }), diagnostic, document, [edit]));
            }
        }
        return actions;
    }

    /** HRK013: `ja` without `nee` (or the other way round) gets the missing answer, leading to a new advice. */
    private addMissingAnswer(document: LangiumDocument, diagnostic: Diagnostic, data: FixData): CodeAction[] {
        const missing = data.missing;
        if (missing !== 'ja' && missing !== 'nee') return [];
        const vraag = AstUtils.getContainerOfType(this.nodeAt(document, diagnostic.range), isVraag);
        const vraagCst = vraag?.$cstNode;
        if (!vraag || !vraagCst) return [];
        const boom = vraag.$container;
        const target = freeName(boom, `${vraag.name}${missing === 'ja' ? 'Ja' : 'Nee'}`);
        const regel = `${missing} -> ${target}`;
        const advies = `advies ${target} "${PLACEHOLDER}"`;
        const textDocument = document.textDocument;
        const open = GrammarUtils.findNodeForKeyword(vraagCst, '{');
        const close = GrammarUtils.findNodeForKeyword(vraagCst, '}');
        if (!open || !close) return [];
        const last = vraag.antwoorden[vraag.antwoorden.length - 1]?.$cstNode;
        const answerEdit: TextEdit = isOneLine(open, close)
            ? { range: { start: close.range.start, end: close.range.start }, newText: `${regel} ` }
            : last
                ? insertLineAfter(textDocument, last, lineIndent(textDocument, last.range.start.line), regel)
                : insertLineAfter(textDocument, open, lineIndent(textDocument, vraagCst.range.start.line) + indentUnit(textDocument), regel);
        const adviceEdit = insertLineAfter(textDocument, vraagCst, lineIndent(textDocument, vraagCst.range.start.line), advies);
        return [this.action(this.t.fixAddAnswer({ antwoord: missing, regel, advies }), diagnostic, document, [answerEdit, adviceEdit], true)];
    }

    /** HRK011: the unreachable node removed, with its documentation comment and its lines. */
    private removeNode(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const knoop = AstUtils.getContainerOfType(this.nodeAt(document, diagnostic.range), isKnoop);
        const cst = knoop?.$cstNode;
        if (!knoop || !cst) return [];
        const textDocument = document.textDocument;
        const comment = CstUtils.findCommentNode(cst, this.services.parser.GrammarConfig.multilineCommentRules);
        const first = comment && comment.range.end.line < cst.range.start.line ? comment : cst;
        const text = textDocument.getText();
        const startLine = first.range.start.line;
        const before = textDocument.getText({ start: { line: startLine, character: 0 }, end: first.range.start });
        const lineAfter = textDocument.getText({ start: cst.range.end, end: { line: cst.range.end.line + 1, character: 0 } });
        const ownLines = before.trim() === '' && lineAfter.trim() === '';
        let range: Range;
        if (ownLines) {
            const endOffset = Math.min(text.length, textDocument.offsetAt({ line: cst.range.end.line + 1, character: 0 }));
            range = { start: { line: startLine, character: 0 }, end: textDocument.positionAt(endOffset) };
        } else {
            range = { start: first.range.start, end: cst.range.end };
        }
        const kop = `${keywordOf(knoop)} ${knoop.name} "${shorten(knoop.tekst ?? '', 40)}"`;
        return [this.action(this.t.fixRemoveNode({ naam: knoop.name, kop }), diagnostic, document, [{ range, newText: '' }], true)];
    }

    /** HRK020: each missing characteristic set to the first value of its scale, one per line. */
    private fillCharacteristics(document: LangiumDocument, diagnostic: Diagnostic, data: FixData): CodeAction[] {
        const missing = Array.isArray(data.missing) ? data.missing : [];
        const typologie = AstUtils.getContainerOfType(this.nodeAt(document, diagnostic.range), isTypologie);
        const cst = typologie?.$cstNode;
        const open = cst && GrammarUtils.findNodeForKeyword(cst, '{');
        const close = cst && GrammarUtils.findNodeForKeyword(cst, '}');
        if (!typologie || !cst || !open || !close || missing.length === 0) return [];
        const regels = missing.map(naam => `${naam} = "${this.firstValue(naam)}"`);
        const textDocument = document.textDocument;
        let edit: TextEdit;
        if (isOneLine(open, close)) {
            edit = { range: { start: close.range.start, end: close.range.start }, newText: `${regels.join(' ')} ` };
        } else {
            const end = blockEnd(typologie, textDocument);
            const indent = end?.indent ?? lineIndent(textDocument, cst.range.start.line) + indentUnit(textDocument);
            edit = insertLineAfter(textDocument, end?.last ?? open, indent, regels.join(`${eol(textDocument)}${indent}`));
        }
        return [this.action(this.t.fixFillCharacteristics({ regels: regels.join(', ') }), diagnostic, document, [edit], true)];
    }

    /** HRK021: a value not on the scale replaced by the closest value that is. */
    private correctValue(document: LangiumDocument, diagnostic: Diagnostic, data: FixData): CodeAction[] {
        if (!data.scale) return [];
        const written = document.textDocument.getText(diagnostic.range);
        const closest = closestNames(written.replace(/^"|"$/g, ''), data.scale, 1)[0];
        if (closest === undefined) return [];
        const naar = `"${closest}"`;
        return [this.action(this.t.fixReplaceValue({ van: written, naar }), diagnostic, document, [{ range: diagnostic.range, newText: naar }], true)];
    }

    /** HRK040: a scenario's answer that the question does not offer replaced by the closest one it does. */
    private correctAnswer(document: LangiumDocument, diagnostic: Diagnostic, data: FixData): CodeAction[] {
        if (!data.offered) return [];
        const stap = AstUtils.getContainerOfType(this.nodeAt(document, diagnostic.range), isScenarioStap);
        const vraag = stap?.vraag?.ref;
        if (!stap || !isVraag(vraag)) return [];
        const written = document.textDocument.getText(diagnostic.range);
        const options = vraag.antwoorden.map(a => a.soort ?? `"${a.label ?? ''}"`);
        const closest = closestNames(written, options, 1)[0];
        if (closest === undefined) return [];
        return [this.action(this.t.fixReplaceValue({ van: written, naar: closest }), diagnostic, document, [{ range: diagnostic.range, newText: closest }], true)];
    }

    /** HRK050: a lapsed `geldig tot` moved to one year after today (the editor checks the scheme first). */
    private extendValidity(document: LangiumDocument, diagnostic: Diagnostic, data: FixData): CodeAction[] {
        if (!data.datum) return [];
        const datum = oneYearAfter(this.services.i18n.Clock.today());
        return [this.action(this.t.fixUpdateDate({ regel: `geldig tot ${datum}` }), diagnostic, document, [{ range: diagnostic.range, newText: datum }])];
    }

    /**
     * HRK060: a `herkomst` line first in the element's block, of each kind, and (when the file has
     * none) one at the top of the file for all its elements. The texts are left as "…" for the
     * editor to fill in: until then HRK061 says what is missing, so no placeholder goes unnoticed.
     */
    private addHerkomst(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const element = AstUtils.getContainerOfType(this.nodeAt(document, diagnostic.range), isContentElement);
        const cst = element?.$cstNode;
        if (!element || !cst) return [];
        const lines = [`herkomst gereconstrueerd "${PLACEHOLDER}"`, `herkomst handreiking "${PLACEHOLDER}"`, `herkomst bron "${PLACEHOLDER}"`, 'herkomst illustratief'];
        const actions: CodeAction[] = [];
        for (const regel of lines) {
            const edit = this.herkomstEdit(document, element, regel);
            if (edit) actions.push(this.action(this.t.fixAddHerkomst({ naam: element.name, regel }), diagnostic, document, [edit], actions.length === 0));
        }
        const root = document.parseResult.value;
        if (isGids(root) && root.herkomst.length === 0) {
            for (const regel of lines.slice(0, 2)) {
                const start = { line: 0, character: 0 };
                const edit = { range: { start, end: start }, newText: `${regel}${eol(document.textDocument)}${eol(document.textDocument)}` };
                actions.push(this.action(this.t.fixAddFileHerkomst({ regel }), diagnostic, document, [edit]));
            }
        }
        return actions;
    }

    /** The edit that puts `regel` first in the element's block, or gives a chapter without a block one. */
    private herkomstEdit(document: LangiumDocument, element: ContentElement, regel: string): TextEdit | undefined {
        const textDocument = document.textDocument;
        const cst = element.$cstNode;
        if (!cst) return undefined;
        const open = GrammarUtils.findNodeForKeyword(cst, '{');
        const close = GrammarUtils.findNodeForKeyword(cst, '}');
        if (!open || !close) return { range: { start: cst.range.end, end: cst.range.end }, newText: ` { ${regel} }` };
        if (isOneLine(open, close)) return { range: { start: open.range.end, end: open.range.end }, newText: ` ${regel}` };
        return insertLineAfter(textDocument, open, lineIndent(textDocument, cst.range.start.line) + indentUnit(textDocument), regel);
    }

    /** The edit that inserts a node below `after` (or as the tree's first node), indented as the tree's nodes. */
    private insertNode(document: LangiumDocument, boom: Beslisboom, after: Knoop | undefined, tekst: string): TextEdit | undefined {
        const textDocument = document.textDocument;
        const anchor = after?.$cstNode;
        if (anchor) return insertLineAfter(textDocument, anchor, lineIndent(textDocument, anchor.range.start.line), tekst);
        const cst = boom.$cstNode;
        const open = cst && GrammarUtils.findNodeForKeyword(cst, '{');
        if (!cst || !open) return undefined;
        const last = GrammarUtils.findNodeForProperty(cst, 'toelichting') ?? GrammarUtils.findNodeForProperty(cst, 'start') ?? open;
        return insertLineAfter(textDocument, last, lineIndent(textDocument, cst.range.start.line) + indentUnit(textDocument), tekst);
    }

    private firstValue(kenmerk: string): string {
        const description = this.services.shared.workspace.IndexManager.allElements(Kenmerk.$type).find(d => d.name === kenmerk);
        return isKenmerk(description?.node) ? description.node.waarden[0] ?? '' : '';
    }

    private nodeAt(document: LangiumDocument, range: Range): AstNode | undefined {
        const root = document.parseResult.value.$cstNode;
        if (!root) return undefined;
        return CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(range.start))?.astNode;
    }

    private action(title: string, diagnostic: Diagnostic, document: LangiumDocument, edits: TextEdit[], isPreferred = false): CodeAction {
        return {
            title,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            isPreferred,
            edit: { changes: { [document.textDocument.uri]: edits } }
        };
    }
}

function keywordOf(knoop: Knoop): string {
    return knoop.$type === 'Vraag' ? 'vraag' : knoop.$type === 'Advies' ? 'advies' : 'stap';
}

/** A node name not yet used in the tree: `base`, else `base2`, `base3`, … */
function freeName(boom: Beslisboom, base: string): string {
    const used = new Set(boom.knopen.map(k => k.name));
    if (!used.has(base)) return base;
    let n = 2;
    while (used.has(`${base}${n}`)) n++;
    return `${base}${n}`;
}

/**
 * Where a typology's block ends and how its items are indented: new values go on lines after its
 * last token, indented like its first item.
 */
function blockEnd(typologie: Typologie, textDocument: TextDocument): { last: LeafCstNode; indent: string } | undefined {
    const cst = typologie.$cstNode;
    const open = cst && GrammarUtils.findNodeForKeyword(cst, '{');
    const close = cst && GrammarUtils.findNodeForKeyword(cst, '}');
    if (!cst || !open || !close) return undefined;
    const inside = CstUtils.flattenCst(cst).filter(l => !l.hidden && l.offset > open.offset && l.offset < close.offset).toArray();
    const first = inside[0];
    const last = inside[inside.length - 1];
    if (!first || !last || first.range.start.line === open.range.start.line) return undefined;
    return { last, indent: lineIndent(textDocument, first.range.start.line) };
}

/** `YYYY-MM-DD` one year later; 29 February becomes 28 February. */
function oneYearAfter(date: string): string {
    const [y, m, d] = date.split('-').map(Number);
    const day = m === 2 && d === 29 ? 28 : d;
    return `${String(y + 1).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

