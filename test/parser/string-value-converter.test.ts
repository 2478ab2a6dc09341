import fc from 'fast-check';
import { ValueConverter } from 'langium';
import { describe, expect, test } from 'vitest';
import { convertString, HandreikingValueConverter } from '../../language/parser/string-value-converter.js';
import { createTestServices, validator } from '../helpers.js';

/**
 * A STRING's value is taken from slices of its token (language/parser/string-value-converter.ts)
 * instead of Langium's one character at a time: the value must be Langium's, character for
 * character, for every token the lexer can give and for text no token has.
 */

const tricky = [
    '', '"', '""', '"a"', '"\\"', '"\\\\"', '"a\\', '\\', '"\\n"', '"\\b\\f\\n\\r\\t\\v\\0"', '"\\q\\"\\\\\\/"',
    '"ab\\"', '"\\"ab"', '"line\\nline"', '"één — “quoted” 😀"', '"\\😀"', '"a\\\\\\"b"', '"' + 'x'.repeat(5000) + '\\t' + 'y'.repeat(5000) + '"',
    '"twaalf tekens\\n en meer dan dertien"'
];

describe('the value of a STRING token', () => {
    test.each(tricky)('%j is what Langium makes of it', input => {
        expect(convertString(input)).toBe(ValueConverter.convertString(input));
    });

    test('any text, with quotes, backslashes and escape letters thick on the ground, is what Langium makes of it', () => {
        const char = fc.oneof(fc.constantFrom('\\', '"', 'n', 't', 'b', '0', 'v', 'x', ' ', 'é', '😀'), fc.string({ maxLength: 1, unit: 'grapheme' }));
        fc.assert(fc.property(fc.array(char, { maxLength: 60 }).map(cs => cs.join('')), input => {
            expect(convertString(input)).toBe(ValueConverter.convertString(input));
        }), { seed: 20261205, numRuns: 5000 });
    });

    test('every token the STRING terminal matches is what Langium makes of it', () => {
        const inside = fc.oneof(fc.stringMatching(/^[^"\\]$/), fc.stringMatching(/^\\[\s\S]$/));
        fc.assert(fc.property(fc.array(inside, { maxLength: 40 }).map(parts => `"${parts.join('')}"`), token => {
            expect(token).toMatch(/^"[^"\\]*(?:\\.[^"\\]*)*"$/s);
            expect(convertString(token)).toBe(ValueConverter.convertString(token));
        }), { seed: 20261205, numRuns: 3000 });
    });

    test('the language uses it: an escaped text in a file reads back with its escapes replaced', async () => {
        const services = createTestServices();
        expect(services.parser.ValueConverter).toBeInstanceOf(HandreikingValueConverter);
        const result = await validator(services)('kenmerk Schaal "Schaal van \\"de\\"\\truimte" { "klein" }');
        const kenmerk = result.document.parseResult.value.elementen[0] as unknown as { titel: string };
        expect(result.document.parseResult.lexerErrors).toEqual([]);
        expect(result.document.parseResult.parserErrors).toEqual([]);
        expect(kenmerk.titel).toBe('Schaal van "de"\truimte');
    });
});
