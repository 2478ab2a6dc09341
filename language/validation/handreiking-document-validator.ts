import {
    AstUtils, DefaultDocumentValidator, type AstNode, type DiagnosticInfo, type ValidationSeverity, DocumentValidator, type LangiumDocument, type ReferenceInfo, type ValidationOptions,
    type ValidationAcceptor, type ValidationCheck, Cancellation, UriUtils, interruptAndCheck
} from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { ParseResult } from 'langium';
import { Beslisboom, Naamwaarde, Scenario, ScenarioInvoer, ScenarioStap, isBerekening, isBeslisboom, isScenario } from '../generated/ast.js';
import { listNames, message, type MessageKey } from '../i18n/messages.js';
import type { HandreikingCoreServices } from '../handreiking-core-module.js';
import { astOrder } from '../model/ast-order.js';
import { IssueCodes } from './codes.js';
import { isSourceReadingFileSystem, tooLargeToCheck } from '../files/source-limits.js';
import type { Lang } from '../i18n/locale.js';
import { tooLargeToCheckMessage, unreadSourceMessage } from '../i18n/unread-source.js';
import { closestNames, suggestionBudget, type SuggestionBudget } from './distance.js';

/** For how many different unknown names per document the closest existing names are looked up. */
export const MAX_SUGGESTION_LOOKUPS = 200;

/**
 * How many lexing errors, and how many parsing errors, one document reports; one more message
 * counts the rest. A megabyte of `/* ` or of broken strings is an error every few characters:
 * 350 000 messages took 16 s and 0.9 GB in the CLI, and would flood an editor's Problems view.
 */
export const MAX_SYNTAX_ERRORS = 100;

/**
 * How many messages of one code (other than HRK000) one document reports; one more, where the
 * next would have been, counts the rest. A megabyte of `hoofdstuk H "h"` is 65 000 duplicate
 * names: 24 MB of JSON from the CLI, and more than any Problems view can show.
 */
export const MAX_DIAGNOSTICS_PER_CODE = 5000;

/** Counts a document's diagnostics per code, and builds only those that are reported. */
class PerCodeCap {
    private readonly counts = new Map<string, number>();
    private readonly firstLeftOut = new Map<string, Diagnostic>();

    /** The diagnostic built, or undefined when its code is over the cap (it is only counted). */
    admit(code: unknown, build: () => Diagnostic): Diagnostic | undefined {
        const key = typeof code === 'string' ? code : '';
        const n = (this.counts.get(key) ?? 0) + 1;
        this.counts.set(key, n);
        if (n <= MAX_DIAGNOSTICS_PER_CODE) return build();
        if (n === MAX_DIAGNOSTICS_PER_CODE + 1) this.firstLeftOut.set(key, build());
        return undefined;
    }

    /** Per code over the cap, one diagnostic at the first one left out that counts them all. */
    counted(text: (code: string, meer: number) => string): Diagnostic[] {
        return [...this.firstLeftOut].map(([code, first]) => ({
            range: first.range,
            severity: first.severity,
            code: first.code,
            source: first.source,
            message: text(code, this.counts.get(code)! - MAX_DIAGNOSTICS_PER_CODE)
        }));
    }
}

/**
 * Replaces Langium's English linker message ("Could not resolve reference to …") by a Dutch one
 * that names the closest existing names, and gives syntax errors our code HRK000. References in a
 * scenario report HRK040 and an unknown `start` HRK010, as the table of checks promises.
 */
export class HandreikingDocumentValidator extends DefaultDocumentValidator {
    private readonly services: HandreikingCoreServices;
    /** The cap of the validation under way, per document (by its root). */
    private readonly caps = new WeakMap<AstNode, PerCodeCap>();

    constructor(services: HandreikingCoreServices) {
        super(services);
        this.services = services;
    }

    override async validateDocument(document: LangiumDocument, options: ValidationOptions = {}, cancelToken?: CancellationToken): Promise<Diagnostic[]> {
        const root = document.parseResult.value;
        const cap = new PerCodeCap();
        this.caps.set(root, cap);
        try {
            const diagnostics = await super.validateDocument(document, options, cancelToken);
            const lang = this.services.i18n.Locale.lang;
            return [...this.readingProblems(document, lang), ...diagnostics, ...cap.counted((code, meer) => message(lang, 'tooManyOfCode', { code, meer, max: MAX_DIAGNOSTICS_PER_CODE }))];
        } finally {
            if (this.caps.get(root) === cap) this.caps.delete(root);
        }
    }

    /**
     * What the language server found reading the file (language/lsp/source-file-system.ts): not
     * read at all (its document is then empty), or bytes that are not UTF-8. First, as the command
     * line puts them: they explain what follows.
     */
    private readingProblems(document: LangiumDocument, lang: Lang): Diagnostic[] {
        const text = document.textDocument.getText();
        const at = { line: 0, character: 0 };
        const problem = (message: string): Diagnostic[] => [{ range: { start: at, end: at }, severity: DiagnosticSeverity.Error, source: 'handreiking', message }];
        // An editor's text over the limit was parsed as empty (lsp/editor-document-factory.ts). The
        // command line parses what it read (at most 16 MB, which its decoding may make longer).
        if ((document.parseResult.value.$cstNode?.length ?? 0) === 0 && tooLargeToCheck(text)) {
            return problem(tooLargeToCheckMessage(UriUtils.basename(document.uri), lang));
        }
        const fileSystem = this.services.shared.workspace.FileSystemProvider;
        if (!isSourceReadingFileSystem(fileSystem)) return [];
        const uri = document.uri.toString();
        const refusal = text === '' ? fileSystem.refusalOf(uri) : undefined;
        if (refusal) return problem(unreadSourceMessage(refusal, UriUtils.basename(document.uri), lang));
        const bytes = fileSystem.bytesProblemOf(uri, text, lang);
        return bytes ? [bytes] : [];
    }

    private capFor(root: AstNode): PerCodeCap {
        let cap = this.caps.get(root);
        if (!cap) this.caps.set(root, cap = new PerCodeCap());
        return cap;
    }

    /** Langium's, with every check's diagnostics passing through the cap per code. */
    override async validateAst(rootNode: AstNode, options: ValidationOptions, cancelToken?: CancellationToken): Promise<Diagnostic[]> {
        const cap = this.capFor(rootNode);
        const items: Diagnostic[] = [];
        const acceptor: ValidationAcceptor = (severity, text, info) => {
            const diagnostic = cap.admit(info.code, () => this.toDiagnostic(severity, text, info));
            if (diagnostic) items.push(diagnostic);
        };
        await this.validateAstBefore(rootNode, options, acceptor, cancelToken);
        await this.validateAstNodes(rootNode, options, acceptor, cancelToken);
        await this.validateAstAfter(rootNode, options, acceptor, cancelToken);
        return items;
    }

    /**
     * Langium's walk over the nodes, without its per-node streams: the nodes in the same order
     * (model/ast-order.ts), each type's checks looked up once per validation instead of through a
     * chain of streams for every node, and a check's result awaited only when it is a promise.
     * Cancellation and yielding to other work are still looked at for every node. With Langium's
     * profiler on, Langium's own walk runs (it times each node).
     */
    protected override async validateAstNodes(rootNode: AstNode, options: ValidationOptions, acceptor: ValidationAcceptor, cancelToken: CancellationToken = Cancellation.CancellationToken.None): Promise<void> {
        if (this.profiler?.isActive('validating')) return super.validateAstNodes(rootNode, options, acceptor, cancelToken);
        const checksOf = new Map<string, ValidationCheck[]>();
        const { nodes, ends } = astOrder(rootNode);
        for (let i = 0; i < nodes.length;) {
            const node = nodes[i];
            await interruptAndCheck(cancelToken);
            const nodeOptions = this.validateSingleNodeOptions(node, options);
            if (nodeOptions.validateNode) {
                let checks = checksOf.get(node.$type);
                if (!checks) checksOf.set(node.$type, checks = this.validationRegistry.getChecks(node.$type, options.categories).toArray());
                for (const check of checks) {
                    const result = check(node, acceptor, cancelToken);
                    if (typeof (result as PromiseLike<void> | undefined)?.then === 'function') await result;
                }
            }
            i = nodeOptions.validateChildren ? i + 1 : ends[i];
        }
    }

    protected override processLexingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const start = diagnostics.length;
        const all = parseResult.lexerErrors.length;
        super.processLexingErrors({ ...parseResult, lexerErrors: parseResult.lexerErrors.slice(0, MAX_SYNTAX_ERRORS + 1) }, diagnostics, options);
        this.countTheRest(diagnostics, start, all);
        for (const d of diagnostics.slice(start)) d.code = IssueCodes.Syntax;
    }

    protected override processParsingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const start = diagnostics.length;
        const all = parseResult.parserErrors.length;
        super.processParsingErrors({ ...parseResult, parserErrors: parseResult.parserErrors.slice(0, MAX_SYNTAX_ERRORS + 1) }, diagnostics, options);
        this.countTheRest(diagnostics, start, all);
        for (const d of diagnostics.slice(start)) d.code = IssueCodes.Syntax;
    }

    /** Past MAX_SYNTAX_ERRORS, the next error's message (at its place) says how many are not shown. */
    private countTheRest(diagnostics: Diagnostic[], start: number, all: number): void {
        const next = diagnostics[start + MAX_SYNTAX_ERRORS];
        if (all <= MAX_SYNTAX_ERRORS || !next) return;
        next.message = message(this.services.i18n.Locale.lang, 'syntaxTooMany', { meer: all - MAX_SYNTAX_ERRORS, max: MAX_SYNTAX_ERRORS });
    }

    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[]): void {
        const suggest = this.suggester();
        const cap = this.capFor(document.parseResult.value);
        for (const reference of document.references) {
            const error = reference.error;
            if (!error) continue;
            const info = error.info;
            if (this.followsFromUnknownTree(info)) continue;
            const suggestions = suggest(info);
            const { code, text } = this.describeUnresolved(info, suggestions);
            const diagnostic = cap.admit(code, () => this.toDiagnostic('error', text, {
                node: info.container,
                range: reference.$refNode?.range,
                property: info.property,
                index: info.index,
                code,
                data: {
                    code: DocumentValidator.LinkingError,
                    containerType: info.container.$type,
                    property: info.property,
                    refText: info.reference.$refText,
                    suggestions
                }
            }));
            if (diagnostic) diagnostics.push(diagnostic);
        }
    }

    /**
     * Our codes also go into `data.code`, where Langium's code-action tooling (and `testCodeAction`)
     * looks for them; Langium's own data codes (linking, parsing) are kept.
     */
    protected override toDiagnostic<N extends AstNode>(severity: ValidationSeverity, message: string, info: DiagnosticInfo<N, string>): Diagnostic {
        const diagnostic = super.toDiagnostic(severity, message, info);
        if (typeof info.code === 'string' && !(diagnostic.data as { code?: unknown } | undefined)?.code) {
            diagnostic.data = { ...(diagnostic.data as object | undefined), code: info.code };
        }
        return diagnostic;
    }

    /**
     * In a scenario whose tree (or calculation) is unknown, its questions (or inputs) cannot resolve
     * either: one error is enough.
     */
    private followsFromUnknownTree(info: ReferenceInfo): boolean {
        const scenario = AstUtils.getContainerOfType(info.container, isScenario);
        if (!scenario) return false;
        if (info.container.$type === Scenario.$type && (info.property === Scenario.boom || info.property === Scenario.berekening)) return false;
        if (info.container.$type === ScenarioInvoer.$type) return !scenario.berekening?.ref;
        return !scenario.boom?.ref;
    }

    /**
     * Suggestions compare the unknown name with every name in scope. With thousands of broken
     * references (a tree cut short by a syntax error leaves every arrow to its last nodes dangling)
     * that was quadratic: a minute for one file. So they are computed once per name and scope (the
     * reference type and the tree or scenario it is in), and only for the first
     * MAX_SUGGESTION_LOOKUPS names of a document; later ones get no suggestion. All lookups of a
     * document share one budget of comparison work (see distance.ts), so that long or many names
     * cannot make them slow either.
     */
    private suggester(): (info: ReferenceInfo) => string[] {
        const memo = new Map<string, string[]>();
        const budget = suggestionBudget();
        const anchors = new Map<AstNode | undefined, number>();
        return info => {
            const anchor = AstUtils.getContainerOfType(info.container, n => isBeslisboom(n) || isScenario(n) || isBerekening(n));
            if (!anchors.has(anchor)) anchors.set(anchor, anchors.size);
            const key = `${this.services.shared.AstReflection.getReferenceType(info)}|${anchors.get(anchor)}|${info.reference.$refText}`;
            let names = memo.get(key);
            if (!names) {
                names = memo.size < MAX_SUGGESTION_LOOKUPS && budget.steps > 0 ? this.suggestions(info, budget) : [];
                memo.set(key, names);
            }
            return names;
        };
    }

    private suggestions(info: ReferenceInfo, budget: SuggestionBudget): string[] {
        try {
            const scope = this.services.references.ScopeProvider.getScope(info);
            return closestNames(info.reference.$refText, scope.getAllElements().map(d => d.name), 3, budget);
        } catch {
            return [];
        }
    }

    private describeUnresolved(info: ReferenceInfo, names: string[]): { code: string; text: string } {
        const lang = this.services.i18n.Locale.lang;
        const naam = info.reference.$refText;
        const voorstellen = names.length > 0 ? message(lang, 'unresolvedSuggest', { voorstellen: listNames(lang, names) }) : '';
        const { container, property } = info;

        if (container.$type === Beslisboom.$type && property === Beslisboom.start && isBeslisboom(container)) {
            return { code: IssueCodes.TreeWithoutNodesOrStart, text: message(lang, 'startUnknown', { naam, boom: container.name, voorstellen }) };
        }
        if (container.$type === Naamwaarde.$type && property === Naamwaarde.naam) {
            const berekening = AstUtils.getContainerOfType(container, isBerekening)?.name ?? '';
            return { code: IssueCodes.UnknownCalculationName, text: message(lang, 'calcUnknownName', { naam, berekening, voorstellen }) };
        }
        const scenario = AstUtils.getContainerOfType(container, isScenario);
        if (scenario && container.$type === Scenario.$type && property === Scenario.berekening) {
            return { code: IssueCodes.ScenarioUnknown, text: message(lang, 'scenarioUnknownCalculation', { naam, voorstellen }) };
        }
        if (scenario && container.$type === ScenarioInvoer.$type) {
            const berekening = scenario.berekening?.ref?.name ?? scenario.berekening?.$refText ?? '';
            return { code: IssueCodes.ScenarioUnknown, text: message(lang, 'scenarioUnknownInput', { naam, berekening, voorstellen }) };
        }
        if (scenario) {
            const boom = scenario.boom?.ref?.name ?? scenario.boom?.$refText ?? '';
            if (container.$type === Scenario.$type && property === Scenario.boom) {
                return { code: IssueCodes.ScenarioUnknown, text: message(lang, 'scenarioUnknownTree', { naam, voorstellen }) };
            }
            if (container.$type === ScenarioStap.$type && property === ScenarioStap.vraag) {
                return { code: IssueCodes.ScenarioUnknown, text: message(lang, 'scenarioUnknownQuestion', { naam, boom, voorstellen }) };
            }
            return { code: IssueCodes.ScenarioUnknown, text: message(lang, 'scenarioUnknownNode', { naam, boom, voorstellen }) };
        }
        const boom = AstUtils.getContainerOfType(container, isBeslisboom);
        const referenceType = this.services.shared.AstReflection.getReferenceType(info);
        if (boom && referenceType === 'Knoop') {
            const local = message(lang, 'unresolvedLocalNode', { naam, boom: boom.name });
            return { code: IssueCodes.UnresolvedReference, text: voorstellen ? `${local}${voorstellen}` : local };
        }
        const soort = message(lang, kindKey(referenceType));
        const tail = voorstellen || message(lang, 'unresolvedNone', { soort });
        return { code: IssueCodes.UnresolvedReference, text: message(lang, 'unresolved', { naam, soort }) + tail };
    }
}

function kindKey(type: string): MessageKey {
    switch (type) {
        case 'Kenmerk': return 'soortKenmerk';
        case 'Typologie': return 'soortTypologie';
        case 'Beslisboom': return 'soortBeslisboom';
        case 'Knoop': return 'soortKnoop';
        case 'Vraag': return 'soortVraag';
        case 'Financiering': return 'soortFinanciering';
        case 'Berekening': return 'soortBerekening';
        case 'Verwijsbaar': return 'soortVerwijsbaar';
        default: return 'soortOnbekend';
    }
}
