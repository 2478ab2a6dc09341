import type { CalculationJson, CalculationScenarioJson, HandreikingJson } from '../generation/json/handreiking-json.js';
import type { Lang } from '../i18n/locale.js';
import { calculationTexts } from '../i18n/calculation-messages.js';
import { evaluateCalculation, type CalculationError, type CalculationRun } from './evaluate.js';
import { calculationLabels, explainCalculation } from './explain.js';
import { formatNumber, formatQuantity, withUnit } from './format.js';
import { Rational } from './rational.js';
import { unitFromName } from './units.js';

/** The result of one scenario of a calculation, as the CLI, the Testing view and the tests report it. */
export interface CalculationScenarioReport {
    scenario: CalculationScenarioJson;
    passed: boolean;
    /** Undefined when the calculation does not exist. */
    calculation?: CalculationJson;
    run?: CalculationRun;
    /** Inputs the scenario gives that the calculation does not have. */
    unknownInputs: string[];
}

/** Runs every scenario of a calculation in an export. */
export function runCalculationScenarios(json: HandreikingJson): CalculationScenarioReport[] {
    const calculations = new Map(json.calculations.map(c => [c.id, c]));
    return json.calculationScenarios.map(scenario => runCalculationScenario(scenario, calculations.get(scenario.calculation)));
}

/** Runs one scenario of a calculation (undefined: the calculation it names does not exist). */
export function runCalculationScenario(scenario: CalculationScenarioJson, calculation: CalculationJson | undefined): CalculationScenarioReport {
    if (!calculation) return { scenario, passed: false, unknownInputs: [] };
    const declared = new Set(calculation.inputs.map(i => i.id));
    const unknownInputs = scenario.inputs.map(i => i.input).filter(name => !declared.has(name));
    const run = evaluateCalculation(calculation, scenarioInputs(scenario));
    return { scenario, passed: unknownInputs.length === 0 && matches(scenario.expected, run), calculation, run, unknownInputs };
}

/** The numbers a scenario gives, by input id (an input it leaves out is absent). */
export function scenarioInputs(scenario: CalculationScenarioJson): Map<string, Rational> {
    const inputs = new Map<string, Rational>();
    for (const { input, value } of scenario.inputs) {
        const parsed = Rational.parseDecimal(value);
        if (parsed) inputs.set(input, parsed);
    }
    return inputs;
}

function matches(expected: CalculationScenarioJson['expected'], run: CalculationRun): boolean {
    if (expected.kind === 'notApplicable') return run.status === 'notApplicable';
    const value = Rational.parseDecimal(expected.value);
    return run.status === 'value' && !!value && run.quantity.value.equals(value);
}

/** What the scenario expects, as a reader writes it: `€ 100 000` or `niet van toepassing`. */
export function describeExpected(report: CalculationScenarioReport, lang: Lang): string {
    const { expected } = report.scenario;
    if (expected.kind === 'notApplicable') return calculationTexts(lang).notApplicable();
    const value = Rational.parseDecimal(expected.value);
    const number = value ? formatNumber(value, lang) : expected.value;
    return withUnit(number, unitFromName(report.calculation?.outcome?.unit));
}

/** What the calculation gave: an amount, `niet van toepassing (reason)`, or why there is no outcome. */
export function describeOutcome(run: CalculationRun, lang: Lang): string {
    const t = calculationTexts(lang);
    switch (run.status) {
        case 'value': return formatQuantity(run.quantity, lang);
        case 'notApplicable': return run.reason ? `${t.notApplicable()} (${run.reason})` : t.notApplicable();
        case 'error': return t.noOutcome(describeError(run.error, lang));
    }
}

export function describeError(error: CalculationError, lang: Lang): string {
    return calculationTexts(lang).error(error.kind, error.name ?? '');
}

/**
 * Why a scenario failed, line by line: expected, computed, the inputs and the named values (by their
 * titles, as the rekenhulp names them), and how the outcome was computed.
 */
export function explainCalculationFailure(report: CalculationScenarioReport, lang: Lang): string[] {
    const t = calculationTexts(lang);
    const { scenario, run, calculation } = report;
    if (!calculation || !run) return [t.calculationMissing(scenario.calculation)];
    const lines = [t.expected(describeExpected(report, lang)), t.computed(describeOutcome(run, lang))];
    if (report.unknownInputs.length > 0) lines.push(t.unknownInputs(report.unknownInputs.join(', ')));
    const units = new Map(calculation.inputs.map(i => [i.id, unitFromName(i.unit)]));
    const label = calculationLabels(calculation);
    const inputs = scenario.inputs.map(({ input, value }) => {
        const parsed = Rational.parseDecimal(value);
        const shown = parsed ? withUnit(formatNumber(parsed, lang), units.get(input) ?? unitFromName(undefined)) : value;
        return `${label(input)} = ${shown}`;
    });
    if (inputs.length > 0) lines.push(t.inputs(inputs.join(', ')));
    const values = run.values.map(v => `${label(v.id)} = ${v.quantity ? formatQuantity(v.quantity, lang) : t.noValue()}`);
    if (values.length > 0) lines.push(t.values(values.join(', ')));
    const how = explainCalculation(calculation, scenarioInputs(scenario)).text;
    if (how) lines.push(t.how(how));
    return lines;
}
