import * as fs from 'node:fs';

/** Where a full Chromium or Chrome browser, as a reader has one, is installed. */
export const FULL_BROWSERS: readonly string[] = [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'
];

/**
 * The places a Chromium to draw with is looked for, in order. Debian's `chromium-headless-shell`
 * comes first: the same Blink and V8 as `chromium`, built for automation without the browser's
 * windows and start-up pages, so the same export draws the same diagrams (the SVGs were compared)
 * for much less work — starting it and drawing one diagram took ~5 core-seconds against ~9 for
 * `chromium` on the 2-core test machine (docs/performance.md, "The headless shell draws").
 * The benchmarks of pages a person uses take `FULL_BROWSERS` instead: their figures are for the browser
 * a reader has.
 */
export const CHROMIUM_CANDIDATES: readonly string[] = [
    // Debian's program itself: its /usr/bin/chromium-headless-shell is a shell script that starts it
    // without `exec`, so the process Playwright starts and stops would be the shell, not the browser.
    '/usr/lib/chromium/chromium-headless-shell',
    '/usr/bin/chromium-headless-shell',
    ...FULL_BROWSERS
];

/**
 * Where Chromium is: `HANDREIKING_CHROMIUM` if set, else the first of `candidates` that can be run.
 * We never download a browser: the machines this runs on take Chromium from the system's packages.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env, candidates: readonly string[] = CHROMIUM_CANDIDATES): string | undefined {
    // A browser named explicitly is the only one tried: falling back would hide a wrong setting.
    const chosen = env['HANDREIKING_CHROMIUM'];
    if (chosen) return isExecutable(chosen) ? chosen : undefined;
    return candidates.find(isExecutable);
}

function isExecutable(file: string): boolean {
    try {
        fs.accessSync(file, fs.constants.X_OK);
        return fs.statSync(file).isFile();
    } catch {
        return false;
    }
}

/**
 * Flags for a headless Chromium that makes no network connection of its own. Playwright already
 * switches off background networking, component updates and sync, yet Chromium still looked up
 * accounts.google.com and update.googleapis.com (DNS queries seen with strace). The resolver rule
 * answers every host name with "not found" without asking DNS, so nothing can reach a server by
 * name; pages we render load only `data:` URLs. The loopback names stay reachable: the browser tests
 * and the end-to-end test open pages served on this machine (127.0.0.1), and a rule that maps an IP
 * literal to "not found" fails those navigations with ERR_NAME_NOT_RESOLVED. What remains, and is allowed by the test
 * (test/render/chromium-network.test.ts): Chromium's IPv6 reachability probe, a UDP `connect()` to
 * 2001:4860:4860::8888 that picks a route and sends no packet. We do not pass `--disable-features`:
 * a second one would replace Playwright's own list of switched-off features.
 */
export const chromiumArgs = [
    '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
    '--disable-domain-reliability', '--disable-client-side-phishing-detection', '--no-pings',
    '--metrics-recording-only', '--disable-default-apps',
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1'
];
