import * as fs from 'node:fs/promises';
import { constants, type Stats } from 'node:fs';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Lang } from '../i18n/locale.js';
import { message } from '../i18n/messages.js';
import { IssueCodes } from '../validation/codes.js';
import { MAX_SOURCE_BYTES, type FileKind, type ReadOutcome } from './source-limits.js';

/**
 * Reads a `.hrk` file, but only a regular one of at most `limit` bytes. A repository can carry a
 * link to /dev/zero (which never ends), to a FIFO (which waits for ever) or to a device: such a
 * path is looked at with `stat` and never opened. Should it be swapped between that look and the
 * opening, the opening does not wait (O_NONBLOCK), the opened file is looked at again, and at most
 * `limit + 1` bytes are read.
 */
export async function readSourceFile(file: string, limit = MAX_SOURCE_BYTES): Promise<ReadOutcome> {
    let handle: fs.FileHandle | undefined;
    try {
        const before = await fs.stat(file);
        if (!before.isFile()) return { ok: false, reason: 'notRegular', kind: kindOf(before) };
        if (before.size > limit) return { ok: false, reason: 'tooLarge', size: before.size };
        // O_NONBLOCK is 0 where it does not exist (Windows, which has no FIFOs to wait on).
        handle = await fs.open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
        const opened = await handle.stat();
        if (!opened.isFile()) return { ok: false, reason: 'notRegular', kind: kindOf(opened) };
        const chunks: Buffer[] = [];
        let total = 0;
        // The first read asks for the size `stat` gave and one byte more, so a file that did not grow
        // is read at once; the reads after it only confirm the end (or follow a file that grows) in
        // small pieces. Buffers are not zero-filled: only the bytes read are kept. (Two zero-filled
        // 64 KB buffers per file cost ~8 % of checking 10 000 nodes in 254 files.)
        let want = Math.min(opened.size, limit) + 1;
        for (;;) {
            const chunk = Buffer.allocUnsafe(Math.min(want, limit + 1 - total));
            want = 4 * 1024;
            const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
            if (bytesRead === 0) break;
            chunks.push(chunk.subarray(0, bytesRead));
            total += bytesRead;
            // The file grew past the limit while it was read.
            if (total > limit) return { ok: false, reason: 'tooLarge', size: total };
        }
        return { ok: true, bytes: Buffer.concat(chunks, total) };
    } catch (err) {
        return { ok: false, reason: 'error', message: (err as Error).message };
    } finally {
        await handle?.close().catch(() => undefined);
    }
}

function kindOf(stat: Stats): FileKind {
    if (stat.isFIFO()) return 'fifo';
    if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'device';
    if (stat.isSocket()) return 'socket';
    if (stat.isDirectory()) return 'folder';
    return 'other';
}

/** A file's text as the checker should see it, and what was wrong with its bytes. */
export interface SourceText {
    text: string;
    problem?: Diagnostic;
}

/**
 * Decodes a `.hrk` file's bytes. Editors paste from Word and save in other encodings: a BOM is
 * dropped, a UTF-16 file gets one message (its NUL bytes would otherwise give a thousand), text
 * that is not UTF-8 is read leniently and reported at its first bad byte, and a binary file is not
 * parsed at all (its bytes would give hundreds of meaningless messages).
 *
 * Whether the bytes are UTF-8 is decided by `firstInvalidUtf8` alone; the lenient decoder only
 * turns them into text.
 */
export function decodeSource(bytes: Uint8Array, lang: Lang): SourceText {
    const head = bytes.subarray(0, 8192);
    if (utf16Order(head)) return { text: '', problem: problemAt(0, 0, message(lang, 'utf16File')) };
    if (head.includes(0)) return { text: '', problem: problemAt(0, 0, message(lang, 'binaryFile')) };
    const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
    const lenient = new TextDecoder('utf-8');
    const text = lenient.decode(body);
    const offset = firstInvalidUtf8(body);
    if (offset === body.length) return { text };
    const lines = lenient.decode(body.subarray(0, offset)).split(/\r\n|\r|\n/);
    const line = lines.length - 1;
    const character = lines[line].length;
    const byte = `0x${body[offset].toString(16).toUpperCase().padStart(2, '0')}`;
    return { text, problem: problemAt(line, character, message(lang, 'notUtf8', { byte, regel: line + 1, kolom: character + 1 })) };
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

/**
 * Whether the text is UTF-16, and in which byte order: a BOM says so (FF FE and FE FF can start
 * no UTF-8 text), and without one, text whose NUL bytes are the high bytes of its characters
 * (Dutch text in UTF-16 is mostly ASCII, so every other byte is 0) and that reads as UTF-16
 * text: no NUL or other control characters but tab and line ends, no lone surrogates.
 */
export function utf16Order(head: Uint8Array): 'le' | 'be' | undefined {
    if (head[0] === 0xff && head[1] === 0xfe) return 'le';
    if (head[0] === 0xfe && head[1] === 0xff) return 'be';
    if (!head.includes(0)) return undefined;
    if (readsAsUtf16(head, 'le')) return 'le';
    if (readsAsUtf16(head, 'be')) return 'be';
    return undefined;
}

function readsAsUtf16(head: Uint8Array, order: 'le' | 'be'): boolean {
    const unitAt = (i: number) => order === 'le' ? head[2 * i] | (head[2 * i + 1] << 8) : (head[2 * i] << 8) | head[2 * i + 1];
    // A head cut in the middle of a character: its last byte is left out.
    const units = Math.floor(head.length / 2);
    if (units === 0) return false;
    let zeroHigh = 0;
    for (let i = 0; i < units; i++) {
        const unit = unitAt(i);
        if (unit < 0x100) zeroHigh++;
        if (unit < 0x20 && unit !== 0x09 && unit !== 0x0a && unit !== 0x0d) return false;
        if (unit >= 0xd800 && unit <= 0xdbff) {
            // A high surrogate needs a low one next (unless the head ends here).
            if (i + 1 >= units) break;
            const next = unitAt(i + 1);
            if (next < 0xdc00 || next > 0xdfff) return false;
            i++;
        } else if (unit >= 0xdc00 && unit <= 0xdfff) {
            return false;
        }
    }
    return zeroHigh * 2 >= units;
}

/**
 * The offset of the first byte that does not start or continue a well-formed UTF-8 sequence
 * (Unicode, table 3-7), or the length when there is none: exactly the bytes a strict decoder
 * refuses. Overlong forms (`E0 80 80`, `F0 80 80 80`), surrogates (`ED A0 BD`, as CESU-8 writes
 * characters outside the BMP) and code points past U+10FFFF (`F4 90 80 80`) are not UTF-8.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
    let i = 0;
    const n = bytes.length;
    while (i < n) {
        const b = bytes[i];
        if (b < 0x80) {
            i++;
            continue;
        }
        // The range the second byte must be in depends on the first; the others are 80..BF.
        let length: number;
        let low = 0x80;
        let high = 0xbf;
        if (b >= 0xc2 && b <= 0xdf) {
            length = 2;
        } else if (b >= 0xe0 && b <= 0xef) {
            length = 3;
            if (b === 0xe0) low = 0xa0;
            if (b === 0xed) high = 0x9f;
        } else if (b >= 0xf0 && b <= 0xf4) {
            length = 4;
            if (b === 0xf0) low = 0x90;
            if (b === 0xf4) high = 0x8f;
        } else {
            return i;
        }
        if (i + length > n) return i;
        const second = bytes[i + 1];
        if (second < low || second > high) return i;
        for (let k = 2; k < length; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
        i += length;
    }
    return n;
}
