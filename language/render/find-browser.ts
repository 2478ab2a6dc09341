import * as fs from 'node:fs';

/**
 * Where Chromium is: `HANDREIKING_CHROMIUM` if set, else the usual system locations. We never
 * download a browser: the machines this runs on take Chromium from the system's packages.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
    // A browser named explicitly is the only one tried: falling back would hide a wrong setting.
    const chosen = env['HANDREIKING_CHROMIUM'];
    if (chosen) return isExecutable(chosen) ? chosen : undefined;
    const candidates = [
        '/usr/bin/chromium',
        '/usr/bin/chromium-browser',
        '/usr/bin/google-chrome',
        '/usr/bin/google-chrome-stable',
        '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
        'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'
    ];
    return candidates.find((c): c is string => !!c && isExecutable(c));
}

function isExecutable(file: string): boolean {
    try {
        fs.accessSync(file, fs.constants.X_OK);
        return fs.statSync(file).isFile();
    } catch {
        return false;
    }
}

/** Flags for a headless Chromium that makes no connections of its own. */
export const chromiumArgs = [
    '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-quic', '--disable-dev-shm-usage'
];
