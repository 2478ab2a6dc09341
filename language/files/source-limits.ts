import type { Diagnostic } from 'vscode-languageserver-types';
import type { Lang } from '../i18n/locale.js';

/**
 * What reading a `.hrk` file may find, without Node's file system: the command line and the
 * language server read (language/files/read-source.ts, Node only); the checks, in a browser too,
 * say what was found (language/validation/handreiking-document-validator.ts).
 */

/** The largest `.hrk` file that is read: 16 MB (the guide's files are tens of kilobytes). */
export const MAX_SOURCE_BYTES = 16 * 1024 * 1024;

/** What a path turned out to be when it is not a regular file. */
export type FileKind = 'fifo' | 'device' | 'socket' | 'folder' | 'other';

/** The bytes of a file, or why they were not read. */
export type ReadOutcome =
    | { ok: true; bytes: Uint8Array }
    | { ok: false; reason: 'notRegular'; kind: FileKind }
    | { ok: false; reason: 'tooLarge'; size: number }
    | { ok: false; reason: 'error'; message: string };

/** Why a file was not read. */
export type Refusal = Exclude<ReadOutcome, { ok: true }>;

/**
 * A file system that reads `.hrk` files as the command line does (language/lsp/source-file-system.ts):
 * a file it refuses gets an empty text, a file with bad bytes its decoded text, and it remembers
 * why, so the file's checks can say it. Langium's own file systems know nothing of this.
 */
export interface SourceReadingFileSystem {
    /** Why the file at `uri` was not read, when it was not. */
    refusalOf(uri: string): Refusal | undefined;
    /**
     * What was wrong with the bytes of the file at `uri` (not UTF-8, UTF-16, binary), in `lang`,
     * while its document has the `text` they were decoded to.
     */
    bytesProblemOf(uri: string, text: string, lang: Lang): Diagnostic | undefined;
}

export function isSourceReadingFileSystem(fileSystem: unknown): fileSystem is SourceReadingFileSystem {
    return typeof (fileSystem as Partial<SourceReadingFileSystem> | undefined)?.refusalOf === 'function';
}

/** Whether `text` is larger than MAX_SOURCE_BYTES in UTF-8 (which is never fewer bytes than UTF-16 code units). */
export function tooLargeToCheck(text: string): boolean {
    if (text.length > MAX_SOURCE_BYTES) return true;
    if (text.length * 3 <= MAX_SOURCE_BYTES) return false;
    let bytes = 0;
    for (let i = 0; i < text.length; i++) {
        const unit = text.charCodeAt(i);
        // A surrogate pair is 4 bytes: 2 per code unit.
        bytes += unit < 0x80 ? 1 : unit < 0x800 || (unit >= 0xd800 && unit <= 0xdfff) ? 2 : 3;
        if (bytes > MAX_SOURCE_BYTES) return true;
    }
    return false;
}
