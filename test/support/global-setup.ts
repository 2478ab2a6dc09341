import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * One temporary folder for the whole test run (`globalSetup` of vitest.config.ts): TMPDIR points
 * into it, so whatever the tests, the CLI processes they start and Chromium put in the temporary
 * folder lands there. At the end, a folder a test made and did not remove (our `hrk-` prefixes)
 * fails the run, and the run's folder goes, so nothing is left in the system's /tmp.
 */
export default function setup(): () => void {
    const run = fs.mkdtempSync(path.join(os.tmpdir(), 'handreiking-tests-'));
    const before = process.env.TMPDIR;
    // Test workers start after this and inherit the environment.
    process.env.TMPDIR = run;
    return () => {
        if (before === undefined) delete process.env.TMPDIR;
        else process.env.TMPDIR = before;
        const left = fs.readdirSync(run).filter(name => name.startsWith('hrk-'));
        fs.rmSync(run, { recursive: true, force: true });
        if (left.length > 0) throw new Error(`tests left temporary folders behind: ${left.join(', ')}`);
    };
}
