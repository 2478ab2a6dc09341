import type { AstNode } from 'langium';
import {
    isAfronden, isAls, isGetalwaarde, isInvoer, isMinimumMaximum, isNaamwaarde, isRekenEnOf, isRekenhaakjes, isRekensom, isRekenvergelijking,
    isTegengesteld, isTussenwaarde, isVoorwaardehaakjes,
    type Berekening, type Eenheid, type Getal, type Scenario
} from '../../generated/ast.js';
import { unitName, unitOf } from '../../calculation/units.js';
import type { CalculationRule } from '../../provenance/herkomst.js';
import type {
    CalculationConditionJson, CalculationJson, CalculationScenarioJson, DecimalString, ExpressionJson, ProvenanceJson, SourceJson, UnitName
} from './handreiking-json.js';

/** What the conversion needs from the JSON export around it. */
export interface CalculationJsonContext {
    provenance(node: Berekening | CalculationRule): ProvenanceJson;
    source(node: AstNode): SourceJson;
    /** documentation, description and source, as every element carries them. */
    common(node: Berekening): { documentation?: string; description?: string; source: SourceJson };
    descriptionProvenance(node: Berekening): { descriptionProvenance?: ProvenanceJson };
}

const operators: Record<string, 'add' | 'subtract' | 'multiply' | 'divide'> = { '+': 'add', '-': 'subtract', '*': 'multiply', '/': 'divide' };

/** A calculation as JSON: its inputs, rules and outcome, the expressions as trees. */
export function calculationToJson(berekening: Berekening, funding: string[], ctx: CalculationJsonContext): CalculationJson {
    const uitkomst = berekening.uitkomst[0];
    return {
        id: berekening.name,
        title: berekening.titel ?? '',
        provenance: ctx.provenance(berekening),
        inputs: berekening.invoer.filter(i => i.name).map(i => ({
            id: i.name,
            title: i.titel ?? '',
            ...unitField(i.eenheid),
            optional: i.optioneel,
            source: ctx.source(i)
        })),
        notApplicable: berekening.nietVanToepassing.map(n => ({
            condition: conditionJson(n.conditie),
            ...(n.reden !== undefined ? { reason: n.reden } : {}),
            provenance: ctx.provenance(n),
            source: ctx.source(n)
        })),
        values: berekening.waarden.filter(w => w.name).map(w => ({
            id: w.name,
            ...(w.titel !== undefined ? { title: w.titel } : {}),
            expression: expressionJson(w.waarde),
            provenance: ctx.provenance(w),
            source: ctx.source(w)
        })),
        ...(uitkomst ? {
            outcome: {
                title: uitkomst.titel ?? '',
                ...unitField(uitkomst.eenheid),
                expression: expressionJson(uitkomst.waarde),
                provenance: ctx.provenance(uitkomst),
                source: ctx.source(uitkomst)
            }
        } : {}),
        funding,
        ...ctx.common(berekening),
        ...ctx.descriptionProvenance(berekening)
    };
}

export function calculationScenarioJson(scenario: Scenario, source: SourceJson): CalculationScenarioJson {
    return {
        name: scenario.name ?? '',
        calculation: scenario.berekening?.$refText ?? '',
        inputs: scenario.invoer.map(i => ({ input: i.invoer?.$refText ?? '', value: numberJson(i.waarde) })),
        expected: scenario.nietVanToepassing || !scenario.uitkomst
            ? { kind: 'notApplicable' }
            : { kind: 'value', value: numberJson(scenario.uitkomst) },
        source
    };
}

/** Whether a scenario is a calculation's (`berekening X`) rather than a tree's. */
export function isCalculationScenario(scenario: Scenario): boolean {
    return scenario.berekening !== undefined || scenario.invoer.length > 0 || scenario.uitkomst !== undefined || scenario.nietVanToepassing;
}

/**
 * A number as written in the source (`100.000`, `2,5`) as the JSON writes it (`100000`, `2.5`):
 * the points between groups of digits dropped, the decimal comma a point.
 */
export function decimalFromSource(text: string, negative = false): DecimalString {
    return `${negative ? '-' : ''}${text.replace(/\./g, '').replace(',', '.')}`;
}

function numberJson(getal: Getal | undefined): DecimalString {
    return getal?.waarde ? decimalFromSource(getal.waarde, getal.negatief) : '0';
}

function unitField(eenheid: Eenheid | undefined): { unit?: UnitName } {
    const name = eenheid && !eenheid.getal ? unitName(unitOf(eenheid.teller, eenheid.noemer)) : undefined;
    return name ? { unit: name } : {};
}

/** A part that is still being typed becomes a name that resolves to nothing (an error when evaluated). */
const unknown: ExpressionJson = { op: 'value', name: '' };

export function expressionJson(node: AstNode | undefined): ExpressionJson {
    if (isRekensom(node)) {
        return { op: operators[node.operator] ?? 'add', left: expressionJson(node.left), right: expressionJson(node.right) };
    }
    if (isGetalwaarde(node)) {
        if (!node.getal) return unknown;
        return { op: 'number', value: decimalFromSource(node.getal), ...unitField(node.eenheid) };
    }
    if (isNaamwaarde(node)) {
        const target = node.naam?.ref;
        const name = node.naam?.$refText ?? '';
        return isTussenwaarde(target) ? { op: 'value', name } : isInvoer(target) ? { op: 'input', name } : { op: 'value', name };
    }
    if (isMinimumMaximum(node)) return { op: node.functie === 'maximum' ? 'maximum' : 'minimum', arguments: node.argumenten.map(expressionJson) };
    if (isAfronden(node)) {
        const decimals = node.decimalen === undefined ? 0 : /^[0-9]{1,3}$/.test(node.decimalen) ? Number(node.decimalen) : 999;
        return { op: 'round', operand: expressionJson(node.waarde), decimals };
    }
    if (isRekenhaakjes(node)) return expressionJson(node.waarde);
    if (isTegengesteld(node)) return { op: 'negate', operand: expressionJson(node.waarde) };
    if (isAls(node)) {
        return {
            op: 'if',
            condition: conditionJson(node.conditie),
            then: expressionJson(node.dan),
            ...(node.anders ? { else: expressionJson(node.anders) } : {})
        };
    }
    return unknown;
}

export function conditionJson(node: AstNode | undefined): CalculationConditionJson {
    if (isRekenEnOf(node)) return { op: node.operator === 'of' ? 'or' : 'and', left: conditionJson(node.left), right: conditionJson(node.right) };
    if (isVoorwaardehaakjes(node)) return conditionJson(node.voorwaarde);
    if (isRekenvergelijking(node)) {
        return { op: 'compare', operator: node.operator ?? '=', left: expressionJson(node.links), right: expressionJson(node.rechts) };
    }
    return { op: 'compare', operator: '=', left: unknown, right: unknown };
}
