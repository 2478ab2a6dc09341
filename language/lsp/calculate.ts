import { isBerekening } from '../generated/ast.js';
import type { HandreikingServices } from '../handreiking-module.js';
import { evaluateCalculation } from '../calculation/evaluate.js';
import { calculationLabels, explainCalculation } from '../calculation/explain.js';
import { formatNumber, formatQuantity, withUnit } from '../calculation/format.js';
import { Rational } from '../calculation/rational.js';
import { describeOutcome } from '../calculation/run-calculation-scenarios.js';
import { unitFromName } from '../calculation/units.js';
import { jsonContext } from '../generation/json/export-json.js';
import { calculationJson } from '../generation/json/to-json.js';
import { calculationTexts } from '../i18n/calculation-messages.js';
import type { CalculateParams, CalculateResult } from './protocol.js';

/**
 * "Bereken…": a calculation computed with the numbers a reader typed, by the same evaluator as the
 * scenarios. A number is read as in a `.hrk` file (`2,5`, `100.000`, `-3`); an empty one is not given.
 */
export function calculate(services: HandreikingServices, params: CalculateParams): CalculateResult | null {
    const berekening = services.handreiking.WorkspaceModel.elements().find(e => isBerekening(e) && e.name === params.calculation);
    if (!isBerekening(berekening)) return null;
    const lang = services.i18n.Locale.lang;
    const calc = calculationJson(berekening, jsonContext(services));
    const inputs = new Map<string, Rational>();
    const invalid: string[] = [];
    for (const input of calc.inputs) {
        const text = params.inputs[input.id]?.trim() ?? '';
        if (text === '') continue;
        const value = readNumber(text);
        if (value) inputs.set(input.id, value);
        else invalid.push(input.id);
    }
    const t = calculationTexts(lang);
    if (invalid.length > 0) return { title: calc.title, outcome: '', lines: [], invalid };
    const run = evaluateCalculation(calc, inputs);
    // By title, as the guide's rekenhulp names them: the reader typed numbers for those questions.
    const label = calculationLabels(calc);
    const given = calc.inputs.flatMap(i => {
        const value = inputs.get(i.id);
        return value ? [`${label(i.id)} = ${withUnit(formatNumber(value, lang), unitFromName(i.unit))}`] : [];
    });
    const values = run.values.map(v => `${label(v.id)} = ${v.quantity ? formatQuantity(v.quantity, lang) : t.noValue()}`);
    const how = explainCalculation(calc, inputs).text;
    return {
        title: calc.title,
        outcome: describeOutcome(run, lang),
        lines: [
            ...(given.length > 0 ? [t.inputs(given.join(', '))] : []),
            ...(values.length > 0 ? [t.values(values.join(', '))] : []),
            ...(how ? [t.how(how)] : [])
        ],
        invalid: []
    };
}

/** A number as a reader types it, in the language's own form. */
export function readNumber(text: string): Rational | undefined {
    const negative = text.startsWith('-');
    return Rational.parseDutch(negative ? text.slice(1).trim() : text, negative);
}
