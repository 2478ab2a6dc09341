import { MAX_SOURCE_BYTES, type FileKind, type Refusal } from '../files/source-limits.js';
import type { Lang } from './locale.js';

/**
 * Why a `.hrk` file was not read: the command line says it on stderr, the language server as a
 * diagnostic on the file (language/lsp/source-file-system.ts). One text for both.
 */

const kindNl: Record<FileKind, string> = {
    fifo: 'een named pipe (FIFO)', device: 'een apparaat', socket: 'een socket', folder: 'een map', other: 'iets anders'
};
const kindEn: Record<FileKind, string> = {
    fifo: 'a named pipe (FIFO)', device: 'a device', socket: 'a socket', folder: 'a folder', other: 'something else'
};

/** Bytes as an editor reads them: 16 MB, 17,2 MB (Dutch) or 17.2 MB. */
export function megabytes(bytes: number, lang: Lang): string {
    const mb = bytes / (1024 * 1024);
    const shown = Number.isInteger(mb) ? String(mb) : mb.toFixed(1);
    return `${lang === 'nl' ? shown.replace('.', ',') : shown} MB`;
}

/** The message for a file `shown` (its path or name) that `readSourceFile` did not read. */
export function unreadSourceMessage(outcome: Refusal, shown: string, lang: Lang): string {
    switch (outcome.reason) {
        case 'notRegular': return lang === 'nl'
            ? `${shown} is geen gewoon bestand maar ${kindNl[outcome.kind]}, en is niet gelezen. Een .hrk-bestand moet een gewoon tekstbestand zijn (of een koppeling naar een gewoon bestand).`
            : `${shown} is not a regular file but ${kindEn[outcome.kind]}, and was not read. A .hrk file must be a regular text file (or a link to a regular file).`;
        case 'tooLarge': return lang === 'nl'
            ? `${shown} is te groot (${megabytes(outcome.size, 'nl')}) en is niet gelezen: een .hrk-bestand mag hoogstens ${megabytes(MAX_SOURCE_BYTES, 'nl')} zijn. Verdeel de tekst over meer bestanden.`
            : `${shown} is too large (${megabytes(outcome.size, 'en')}) and was not read: a .hrk file may be at most ${megabytes(MAX_SOURCE_BYTES, 'en')}. Split the text over more files.`;
        case 'error': return lang === 'nl' ? `Kan ${shown} niet lezen: ${outcome.message}` : `Cannot read ${shown}: ${outcome.message}`;
    }
}

/** The message for a document open in the editor whose text is over the limit: it is not checked. */
export function tooLargeToCheckMessage(shown: string, lang: Lang): string {
    return lang === 'nl'
        ? `${shown} is groter dan ${megabytes(MAX_SOURCE_BYTES, 'nl')} en is niet gecontroleerd: een .hrk-bestand mag hoogstens ${megabytes(MAX_SOURCE_BYTES, 'nl')} zijn. Verdeel de tekst over meer bestanden.`
        : `${shown} is larger than ${megabytes(MAX_SOURCE_BYTES, 'en')} and was not checked: a .hrk file may be at most ${megabytes(MAX_SOURCE_BYTES, 'en')}. Split the text over more files.`;
}
