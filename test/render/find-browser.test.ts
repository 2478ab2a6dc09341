import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { CHROMIUM_CANDIDATES, findChromium, FULL_BROWSERS } from '../../language/render/find-browser.js';
import { tempDir } from '../support/temp-dir.js';

/** Which Chromium the exports, the benchmark and the browser tests start (language/render/find-browser.ts). */

function executable(dir: string, name: string): string {
    const file = path.join(dir, name);
    fs.writeFileSync(file, '#!/bin/sh\n', { mode: 0o755 });
    return file;
}

describe('finding Chromium', () => {
    test('the headless shell is looked for before the full browser', () => {
        expect(CHROMIUM_CANDIDATES.slice(0, 2)).toEqual(['/usr/lib/chromium/chromium-headless-shell', '/usr/bin/chromium-headless-shell']);
        expect(CHROMIUM_CANDIDATES.indexOf('/usr/bin/chromium')).toBeGreaterThan(1);
        expect(FULL_BROWSERS.some(browser => browser.includes('headless-shell'))).toBe(false);
    });

    test('the first candidate that can be run is taken; one that cannot be run is passed over', () => {
        const dir = tempDir('hrk-browser-');
        const shell = executable(dir, 'chromium-headless-shell');
        const full = executable(dir, 'chromium');
        const missing = path.join(dir, 'bestaat-niet');
        expect(findChromium({}, [missing, shell, full])).toBe(shell);
        fs.chmodSync(shell, 0o644);
        expect(findChromium({}, [missing, shell, full])).toBe(full);
        // A folder is not a browser, even where its x bit is set.
        expect(findChromium({}, [dir, full])).toBe(full);
        expect(findChromium({}, [missing])).toBeUndefined();
    });

    test('HANDREIKING_CHROMIUM is the only one tried when it is set', () => {
        const dir = tempDir('hrk-browser-');
        const shell = executable(dir, 'chromium-headless-shell');
        const chosen = executable(dir, 'mijn-chromium');
        expect(findChromium({ HANDREIKING_CHROMIUM: chosen }, [shell])).toBe(chosen);
        // A wrong setting is not covered up by a browser found elsewhere.
        expect(findChromium({ HANDREIKING_CHROMIUM: path.join(dir, 'weg') }, [shell])).toBeUndefined();
    });
});
