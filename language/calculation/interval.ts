import { Rational } from './rational.js';

/**
 * Ranges of numbers, for the checks of a calculation: which values an expression can take given
 * what the conditions before it say (`niet van toepassing als woningen < 5` leaves `woningen >= 5`).
 * Every operation over-approximates: the true values always lie inside the range. So "the range
 * holds no zero" proves a division safe, and "no value in the range meets the condition" proves a
 * branch can never apply; the other way round the checks stay silent or ask for a guard.
 */

/** One end of a range; `open`: the end itself is not in the range. */
export interface Bound {
    value: Rational;
    open: boolean;
}

/** A range; an absent end is unbounded (−∞ or +∞). */
export interface Interval {
    lo?: Bound;
    hi?: Bound;
}

export const ANY: Interval = {};

export function point(value: Rational): Interval {
    return { lo: { value, open: false }, hi: { value, open: false } };
}

export function isEmpty(i: Interval): boolean {
    if (!i.lo || !i.hi) return false;
    const order = i.lo.value.compare(i.hi.value);
    return order > 0 || (order === 0 && (i.lo.open || i.hi.open));
}

/** The single value of a range of one number, if it is that. */
export function single(i: Interval): Rational | undefined {
    return i.lo && i.hi && !i.lo.open && !i.hi.open && i.lo.value.equals(i.hi.value) ? i.lo.value : undefined;
}

export function contains(i: Interval, value: Rational): boolean {
    if (i.lo) {
        const order = value.compare(i.lo.value);
        if (order < 0 || (order === 0 && i.lo.open)) return false;
    }
    if (i.hi) {
        const order = value.compare(i.hi.value);
        if (order > 0 || (order === 0 && i.hi.open)) return false;
    }
    return true;
}

/** The tighter of two lower ends (the higher one; at a tie, open). */
function tighterLo(a: Bound | undefined, b: Bound | undefined): Bound | undefined {
    if (!a) return b;
    if (!b) return a;
    const order = a.value.compare(b.value);
    return order > 0 ? a : order < 0 ? b : { value: a.value, open: a.open || b.open };
}

function tighterHi(a: Bound | undefined, b: Bound | undefined): Bound | undefined {
    if (!a) return b;
    if (!b) return a;
    const order = a.value.compare(b.value);
    return order < 0 ? a : order > 0 ? b : { value: a.value, open: a.open || b.open };
}

/** The looser of two lower ends (the lower one; at a tie, closed); unbounded wins. */
function looserLo(a: Bound | undefined, b: Bound | undefined): Bound | undefined {
    if (!a || !b) return undefined;
    const order = a.value.compare(b.value);
    return order < 0 ? a : order > 0 ? b : { value: a.value, open: a.open && b.open };
}

function looserHi(a: Bound | undefined, b: Bound | undefined): Bound | undefined {
    if (!a || !b) return undefined;
    const order = a.value.compare(b.value);
    return order > 0 ? a : order < 0 ? b : { value: a.value, open: a.open && b.open };
}

export function intersect(a: Interval, b: Interval): Interval {
    return { ...optional('lo', tighterLo(a.lo, b.lo)), ...optional('hi', tighterHi(a.hi, b.hi)) };
}

/** The smallest range holding both. */
export function hull(a: Interval, b: Interval): Interval {
    if (isEmpty(a)) return b;
    if (isEmpty(b)) return a;
    return { ...optional('lo', looserLo(a.lo, b.lo)), ...optional('hi', looserHi(a.hi, b.hi)) };
}

function optional<K extends 'lo' | 'hi'>(key: K, bound: Bound | undefined): Partial<Record<K, Bound>> {
    return bound ? { [key]: bound } as Record<K, Bound> : {};
}

export function negate(i: Interval): Interval {
    return {
        ...optional('lo', i.hi && { value: i.hi.value.negate(), open: i.hi.open }),
        ...optional('hi', i.lo && { value: i.lo.value.negate(), open: i.lo.open })
    };
}

export function add(a: Interval, b: Interval): Interval {
    const lo = a.lo && b.lo ? { value: a.lo.value.add(b.lo.value), open: a.lo.open || b.lo.open } : undefined;
    const hi = a.hi && b.hi ? { value: a.hi.value.add(b.hi.value), open: a.hi.open || b.hi.open } : undefined;
    return { ...optional('lo', lo), ...optional('hi', hi) };
}

export function subtract(a: Interval, b: Interval): Interval {
    return add(a, negate(b));
}

/** An end of a range as an extended number: a value, or −∞/+∞. */
type End = { value: Rational; open: boolean } | { infinite: -1 | 1 };

function ends(i: Interval): [End, End] {
    return [i.lo ?? { infinite: -1 }, i.hi ?? { infinite: 1 }];
}

function sign(e: End): -1 | 0 | 1 {
    if ('infinite' in e) return e.infinite;
    return e.value.compare(Rational.ZERO);
}

/** The product of two ends: ∞ times a non-zero number is ∞ of the right sign, ∞ times 0 is 0. */
function multiplyEnds(a: End, b: End): End {
    if ('infinite' in a || 'infinite' in b) {
        const s = sign(a) * sign(b);
        return s === 0 ? { value: Rational.ZERO, open: false } : { infinite: s as -1 | 1 };
    }
    const value = a.value.multiply(b.value);
    // An open end times zero is still exactly zero, never reached or not: keep it open only when both matter.
    const open = (a.open && !b.value.isZero()) || (b.open && !a.value.isZero());
    return { value, open };
}

function compareEnds(a: End, b: End): number {
    if ('infinite' in a) return 'infinite' in b ? a.infinite - b.infinite : a.infinite;
    if ('infinite' in b) return -b.infinite;
    return a.value.compare(b.value);
}

export function multiply(a: Interval, b: Interval): Interval {
    if (isEmpty(a) || isEmpty(b)) return a;
    const [alo, ahi] = ends(a);
    const [blo, bhi] = ends(b);
    const candidates = [multiplyEnds(alo, blo), multiplyEnds(alo, bhi), multiplyEnds(ahi, blo), multiplyEnds(ahi, bhi)];
    let lo = candidates[0];
    let hi = candidates[0];
    for (const c of candidates.slice(1)) {
        const toLo = compareEnds(c, lo);
        if (toLo < 0 || (toLo === 0 && !('infinite' in c) && !c.open)) lo = c;
        const toHi = compareEnds(c, hi);
        if (toHi > 0 || (toHi === 0 && !('infinite' in c) && !c.open)) hi = c;
    }
    return {
        ...optional('lo', 'infinite' in lo ? undefined : lo),
        ...optional('hi', 'infinite' in hi ? undefined : hi)
    };
}

/** Undefined when the divisor's range holds zero (the caller reports it; the result is then unbounded). */
export function divide(a: Interval, b: Interval): Interval | undefined {
    if (contains(b, Rational.ZERO)) return undefined;
    // b lies wholly on one side of zero: on either side 1/b runs from 1/hi to 1/lo, with
    // 1/±∞ = 0 (never reached) and 1/0 (an open end at zero) = ±∞.
    const reciprocal = (bound: Bound | undefined): Bound | undefined => {
        if (!bound) return { value: Rational.ZERO, open: true };
        if (bound.value.isZero()) return undefined;
        return { value: Rational.ONE.divide(bound.value)!, open: bound.open };
    };
    const inverse: Interval = { ...optional('lo', reciprocal(b.hi)), ...optional('hi', reciprocal(b.lo)) };
    return multiply(a, inverse);
}

/** `minimum` of arguments; an optional argument may be missing, so only required ones bound it from above. */
export function minimum(required: Interval[], optionalArgs: Interval[]): Interval {
    const all = [...required, ...optionalArgs];
    let lo: Bound | undefined = all[0]?.lo;
    for (const i of all.slice(1)) lo = looserLo(lo, i.lo);
    let hi: Bound | undefined;
    required.forEach((i, n) => { hi = n === 0 ? i.hi : tighterHi(hi, i.hi); });
    if (required.length === 0) hi = undefined;
    return { ...optional('lo', lo), ...optional('hi', hi) };
}

export function maximum(required: Interval[], optionalArgs: Interval[]): Interval {
    return negate(minimum(required.map(negate), optionalArgs.map(negate)));
}

/** `afronden` to `decimals` decimals moves a value by at most half a unit of the last decimal. */
export function round(i: Interval, decimals: number): Interval {
    const half = Rational.of(5n, 10n ** BigInt(decimals + 1));
    return {
        ...optional('lo', i.lo && { value: i.lo.value.subtract(half), open: false }),
        ...optional('hi', i.hi && { value: i.hi.value.add(half), open: false })
    };
}

export type Comparison = '<' | '<=' | '>' | '>=' | '=' | '!=';

/** Whether some `l` in `a` and `r` in `b` satisfy `l op r`. */
export function canHold(op: Comparison, a: Interval, b: Interval): boolean {
    if (isEmpty(a) || isEmpty(b)) return false;
    switch (op) {
        case '<': return below(a.lo, b.hi, true);
        case '<=': return below(a.lo, b.hi, false);
        case '>': return below(b.lo, a.hi, true);
        case '>=': return below(b.lo, a.hi, false);
        case '=': return !isEmpty(intersect(a, b));
        case '!=': {
            const x = single(a);
            const y = single(b);
            return !(x && y && x.equals(y));
        }
    }
}

/** Whether a value at or above `lo` can lie below (or, not strict, at) a value at or below `hi`. */
function below(lo: Bound | undefined, hi: Bound | undefined, strict: boolean): boolean {
    if (!lo || !hi) return true;
    const order = lo.value.compare(hi.value);
    if (order < 0) return true;
    if (order > 0) return false;
    return !strict && !lo.open && !hi.open;
}

/** The comparison that holds exactly when `op` does not. */
export function opposite(op: Comparison): Comparison {
    const map: Record<Comparison, Comparison> = { '<': '>=', '<=': '>', '>': '<=', '>=': '<', '=': '!=', '!=': '=' };
    return map[op];
}

/** The comparison seen from the other side: `a < b` is `b > a`. */
export function mirrored(op: Comparison): Comparison {
    const map: Record<Comparison, Comparison> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '=': '=', '!=': '!=' };
    return map[op];
}

/** What `x op r`, with `r` somewhere in `other`, says about `x`: the range x must then lie in. */
export function constraint(op: Comparison, other: Interval): Interval {
    switch (op) {
        case '<': return other.hi ? { hi: { value: other.hi.value, open: true } } : ANY;
        case '<=': return other.hi ? { hi: other.hi } : ANY;
        case '>': return other.lo ? { lo: { value: other.lo.value, open: true } } : ANY;
        case '>=': return other.lo ? { lo: other.lo } : ANY;
        case '=': return other;
        case '!=': return ANY;
    }
}
