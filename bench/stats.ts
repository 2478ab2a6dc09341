/** Small helpers for honest figures: medians of repeated runs with their spread, wall time, formatting. */

/** A latency as the benchmark reports it: the median of `n` runs, and the fastest and slowest of them. */
export interface Spread {
    median: number;
    min: number;
    max: number;
    n: number;
}

export function median(values: readonly number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function spreadOf(values: readonly number[]): Spread {
    if (values.length === 0) return { median: Number.NaN, min: Number.NaN, max: Number.NaN, n: 0 };
    return { median: median(values), min: Math.min(...values), max: Math.max(...values), n: values.length };
}

/** Two latencies one after the other (e.g. edit → preview text, then update → redrawn): medians, minima and maxima add up. */
export function sumOf(a: Spread, b: Spread): Spread {
    return { median: a.median + b.median, min: a.min + b.min, max: a.max + b.max, n: Math.min(a.n, b.n) };
}

/**
 * Runs `action` `times` times (after one warm-up run unless `warmup` is false) and returns the
 * spread of the milliseconds. `action` may return its own duration (a number) when the part worth
 * timing is only part of it (a spawned process that times itself, a page that times itself).
 */
export async function sample(times: number, action: () => unknown, warmup = true): Promise<Spread> {
    if (warmup) await action();
    const samples: number[] = [];
    for (let i = 0; i < times; i++) {
        const start = performance.now();
        const own = await action();
        samples.push(typeof own === 'number' ? own : performance.now() - start);
    }
    return spreadOf(samples);
}

export function ms(value: number | undefined): string {
    if (value === undefined || Number.isNaN(value)) return '—';
    return value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(1)} ms`;
}

function bare(value: number): string {
    return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}

/** `320 ms (301–355)`: the median, then the fastest and slowest run. */
export function msSpread(s: Spread | undefined): string {
    if (!s || s.n === 0 || Number.isNaN(s.median)) return '—';
    return s.n > 1 ? `${ms(s.median)} (${bare(s.min)}–${bare(s.max)})` : ms(s.median);
}

export function ratio(value: number | undefined): string {
    if (value === undefined || !Number.isFinite(value)) return '—';
    return `${value >= 10 ? value.toFixed(0) : value.toFixed(2)}×`;
}

export function table(rows: string[][]): string {
    const widths = rows[0].map((_, c) => Math.max(...rows.map(r => (r[c] ?? '').length)));
    const line = (r: string[]) => '| ' + r.map((cell, c) => (cell ?? '').padEnd(widths[c])).join(' | ') + ' |';
    return [line(rows[0]), '|' + widths.map(w => '-'.repeat(w + 2)).join('|') + '|', ...rows.slice(1).map(line)].join('\n');
}
