import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { MAX_SOURCE_BYTES } from '../../language/files/source-limits.js';
import { handreikingBin as bin } from '../support/cli.js';

/**
 * Inputs at the limits, as an attacker would make them (issue 10): long names, unclosed strings,
 * files that are no regular files, bytes that are almost UTF-8, UTF-16. The CLI runs as a spawned
 * process, with a bound on its heap and a timeout, so that a blow-up fails the test instead of the
 * machine.
 */

interface Run {
    code: number | null;
    stdout: string;
    stderr: string;
}

function handreiking(args: string[], cwd: string, options: { heapMb?: number; strace?: string } = {}): Run {
    const node = [`--max-old-space-size=${options.heapMb ?? 512}`, bin, ...args];
    const [command, argv] = options.strace
        ? ['strace', ['-f', '-qq', '-e', 'trace=open,openat,openat2', '-o', options.strace, process.execPath, ...node]]
        : [process.execPath, node];
    const result = spawnSync(command, argv, { cwd, encoding: 'utf-8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const folders: string[] = [];
afterEach(() => {
    for (const dir of folders.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function folder(files: Record<string, string | Buffer> = {}): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hrk-limits-'));
    folders.push(dir);
    for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
    return dir;
}

/** A file beside the hostile ones, with one known error: if it is reported, it was checked. */
const good = 'hoofdstuk Goed "Goed"\npartij P "P" { betrokken bij Onbekend }\n';
const goodError = 'goed.hrk:2:30 fout HRK002';

describe('two names of 30 000 letters (found: 0.9 GB at 10 000, a V8 heap crash at 30 000)', () => {
    test('the issue\'s 60 KB file is checked within a 128 MB heap: the unknown name is reported, with no suggestion', () => {
        const n = 30_000;
        const dir = folder({ 'l.hrk': `hoofdstuk A${'x'.repeat(n)} "h"\nbeslisboom T "t" {\n start S\n stap S "s" { zie B${'y'.repeat(n)} }\n}\n` });
        const r = handreiking(['check', 'l.hrk'], dir, { heapMb: 128 });
        expect(r.stderr).toBe('');
        expect(r.code).toBe(1);
        const unknown = r.stdout.split('\n').filter(l => l.startsWith('l.hrk:4:19 fout HRK002'));
        expect(unknown).toHaveLength(1);
        expect(unknown[0]).not.toContain('Bedoelt u');
    });

    test('a short misspelt name beside them still gets its suggestion', () => {
        const dir = folder({ 'l.hrk': `hoofdstuk A${'x'.repeat(30_000)} "h"\nhoofdstuk Inspiratie "i"\nbeslisboom T "t" {\n start S\n stap S "s" { zie Inspriatie }\n}\n` });
        const r = handreiking(['check', 'l.hrk'], dir, { heapMb: 128 });
        expect(r.stdout).toContain('l.hrk:5:19 fout HRK002 ‘Inspriatie’ is geen bekende beslisboom, knoop, hoofdstuk, typologie of financiering. Bedoelt u ‘Inspiratie’?');
    });
});

describe('an unclosed string of 160 KB (found: 16.5 s; 320 KB 96 s)', () => {
    test('is one message at its start, and the file beside it is checked', () => {
        const dir = folder({ 's.hrk': '"\\'.repeat(80_000), 'goed.hrk': good });
        const r = handreiking(['check', '.'], dir, { heapMb: 256 });
        expect(r.code).toBe(1);
        expect(r.stdout).toContain(goodError);
        const lines = r.stdout.split('\n').filter(l => l.startsWith('s.hrk:'));
        // The message shows the first 20 characters of what could not be read.
        expect(lines).toEqual([`s.hrk:1:1 fout HRK000 Het teken ‘${'"\\'.repeat(10)}’ hoort hier niet. Zet tekst tussen "aanhalingstekens" of verwijder het teken.`]);
    });
});

describe('files that are no regular files (found: a link to /dev/zero grew to 4.7 GB, a FIFO hung)', () => {
    function hostileFolder(): string {
        const dir = folder({ 'goed.hrk': good });
        fs.symlinkSync('/dev/zero', path.join(dir, 'nul.hrk'));
        spawnSync('mkfifo', [path.join(dir, 'pijp.hrk')]);
        fs.symlinkSync(path.join(dir, 'pijp.hrk'), path.join(dir, 'naar-pijp.hrk'));
        fs.mkdirSync(path.join(dir, 'sub'));
        fs.symlinkSync('/dev/null', path.join(dir, 'sub', 'leeg.hrk'));
        return dir;
    }

    test('in a checked folder: each named on stderr, never opened, the others checked, exit 2', () => {
        const dir = hostileFolder();
        const log = path.join(dir, 'strace.log');
        const r = handreiking(['check', '.'], dir, { heapMb: 128, strace: log });
        expect(r.code).toBe(2);
        expect(r.stdout).toContain(goodError);
        expect(r.stdout).toContain('1 bestand gecontroleerd: 1 fout, 0 waarschuwingen.');
        expect(r.stderr.trim().split('\n').sort()).toEqual([
            'naar-pijp.hrk is geen gewoon bestand maar een named pipe (FIFO), en is niet gelezen. Een .hrk-bestand moet een gewoon tekstbestand zijn (of een koppeling naar een gewoon bestand).',
            'nul.hrk is geen gewoon bestand maar een apparaat, en is niet gelezen. Een .hrk-bestand moet een gewoon tekstbestand zijn (of een koppeling naar een gewoon bestand).',
            'pijp.hrk is geen gewoon bestand maar een named pipe (FIFO), en is niet gelezen. Een .hrk-bestand moet een gewoon tekstbestand zijn (of een koppeling naar een gewoon bestand).',
            `${path.join('sub', 'leeg.hrk')} is geen gewoon bestand maar een apparaat, en is niet gelezen. Een .hrk-bestand moet een gewoon tekstbestand zijn (of een koppeling naar een gewoon bestand).`
        ]);
        // The process tree opened goed.hrk, and none of the others (strace shows the path as given,
        // so a link is seen by its own name; Node itself opens /dev/null, so that is not looked for).
        const opened = fs.readFileSync(log, 'utf-8').split('\n').filter(l => /open/.test(l) && !/ENOENT/.test(l));
        expect(opened.some(l => l.includes('goed.hrk'))).toBe(true);
        expect(opened.filter(l => /nul\.hrk|pijp\.hrk|leeg\.hrk|\/dev\/zero/.test(l))).toEqual([]);
    });

    test('named on the command line, in English: the same, and the file named beside them is checked', () => {
        const dir = hostileFolder();
        const r = handreiking(['check', 'nul.hrk', 'pijp.hrk', 'goed.hrk', '--lang', 'en'], dir, { heapMb: 128 });
        expect(r.code).toBe(2);
        expect(r.stdout).toContain('goed.hrk:2:30 error HRK002');
        expect(r.stderr).toContain('nul.hrk is not a regular file but a device, and was not read.');
        expect(r.stderr).toContain('pijp.hrk is not a regular file but a named pipe (FIFO), and was not read.');
    });

    test('export writes nothing when a file could not be read, not even with --force', () => {
        const dir = hostileFolder();
        const r = handreiking(['export', 'json', '.', '-o', 'uit', '--force'], dir, { heapMb: 128 });
        expect(r.code).toBe(2);
        expect(r.stderr).toContain('Niet geëxporteerd: 4 bestanden konden niet gelezen worden (zie hierboven). De bestaande uitvoer is niet aangeraakt.');
        expect(fs.existsSync(path.join(dir, 'uit'))).toBe(false);
    });

    test('test runs the scenarios it could read, and exits 2', () => {
        const dir = hostileFolder();
        fs.writeFileSync(path.join(dir, 'goed.hrk'), 'beslisboom B "B" { vraag V "v?" { ja -> A nee -> A } advies A "a" }\nscenario "s" { beslisboom B V: ja verwacht A }\n');
        const r = handreiking(['test', '.'], dir, { heapMb: 128 });
        expect(r.code).toBe(2);
        expect(r.stdout).toContain("Scenario's: 1 passed, 0 failed");
        expect(r.stderr).toContain('pijp.hrk is geen gewoon bestand');
    });

    test(`a file over ${MAX_SOURCE_BYTES / 1024 / 1024} MB is not read: a documented limit, exit 2, the others checked`, () => {
        const dir = folder({ 'goed.hrk': good });
        // A sparse file: 17 MB on paper, nothing on disk.
        fs.writeFileSync(path.join(dir, 'groot.hrk'), '');
        fs.truncateSync(path.join(dir, 'groot.hrk'), MAX_SOURCE_BYTES + 1024 * 1024);
        const r = handreiking(['check', '.'], dir, { heapMb: 128 });
        expect(r.code).toBe(2);
        expect(r.stdout).toContain(goodError);
        expect(r.stderr.trim()).toBe('groot.hrk is te groot (17 MB) en is niet gelezen: een .hrk-bestand mag hoogstens 16 MB zijn. Verdeel de tekst over meer bestanden.');
    });
});

describe('bytes that are almost UTF-8 (found: an internal error, and the file beside it was no longer checked)', () => {
    const classes: Array<[string, number[]]> = [
        ['CESU-8 (a surrogate pair as two 3-byte sequences)', [0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80]],
        ['overlong 3-byte NUL', [0xe0, 0x80, 0x80]],
        ['overlong 4-byte NUL', [0xf0, 0x80, 0x80, 0x80]],
        ['past U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
        ['a lone continuation byte', [0x80]],
        ['a sequence cut short', [0xe2, 0x82]]
    ];

    test.each(classes)('%s: one located message, and the good file is checked', (_name, bytes) => {
        const dir = folder({
            'b.hrk': Buffer.concat([Buffer.from('hoofdstuk H "\n  é '), Buffer.from(bytes), Buffer.from('"\n')]),
            'goed.hrk': good
        });
        const r = handreiking(['check', '.'], dir);
        expect(r.stderr).toBe('');
        expect(r.code).toBe(1);
        expect(r.stdout).toContain(goodError);
        const byte = `0x${bytes[0].toString(16).toUpperCase()}`;
        expect(r.stdout).toContain(`b.hrk:2:5 fout HRK000 Het bestand is geen UTF-8-tekst: byte ${byte} op regel 2, kolom 5 is geen geldig UTF-8-teken.`);
    });
});

describe('a UTF-16 file (found: 1 236 messages)', () => {
    const text = 'hoofdstuk Inspiratie "Inspiratielijst: ontmoeten zonder ruimte"\n'.repeat(20);
    const utf16be = (s: string) => Buffer.from(s, 'utf16le').swap16();

    test.each([
        ['little-endian with a BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
        ['big-endian with a BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(text)])],
        ['little-endian without a BOM', Buffer.from(text, 'utf16le')],
        ['big-endian without a BOM', utf16be(text)]
    ])('%s: one message, and the file beside it is checked', (_name, bytes) => {
        const dir = folder({ 'wide.hrk': bytes, 'goed.hrk': good });
        const r = handreiking(['check', '.'], dir);
        expect(r.code).toBe(1);
        expect(r.stdout).toContain(goodError);
        expect(r.stdout.split('\n').filter(l => l.startsWith('wide.hrk'))).toEqual([
            'wide.hrk:1:1 fout HRK000 UTF-16: sla het bestand op als UTF-8. Dit bestand is als UTF-16 opgeslagen (Kladblok noemt dat ‘Unicode’) en is daarom niet gelezen; kies bij ‘Opslaan als’ de codering UTF-8.'
        ]);
    });

    test('in English', () => {
        const dir = folder({ 'wide.hrk': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]) });
        const r = handreiking(['check', '.', '--lang', 'en'], dir);
        expect(r.stdout).toContain('wide.hrk:1:1 error HRK000 UTF-16: save the file as UTF-8.');
    });
});
