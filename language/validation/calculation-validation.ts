import type { ValidationAcceptor } from 'langium';
import { analyseCalculation } from '../calculation/analysis.js';
import type { Berekening, Scenario } from '../generated/ast.js';
import type { CheckContext } from './check-context.js';
import { IssueCodes } from './codes.js';
import { reportDuplicates } from './names-validation.js';

/**
 * The checks of a calculation (HRK071–HRK077), found by the analysis in calculation/analysis.ts;
 * an unknown name in a calculation (HRK070) is a linking error, reported by the document validator.
 */
export function calculationMustBeSound(berekening: Berekening, accept: ValidationAcceptor, ctx: CheckContext): void {
    if (!berekening.name) return;
    for (const finding of analyseCalculation(berekening).findings) {
        accept(finding.severity, finding.text(ctx.lang), {
            node: finding.node,
            ...(finding.property !== undefined ? { property: finding.property } : {}),
            ...(finding.index !== undefined ? { index: finding.index } : {}),
            ...(finding.keyword !== undefined ? { keyword: finding.keyword } : {}),
            code: finding.code
        });
    }
}

/** HRK003: a calculation computes one outcome; without it there is nothing to show or test. */
export function calculationMustHaveOutcome(berekening: Berekening, accept: ValidationAcceptor, ctx: CheckContext): void {
    if (!berekening.name || berekening.uitkomst.length > 0) return;
    accept('error', ctx.t('calcWithoutOutcome', { naam: berekening.name }), {
        node: berekening, property: 'name', code: IssueCodes.PropertyMissingOrRepeated
    });
}

/** HRK001: inputs and values share the names of their calculation. */
export function calculationNamesMustBeUnique(berekening: Berekening, accept: ValidationAcceptor, ctx: CheckContext): void {
    reportDuplicates([...berekening.invoer, ...berekening.waarden].sort((a, b) => (a.$cstNode?.offset ?? 0) - (b.$cstNode?.offset ?? 0)),
        accept, ctx, ctx.t('kindCalculationName'), ctx.t('inCalculation', { berekening: berekening.name }));
}

/**
 * HRK040 for a calculation's scenario beyond linking: each input once, and every input that is not
 * optional given (otherwise the scenario tests a calculation that has no outcome).
 */
export function calculationScenarioMustGiveEachInputOnce(scenario: Scenario, accept: ValidationAcceptor, ctx: CheckContext): void {
    const berekening = scenario.berekening?.ref;
    const given = new Set<string>();
    for (const invoer of scenario.invoer) {
        const name = invoer.invoer?.ref?.name;
        if (!name) continue;
        if (given.has(name)) {
            accept('error', ctx.t('scenarioInputTwice', { invoer: name }), { node: invoer, property: 'invoer', code: IssueCodes.ScenarioUnknown });
        }
        given.add(name);
    }
    if (!berekening) return;
    for (const invoer of berekening.invoer) {
        if (!invoer.name || invoer.optioneel || given.has(invoer.name)) continue;
        accept('error', ctx.t('scenarioInputMissing', { invoer: invoer.name, titel: invoer.titel ?? '' }), {
            node: scenario, property: 'berekening', code: IssueCodes.ScenarioUnknown
        });
    }
}
