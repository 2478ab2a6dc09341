/**
 * Optimal string alignment distance (Damerau–Levenshtein with adjacent swaps), case-insensitive:
 * editors misspell by swapping letters ("Onenigehid") as often as by missing one.
 */
export function editDistance(a: string, b: string): number {
    const s = a.toLowerCase();
    const t = b.toLowerCase();
    const d: number[][] = Array.from({ length: s.length + 1 }, (_, i) => [i, ...new Array<number>(t.length).fill(0)]);
    for (let j = 1; j <= t.length; j++) d[0][j] = j;
    for (let i = 1; i <= s.length; i++) {
        for (let j = 1; j <= t.length; j++) {
            const cost = s[i - 1] === t[j - 1] ? 0 : 1;
            d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
            if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
                d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
            }
        }
    }
    return d[s.length][t.length];
}

/**
 * The candidates closest to `name`, best first: at most `max`, and only those close enough to be
 * a plausible misspelling (a third of the length, at least 2 edits) or sharing a prefix.
 */
export function closestNames(name: string, candidates: Iterable<string>, max = 3): string[] {
    const limit = Math.max(2, Math.floor(name.length / 3));
    const scored: Array<{ candidate: string; score: number }> = [];
    const seen = new Set<string>();
    for (const candidate of candidates) {
        if (seen.has(candidate) || candidate === name) continue;
        seen.add(candidate);
        const distance = editDistance(name, candidate);
        const prefix = name.length >= 3 && candidate.toLowerCase().startsWith(name.toLowerCase());
        if (distance <= limit || prefix) scored.push({ candidate, score: prefix ? Math.min(distance, limit) : distance });
    }
    scored.sort((x, y) => x.score - y.score || x.candidate.localeCompare(y.candidate));
    return scored.slice(0, max).map(s => s.candidate);
}
