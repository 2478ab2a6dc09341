import fc from 'fast-check';
import { applyMutation, controlTexts, deepText, describeMutation, hugeText, mutationArb, tokenize, type Mutation } from './mutations.js';

/**
 * Cases for the command line, as bytes on disk: what reaches `decodeSource` before any text exists.
 * Two kinds:
 * - `bytes`: example files, damaged as text (mutations.ts) and then as bytes: every class of
 *   almost-UTF-8 (CESU-8, overlong forms, surrogates, past U+10FFFF, lone continuation bytes, cut
 *   sequences, bytes that never occur), Latin-1, UTF-16 in both orders with and without a BOM,
 *   NUL bytes, a file cut anywhere (also inside a character);
 * - `limit`: one file of about 1 MB in each shape that once was, or could be, slow: the limit table
 *   of docs/reliability.md is measured on these.
 */

export type BadUtf8Class =
    | 'cesu8' | 'overlong2' | 'overlong3' | 'overlong4' | 'pastMax' | 'surrogate'
    | 'loneContinuation' | 'truncated' | 'invalidLead' | 'latin1Byte';

/** One example of each class, as it appears in a file. */
export const badUtf8: Record<BadUtf8Class, readonly number[]> = {
    cesu8: [0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80],   // U+1F600 written as two surrogates
    overlong2: [0xc0, 0xaf],                       // '/' in two bytes
    overlong3: [0xe0, 0x80, 0x80],                 // NUL in three bytes
    overlong4: [0xf0, 0x80, 0x80, 0x80],           // NUL in four bytes
    pastMax: [0xf4, 0x90, 0x80, 0x80],             // U+110000
    surrogate: [0xed, 0xb0, 0x80],                 // a lone low surrogate
    loneContinuation: [0x80],
    truncated: [0xe2, 0x82],                       // '€' without its last byte
    invalidLead: [0xff],
    latin1Byte: [0xe9]                             // 'é' in Windows-1252
};

export const badUtf8Classes = Object.keys(badUtf8) as BadUtf8Class[];

export type ByteMutation =
    | { kind: 'badUtf8'; at: number; class: BadUtf8Class }
    | { kind: 'utf16'; order: 'le' | 'be'; bom: boolean }
    | { kind: 'latin1' }
    | { kind: 'nulBytes'; at: number; count: number }
    | { kind: 'cutBytes'; at: number }
    | { kind: 'utf8Bom' };

export function applyByteMutation(bytes: Buffer, m: ByteMutation): Buffer {
    switch (m.kind) {
        case 'badUtf8': {
            const at = m.at % (bytes.length + 1);
            return Buffer.concat([bytes.subarray(0, at), Buffer.from(badUtf8[m.class]), bytes.subarray(at)]);
        }
        case 'utf16': {
            const text = bytes.toString('utf-8');
            const body = Buffer.from(text, 'utf16le');
            if (m.order === 'be') body.swap16();
            const bom = m.order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff];
            return m.bom ? Buffer.concat([Buffer.from(bom), body]) : body;
        }
        case 'latin1':
            // Characters outside Latin-1 become '?', as a "Save as ANSI" does.
            return Buffer.from(bytes.toString('utf-8').replace(/[^\u0000-\u00ff]/gu, '?'), 'latin1');
        case 'nulBytes': {
            const at = m.at % (bytes.length + 1);
            return Buffer.concat([bytes.subarray(0, at), Buffer.alloc(m.count), bytes.subarray(at)]);
        }
        case 'cutBytes':
            return bytes.subarray(0, m.at % (bytes.length + 1));
        case 'utf8Bom':
            return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
    }
}

export function describeByteMutation(m: ByteMutation): string {
    switch (m.kind) {
        case 'badUtf8': return `badUtf8@${m.at}:${m.class}`;
        case 'utf16': return `utf16:${m.order}${m.bom ? '+bom' : ''}`;
        case 'latin1': return 'latin1';
        case 'nulBytes': return `nulBytes@${m.at}×${m.count}`;
        case 'cutBytes': return `cutBytes@${m.at}`;
        case 'utf8Bom': return 'utf8Bom';
    }
}

const position = fc.nat({ max: 1_000_000 });

export const byteMutationArb: fc.Arbitrary<ByteMutation> = fc.oneof(
    { weight: 6, arbitrary: fc.record({ kind: fc.constant('badUtf8' as const), at: position, class: fc.constantFrom(...badUtf8Classes) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('utf16' as const), order: fc.constantFrom('le' as const, 'be' as const), bom: fc.boolean() }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'latin1' as const }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('nulBytes' as const), at: position, count: fc.integer({ min: 1, max: 3 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('cutBytes' as const), at: position }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'utf8Bom' as const }) }
);

/** A case for the command line: files as bytes, and how they were made. */
export interface CliCase {
    kind: 'bytes' | 'limit';
    label: string;
    files: Record<string, Buffer>;
    /** The language of the messages (`--lang`). */
    taal: 'nl' | 'en';
}

/**
 * A folder of one to three example files, one of them damaged as text (zero to three mutations)
 * and then as bytes (one to three).
 */
export function bytesCaseArb(examples: Record<string, string>): fc.Arbitrary<CliCase> {
    const names = Object.keys(examples);
    return fc.record({
        chosen: fc.uniqueArray(fc.constantFrom(...names), { minLength: 1, maxLength: 3 }),
        text: fc.array(mutationArb, { maxLength: 3 }),
        bytes: fc.array(byteMutationArb, { minLength: 1, maxLength: 3 }),
        taal: fc.constantFrom('nl' as const, 'en' as const)
    }).map(({ chosen, text, bytes, taal }) => {
        const files: Record<string, Buffer> = {};
        for (const name of chosen) files[flat(name)] = Buffer.from(examples[name]);
        const target = flat(chosen[0]);
        const damaged = text.reduce<string>((t, m: Mutation) => applyMutation(t, m), examples[chosen[0]]);
        files[target] = bytes.reduce(applyByteMutation, Buffer.from(damaged));
        const label = `${target}: ${[...text.map(describeMutation), ...bytes.map(describeByteMutation)].join(', ')}`;
        return { kind: 'bytes' as const, label, files, taal };
    });
}

/** `scenarios/soo.hrk` → `scenarios-soo.hrk`: every case is one flat folder. */
function flat(name: string): string {
    return name.split('/').join('-');
}

// ---------------------------------------------------------------- the limit shapes

export type LimitShape =
    | 'longNames' | 'nearCapNames' | 'unclosedStrings' | 'unclosedComments' | 'brokenStrings' | 'stepChain'
    | 'parentheses' | 'controlTexts' | 'badUtf8Everywhere' | 'utf16' | 'latin1' | 'randomBytes' | 'randomText'
    | 'renamedCopies' | 'verbatimCopies' | 'manySmallElements' | 'manyAnswers' | 'oneLongString' | 'tokenSoup' | 'sameName';

export const limitShapes: readonly LimitShape[] = [
    'longNames', 'nearCapNames', 'unclosedStrings', 'unclosedComments', 'brokenStrings', 'sameName', 'stepChain',
    'parentheses', 'controlTexts', 'badUtf8Everywhere', 'utf16', 'latin1', 'randomBytes', 'randomText',
    'renamedCopies', 'verbatimCopies', 'manySmallElements', 'manyAnswers', 'oneLongString', 'tokenSoup'
];

/** A small reproducible random number generator (xorshift), so a shape is the same for a seed. */
function random(seed: number): () => number {
    let state = (seed >>> 0) || 1;
    return () => {
        state ^= state << 13;
        state ^= state >>> 17;
        state ^= state << 5;
        return (state >>> 0) / 0x1_0000_0000;
    };
}

function repeatTo(unit: string, bytes: number): string {
    return unit.repeat(Math.max(1, Math.floor(bytes / Buffer.byteLength(unit))));
}

/**
 * One file of about `bytes` bytes (never more) in a shape at the limits:
 * - longNames: the issue's file with two names of half the size each (a definition and a
 *   reference that misses it: the suggestion search once built a table of their lengths);
 * - nearCapNames: thousands of names just under the suggestion cap and hundreds of misspelt
 *   references to them (the suggestion budget's worst case);
 * - unclosedStrings / unclosedComments / brokenStrings: `"\` again and again, `/*` without end,
 *   strings broken by a backslash before the line end (every quote an error);
 * - sameName: one name defined tens of thousands of times (a message for each, with related places);
 * - stepChain: one tree of tens of thousands of `stap`s, each pointing at the next;
 * - parentheses: a condition nested as deep as the file allows;
 * - controlTexts: the examples again and again with control characters and line breaks in every text;
 * - badUtf8Everywhere, utf16, latin1: the examples again and again in bytes that are not UTF-8;
 * - randomBytes, randomText: noise (random bytes; random printable and control characters);
 * - and the huge shapes of mutations.ts at this size.
 */
export function limitBytes(shape: LimitShape, examples: Record<string, string>, bytes: number, seed = 1): Buffer {
    const next = random(seed);
    const copies = () => hugeText('renamedCopies', examples, bytes * 0.9, seed);
    // At most `bytes`, cut before a character rather than inside one (unless the shape is bytes).
    const fit = (b: Buffer, whole = true) => {
        let end = Math.min(b.length, bytes);
        while (whole && end < b.length && end > 0 && (b[end] & 0xc0) === 0x80) end--;
        return b.subarray(0, end);
    };
    switch (shape) {
        case 'longNames': {
            const n = Math.floor((bytes - 100) / 2);
            return fit(Buffer.from(`hoofdstuk A${'x'.repeat(n)} "h"\nbeslisboom T "t" {\n start S\n stap S "s" { zie B${'y'.repeat(n)} }\n}\n`));
        }
        case 'nearCapNames': {
            const parts: string[] = [];
            let size = 0;
            for (let i = 0; size < bytes * 0.8; i++) {
                const line = `hoofdstuk H${String(i).padStart(6, '0')}${'x'.repeat(85)} "h"\n`;
                parts.push(line);
                size += line.length;
            }
            const names = parts.length;
            parts.push('beslisboom T "t" {\n start S0\n');
            for (let i = 0; size < bytes - 200; i++) {
                // A different misspelling each time: one letter changed in a name that exists.
                const line = `    stap S${i} "s" -> S${i + 1} { zie H${String(Math.floor(next() * names)).padStart(6, '0')}${'x'.repeat(40)}y${'x'.repeat(44)} }\n`;
                parts.push(line);
                size += line.length;
            }
            parts.push('    advies Einde "klaar"\n}\n');
            return fit(Buffer.from(parts.join('')));
        }
        case 'unclosedStrings':
            return Buffer.from(repeatTo('"\\', bytes));
        case 'unclosedComments':
            return Buffer.from(repeatTo('/* ', bytes));
        case 'brokenStrings':
            return Buffer.from(repeatTo('hoofdstuk H "a\\\n', bytes));
        case 'sameName':
            return Buffer.from(repeatTo('hoofdstuk H "h"\n', bytes));
        case 'stepChain': {
            const depth = Math.floor(bytes / 45);
            return fit(Buffer.from(deepText('stepChain', depth)));
        }
        case 'parentheses':
            return fit(Buffer.from(deepText('parentheses', Math.floor((bytes - 300) / 2))));
        case 'controlTexts': {
            const text = copies();
            let i = 0;
            return fit(Buffer.from(tokenize(text).map(t => /^"[^]*"$/.test(t.text) && t.text.length >= 2 ? `"${controlTexts[i++ % controlTexts.length]}${t.text.slice(1)}` : t.text).join('')));
        }
        case 'badUtf8Everywhere': {
            const text = Buffer.from(copies());
            const parts: Buffer[] = [];
            for (let at = 0, k = 0; at < text.length; at += 100, k++) {
                parts.push(text.subarray(at, at + 100), Buffer.from(badUtf8[badUtf8Classes[k % badUtf8Classes.length]]));
            }
            return fit(Buffer.concat(parts), false);
        }
        case 'utf16': {
            const wide = applyByteMutation(Buffer.from(hugeText('renamedCopies', examples, bytes * 0.45, seed)), { kind: 'utf16', order: 'le', bom: true });
            return wide.subarray(0, Math.min(wide.length, bytes - (bytes % 2)));
        }
        case 'latin1':
            return fit(applyByteMutation(Buffer.from(copies()), { kind: 'latin1' }));
        case 'randomBytes': {
            const out = Buffer.alloc(bytes);
            for (let i = 0; i < bytes; i++) out[i] = Math.floor(next() * 256);
            return out;
        }
        case 'randomText': {
            // Printable ASCII, letters with accents, quotes, braces and every control character but NUL.
            const alphabet = [...' \t\n\r"\\/*{}()=->éë‘’“”', ...Array.from({ length: 31 }, (_, i) => String.fromCharCode(i + 1)), ...'abcdefghijklmnopqrstuvwxyz0123456789'];
            const chars: string[] = [];
            for (let size = 0; size < bytes * 0.95;) {
                const c = alphabet[Math.floor(next() * alphabet.length)];
                chars.push(c);
                size += Buffer.byteLength(c);
            }
            return fit(Buffer.from(chars.join('')));
        }
        case 'renamedCopies':
        case 'verbatimCopies':
        case 'manySmallElements':
        case 'manyAnswers':
        case 'oneLongString':
        case 'tokenSoup': {
            // hugeText counts characters; some take more than one byte. Whole, not cut: a cut
            // would leave the last string open and make it another shape.
            let units = bytes * 0.98;
            for (;;) {
                const text = Buffer.from(hugeText(shape, examples, units, seed));
                if (text.length <= bytes) return text;
                units *= (bytes / text.length) * 0.98;
            }
        }
    }
}

export function limitCase(shape: LimitShape, examples: Record<string, string>, bytes: number, seed: number, taal: 'nl' | 'en'): CliCase {
    const file = limitBytes(shape, examples, bytes, seed);
    return { kind: 'limit', label: `limit ${shape} ${(file.length / 1024 / 1024).toFixed(2)} MB`, files: { [`${shape}.hrk`]: file }, taal };
}
