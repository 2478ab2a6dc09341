import type { Lang } from '../i18n/locale.js';
import type { Quantity } from './evaluate.js';
import type { Rational } from './rational.js';
import { isPlain, unitName, unitSource, type Unit } from './units.js';

/**
 * Amounts as a reader of the guide writes them: `€ 100 000`, `45 m²`, `€ 2 500 per m²` (Dutch: a
 * space between groups of three digits, a decimal comma; English: `€ 100,000.5`). A value that is no
 * finite decimal (a third) is shown rounded, after `≈`. No dependencies, so browser code can use it.
 */

/** Decimals shown for a value that has no end. */
const APPROXIMATE_DECIMALS = 6;

export function formatNumber(value: Rational, lang: Lang): string {
    const exact = value.toDecimal();
    const decimal = exact ?? value.toApproximateDecimal(APPROXIMATE_DECIMALS);
    const negative = decimal.startsWith('-');
    const [whole, fraction] = (negative ? decimal.slice(1) : decimal).split('.');
    const group = lang === 'nl' ? ' ' : ',';
    const point = lang === 'nl' ? ',' : '.';
    // As the guide writes its amounts: € 2 500, € 100 000.
    const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
    const text = `${negative ? '-' : ''}${grouped}${fraction ? `${point}${fraction}` : ''}`;
    return exact === undefined ? `≈ ${text}` : text;
}

/** A number with its unit: `€ 100 000`, `45 m²`, `€ 2 500 per m²`, `16`. */
export function formatQuantity(quantity: Quantity, lang: Lang): string {
    return withUnit(formatNumber(quantity.value, lang), quantity.unit);
}

export function withUnit(number: string, unit: Unit): string {
    if (isPlain(unit)) return number;
    switch (unitName(unit)) {
        case 'euro': return `€ ${number}`;
        case 'm2': return `${number} m²`;
        case 'euro per m2': return `€ ${number} per m²`;
        case 'm2 per euro': return `${number} m² per euro`;
        default: return `${number} ${unitSource(unit).replace(/m2/g, 'm²')}`;
    }
}
