import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { writeTemporaryBeside } from '../files/temporary-file.js';

/**
 * The target of an export is a symbolic link. An export folder may be shared, and whoever can put a
 * link there could aim it at any file the user can write; so the export neither writes through a
 * link nor replaces it, and says so.
 */
export class TargetIsLinkError extends Error {
    constructor(readonly target: string, readonly linkTarget: string) {
        super(`${target} is a symbolic link to ${linkTarget}`);
    }
}

/**
 * Writes a file so that a reader never sees half of it and an old file survives a failed write:
 * the data goes to a temporary file beside the target (random name, created exclusively, with the
 * old file's permissions: see files/temporary-file.ts), which is then renamed over it. A target that
 * is a symbolic link is refused. Should a link appear after that check, the rename replaces the link
 * itself: nothing is ever written through one.
 */
export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
    if ((await fs.lstat(target).catch(() => undefined))?.isSymbolicLink()) {
        throw new TargetIsLinkError(target, await linkTarget(target));
    }
    const temporary = await writeTemporaryBeside(target, data);
    try {
        await fs.rename(temporary, target);
    } catch (err) {
        await fs.rm(temporary, { force: true }).catch(() => undefined);
        throw err;
    }
}

/** Where a link points, as an absolute path (a relative link is relative to its own folder). */
export async function linkTarget(link: string): Promise<string> {
    const text = await fs.readlink(link).catch(() => '?');
    return path.resolve(path.dirname(link), text);
}
