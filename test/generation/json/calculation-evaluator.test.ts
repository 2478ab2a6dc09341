import * as fs from 'node:fs';
import * as path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { evaluateCalculation } from '../../../language/calculation/evaluate.js';
import { Rational } from '../../../language/calculation/rational.js';
import { serializeJson } from '../../../language/export/json-export.js';
import { exportWorkspaceJson } from '../../../language/generation/json/export-json.js';
import { clearAll, createTestServices, exampleFiles, validateFiles } from '../../helpers.js';

/**
 * Other tools read a calculation from the JSON export alone. This file holds an evaluator written
 * from docs/json-format.md ("Evaluating a calculation") and nothing else — it imports no code of the
 * toolkit's calculations and shares no types with it — and checks that it reproduces the outcome of
 * every scenario of every calculation in the examples, from the exported JSON text, which is valid
 * against the published schema. It then checks, on many random inputs, that it agrees with the
 * toolkit's own evaluator, so the documented rules and the implementation cannot drift apart.
 */

// ------------------------------------------------------------------ the independent evaluator

/** Rule 1: exact fractions of two big integers. */
class Fraction {
    constructor(readonly n: bigint, readonly d: bigint) {
        if (d < 0n) { this.n = -n; this.d = -d; }
        const g = gcd(this.n < 0n ? -this.n : this.n, this.d);
        this.n /= g;
        this.d /= g;
    }

    static read(decimal: string): Fraction {
        const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(decimal);
        if (!m) throw new Error(`not a decimal string: ${decimal}`);
        const digits = BigInt(m[2] + (m[3] ?? ''));
        return new Fraction(m[1] ? -digits : digits, 10n ** BigInt((m[3] ?? '').length));
    }

    plus(o: Fraction) { return new Fraction(this.n * o.d + o.n * this.d, this.d * o.d); }
    minus(o: Fraction) { return new Fraction(this.n * o.d - o.n * this.d, this.d * o.d); }
    times(o: Fraction) { return new Fraction(this.n * o.n, this.d * o.d); }
    over(o: Fraction) { return new Fraction(this.n * o.d, this.d * o.n); }
    cmp(o: Fraction) { const a = this.n * o.d; const b = o.n * this.d; return a < b ? -1 : a > b ? 1 : 0; }

    /** Rule 3, round: halves away from zero. */
    rounded(decimals: number): Fraction {
        const scale = 10n ** BigInt(decimals);
        const x = this.n * scale;
        const neg = x < 0n;
        const abs = neg ? -x : x;
        let q = abs / this.d;
        if ((abs % this.d) * 2n >= this.d) q += 1n;
        return new Fraction(neg ? -q : q, scale);
    }
}

function gcd(a: bigint, b: bigint): bigint {
    while (b) [a, b] = [b, a % b];
    return a || 1n;
}

// The JSON as this evaluator reads it: plain objects, typed here from the documentation.
type Expr = { op: string; value?: string; name?: string; left?: Expr; right?: Expr; operand?: Expr; arguments?: Expr[]; decimals?: number; condition?: Cond; then?: Expr; else?: Expr };
type Cond = { op: string; operator?: string; left: Expr | Cond; right: Expr | Cond };
type Calc = {
    id: string;
    inputs: Array<{ id: string; optional: boolean }>;
    notApplicable: Array<{ condition: Cond; reason?: string }>;
    values: Array<{ id: string; expression: Expr }>;
    outcome?: { expression: Expr };
};

const ABSENT = Symbol('absent');
class Failure extends Error {}
type Result = Fraction | typeof ABSENT;

/** Rules 2–6: the outcome of `calc` for `given` (input id → decimal string). */
function outcomeOf(calc: Calc, given: Record<string, string>): { notApplicable: string | undefined } | { value: Fraction } | { failure: string } {
    const results = new Map<string, Result | Failure>();
    const number = (r: Result): Fraction => { if (r === ABSENT) throw new Failure('absent'); return r; };
    const evaluate = (e: Expr): Result => {
        switch (e.op) {
            case 'number': return Fraction.read(e.value!);
            case 'input': {
                const input = calc.inputs.find(i => i.id === e.name);
                if (!input) throw new Failure('unknown input');
                if (given[e.name!] !== undefined) return Fraction.read(given[e.name!]);
                if (input.optional) return ABSENT;
                throw new Failure('missing input');
            }
            case 'value': {
                const r = results.get(e.name!);
                if (r === undefined) throw new Failure('unknown value');
                if (r instanceof Failure) throw r;
                return r;
            }
            case 'add': return number(evaluate(e.left!)).plus(number(evaluate(e.right!)));
            case 'subtract': return number(evaluate(e.left!)).minus(number(evaluate(e.right!)));
            case 'multiply': return number(evaluate(e.left!)).times(number(evaluate(e.right!)));
            case 'divide': {
                const left = number(evaluate(e.left!));
                const right = number(evaluate(e.right!));
                if (right.n === 0n) throw new Failure('division by zero');
                return left.over(right);
            }
            case 'negate': {
                const operand = number(evaluate(e.operand!));
                return new Fraction(-operand.n, operand.d);
            }
            case 'minimum':
            case 'maximum': {
                const present = e.arguments!.map(evaluate).filter((r): r is Fraction => r !== ABSENT);
                if (present.length === 0) throw new Failure('nothing left');
                return present.reduce((best, x) => (e.op === 'minimum' ? x.cmp(best) < 0 : x.cmp(best) > 0) ? x : best);
            }
            case 'round': return number(evaluate(e.operand!)).rounded(e.decimals!);
            case 'if': {
                if (holds(e.condition!)) return evaluate(e.then!);
                if (!e.else) throw new Failure('no else');
                return evaluate(e.else);
            }
            default: throw new Error(`op ${e.op} is not in the documentation`);
        }
    };
    const holds = (c: Cond): boolean => {
        if (c.op === 'and') return holds(c.left as Cond) && holds(c.right as Cond);
        if (c.op === 'or') return holds(c.left as Cond) || holds(c.right as Cond);
        const order = number(evaluate(c.left as Expr)).cmp(number(evaluate(c.right as Expr)));
        return { '<': order < 0, '<=': order <= 0, '>': order > 0, '>=': order >= 0, '=': order === 0, '!=': order !== 0 }[c.operator!]!;
    };
    // Rule 4: each value once, after those it uses (written order does not matter).
    const pending = [...calc.values];
    while (pending.length > 0) {
        const index = pending.findIndex(v => usedValues(v.expression).every(n => results.has(n) || !calc.values.some(w => w.id === n)));
        if (index < 0) throw new Error('a cycle in a checked export');
        const [v] = pending.splice(index, 1);
        try {
            results.set(v.id, evaluate(v.expression));
        } catch (e) {
            if (!(e instanceof Failure)) throw e;
            results.set(v.id, e);
        }
    }
    try {
        for (const rule of calc.notApplicable) if (holds(rule.condition)) return { notApplicable: rule.reason };
        if (!calc.outcome) return { failure: 'no outcome' };
        return { value: number(evaluate(calc.outcome.expression)) };
    } catch (e) {
        if (e instanceof Failure) return { failure: e.message };
        throw e;
    }
}

function usedValues(e: Expr | Cond): string[] {
    const expr = e as Expr;
    if (expr.op === 'value') return [expr.name!];
    const parts: Array<Expr | Cond | undefined> = [expr.left, expr.right, expr.operand, expr.then, expr.else, expr.condition, ...(expr.arguments ?? [])];
    return parts.flatMap(p => p ? usedValues(p) : []);
}

// ------------------------------------------------------------------ the examples, from JSON alone

const root = path.resolve(__dirname, '../../../examples');
const schema = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../docs/schema/handreiking.schema.json'), 'utf-8'));

describe('an evaluator written from the documentation reproduces the examples from the JSON alone', () => {
    const services = createTestServices();
    let text: string;
    beforeAll(async () => {
        await validateFiles(services, Object.fromEntries(exampleFiles(root).map(f => [path.relative(root, f), fs.readFileSync(f, 'utf-8')])));
        text = serializeJson(exportWorkspaceJson(services, '/ws'));
    });
    afterAll(() => clearAll(services));

    test('the exported JSON is valid against the published schema', () => {
        const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
        const valid = validate(JSON.parse(text));
        expect(validate.errors ?? []).toEqual([]);
        expect(valid).toBe(true);
    });

    test('every scenario of every calculation comes out as expected, and the SOO has one per test vector', () => {
        const json = JSON.parse(text) as { calculations: Calc[]; calculationScenarios: Array<{ name: string; calculation: string; inputs: Array<{ input: string; value: string }>; expected: { kind: string; value?: string } }> };
        expect(json.calculations.map(c => c.id)).toContain('SooBijdrage');
        const checked: string[] = [];
        for (const scenario of json.calculationScenarios) {
            const calc = json.calculations.find(c => c.id === scenario.calculation)!;
            const given = Object.fromEntries(scenario.inputs.map(i => [i.input, i.value]));
            const outcome = outcomeOf(calc, given);
            const shown = 'value' in outcome ? `value ${decimal(outcome.value)}` : 'notApplicable' in outcome ? 'notApplicable' : `failure ${outcome.failure}`;
            expect(shown, scenario.name).toBe(scenario.expected.kind === 'value' ? `value ${scenario.expected.value}` : 'notApplicable');
            checked.push(`${scenario.calculation}: ${Object.values(given).join(', ')} → ${shown}`);
        }
        // The guide's test vectors (digest of public facts): 30 m², 16 → 75 000; 45, 16 → 100 000; 40, 20 → 100 000;
        // 60, 40 → 150 000; 60, 40, building cost 120 000 → 120 000; 70, 51 → 175 000; 4 homes → not eligible.
        expect(checked.filter(c => c.startsWith('SooBijdrage'))).toEqual([
            'SooBijdrage: 30, 16 → value 75000',
            'SooBijdrage: 45, 16 → value 100000',
            'SooBijdrage: 40, 20 → value 100000',
            'SooBijdrage: 60, 40 → value 150000',
            'SooBijdrage: 60, 40, 120000 → value 120000',
            'SooBijdrage: 70, 51 → value 175000',
            'SooBijdrage: 30, 4 → notApplicable'
        ]);
    });

    test('on random inputs it agrees with the toolkit\'s own evaluator (documentation and implementation do not drift apart)', () => {
        const json = JSON.parse(text) as { calculations: Calc[] };
        const decimalArb = fc.tuple(fc.integer({ min: -200, max: 100_000 }), fc.integer({ min: 0, max: 99 }))
            .map(([whole, cents]) => `${whole < 0 ? '-' : ''}${Math.abs(whole)}${cents ? `.${String(cents).padStart(2, '0')}` : ''}`);
        for (const calc of json.calculations) {
            const inputArb = fc.record(Object.fromEntries(calc.inputs.map(i => [i.id, i.optional ? fc.option(decimalArb, { nil: undefined }) : decimalArb])));
            fc.assert(fc.property(inputArb, given => {
                const defined = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) as Record<string, string>;
                const ours = outcomeOf(calc, defined);
                const theirs = evaluateCalculation(calc as never, new Map(Object.entries(defined).map(([k, v]) => [k, Rational.parseDecimal(v)!])));
                const a = 'value' in ours ? decimal(ours.value) : 'notApplicable' in ours ? `n/a ${ours.notApplicable ?? ''}` : 'failure';
                const b = theirs.status === 'value' ? theirs.quantity.value.toDecimal() : theirs.status === 'notApplicable' ? `n/a ${theirs.reason ?? ''}` : 'failure';
                expect(a).toBe(b);
            }), { seed: 16, numRuns: 500 });
        }
    });
});

/** A fraction with a finite decimal as a decimal string (the examples' outcomes all are). */
function decimal(f: Fraction): string {
    for (let k = 0, scale = 1n; k <= 40; k++, scale *= 10n) {
        if ((f.n * scale) % f.d !== 0n) continue;
        const scaled = (f.n * scale) / f.d;
        const digits = (scaled < 0n ? -scaled : scaled).toString().padStart(k + 1, '0');
        const fraction = digits.slice(digits.length - k);
        return `${scaled < 0n ? '-' : ''}${digits.slice(0, digits.length - k)}${fraction ? `.${fraction}` : ''}`;
    }
    return `${f.n}/${f.d}`;
}
