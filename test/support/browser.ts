import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { chromiumArgs, findChromium } from '../../language/render/find-browser.js';

/**
 * Headless Chromium for browser tests: the same system browser and flags as the SVG/PNG export
 * (language/render/find-browser.ts), so a test that counts network requests sees only the page's own,
 * and the browser itself looks up no host name (test/render/chromium-network.test.ts proves it for
 * the export with strace).
 */
export function launchBrowser(): Promise<Browser> {
    const executablePath = findChromium();
    if (!executablePath) throw new Error('Chromium not found: apt-get install chromium (or set HANDREIKING_CHROMIUM)');
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
