import type { Stats } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';

/**
 * The first half of an atomic write, shared by the command line (language/cli/write-atomic.ts) and
 * the VS Code extension (extension/src/commands/write-files.ts): the new content, complete on disk
 * in a temporary file beside the target, ready to be renamed over it.
 *
 * An export folder may be shared. The temporary file therefore has a random name and is created
 * exclusively (O_CREAT|O_EXCL): nothing planted there in advance — a link at a name we might pick —
 * is ever opened or followed. It is readable by its owner only until it has the permissions of the
 * file it replaces (a 0600 file stays 0600) and, where the system allows, that file's owner and
 * group; a new file gets the usual mode (0666 minus the umask).
 *
 * Returns the temporary file's path. On failure nothing is left behind.
 */
export async function writeTemporaryBeside(target: string, data: string | Uint8Array): Promise<string> {
    const existing = await fs.lstat(target).catch(() => undefined);
    const replacesFile = existing?.isFile() === true;
    const { handle, temporary } = await createExclusively(target, replacesFile ? 0o600 : 0o666);
    try {
        try {
            if (replacesFile && existing) await takeOverOwnerAndMode(handle, existing);
            await handle.writeFile(data);
        } finally {
            await handle.close();
        }
    } catch (err) {
        await fs.rm(temporary, { force: true }).catch(() => undefined);
        throw err;
    }
    return temporary;
}

/** Random bytes in a temporary file's name: 96 bits, so no name can be guessed in advance. */
const RANDOM_BYTES = 12;
/** A taken name is retried with a fresh one; ten taken random names mean something else is wrong. */
const ATTEMPTS = 10;

async function createExclusively(target: string, mode: number): Promise<{ handle: fs.FileHandle; temporary: string }> {
    // A short stem keeps the name within the file system's limit (255 bytes) for long target names.
    const stem = [...path.basename(target)].slice(0, 64).join('');
    for (let attempt = 1; ; attempt++) {
        const temporary = path.join(path.dirname(target), `.${stem}.${randomHex(RANDOM_BYTES)}.tmp`);
        try {
            return { handle: await fs.open(temporary, 'wx', mode), temporary };
        } catch (err) {
            if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= ATTEMPTS) throw err;
        }
    }
}

async function takeOverOwnerAndMode(handle: fs.FileHandle, existing: Stats): Promise<void> {
    // Root replacing someone's file would otherwise hand it to root; a user may only give a file to
    // their own groups. Either way the old owner is kept where the system allows it.
    if (existing.uid !== process.getuid?.() || existing.gid !== process.getgid?.()) {
        await handle.chown(existing.uid, existing.gid).catch(() => undefined);
    }
    await handle.chmod(existing.mode & 0o777);
}

/**
 * Random bytes as hex, from the global Web Crypto. Node loads it when it is first used, so a
 * command that writes nothing (a `check`) never does; importing node:crypto cost every command a
 * few milliseconds of its start (issue 11's target for the CLI).
 */
function randomHex(bytes: number): string {
    return Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(bytes))).toString('hex');
}
