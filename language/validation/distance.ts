import { compareText } from '../text/collation.js';

/**
 * Names longer than this get no "did you mean", and are offered as none: nobody misspells a name of
 * a hundred characters by a letter or two, and comparing two names of 30 000 characters took a
 * table of 900 million cells (gigabytes, then an out-of-memory crash of the CLI and the server).
 */
export const MAX_SUGGESTION_NAME_LENGTH = 100;

/**
 * How much work all suggestions of one document (or one call) may do, in steps: a step is a cell of
 * a distance table or a character of a candidate looked at. Without a bound, a file of tens of
 * thousands of names and hundreds of unknown ones compares each with each. This is at most a few
 * tenths of a second; a real guide with a few hundred names and some misspellings uses a small part
 * of it (a lookup among a thousand names of about a dozen letters takes some 70 000 steps).
 * When it runs out, the remaining candidates are not considered.
 */
export const MAX_SUGGESTION_STEPS = 10_000_000;

/** What is left of the suggestion work of one document; shared by all its lookups. */
export interface SuggestionBudget {
    steps: number;
}

export function suggestionBudget(steps = MAX_SUGGESTION_STEPS): SuggestionBudget {
    return { steps };
}

/**
 * Optimal string alignment distance (Damerau–Levenshtein with adjacent swaps), case-insensitive:
 * editors misspell by swapping letters ("Onenigehid") as often as by missing one.
 *
 * With `max`, only the band of the table within `max` of its diagonal is computed (Ukkonen), and
 * the answer is `max + 1` as soon as it must exceed `max`: time `min(|a|, |b|) × (2·max + 1)` and
 * memory three rows, instead of `|a| × |b|` for the whole table.
 */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
    let s = a.toLowerCase();
    let t = b.toLowerCase();
    // The distance is symmetric; let `t` be the longer, so the rows are its length.
    if (s.length > t.length) [s, t] = [t, s];
    const n = s.length;
    const m = t.length;
    const k = Math.min(max, m);
    const beyond = k + 1;
    if (m - n > k) return beyond;
    let before = new Int32Array(m + 1);
    let previous = new Int32Array(m + 1);
    let current = new Int32Array(m + 1);
    for (let j = 0; j <= m; j++) previous[j] = j <= k ? j : beyond;
    let last = -1;
    for (let i = 1; i <= n; i++) {
        const from = Math.max(1, i - k);
        const to = Math.min(m, i + k);
        const c = s.charCodeAt(i - 1);
        current[0] = i <= k ? i : beyond;
        // The cells just outside the band count as "too far": the next row reads them.
        if (from > 1) current[from - 1] = beyond;
        let rowMin = current[0];
        let left = current[from - 1];
        let tPrevious = from > 1 ? t.charCodeAt(from - 2) : -1;
        for (let j = from; j <= to; j++) {
            const tc = t.charCodeAt(j - 1);
            let d = previous[j - 1] + (c === tc ? 0 : 1);
            const up = previous[j] + 1;
            if (up < d) d = up;
            if (left + 1 < d) d = left + 1;
            if (c === tPrevious && last === tc && j > 1) {
                const swap = before[j - 2] + 1;
                if (swap < d) d = swap;
            }
            if (d > beyond) d = beyond;
            current[j] = d;
            left = d;
            if (d < rowMin) rowMin = d;
            tPrevious = tc;
        }
        if (to < m) current[to + 1] = beyond;
        if (rowMin > k) return beyond;
        const spare = before;
        before = previous;
        previous = current;
        current = spare;
        last = c;
    }
    return Math.min(previous[m], beyond);
}

/**
 * The candidates closest to `name`, best first: at most `max`, and only those close enough to be
 * a plausible misspelling (a third of the length, at least 2 edits) or sharing a prefix.
 *
 * Bounded whatever the input: names longer than MAX_SUGGESTION_NAME_LENGTH are not compared, a
 * candidate whose length alone differs by more than the limit is skipped without a table, the
 * tables are banded, and the work is taken from `budget` (when it runs out, the candidates after
 * that point are not considered). `candidates` is read lazily, so a large scope is read only as
 * far as the budget goes.
 */
export function closestNames(name: string, candidates: Iterable<string>, max = 3, budget: SuggestionBudget = suggestionBudget()): string[] {
    if (name.length === 0 || name.length > MAX_SUGGESTION_NAME_LENGTH) return [];
    const wanted = name.toLowerCase();
    const limit = Math.max(2, Math.floor(name.length / 3));
    const scored: Array<{ candidate: string; score: number }> = [];
    const seen = new Set<string>();
    for (const candidate of candidates) {
        // Looking at a candidate costs a step per character (lower case, prefix), and at least one.
        budget.steps -= candidate.length + 1;
        if (budget.steps < 0) break;
        if (candidate.length > MAX_SUGGESTION_NAME_LENGTH || seen.has(candidate) || candidate === name) continue;
        seen.add(candidate);
        const lower = candidate.toLowerCase();
        const prefix = name.length >= 3 && lower.startsWith(wanted);
        if (Math.abs(lower.length - wanted.length) > limit) {
            // As many edits at least as the lengths differ: hopeless, unless it starts with the name.
            if (prefix) scored.push({ candidate, score: limit });
            continue;
        }
        budget.steps -= Math.min(lower.length, wanted.length) * (2 * limit + 1);
        if (budget.steps < 0) break;
        const distance = editDistance(wanted, lower, limit);
        if (distance <= limit || prefix) scored.push({ candidate, score: Math.min(distance, limit) });
    }
    scored.sort((x, y) => x.score - y.score || compareText(x.candidate, y.candidate));
    return scored.slice(0, max).map(s => s.candidate);
}
