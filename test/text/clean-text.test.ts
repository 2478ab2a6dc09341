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
});
