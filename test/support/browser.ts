import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`); playwright's own browser download fails here. */
export const CHROMIUM_PATH = process.env.HANDREIKING_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Headless Chromium for browser tests. The flags keep Chromium from phoning home (component
 * updates, sync, QUIC probes), so a test that counts network requests sees only the page's own.
 */
export function launchBrowser(): Promise<Browser> {
    return chromium.launch({
        executablePath: CHROMIUM_PATH,
        args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic'
        ]
    });
}
