import { MAX_NUMBER_LENGTH, Rational } from './rational.js';

/**
 * A number as a reader types it in the rekenhulp of the HTML guide: `45`, `2,5`, `100.000`,
 * `1.000.000,25`, or grouped with spaces as the guide writes its amounts (`100 000`); a `-` in
 * front for a negative number. Anything else gets a short Dutch sentence that says what to type
 * instead. Pure: the browser app imports it.
 */
export type DutchInput = { value: Rational } | { empty: true } | { problem: string };

export function readDutchNumber(text: string): DutchInput {
    const trimmed = text.trim();
    if (trimmed === '') return { empty: true };
    if (trimmed.length > MAX_NUMBER_LENGTH) return { problem: 'Dit getal is te lang.' };
    const negative = /^[-−]/.test(trimmed);
    // Spaces (also no-break and narrow ones) only between groups of three digits: `100 000`.
    const body = (negative ? trimmed.slice(1).trimStart() : trimmed).replace(/(?<=\d)[ \u00a0\u202f](?=\d{3}(?:\D|$))/g, '.');
    const value = Rational.parseDutch(body, negative);
    if (value) return { value };
    if (/^\d+\.\d{1,2}$|^\d+\.\d{4,}$/.test(body)) return { problem: `Gebruik een komma voor decimalen, bijvoorbeeld ${body.replace('.', ',')}.` };
    if (/\d/.test(body) && /[€a-zA-Z²%]/.test(body)) return { problem: 'Vul alleen een getal in, zonder eenheid of euroteken, bijvoorbeeld 45 of 2,5.' };
    return { problem: 'Dit is geen getal. Schrijf bijvoorbeeld 45, 2,5 of 100.000.' };
}
