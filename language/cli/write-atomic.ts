import * as fs from 'node:fs/promises';
import * as path from 'node:path';

/**
 * Writes a file so that a reader never sees half of it and an old file survives a failed write:
 * the data goes to a temporary file beside the target, which is then renamed over it.
 */
export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
    const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
    try {
        await fs.writeFile(temporary, data);
        await fs.rename(temporary, target);
    } catch (err) {
        await fs.rm(temporary, { force: true }).catch(() => undefined);
        throw err;
    }
}
