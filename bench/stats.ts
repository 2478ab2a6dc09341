/** Small helpers for honest figures: medians of repeated runs, wall time, formatting. */

export function median(values: readonly number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs `action` `times` times (after one warm-up run unless `warmup` is false) and returns the median milliseconds. */
export async function timeMedian(times: number, action: () => unknown, warmup = true): Promise<number> {
    if (warmup) await action();
    const samples: number[] = [];
    for (let i = 0; i < times; i++) {
        const start = performance.now();
        await action();
        samples.push(performance.now() - start);
    }
    return median(samples);
}

export function ms(value: number | undefined): string {
    if (value === undefined || Number.isNaN(value)) return '—';
    return value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(1)} ms`;
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
