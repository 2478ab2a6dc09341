/**
 * Units of a calculation: powers of euro and m². `2500 euro per m2 * 45 m2` is euro; euro plus m²
 * is an error (HRK071). A unit changes no value (there are no conversions): it is checked, and
 * shown beside the number. No dependencies, so browser code can import it.
 */
import type { UnitName } from '../generation/json/handreiking-json.js';

/** The exponents of euro and m²: euro per m² is `{ euro: 1, m2: -1 }`, a plain number `{ euro: 0, m2: 0 }`. */
export interface Unit {
    readonly euro: number;
    readonly m2: number;
}

export type { UnitName };

export const PLAIN: Unit = { euro: 0, m2: 0 };

const base: Record<string, Unit> = { euro: { euro: 1, m2: 0 }, m2: { euro: 0, m2: 1 } };

/** The unit of `teller per noemer` as written (`euro`, `m2`); without `teller`, a plain number. */
export function unitOf(teller: string | undefined, noemer?: string): Unit {
    const top = teller ? base[teller] ?? PLAIN : PLAIN;
    const bottom = noemer ? base[noemer] ?? PLAIN : PLAIN;
    return divideUnits(top, bottom);
}

/** The unit named in the JSON export; undefined (absent) is a plain number. */
export function unitFromName(name: UnitName | undefined): Unit {
    if (!name) return PLAIN;
    const [teller, noemer] = name.split(' per ');
    return unitOf(teller, noemer);
}

/** The JSON name of a unit, if it has one (undefined for a plain number and for units like m²·m²). */
export function unitName(unit: Unit): UnitName | undefined {
    const key = `${unit.euro},${unit.m2}`;
    switch (key) {
        case '1,0': return 'euro';
        case '0,1': return 'm2';
        case '1,-1': return 'euro per m2';
        case '-1,1': return 'm2 per euro';
        default: return undefined;
    }
}

export function multiplyUnits(a: Unit, b: Unit): Unit {
    return { euro: a.euro + b.euro, m2: a.m2 + b.m2 };
}

export function divideUnits(a: Unit, b: Unit): Unit {
    return { euro: a.euro - b.euro, m2: a.m2 - b.m2 };
}

export function sameUnit(a: Unit, b: Unit): boolean {
    return a.euro === b.euro && a.m2 === b.m2;
}

export function isPlain(unit: Unit): boolean {
    return unit.euro === 0 && unit.m2 === 0;
}

/**
 * The unit as an editor writes it: `euro`, `m2`, `euro per m2`, or `getal` for a plain number; other
 * powers (which no declaration can have) as a product, `m2 × m2`.
 */
export function unitSource(unit: Unit): string {
    if (isPlain(unit)) return 'getal';
    const named = unitName(unit);
    if (named) return named;
    const factors = (power: number, word: string) => Array.from({ length: Math.abs(power) }, () => word);
    const top = [...(unit.euro > 0 ? factors(unit.euro, 'euro') : []), ...(unit.m2 > 0 ? factors(unit.m2, 'm2') : [])];
    const bottom = [...(unit.euro < 0 ? factors(unit.euro, 'euro') : []), ...(unit.m2 < 0 ? factors(unit.m2, 'm2') : [])];
    const topText = top.length > 0 ? top.join(' × ') : '1';
    return bottom.length > 0 ? `${topText} per ${bottom.join(' × ')}` : topText;
}
