/**
 * The HTML guide as a reader meets it: from navigation to every diagram visible and the walkthrough
 * usable, for the page with its diagrams drawn at export time (no Mermaid in it) against the page
 * that draws the same trees with stock Mermaid in the reader's browser (`--mermaid-in-pagina`, the
 * fallback and the approach before), side by side in one run, on the desktop and with Chromium's
 * mobile emulation (a Moto G4, the CPU throttled 4×). Both pages are made from `examples/` by the
 * command line, as a user makes them.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as zlib from 'node:zlib';
import { chromium, devices, type Browser, type BrowserContextOptions } from 'playwright-core';
import { chromiumArgs, findChromium, FULL_BROWSERS } from '../language/render/find-browser.js';
import { median, ms, ratio, table } from './stats.js';

/** The issue's targets: the pre-drawn page at most this share of the baseline's time, and this size. */
export const GUIDE_RATIO_TARGET = 0.25;
export const GUIDE_BYTES_TARGET = 1_000_000;
const CPU_SLOWDOWN = 4;

type Variant = 'predrawn' | 'mermaid';
type Profile = 'desktop' | 'mobile';

export interface GuidePageFigures {
    bytes: number;
    gzipBytes: number;
    /** `handreiking export html` for this page, start to exit. */
    exportMs: number;
    /** Navigation → every diagram drawn and the walkthrough wired, and the next frame painted (median). */
    loadMs: Record<Profile, number>;
}

export interface GuideLoadFigures {
    pages: Record<Variant, GuidePageFigures>;
    /** Pre-drawn time ÷ Mermaid time, per profile. */
    ratio: Record<Profile, number>;
    repeats: number;
}

const profiles: Record<Profile, BrowserContextOptions> = {
    desktop: { viewport: { width: 1400, height: 1000 } },
    mobile: { ...devices['Moto G4'] }
};

function exportPage(root: string, out: string, extra: string[]): number {
    const start = performance.now();
    const r = spawnSync(process.execPath, [path.join(root, 'bin/handreiking.js'), 'export', 'html', 'examples', '-o', out, ...extra], { cwd: root, encoding: 'utf-8' });
    if (r.status !== 0) throw new Error(`export html ${extra.join(' ')} failed: ${r.stderr || r.stdout}`);
    return performance.now() - start;
}

/**
 * Opens `file` in a fresh context and returns the page's own clock (milliseconds since navigation
 * start) at the first frame after the app marked both the walkthrough (`data-hrk-app`) and every
 * diagram (`data-hrk-diagrams`) ready.
 */
async function loadOnce(browser: Browser, file: string, profile: Profile): Promise<number> {
    const context = await browser.newContext(profiles[profile]);
    try {
        const page = await context.newPage();
        page.setDefaultTimeout(300_000);
        await page.route('**/*', route => (route.request().url().startsWith('file:') || route.request().url().startsWith('data:') ? route.continue() : route.abort()));
        if (profile === 'mobile') {
            const cdp = await context.newCDPSession(page);
            await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
        }
        await page.addInitScript(() => {
            const w = window as unknown as { __hrkUsable?: number };
            const check = () => {
                const root = document.documentElement;
                if (w.__hrkUsable !== undefined || root.getAttribute('data-hrk-app') !== 'ready' || root.getAttribute('data-hrk-diagrams') !== 'ready') return;
                w.__hrkUsable = -1;
                requestAnimationFrame(() => { w.__hrkUsable = performance.now(); });
            };
            // The script runs before <html> exists: watch the document for it.
            new MutationObserver(check).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-hrk-app', 'data-hrk-diagrams'] });
        });
        await page.goto(pathToFileURL(file).href);
        await page.waitForFunction(() => ((window as unknown as { __hrkUsable?: number }).__hrkUsable ?? -1) > 0, undefined, { timeout: 300_000, polling: 50 });
        const at = await page.evaluate(() => (window as unknown as { __hrkUsable: number }).__hrkUsable);
        const problems = await page.locator('.diagram-error, .wt-problem').count();
        if (problems > 0) throw new Error(`${path.basename(file)}: ${problems} diagrams or walkthroughs show a problem`);
        // Usable, not only marked so (after the clock stopped): an answer moves the walk and its mark in the diagram.
        const first = page.locator('section.tree').first();
        const before = await first.locator('.wt-path > li').count();
        // A DOM click: on the emulated phone the page is wider than the screen (the typology table),
        // and what the benchmark checks is the walkthrough, not where the button lands.
        await first.locator('.wt-current button.wt-answer').first().evaluate(button => (button as HTMLElement).click());
        await page.waitForFunction(n => {
            const tree = document.querySelector('section.tree');
            return (tree?.querySelectorAll('.wt-path > li').length ?? 0) > n && tree?.querySelector('.diagram-canvas svg g.node.hrk-current') !== null;
        }, before);
        return at;
    } finally {
        await context.close();
    }
}

export async function measureGuideLoad(root: string, options: { quick: boolean; log: (line: string) => void }): Promise<GuideLoadFigures> {
    // A reader's browser: the page's figures are for the full Chromium, not the headless shell the export draws with.
    const executablePath = findChromium(process.env, FULL_BROWSERS);
    if (!executablePath) throw new Error('the guide benchmark needs Chromium (apt-get install chromium, or HANDREIKING_CHROMIUM)');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hrk-bench-guide-'));
    const repeats = options.quick ? 1 : 5;
    try {
        options.log('· HTML guide: exporting both pages…');
        const files: Record<Variant, string> = { predrawn: path.join(dir, 'vooraf-getekend.html'), mermaid: path.join(dir, 'mermaid.html') };
        const exportMs: Record<Variant, number> = {
            predrawn: exportPage(root, files.predrawn, []),
            mermaid: exportPage(root, files.mermaid, ['--mermaid-in-pagina'])
        };
        if (!fs.readFileSync(files.predrawn, 'utf-8').includes('<meta name="hrk-diagrams" content="predrawn">')) {
            throw new Error('the export did not draw the diagrams (is Chromium there?)');
        }
        const browser = await chromium.launch({ executablePath, args: chromiumArgs });
        const samples: Record<Variant, Record<Profile, number[]>> = { predrawn: { desktop: [], mobile: [] }, mermaid: { desktop: [], mobile: [] } };
        try {
            for (const profile of ['desktop', 'mobile'] as const) {
                options.log(`· HTML guide: navigation → usable, ${profile}${profile === 'mobile' ? ` (CPU ${CPU_SLOWDOWN}× slower)` : ''}…`);
                // Warm-up (not counted): the browser's first page pays for starting its renderer.
                if (!options.quick) await loadOnce(browser, files.predrawn, profile);
                // Alternating, so a busy moment of the machine hits both pages alike.
                for (let i = 0; i < repeats; i++) {
                    for (const variant of ['predrawn', 'mermaid'] as const) samples[variant][profile].push(await loadOnce(browser, files[variant], profile));
                }
            }
        } finally {
            await browser.close();
        }
        const page = (variant: Variant): GuidePageFigures => {
            const content = fs.readFileSync(files[variant]);
            return {
                bytes: content.length,
                gzipBytes: zlib.gzipSync(content, { level: 9 }).length,
                exportMs: exportMs[variant],
                loadMs: { desktop: median(samples[variant].desktop), mobile: median(samples[variant].mobile) }
            };
        };
        const pages = { predrawn: page('predrawn'), mermaid: page('mermaid') };
        return {
            pages,
            ratio: {
                desktop: pages.predrawn.loadMs.desktop / pages.mermaid.loadMs.desktop,
                mobile: pages.predrawn.loadMs.mobile / pages.mermaid.loadMs.mobile
            },
            repeats
        };
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(2)} MB`;

/** The report's table: both pages side by side, and the ratio. */
export function guideLoadTable(figures: GuideLoadFigures): string {
    const { predrawn, mermaid } = figures.pages;
    return table([
        [`HTML guide of examples/ (median of ${figures.repeats})`, 'drawn at export', 'Mermaid in the page', 'ratio'],
        ['navigation → usable, desktop', ms(predrawn.loadMs.desktop), ms(mermaid.loadMs.desktop), ratio(figures.ratio.desktop)],
        [`navigation → usable, mobile (Moto G4, CPU ${CPU_SLOWDOWN}×)`, ms(predrawn.loadMs.mobile), ms(mermaid.loadMs.mobile), ratio(figures.ratio.mobile)],
        ['page size', megabytes(predrawn.bytes), megabytes(mermaid.bytes), ratio(predrawn.bytes / mermaid.bytes)],
        ['page size, gzip', megabytes(predrawn.gzipBytes), megabytes(mermaid.gzipBytes), ratio(predrawn.gzipBytes / mermaid.gzipBytes)],
        ['handreiking export html', ms(predrawn.exportMs), ms(mermaid.exportMs), ratio(predrawn.exportMs / mermaid.exportMs)]
    ]);
}

/** The issue's targets, as rows for the benchmark's target table: name, met, figure. */
