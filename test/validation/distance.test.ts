import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { closestNames, editDistance, MAX_SUGGESTION_NAME_LENGTH, suggestionBudget } from '../../language/validation/distance.js';

/** The whole table, as the distance was computed before it was banded: the reference to agree with. */
function fullTable(a: string, b: string): number {
    const s = a.toLowerCase();
    const t = b.toLowerCase();
    const d = Array.from({ length: s.length + 1 }, (_, i) => Array.from({ length: t.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i <= s.length; i++) {
        for (let j = 1; j <= t.length; j++) {
            d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (s[i - 1] === t[j - 1] ? 0 : 1));
            if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[s.length][t.length];
}

// Few letters, so that random names share letters, swaps and prefixes.
const nameArb = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'A', 'd'), maxLength: 14 });

describe('the edit distance', () => {
    test('counts a swap of neighbours as one edit, and ignores case', () => {
        expect(editDistance('Onenigheid', 'Onenigehid')).toBe(1);
        expect(editDistance('HUISKAMER', 'huiskamer')).toBe(0);
        expect(editDistance('Stop', 'Stopp')).toBe(1);
    });

    test('agrees with the whole table on any two names', () => {
        fc.assert(fc.property(nameArb, nameArb, (a, b) => {
            expect(editDistance(a, b)).toBe(fullTable(a, b));
        }), { seed: 7, numRuns: 2000 });
    });

    test('banded to a maximum, it gives the distance up to it and max + 1 beyond it', () => {
        fc.assert(fc.property(nameArb, nameArb, fc.integer({ min: 0, max: 6 }), (a, b, max) => {
            expect(editDistance(a, b, max)).toBe(Math.min(fullTable(a, b), max + 1));
        }), { seed: 8, numRuns: 3000 });
    });
});

describe('"did you mean" is bounded (found: two names of 30 000 letters took gigabytes)', () => {
    test(`a name longer than ${MAX_SUGGESTION_NAME_LENGTH} characters is compared with nothing`, () => {
        const budget = suggestionBudget();
        const before = budget.steps;
        expect(closestNames('B' + 'y'.repeat(30_000), ['A' + 'x'.repeat(30_000), 'B' + 'y'.repeat(29_999)], 3, budget)).toEqual([]);
        expect(budget.steps).toBe(before);
    });

    test('a long candidate costs a step per character and is not offered', () => {
        const budget = suggestionBudget();
        const before = budget.steps;
        expect(closestNames('Byy', ['Byy' + 'y'.repeat(30_000), 'Bxy'], 3, budget)).toEqual(['Bxy']);
        // 30 003 characters and one, then 3 + 1 and a band of 5 over 3 characters.
        expect(before - budget.steps).toBe(30_004 + 4 + 15);
    });

    test('a candidate whose length alone is too far off gets no table', () => {
        const budget = suggestionBudget();
        const before = budget.steps;
        expect(closestNames('Onenigheid', ['O'.repeat(60), 'Onenigheid'.repeat(5)], 3, budget)).toEqual(['OnenigheidOnenigheidOnenigheidOnenigheidOnenigheid']);
        // Only the characters looked at: 60 + 1 and 50 + 1.
        expect(before - budget.steps).toBe(112);
    });

    test('the candidates are read only as far as the budget goes, and the work never exceeds it', () => {
        let read = 0;
        function* many(): Generator<string> {
            for (let i = 0; i < 1_000_000; i++) {
                read++;
                yield `Naam${String(i).padStart(6, '0')}x`;
            }
        }
        const budget = suggestionBudget(100_000);
        closestNames('Naam000000y', many(), 3, budget);
        expect(read).toBeLessThan(2_000);
        // The last candidate's cost is taken before it is compared: at most one candidate over.
        expect(budget.steps).toBeGreaterThan(-(12 + 11 * 9));
    });

    test('within the budget, suggestions are as before: the closest first, a shared prefix counts', () => {
        expect(closestNames('Stopp', ['Stop', 'Start', 'Advies'])).toEqual(['Stop']);
        expect(closestNames('Huis', ['Huiskamer', 'Huiskamers', 'Buis'])).toEqual(['Buis', 'Huiskamer', 'Huiskamers']);
        expect(closestNames('Onenigehid', ['Onenigheid', 'Eenheid'])).toEqual(['Onenigheid']);
    });
});
