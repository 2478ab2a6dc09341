import type { CalculationJson, CalculationScenarioJson } from '../generation/json/handreiking-json.js';
import type { Lang } from '../i18n/locale.js';
import { calculationLabels, explainCalculation } from './explain.js';
import { formatNumber, withUnit } from './format.js';
import { Rational } from './rational.js';
import { describeExpected, describeOutcome, runCalculationScenario, scenarioInputs } from './run-calculation-scenarios.js';
import { unitFromName } from './units.js';

/**
 * What a calculation scenario computes, ready to show: the preview beside the scenario under the
 * cursor and the hover on it show the same. The explanation is the rekenhulp's (explain.ts), so the
 * editor tells the outcome as the guide does.
 */
export interface CalculationScenarioOutcome {
    name: string;
    calculation: string;
    /** The calculation's title (its id when it has none). */
    title: string;
    /** The inputs given, by title: `Bruto vloeroppervlak van de ontmoetingsruimte = 45 m²`. */
    inputs: string[];
    /** The outcome as a reader writes it: `€ 100 000`, `niet van toepassing (…)`, `geen uitkomst: …`. */
    outcome: string;
    /** What the scenario expects, in the same form. */
    expected: string;
    /** Whether the outcome is what the scenario expects (as `handreiking test` decides). */
    passed: boolean;
    /** How it was computed, step by step (Dutch, as in the rekenhulp); empty when the calculation does not exist. */
    steps: string[];
}

export function calculationScenarioOutcome(scenario: CalculationScenarioJson, calculation: CalculationJson | undefined, lang: Lang): CalculationScenarioOutcome {
    const report = runCalculationScenario(scenario, calculation);
    const base = { name: scenario.name, calculation: scenario.calculation, passed: report.passed };
    if (!calculation || !report.run) {
        return { ...base, title: scenario.calculation, inputs: [], outcome: '', expected: describeExpected(report, lang), steps: [] };
    }
    const label = calculationLabels(calculation);
    const units = new Map(calculation.inputs.map(i => [i.id, unitFromName(i.unit)]));
    const inputs = scenario.inputs.map(({ input, value }) => {
        const parsed = Rational.parseDecimal(value);
        return `${label(input)} = ${parsed ? withUnit(formatNumber(parsed, lang), units.get(input) ?? unitFromName(undefined)) : value}`;
    });
    return {
        ...base,
        title: calculation.title || calculation.id,
        inputs,
        outcome: describeOutcome(report.run, lang),
        expected: describeExpected(report, lang),
        steps: explainCalculation(calculation, scenarioInputs(scenario)).steps
    };
}
