import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { Lang } from '../i18n/locale.js';
import { cliMessages } from './cli-messages.js';
import { UsageError } from './usage-error.js';
import { linkTarget, TargetIsLinkError, writeFileAtomic } from './write-atomic.js';

/**
 * Where an export goes. `-o` names a folder; for single-file formats it may also name the file
 * itself (`-o gids.html`). The folder is created if needed and checked for writing before any
 * work is done, so a bad `-o` fails fast with a clear message and leaves earlier files untouched.
 * A file to be written that is a symbolic link is refused, never written through nor replaced (see
 * write-atomic.ts); the folder named with `-o` may be a link.
 */
export class OutputTarget {
    /** The files this export has written so far: a later failure must not claim they were untouched. */
    private readonly written: string[] = [];

    private constructor(readonly folder: string, private readonly fileName: string | undefined, private readonly lang: Lang) {}

    static async prepare(out: string, singleFileExtension: string | undefined, lang: Lang): Promise<OutputTarget> {
        const t = cliMessages(lang);
        const absolute = path.resolve(out);
        const asFile = singleFileExtension !== undefined && absolute.toLowerCase().endsWith(singleFileExtension);
        const folder = asFile ? path.dirname(absolute) : absolute;
        const stat = await fs.stat(folder).catch(() => undefined);
        if (stat && !stat.isDirectory()) throw new UsageError(t.outputIsFile(out));
        try {
            await fs.mkdir(folder, { recursive: true });
            await fs.access(folder, fs.constants.W_OK);
        } catch (err) {
            throw new UsageError(t.outputUnwritable(out, (err as Error).message));
        }
        if (asFile) {
            if ((await fs.lstat(absolute).catch(() => undefined))?.isSymbolicLink()) {
                throw new UsageError(t.outputUnwritable(out, t.outputIsLink(await linkTarget(absolute))));
            }
            const fileStat = await fs.stat(absolute).catch(() => undefined);
            if (fileStat?.isDirectory()) throw new UsageError(t.outputIsFolder(out));
        }
        return new OutputTarget(folder, asFile ? path.basename(absolute) : undefined, lang);
    }

    /** The path for a file; for a single-file target the name given with `-o` wins. */
    pathFor(defaultName: string): string {
        return path.join(this.folder, this.fileName ?? defaultName);
    }

    async write(defaultName: string, data: string | Uint8Array): Promise<string> {
        const file = this.pathFor(defaultName);
        try {
            await writeFileAtomic(file, data);
        } catch (err) {
            const t = cliMessages(this.lang);
            const reason = err instanceof TargetIsLinkError ? t.outputIsLink(err.linkTarget) : (err as Error).message;
            throw new UsageError(this.written.length === 0 ? t.outputUnwritable(file, reason) : t.outputPartlyWritten(file, reason, this.written.map(f => path.basename(f))));
        }
        this.written.push(file);
        return file;
    }
}
