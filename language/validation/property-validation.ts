import type { AstNode, ValidationAcceptor } from 'langium';
import type { Financiering } from '../generated/ast.js';
import type { CheckContext } from './check-context.js';
import { IssueCodes } from './codes.js';

/**
 * Properties that may be written once per element. The grammar collects them as lists so that a
 * second occurrence is not silently dropped by the parser; this check reports it instead (HRK003).
 */
const singleValued: Record<string, readonly string[]> = {
    Beslisboom: ['herkomst'],
    Typologie: ['herkomst', 'toelichting'],
    Vraag: ['herkomst', 'toelichting'],
    Advies: ['herkomst', 'toelichting', 'daarna', 'typologie', 'berekening'],
    Stap: ['herkomst', 'toelichting'],
    Financiering: ['herkomst', 'termijn', 'voor', 'geldigTot', 'berekening', 'toelichting'],
    Berekening: ['herkomst', 'uitkomst', 'toelichting'],
    Partij: ['herkomst', 'toelichting'],
    Hoofdstuk: ['herkomst', 'werkgroep', 'toelichting']
};

/** Properties whose keyword belongs to a part of their own (`herkomst …`): located by the property instead. */
const locatedByProperty = new Set(['herkomst', 'uitkomst']);

/** The keyword an editor wrote for each property, for the message and the diagnostic's range. */
const keywordOf: Record<string, string> = {
    toelichting: 'toelichting', daarna: 'daarna', typologie: 'typologie', termijn: 'termijn',
    voor: 'voor', geldigTot: 'geldig', werkgroep: 'werkgroep', herkomst: 'herkomst', berekening: 'berekening', uitkomst: 'uitkomst'
};

export function propertiesMustNotRepeat(node: AstNode, accept: ValidationAcceptor, ctx: CheckContext): void {
    const properties = singleValued[node.$type];
    if (!properties) return;
    const record = node as unknown as Record<string, unknown>;
    const name = (record['name'] as string | undefined) ?? '';
    for (const property of properties) {
        const values = record[property];
        if (!Array.isArray(values) || values.length < 2) continue;
        const keyword = keywordOf[property] ?? property;
        for (let index = 1; index < values.length; index++) {
            const where = locatedByProperty.has(property) ? { property, index } : { keyword, index };
            accept('error', ctx.t('propertyTwice', { eigenschap: keyword === 'geldig' ? 'geldig tot' : keyword, element: name }), {
                node,
                ...where,
                code: IssueCodes.PropertyMissingOrRepeated
            });
        }
    }
}

/** HRK003: the term decides the guide's column; a funding rule without one cannot be placed. */
export function fundingMustHaveTerm(financiering: Financiering, accept: ValidationAcceptor, ctx: CheckContext): void {
    if (!financiering.name || financiering.termijn.length > 0) return;
    accept('error', ctx.t('fundingWithoutTerm', { naam: financiering.name }), {
        node: financiering,
        property: 'name',
        code: IssueCodes.PropertyMissingOrRepeated
    });
}
