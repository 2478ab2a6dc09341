import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { cleanText } from '../../language/text/clean-text.js';

describe('cleaning', () => {
    test('bidi embeddings, overrides, isolates and marks are removed', () => {
        expect(cleanText('a\u202Eb\u202Cc\u2066d\u2069e\u200Ff\u061Cg\u202Ah\u202Bi\u202Dj')).toBe('abcdefghij');
    });

    test('control characters are removed, line breaks normalised, tabs become spaces', () => {
        expect(cleanText('a\u0000b\u0007c\u001Bd\u007Fe\u009Bf')).toBe('abcdef');
        expect(cleanText('1\r\n2\r3\u20284\u20295\u00856\u000B7\t8')).toBe('1\n2\n3\n4\n5\n6\n7 8');
    });

    test('a lone surrogate becomes the replacement character; a pair stays', () => {
        expect(cleanText('x\uD800y\uDC00z😀')).toBe('x\uFFFDy\uFFFDz😀');
    });

    test('a text with nothing to clean is returned as it is, and the quick way gives what the five replacements give', () => {
        // The five replacements, each over the whole text: what cleanText did before it first looked for anything to clean.
        const everyPass = (text: string) => text
            .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
            .replace(/\r\n|[\r\u000B\u000C\u0085\u2028\u2029]/g, '\n')
            .replace(/\t/g, ' ')
            .replace(/[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/g, '')
            .replace(/[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '');
        const plain = 'Is er sprake van een beheergroep? Zorg voor koffie — één keer per week.';
        expect(cleanText(plain)).toBe(plain);
        const special = fc.constantFrom('\u0000', '\t', '\n', '\r', '\u000B', '\u0085', '\u009F', '\u061C', '\u200E', '\u202E', '\u2028', '\u2069', '\uD83D', '\uDE00', '😀', 'é', ' ');
        const text = fc.array(fc.oneof(fc.string({ unit: 'grapheme-composite' }), fc.string({ unit: 'binary' }), special), { maxLength: 12 }).map(parts => parts.join(''));
        fc.assert(fc.property(text, t => cleanText(t) === everyPass(t)), { numRuns: 2000 });
    });
});
