import { describe, expect, test } from 'vitest';
import { MAX_SOURCE_BYTES, tooLargeToCheck } from '../../language/files/source-limits.js';

/** The editor's texts are measured in UTF-8 bytes, as the files on disk are. */
describe('tooLargeToCheck', () => {
    test('counts UTF-8 bytes: 1 for ASCII, 2 for é, 3 for €, 4 for an emoji (a surrogate pair)', () => {
        expect(tooLargeToCheck('a'.repeat(MAX_SOURCE_BYTES))).toBe(false);
        expect(tooLargeToCheck('a'.repeat(MAX_SOURCE_BYTES + 1))).toBe(true);
        expect(tooLargeToCheck('é'.repeat(MAX_SOURCE_BYTES / 2))).toBe(false);
        expect(tooLargeToCheck(`${'é'.repeat(MAX_SOURCE_BYTES / 2)}a`)).toBe(true);
        const euros = Math.floor(MAX_SOURCE_BYTES / 3);
        expect(tooLargeToCheck(`${'€'.repeat(euros)}a`)).toBe(false);
        expect(tooLargeToCheck(`${'€'.repeat(euros)}aa`)).toBe(true);
        expect(tooLargeToCheck('😀'.repeat(MAX_SOURCE_BYTES / 4))).toBe(false);
        expect(tooLargeToCheck(`${'😀'.repeat(MAX_SOURCE_BYTES / 4)}a`)).toBe(true);
    });
});
