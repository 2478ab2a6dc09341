import type { CalculationConditionJson, CalculationJson, ExpressionJson } from '../generation/json/handreiking-json.js';
import { Rational } from './rational.js';
import { divideUnits, multiplyUnits, unitFromName, type Unit } from './units.js';

/**
 * Evaluating a calculation: the one implementation behind `handreiking test`, the Testing view and
 * the hover. It works on the JSON form of a calculation (docs/json-format.md, "Evaluating a
 * calculation", states the same rules for other tools), so it runs the same in Node and in a browser.
 *
 * Nothing here can run long: there are no loops in the language, every named value is computed
 * once (in an order where each comes after the values it uses), and numbers stop at MAX_BITS.
 * Errors are values: a named value that divides by zero is only an error of the calculation if the
 * outcome (or a `niet van toepassing` condition) uses it.
 */

/** `afronden` rounds to at most this many decimals. */
export const MAX_DECIMALS = 10;

/** Why a calculation has no outcome for these inputs. */
export type CalculationErrorKind =
    /** A required input was not given, or an optional one used outside `minimum`/`maximum`. */
    | 'missingInput'
    /** A name that is no input or value of the calculation. */
    | 'unknownName'
    | 'divisionByZero'
    /** A number beyond MAX_BITS, or a literal too long to read. */
    | 'tooLarge'
    /** A value that depends on itself. */
    | 'cycle'
    /** An `als` without `anders` whose condition did not hold. */
    | 'noElse'
    /** No `uitkomst`. */
    | 'noOutcome'
    /** `afronden` to a number of decimals that is not a whole number from 0 to MAX_DECIMALS. */
    | 'badDecimals';

export interface CalculationError {
    kind: CalculationErrorKind;
    /** The input or value concerned, if any. */
    name?: string;
}

export interface Quantity {
    value: Rational;
    unit: Unit;
}

/** A computed named value: its quantity, or why it has none. */
export interface ComputedValue {
    id: string;
    quantity?: Quantity;
    error?: CalculationError;
}

export type CalculationRun =
    | { status: 'value'; quantity: Quantity; values: ComputedValue[] }
    /** A `niet van toepassing` condition held: `index` in `notApplicable`, with its reason. */
    | { status: 'notApplicable'; index: number; reason?: string; values: ComputedValue[] }
    | { status: 'error'; error: CalculationError; values: ComputedValue[] };

/** What an expression evaluates to: a quantity, nothing (a missing optional input), or an error. */
export type ExpressionResult = { ok: Quantity } | { absent: string } | { error: CalculationError };
type Result = ExpressionResult;

/** What an observer of an evaluation hears (explain.ts): each expression evaluated, with its result. It changes nothing. */
export interface EvaluationObserver {
    expression?(e: ExpressionJson, result: ExpressionResult): void;
}

/**
 * Evaluates `calculation` with `inputs` (input id → value; an input not in the map is missing).
 * An `observer` hears every expression as it is evaluated (an `als` only the branch it took).
 */
export function evaluateCalculation(calculation: CalculationJson, inputs: ReadonlyMap<string, Rational>, observer?: EvaluationObserver): CalculationRun {
    const declared = new Map(calculation.inputs.map(i => [i.id, i]));
    const computed = new Map<string, Result>();

    const expression = (e: ExpressionJson): Result => {
        const result = evaluate(e);
        observer?.expression?.(e, result);
        return result;
    };
    const evaluate = (e: ExpressionJson): Result => {
        switch (e.op) {
            case 'number': {
                const value = Rational.parseDecimal(e.value);
                return value ? { ok: { value, unit: unitFromName(e.unit) } } : { error: { kind: 'tooLarge' } };
            }
            case 'input': {
                const input = declared.get(e.name);
                if (!input) return { error: { kind: 'unknownName', name: e.name } };
                const value = inputs.get(e.name);
                if (value === undefined) return input.optional ? { absent: e.name } : { error: { kind: 'missingInput', name: e.name } };
                return { ok: { value, unit: unitFromName(input.unit) } };
            }
            case 'value':
                return computed.get(e.name) ?? { error: { kind: 'unknownName', name: e.name } };
            case 'add':
            case 'subtract':
            case 'multiply':
            case 'divide': {
                const left = present(expression(e.left));
                if (!('ok' in left)) return left;
                const right = present(expression(e.right));
                if (!('ok' in right)) return right;
                return arithmetic(e.op, left.ok, right.ok);
            }
            case 'negate': {
                const operand = present(expression(e.operand));
                return 'ok' in operand ? { ok: { value: operand.ok.value.negate(), unit: operand.ok.unit } } : operand;
            }
            case 'minimum':
            case 'maximum': {
                let best: Quantity | undefined;
                let missing: string | undefined;
                for (const argument of e.arguments) {
                    const result = expression(argument);
                    if ('error' in result) return result;
                    if ('absent' in result) {
                        missing ??= result.absent;
                        continue;
                    }
                    const order = best ? result.ok.value.compare(best.value) : 0;
                    if (!best || (e.op === 'minimum' ? order < 0 : order > 0)) best = result.ok;
                }
                return best ? { ok: best } : { error: { kind: 'missingInput', ...(missing ? { name: missing } : {}) } };
            }
            case 'round': {
                if (!Number.isInteger(e.decimals) || e.decimals < 0 || e.decimals > MAX_DECIMALS) return { error: { kind: 'badDecimals' } };
                const operand = present(expression(e.operand));
                return 'ok' in operand ? { ok: { value: operand.ok.value.round(e.decimals), unit: operand.ok.unit } } : operand;
            }
            case 'if': {
                const holds = condition(e.condition);
                if (typeof holds !== 'boolean') return holds;
                if (holds) return expression(e.then);
                return e.else ? expression(e.else) : { error: { kind: 'noElse' } };
            }
        }
    };

    /** True or false; `en` and `of` look at their right side only when the left does not decide. */
    const condition = (c: CalculationConditionJson): boolean | { error: CalculationError } => {
        if (c.op !== 'compare') {
            const left = condition(c.left);
            if (typeof left !== 'boolean') return left;
            if (c.op === 'and' ? !left : left) return left;
            return condition(c.right);
        }
        const left = present(expression(c.left));
        if (!('ok' in left)) return left;
        const right = present(expression(c.right));
        if (!('ok' in right)) return right;
        return compare(c.operator, left.ok.value.compare(right.ok.value));
    };

    const { order, cyclic } = valueOrder(calculation);
    for (const id of cyclic) computed.set(id, { error: { kind: 'cycle', name: id } });
    for (const value of order) computed.set(value.id, present(expression(value.expression)));
    const values: ComputedValue[] = calculation.values.map(v => {
        const result = computed.get(v.id)!;
        return 'ok' in result ? { id: v.id, quantity: result.ok } : { id: v.id, error: 'error' in result ? result.error : { kind: 'missingInput', name: result.absent } };
    });

    for (let index = 0; index < calculation.notApplicable.length; index++) {
        const rule = calculation.notApplicable[index];
        const holds = condition(rule.condition);
        if (typeof holds !== 'boolean') return { status: 'error', error: holds.error, values };
        if (holds) return { status: 'notApplicable', index, ...(rule.reason !== undefined ? { reason: rule.reason } : {}), values };
    }
    if (!calculation.outcome) return { status: 'error', error: { kind: 'noOutcome' }, values };
    const outcome = present(expression(calculation.outcome.expression));
    if ('ok' in outcome) return { status: 'value', quantity: outcome.ok, values };
    return { status: 'error', error: 'error' in outcome ? outcome.error : { kind: 'missingInput' }, values };
}

/** Whether a comparison holds, given the order of its two sides (-1: left is less). */
export function compare(operator: '<' | '<=' | '>' | '>=' | '=' | '!=', order: -1 | 0 | 1): boolean {
    switch (operator) {
        case '<': return order < 0;
        case '<=': return order <= 0;
        case '>': return order > 0;
        case '>=': return order >= 0;
        case '=': return order === 0;
        default: return order !== 0;
    }
}

/** Outside `minimum` and `maximum`, a missing optional input is an error. */
function present(result: Result): { ok: Quantity } | { error: CalculationError } {
    return 'absent' in result ? { error: { kind: 'missingInput', name: result.absent } } : result;
}

function arithmetic(op: 'add' | 'subtract' | 'multiply' | 'divide', left: Quantity, right: Quantity): Result {
    let value: Rational | undefined;
    let unit = left.unit;
    switch (op) {
        case 'add': value = left.value.add(right.value); break;
        case 'subtract': value = left.value.subtract(right.value); break;
        case 'multiply': value = left.value.multiply(right.value); unit = multiplyUnits(left.unit, right.unit); break;
        case 'divide': value = left.value.divide(right.value); unit = divideUnits(left.unit, right.unit); break;
    }
    if (!value) return { error: { kind: 'divisionByZero' } };
    if (value.tooLarge()) return { error: { kind: 'tooLarge' } };
    return { ok: { value, unit } };
}

/**
 * The named values in an order where each comes after the values it uses (Kahn's algorithm, no
 * recursion, so a chain of thousands of values is no problem), and those that depend on themselves.
 */
export function valueOrder(calculation: CalculationJson): { order: CalculationJson['values']; cyclic: string[] } {
    const byId = new Map<string, CalculationJson['values'][number]>();
    for (const v of calculation.values) if (!byId.has(v.id)) byId.set(v.id, v);
    const uses = new Map<string, string[]>();
    const waiting = new Map<string, number>();
    for (const [id, v] of byId) {
        const needed = [...new Set(valueNames(v.expression))].filter(n => byId.has(n));
        waiting.set(id, needed.length);
        for (const n of needed) {
            const list = uses.get(n) ?? [];
            list.push(id);
            uses.set(n, list);
        }
    }
    const ready = [...byId.keys()].filter(id => waiting.get(id) === 0);
    const order: CalculationJson['values'] = [];
    for (let next = 0; next < ready.length; next++) {
        const id = ready[next];
        order.push(byId.get(id)!);
        for (const user of uses.get(id) ?? []) {
            const left = waiting.get(user)! - 1;
            waiting.set(user, left);
            if (left === 0) ready.push(user);
        }
    }
    const cyclic = [...byId.keys()].filter(id => waiting.get(id)! > 0);
    return { order, cyclic };
}

/** The named values an expression uses. */
export function valueNames(e: ExpressionJson): string[] {
    const names: string[] = [];
    const visitCondition = (c: CalculationConditionJson): void => {
        if (c.op === 'compare') {
            visit(c.left);
            visit(c.right);
        } else {
            visitCondition(c.left);
            visitCondition(c.right);
        }
    };
    const visit = (x: ExpressionJson): void => {
        switch (x.op) {
            case 'value': names.push(x.name); break;
            case 'add': case 'subtract': case 'multiply': case 'divide': visit(x.left); visit(x.right); break;
            case 'negate': case 'round': visit(x.operand); break;
            case 'minimum': case 'maximum': x.arguments.forEach(visit); break;
            case 'if': visitCondition(x.condition); visit(x.then); if (x.else) visit(x.else); break;
            default: break;
        }
    };
    visit(e);
    return names;
}
