import {
    AstUtils, DefaultDocumentValidator, type AstNode, type DiagnosticInfo, type ValidationSeverity, DocumentValidator, type LangiumDocument, type ReferenceInfo, type ValidationOptions
} from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { ParseResult } from 'langium';
import { Beslisboom, Scenario, ScenarioStap, isBeslisboom, isScenario } from '../generated/ast.js';
import { listNames, message, type MessageKey } from '../i18n/messages.js';
import type { HandreikingServices } from '../handreiking-module.js';
import { IssueCodes } from './codes.js';
import { closestNames } from './distance.js';

/** For how many different unknown names per document the closest existing names are looked up. */
export const MAX_SUGGESTION_LOOKUPS = 200;

/**
 * Replaces Langium's English linker message ("Could not resolve reference to …") by a Dutch one
 * that names the closest existing names, and gives syntax errors our code HRK000. References in a
 * scenario report HRK040 and an unknown `start` HRK010, as the table of checks promises.
 */
export class HandreikingDocumentValidator extends DefaultDocumentValidator {
    private readonly services: HandreikingServices;

    constructor(services: HandreikingServices) {
        super(services);
        this.services = services;
    }

    protected override processLexingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const start = diagnostics.length;
        super.processLexingErrors(parseResult, diagnostics, options);
        for (const d of diagnostics.slice(start)) d.code = IssueCodes.Syntax;
    }

    protected override processParsingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const start = diagnostics.length;
        super.processParsingErrors(parseResult, diagnostics, options);
        for (const d of diagnostics.slice(start)) d.code = IssueCodes.Syntax;
    }

    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[]): void {
        const suggest = this.suggester();
        for (const reference of document.references) {
            const error = reference.error;
            if (!error) continue;
            const info = error.info;
            if (this.followsFromUnknownTree(info)) continue;
            const suggestions = suggest(info);
            const { code, text } = this.describeUnresolved(info, suggestions);
            diagnostics.push(this.toDiagnostic('error', text, {
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

    /** In a scenario whose tree is unknown, its questions cannot resolve either: one error is enough. */
    private followsFromUnknownTree(info: ReferenceInfo): boolean {
        const scenario = AstUtils.getContainerOfType(info.container, isScenario);
        if (!scenario) return false;
        const isTreeReference = info.container.$type === Scenario.$type && info.property === Scenario.boom;
        return !isTreeReference && !scenario.boom?.ref;
    }

    /**
     * Suggestions compare the unknown name with every name in scope. With thousands of broken
     * references (a tree cut short by a syntax error leaves every arrow to its last nodes dangling)
     * that was quadratic: a minute for one file. So they are computed once per name and scope (the
     * reference type and the tree or scenario it is in), and only for the first
     * MAX_SUGGESTION_LOOKUPS names of a document; later ones get no suggestion.
     */
    private suggester(): (info: ReferenceInfo) => string[] {
        const memo = new Map<string, string[]>();
        const anchors = new Map<AstNode | undefined, number>();
        return info => {
            const anchor = AstUtils.getContainerOfType(info.container, n => isBeslisboom(n) || isScenario(n));
            if (!anchors.has(anchor)) anchors.set(anchor, anchors.size);
            const key = `${this.services.shared.AstReflection.getReferenceType(info)}|${anchors.get(anchor)}|${info.reference.$refText}`;
            let names = memo.get(key);
            if (!names) {
                names = memo.size < MAX_SUGGESTION_LOOKUPS ? this.suggestions(info) : [];
                memo.set(key, names);
            }
            return names;
        };
    }

    private suggestions(info: ReferenceInfo): string[] {
        try {
            const scope = this.services.references.ScopeProvider.getScope(info);
            return closestNames(info.reference.$refText, scope.getAllElements().map(d => d.name));
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
        const scenario = AstUtils.getContainerOfType(container, isScenario);
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
        case 'Verwijsbaar': return 'soortVerwijsbaar';
        default: return 'soortOnbekend';
    }
}
