import { describe, expect, test } from 'vitest';
import { formatNumber, formatQuantity } from '../../language/calculation/format.js';
import { MAX_BITS, MAX_NUMBER_LENGTH, Rational } from '../../language/calculation/rational.js';
import { unitOf } from '../../language/calculation/units.js';

const r = (text: string) => Rational.parseDecimal(text)!;

describe('exact numbers', () => {
    test('no floating-point surprises: 0,1 + 0,2 is 0,3, and a third times three is one again', () => {
        expect(r('0.1').add(r('0.2')).toDecimal()).toBe('0.3');
        expect(r('100').divide(r('3'))!.multiply(r('3')).toDecimal()).toBe('100');
        expect(r('1.15').multiply(r('100')).toDecimal()).toBe('115');
    });

    test('numbers as an editor writes them: a decimal comma and points between groups of three', () => {
        expect(Rational.parseDutch('100.000')!.toDecimal()).toBe('100000');
        expect(Rational.parseDutch('2,5')!.toDecimal()).toBe('2.5');
        expect(Rational.parseDutch('1.000.000,25')!.toDecimal()).toBe('1000000.25');
        expect(Rational.parseDutch('45', true)!.toDecimal()).toBe('-45');
        // One point and not three digits: no grouping, so not a number (the lexer gives a syntax error).
        expect(Rational.parseDutch('1.5')).toBeUndefined();
        expect(Rational.parseDutch('2,5,5')).toBeUndefined();
    });

    test('the JSON form: digits with a point, nothing else', () => {
        expect(r('-0.50').toDecimal()).toBe('-0.5');
        for (const bad of ['1e5', '1,5', '.5', '5.', '+5', ' 5', '0x10']) expect(Rational.parseDecimal(bad), bad).toBeUndefined();
        expect(Rational.parseDecimal('9'.repeat(MAX_NUMBER_LENGTH + 1))).toBeUndefined();
    });

    test('afronden rounds halves away from zero', () => {
        expect(r('2.5').round(0).toDecimal()).toBe('3');
        expect(r('-2.5').round(0).toDecimal()).toBe('-3');
        expect(r('2.4999').round(0).toDecimal()).toBe('2');
        expect(r('1').divide(r('3'))!.round(2).toDecimal()).toBe('0.33');
        expect(r('2').divide(r('3'))!.round(2).toDecimal()).toBe('0.67');
        expect(r('0.125').round(2).toDecimal()).toBe('0.13');
    });

    test('a value without end has no exact decimal, and division by zero has no value', () => {
        expect(r('1').divide(r('3'))!.toDecimal()).toBeUndefined();
        expect(r('1').divide(Rational.ZERO)).toBeUndefined();
    });

    test('numbers past the size limit are too large', () => {
        let n = r('10');
        let squarings = 0;
        while (!n.tooLarge()) {
            n = n.multiply(n);
            squarings++;
        }
        expect(squarings).toBeLessThan(12);
        expect(n.num.toString(2).length).toBeGreaterThan(MAX_BITS);
    });
});

describe('amounts as the guide writes them', () => {
    test('Dutch: a space between groups of three, a decimal comma; the unit as a reader writes it', () => {
        expect(formatQuantity({ value: r('100000'), unit: unitOf('euro') }, 'nl')).toBe('€ 100 000');
        expect(formatQuantity({ value: r('2500'), unit: unitOf('euro', 'm2') }, 'nl')).toBe('€ 2 500 per m²');
        expect(formatQuantity({ value: r('45'), unit: unitOf('m2') }, 'nl')).toBe('45 m²');
        expect(formatQuantity({ value: r('16'), unit: unitOf(undefined) }, 'nl')).toBe('16');
        expect(formatNumber(r('1234567.5'), 'nl')).toBe('1 234 567,5');
        expect(formatNumber(r('-12.25'), 'nl')).toBe('-12,25');
    });

    test('English: commas between groups, a decimal point', () => {
        expect(formatQuantity({ value: r('112500'), unit: unitOf('euro') }, 'en')).toBe('€ 112,500');
        expect(formatNumber(r('0.5'), 'en')).toBe('0.5');
    });

    test('a value without end is shown rounded, after ≈', () => {
        expect(formatNumber(r('100').divide(r('3'))!, 'nl')).toBe('≈ 33,333333');
    });
});
