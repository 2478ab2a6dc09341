import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { CHROMIUM_CANDIDATES, chromiumArgs, findChromium, FULL_BROWSERS } from '../../language/render/find-browser.js';

/** Which browser: the one the exports draw with (the headless shell first), or a reader's full browser. */
export type BrowserKind = 'drawing' | 'reader';

/**
 * Headless Chromium for browser tests: the same system browser and flags as the SVG/PNG export
 * (language/render/find-browser.ts), so a test that counts network requests sees only the page's own,
 * and the browser itself looks up no host name (test/render/chromium-network.test.ts proves it for
 * the export with strace). `reader` is the full browser a person has: for the browser edition's
 * tests and the end-to-end tests (whose frames need its process model) and the benchmarks of pages
 * (whose figures are a reader's).
 */
export function launchBrowser(kind: BrowserKind = 'drawing'): Promise<Browser> {
    const executablePath = findChromium(process.env, kind === 'reader' ? FULL_BROWSERS : CHROMIUM_CANDIDATES);
    if (!executablePath) throw new Error('Chromium not found: apt-get install chromium-headless-shell chromium (or set HANDREIKING_CHROMIUM)');
    return chromium.launch({ executablePath, args: chromiumArgs, timeout: BROWSER_TIMEOUT });
}

/**
 * How long a page may take to load or to answer (Playwright's own default is 30 s). Only a deadline
 * that turns a hang into a failure: with test files side by side on a busy 2-core machine, loading a
 * page that carries Mermaid can take longer than 30 s without anything being wrong.
 */
export const BROWSER_TIMEOUT = 120_000;

/** A new page (in its own context) with the deadlines of `BROWSER_TIMEOUT`. */
export async function newPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
    const page = await browser.newPage(options);
    page.setDefaultTimeout(BROWSER_TIMEOUT);
    page.setDefaultNavigationTimeout(BROWSER_TIMEOUT);
    return page;
}
