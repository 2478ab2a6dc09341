import { chromium, type Browser } from 'playwright-core';
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
    return chromium.launch({ executablePath, args: chromiumArgs });
}
