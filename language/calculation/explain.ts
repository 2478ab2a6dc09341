import type { CalculationJson, ExpressionJson } from '../generation/json/handreiking-json.js';
import { evaluateCalculation, valueNames, type CalculationError, type CalculationRun, type ExpressionResult, type Quantity } from './evaluate.js';
import { formatQuantity } from './format.js';
import type { Rational } from './rational.js';
import { unitFromName } from './units.js';

/**
 * How a calculation got its outcome, in short Dutch sentences for a reader of the guide (the
 * rekenhulp in the HTML guide): `€ 2 500 per m² × 45 m² = € 112 500; Plafond van de bijdrage (bij
 * Aantal woningen = 16): € 100 000; Bouwkosten: niet ingevuld, telt niet mee; het kleinste → € 100 000`.
 * Inputs and named values are named by their titles (calculationLabels). Derived from the
 * evaluation itself (evaluateCalculation with an observer), so it can never tell another outcome
 * than the evaluator computes. Pure, no DOM: the browser app imports it.
 */

export interface CalculationExplanation {
    run: CalculationRun;
    /** The outcome as a reader writes it (`€ 100 000`), only when there is one. */
    outcome?: string;
    /** The steps, in order; the last says the outcome, why there is none, or what went wrong. */
    steps: string[];
    /** The steps joined with `; `. */
    text: string;
}

/** Explains `calculation` for `inputs` (input id → value; a missing input is absent from the map). */
export function explainCalculation(calculation: CalculationJson, inputs: ReadonlyMap<string, Rational>): CalculationExplanation {
    const results = new Map<ExpressionJson, ExpressionResult>();
    const run = evaluateCalculation(calculation, inputs, { expression: (e, r) => results.set(e, r) });
    const steps: string[] = [];
    const finish = (outcome?: string): CalculationExplanation => ({ run, ...(outcome !== undefined ? { outcome } : {}), steps, text: steps.join('; ') });

    if (run.status === 'notApplicable') {
        steps.push(`niet van toepassing: ${run.reason ?? 'een voorwaarde van de regeling geldt niet'}`);
        return finish();
    }
    const outcome = calculation.outcome;
    if (run.status === 'error' || !outcome) {
        if (run.status === 'error') steps.push(errorSentence(run.error, calculation));
        return finish();
    }

    const inputTitle = new Map(calculation.inputs.map(i => [i.id, i]));
    const valueById = new Map(calculation.values.map(v => [v.id, v]));
    const label = calculationLabels(calculation);
    const quantity = (e: ExpressionJson): Quantity | undefined => {
        const r = results.get(e);
        return r && 'ok' in r ? r.ok : undefined;
    };
    const render = (e: ExpressionJson, nested = false): string => {
        const q = quantity(e);
        switch (e.op) {
            case 'number':
            case 'input':
                return q ? formatQuantity(q, 'nl') : e.op === 'input' ? `${label(e.name)} (niet ingevuld)` : e.value;
            case 'value':
                return label(e.name);
            case 'add': case 'subtract': case 'multiply': case 'divide': {
                const sign = { add: '+', subtract: '−', multiply: '×', divide: '÷' }[e.op];
                const text = `${render(e.left, true)} ${sign} ${render(e.right, true)}`;
                return nested ? `(${text})` : text;
            }
            case 'negate':
                return `−${render(e.operand, true)}`;
            case 'minimum': case 'maximum':
                return `${e.op === 'minimum' ? 'minimum' : 'maximum'}(${e.arguments.map(a => render(a)).join(', ')})`;
            case 'round':
                return `${render(e.operand)} afgerond op ${e.decimals} decimalen`;
            case 'if':
                return q ? formatQuantity(q, 'nl') : 'als …';
        }
    };
    /** One step: the expression with its numbers, and what it came to (nothing more for a plain number). */
    const step = (e: ExpressionJson): string | undefined => {
        const q = quantity(e);
        const r = results.get(e);
        if (e.op === 'input') {
            if (r && 'absent' in r) return `${label(e.name)}: niet ingevuld, telt niet mee`;
            return q ? `${label(e.name)}: ${formatQuantity(q, 'nl')}` : undefined;
        }
        if (e.op === 'number' || !q) return undefined;
        if (e.op === 'value') return undefined;
        return `${render(e)} = ${formatQuantity(q, 'nl')}`;
    };

    // The named values the outcome uses, in the order they were computed.
    const used = new Set<string>();
    const pending = [...valueNames(outcome.expression)];
    while (pending.length > 0) {
        const name = pending.pop()!;
        if (used.has(name) || !valueById.has(name)) continue;
        used.add(name);
        pending.push(...valueNames(valueById.get(name)!.expression));
    }
    const computed = new Map(run.values.map(v => [v.id, v]));
    for (const value of calculation.values) {
        if (!used.has(value.id)) continue;
        const q = computed.get(value.id)?.quantity;
        if (!q) continue;
        const basis = [...new Set(inputNames(value.expression))].filter(n => inputs.has(n) && inputTitle.has(n));
        const given = basis.map(n => `${label(n)} = ${formatQuantity({ value: inputs.get(n)!, unit: unitFromName(inputTitle.get(n)!.unit) }, 'nl')}`);
        const e = value.expression;
        steps.push(e.op === 'if' || given.length === 0 && e.op === 'number'
            ? `${label(value.id)}${given.length > 0 ? ` (bij ${given.join(', ')})` : ''}: ${formatQuantity(q, 'nl')}`
            : `${label(value.id)} = ${render(e)} = ${formatQuantity(q, 'nl')}`);
    }

    const top = outcome.expression;
    const result = formatQuantity(run.quantity, 'nl');
    if (top.op === 'minimum' || top.op === 'maximum') {
        for (const argument of top.arguments) {
            const text = step(argument);
            if (text) steps.push(text);
        }
        steps.push(`${top.op === 'minimum' ? 'het kleinste' : 'het grootste'} → ${result}`);
    } else if (top.op === 'number' || top.op === 'input' || top.op === 'value' || top.op === 'if') {
        steps.push(`uitkomst: ${result}`);
    } else {
        steps.push(`${render(top)} = ${result}`);
    }
    return finish(result);
}

/**
 * What a reader sees for an input or a named value: its title, or its name where it has none. A
 * reader of the guide never wrote the source, so `plafond` says less than "Plafond van de bijdrage".
 */
export function calculationLabels(calculation: CalculationJson): (id: string) => string {
    const titles = new Map<string, string>();
    for (const value of calculation.values) if (value.title?.trim()) titles.set(value.id, value.title.trim());
    for (const input of calculation.inputs) if (input.title.trim()) titles.set(input.id, input.title.trim());
    return id => titles.get(id) ?? id;
}

/** A problem of the calculation, in Dutch, naming the input or value concerned by its title where it has one. */
export function errorSentence(error: CalculationError, calculation: CalculationJson): string {
    const title = error.name !== undefined ? calculationLabels(calculation)(error.name) : undefined;
    switch (error.kind) {
        case 'missingInput': return title !== undefined ? `niet ingevuld: ${title}` : 'er is niets ingevuld om mee te rekenen';
        case 'divisionByZero': return 'deling door nul';
        case 'tooLarge': return 'een getal is te groot om mee te rekenen';
        case 'cycle': return `de waarde ${title ?? ''} hangt van zichzelf af`.replace('  ', ' ');
        case 'noElse': return 'een ‘als’ zonder ‘anders’ geldt hier niet';
        case 'noOutcome': return 'de berekening heeft geen uitkomst';
        case 'badDecimals': return 'afronden op een ongeldig aantal decimalen';
        case 'unknownName': return `onbekende naam${title !== undefined ? ` ${title}` : ''}`;
    }
}

/** The inputs an expression uses, directly. */
function inputNames(e: ExpressionJson): string[] {
    const names: string[] = [];
    const visit = (x: ExpressionJson): void => {
        switch (x.op) {
            case 'input': names.push(x.name); break;
            case 'add': case 'subtract': case 'multiply': case 'divide': visit(x.left); visit(x.right); break;
            case 'negate': case 'round': visit(x.operand); break;
            case 'minimum': case 'maximum': x.arguments.forEach(visit); break;
            case 'if': {
                const condition = (c: typeof x.condition): void => {
                    if (c.op === 'compare') { visit(c.left); visit(c.right); } else { condition(c.left); condition(c.right); }
                };
                condition(x.condition);
                visit(x.then);
                if (x.else) visit(x.else);
                break;
            }
            default: break;
        }
    };
    visit(e);
    return names;
}
