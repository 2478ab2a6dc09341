import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CHROMIUM_CANDIDATES, findChromium, FULL_BROWSERS } from '../language/render/find-browser.js';
import { msSpread, ratio, spreadOf, table, type Spread } from './stats.js';

/**
 * `export svg examples` with each Chromium the export can pick: the one it picks here (the headless
 * shell when it is installed) and the full browser a machine without the shell uses. Interleaved, so
 * that a busy moment hits both alike. Besides the time on the clock, the CPU of the command from this
 * process's `cutime + cstime` (Linux; elsewhere only the clock): Node's and that of Chromium's
 * processes as far as they are waited for up the tree. Chromium's helpers are not all reaped that
 * way (the whole machine's CPU, from /proc/stat, was about twice as much), so it is a lower bound,
 * good for comparing the two browsers, not for the command's full cost.
 */

export interface ExportBrowserFigures {
    /** The browser's file name (`chromium-headless-shell`, `chromium`). */
    browser: string;
    wall: Spread;
    /** Core-seconds per export; undefined where /proc is not there. */
    cpuSeconds?: Spread;
}

/** User + system CPU of this process's waited-for children so far, in seconds (Linux). */
function childrenCpuSeconds(): number | undefined {
    try {
        // Fields after the command's name (which may hold spaces, hence the last ')'): cutime and cstime are the 14th and 15th.
        const stat = fs.readFileSync('/proc/self/stat', 'utf-8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        // 100 ticks a second on Linux (USER_HZ), whatever the kernel's own rate.
        return (Number(fields[13]) + Number(fields[14])) / 100;
    } catch {
        return undefined;
    }
}

function exportOnce(root: string, browser: string, out: string): { wall: number; cpu?: number } {
    fs.rmSync(out, { recursive: true, force: true });
    const cpuBefore = childrenCpuSeconds();
    const start = performance.now();
    const r = spawnSync(process.execPath, [path.join(root, 'bin/handreiking.js'), 'export', 'svg', 'examples', '-o', out],
        { cwd: root, stdio: 'ignore', env: { ...process.env, HANDREIKING_CHROMIUM: browser } });
    const wall = performance.now() - start;
    const cpuAfter = childrenCpuSeconds();
    if (r.status !== 0) throw new Error(`export svg examples with ${browser} ended with ${r.status ?? r.signal}`);
    return { wall, cpu: cpuBefore !== undefined && cpuAfter !== undefined ? cpuAfter - cpuBefore : undefined };
}

export function measureExportBrowsers(root: string, options: { quick: boolean; log: (line: string) => void }): ExportBrowserFigures[] {
    const browsers = [...new Set([findChromium(process.env, CHROMIUM_CANDIDATES), findChromium(process.env, FULL_BROWSERS)])]
        .filter((browser): browser is string => browser !== undefined);
    if (browsers.length === 0) return [];
    options.log(`· export svg examples with ${browsers.map(b => path.basename(b)).join(' and ')}…`);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hrk-bench-export-'));
    const runs = options.quick ? 1 : 5;
    const samples = browsers.map(() => ({ wall: [] as number[], cpu: [] as number[] }));
    try {
        // The first round warms the file cache and the CLI's code cache; it is not counted.
        for (let i = 0; i <= runs; i++) {
            browsers.forEach((browser, b) => {
                const { wall, cpu } = exportOnce(root, browser, path.join(dir, 'uit'));
                if (i === 0) return;
                samples[b].wall.push(wall);
                if (cpu !== undefined) samples[b].cpu.push(cpu);
            });
        }
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
    return browsers.map((browser, b) => ({
        browser: path.basename(browser),
        wall: spreadOf(samples[b].wall),
        ...(samples[b].cpu.length > 0 ? { cpuSeconds: spreadOf(samples[b].cpu) } : {})
    }));
}

/** The figures as a table; the last column compares each browser with the first (the one the export picks). */
export function exportBrowsersTable(figures: readonly ExportBrowserFigures[]): string {
    const first = figures[0];
    const seconds = (s: Spread | undefined) => (s ? `${s.median.toFixed(1)} (${s.min.toFixed(1)}–${s.max.toFixed(1)})` : '—');
    return table([
        ['export svg examples (drawn in Chromium)', 'time', 'CPU reaped into the command, core-seconds (a lower bound)', 'time ÷ the one picked'],
        ...figures.map((f, i) => [`${f.browser}${i === 0 ? ' (picked)' : ''}`, msSpread(f.wall), seconds(f.cpuSeconds), ratio(f.wall.median / first.wall.median)])
    ]);
}
