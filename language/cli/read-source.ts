import type { Diagnostic } from 'vscode-languageserver-types';
import type { Lang } from '../i18n/locale.js';
import { message } from '../i18n/messages.js';
import { IssueCodes } from '../validation/codes.js';

/** A file's text as the checker should see it, and what was wrong with its bytes. */
export interface SourceText {
    text: string;
    problem?: Diagnostic;
}

/**
 * Decodes a `.hrk` file's bytes. Editors paste from Word and save in other encodings: a BOM is
 * dropped, text that is not UTF-8 is read leniently and reported at its first bad byte, and a
 * binary file is not parsed at all (its bytes would give hundreds of meaningless messages).
 */
export function decodeSource(bytes: Uint8Array, lang: Lang): SourceText {
    const head = bytes.subarray(0, 8192);
    if (head.includes(0) && !isUtf16(head)) {
        return { text: '', problem: problemAt(0, 0, message(lang, 'binaryFile')) };
    }
    const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
    try {
        return { text: new TextDecoder('utf-8', { fatal: true }).decode(body) };
    } catch {
        const text = new TextDecoder('utf-8').decode(body);
        const offset = firstInvalidUtf8(body);
        const before = new TextDecoder('utf-8').decode(body.subarray(0, offset));
        const lines = before.split(/\r\n|\r|\n/);
        const line = lines.length - 1;
        const character = lines[line].length;
        const byte = `0x${body[offset].toString(16).toUpperCase().padStart(2, '0')}`;
        return { text, problem: problemAt(line, character, message(lang, 'notUtf8', { byte, regel: line + 1, kolom: character + 1 })) };
    }
}

function problemAt(line: number, character: number, text: string): Diagnostic {
    return {
        range: { start: { line, character }, end: { line, character: character + 1 } },
        severity: 1,
        code: IssueCodes.Syntax,
        message: text,
        source: 'handreiking'
    };
}

/** UTF-16 text has NUL bytes too; it is not binary, just not UTF-8 (reported as such). */
function isUtf16(head: Uint8Array): boolean {
    return (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
}

/** The offset of the first byte that does not start or continue a valid UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
    let i = 0;
    while (i < bytes.length) {
        const b = bytes[i];
        const length = b < 0x80 ? 1 : (b & 0xe0) === 0xc0 && b >= 0xc2 ? 2 : (b & 0xf0) === 0xe0 ? 3 : (b & 0xf8) === 0xf0 && b <= 0xf4 ? 4 : 0;
        if (length === 0 || i + length > bytes.length) return i;
        for (let k = 1; k < length; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
        i += length;
    }
    return bytes.length;
}
