import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * Temporary folders for tests. Every folder made here is removed after the last test of its file
 * (test/support/file-setup.ts, a `setupFiles` entry of vitest.config.ts), so a test need not
 * clean up after itself, and a failing test leaves nothing behind either.
 */

const made = new Set<string>();

/** A new empty folder `<tmp>/<prefix>` plus six random characters (`mkdtemp`), removed after the test file. */
export function tempDir(prefix: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    made.add(dir);
    return dir;
}

/** A new temporary folder holding `files` (name → content; names may contain folders). */
export function tempFolder(prefix: string, files: Record<string, string | Buffer> = {}): string {
    const dir = tempDir(prefix);
    for (const [name, content] of Object.entries(files)) {
        const file = path.join(dir, name);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, content);
    }
    return dir;
}

/** Removes every folder made by `tempDir` so far. */
export function removeTempDirs(): void {
    for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
    made.clear();
}
