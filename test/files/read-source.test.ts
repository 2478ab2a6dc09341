import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { describe, expect, test, vi } from 'vitest';
import { decodeSource, firstInvalidUtf8, readSourceFile, utf16Order } from '../../language/files/read-source.js';
import { tempDir } from '../support/temp-dir.js';

/** What a strict decoder (the WHATWG one, as in browsers and Node) makes of the bytes. */
function strictlyValid(bytes: Uint8Array): boolean {
    try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        return true;
    } catch {
        return false;
    }
}

// Bytes around every boundary of UTF-8's table of well-formed sequences.
const byteArb = fc.oneof(
    fc.integer({ min: 0x20, max: 0x7f }),
    fc.constantFrom(0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1, 0xec, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xff),
    fc.integer({ min: 0x80, max: 0xff })
);

describe('one notion of UTF-8 (found: the checker and the decoder disagreed, and the CLI crashed)', () => {
    test('firstInvalidUtf8 finds a bad byte exactly when a strict decoder refuses the bytes', () => {
        fc.assert(fc.property(fc.array(byteArb, { maxLength: 12 }).map(a => Uint8Array.from(a)), bytes => {
            expect(firstInvalidUtf8(bytes) === bytes.length).toBe(strictlyValid(bytes));
        }), { seed: 21, numRuns: 20_000 });
    });

    test('and the bytes before the one it finds are valid UTF-8', () => {
        fc.assert(fc.property(fc.array(byteArb, { maxLength: 12 }).map(a => Uint8Array.from(a)), bytes => {
            expect(strictlyValid(bytes.subarray(0, firstInvalidUtf8(bytes)))).toBe(true);
        }), { seed: 22, numRuns: 5000 });
    });

    test.each([
        ['CESU-8', [0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80]],
        ['overlong 3 bytes', [0xe0, 0x80, 0x80]],
        ['overlong 4 bytes', [0xf0, 0x80, 0x80, 0x80]],
        ['past U+10FFFF', [0xf4, 0x90, 0x80, 0x80]]
    ])('%s is reported at its first byte, with its line and column', (_name, bad) => {
        const bytes = Uint8Array.from([...Buffer.from('ab\ncd'), ...bad, ...Buffer.from('ef')]);
        const source = decodeSource(bytes, 'nl');
        expect(source.problem?.range.start).toEqual({ line: 1, character: 2 });
        expect(source.problem?.message).toContain(`byte 0x${bad[0].toString(16).toUpperCase()} op regel 2, kolom 3`);
    });

    test('valid text of every length of sequence has no problem', () => {
        expect(decodeSource(Buffer.from('hoofdstuk H "é € 𝔘 ĳ"\n'), 'nl')).toEqual({ text: 'hoofdstuk H "é € 𝔘 ĳ"\n' });
    });
});

describe('UTF-16 is told from binary data', () => {
    const text = 'hoofdstuk Inspiratie "Inspiratielijst"\n';

    test('with or without a BOM, in either byte order', () => {
        expect(utf16Order(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toBe('le');
        expect(utf16Order(Buffer.from(text, 'utf16le'))).toBe('le');
        expect(utf16Order(Buffer.from(text, 'utf16le').swap16())).toBe('be');
        expect(utf16Order(Buffer.from([0xfe, 0xff, 0x00, 0x68]))).toBe('be');
        // Text in another script: few NUL bytes, but a BOM.
        expect(utf16Order(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('中文中文中文', 'utf16le')]))).toBe('le');
    });

    test('UTF-8 with a NUL in it, a PNG and random bytes are not UTF-16', () => {
        expect(utf16Order(Buffer.from(`${text}\0${text}`))).toBeUndefined();
        expect(utf16Order(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]))).toBeUndefined();
        expect(decodeSource(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]), 'nl').problem?.message).toMatch(/^Dit is geen tekstbestand/);
    });
});

describe('readSourceFile', () => {
    test('reads every byte of files around its read sizes (stat size + 1, then 4 KB pieces), and refuses one byte over the limit', async () => {
        const dir = tempDir('read-source-');
        const limit = 70_000;
        for (const size of [0, 1, 4095, 4096, 4097, 65_536, 65_537, limit - 1, limit, limit + 1, 200_000]) {
            const bytes = Buffer.from(Array.from({ length: size }, (_, i) => 0x41 + (i * 7) % 26));
            const file = path.join(dir, `f${size}.hrk`);
            fs.writeFileSync(file, bytes);
            const outcome = await readSourceFile(file, limit);
            if (size > limit) {
                expect(outcome, String(size)).toEqual({ ok: false, reason: 'tooLarge', size });
            } else {
                expect(outcome.ok, String(size)).toBe(true);
                expect(Buffer.compare(Buffer.from((outcome as { bytes: Uint8Array }).bytes), bytes), String(size)).toBe(0);
            }
        }
    });

    test('a file that grows after its stat is followed to its end, and past the limit it is refused', async () => {
        const dir = tempDir('read-source-');
        const file = path.join(dir, 'groeit.hrk');
        fs.writeFileSync(file, 'a'.repeat(100));
        // Appends between the opened file's `stat` and the reads: the first read (stat size + 1) fills,
        // the rest is followed in pieces.
        const probe = await fs.promises.open(file);
        const handleProto = Object.getPrototypeOf(probe) as { stat(): Promise<fs.Stats> };
        await probe.close();
        const stat = handleProto.stat;
        const grow = (extra: number) => async function (this: unknown) {
            const result = await stat.call(this);
            fs.appendFileSync(file, 'b'.repeat(extra));
            return result;
        };
        const spy = vi.spyOn(handleProto, 'stat').mockImplementationOnce(grow(10_000));
        try {
            const outcome = await readSourceFile(file, 50_000);
            expect(spy).toHaveBeenCalledTimes(1);
            expect(outcome.ok).toBe(true);
            expect(Buffer.from((outcome as { bytes: Uint8Array }).bytes).toString()).toBe('a'.repeat(100) + 'b'.repeat(10_000));
            spy.mockImplementationOnce(grow(60_000));
            expect(await readSourceFile(file, 50_000)).toMatchObject({ ok: false, reason: 'tooLarge' });
        } finally {
            spy.mockRestore();
        }
    });
});
