import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { tempFolder } from '../support/temp-dir.js';
import { handreiking } from '../support/cli.js';

function folder(files: Record<string, string | Buffer>): string {
    return tempFolder('hrk-bad-', files);
}

/** What editors actually produce: other encodings, a BOM, Windows line ends, a binary file by mistake. */
describe('the command line under bad input', () => {
    test('text that is not UTF-8 is reported at its first bad byte, and the rest of the guide is still checked', () => {
        const dir = folder({
            'latin1.hrk': Buffer.from('hoofdstuk A "Caf\xe9 de buurt"\n', 'latin1'),
            'goed.hrk': 'hoofdstuk B "Goed" { werkgroep "WG1" }\npartij P "P" { betrokken bij Onbekend }\n'
        });
        const r = handreiking(['check', '.'], dir);
        expect(r.code).toBe(1);
        expect(r.stdout).toContain('latin1.hrk:1:17 fout HRK000 Het bestand is geen UTF-8-tekst: byte 0xE9 op regel 1, kolom 17');
        expect(r.stdout).toContain('goed.hrk:2:30 fout HRK002');
    });

    test('a binary file gets one clear message instead of hundreds', () => {
        const dir = folder({ 'plaatje.hrk': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]) });
        const r = handreiking(['check', '.'], dir);
        expect(r.code).toBe(1);
        const lines = r.stdout.trim().split('\n');
        expect(lines).toEqual(['plaatje.hrk:1:1 fout HRK000 Dit is geen tekstbestand (er staan binaire gegevens in). Een .hrk-bestand is platte tekst: open het in VS Code of een teksteditor, of verwijder het uit de map.', '1 bestand gecontroleerd: 1 fout, 0 waarschuwingen.']);
    });

    test('a BOM and Windows or old Mac line ends are read as ordinary text, with the right line numbers', () => {
        const dir = folder({
            'bom.hrk': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('hoofdstuk A "met BOM"\r\npartij P "P" { betrokken bij X }\r\n')]),
            'cr.hrk': 'hoofdstuk B "oud"\rpartij Q "Q" { betrokken bij Y }\r'
        });
        const r = handreiking(['check', '.'], dir);
        expect(r.stdout).toContain('bom.hrk:2:30 fout HRK002 ‘X’ is geen bekende typologie.');
        expect(r.stdout).toContain('cr.hrk:2:30 fout HRK002 ‘Y’ is geen bekende typologie.');
        expect(r.stdout).not.toContain('HRK000');
    });

    test('a .hrk link that points nowhere is an unreadable path: exit 2 with its name', () => {
        const dir = folder({ 'goed.hrk': 'hoofdstuk A "a"\n' });
        fs.symlinkSync(path.join(dir, 'bestaat-niet.hrk'), path.join(dir, 'kapot.hrk'));
        const r = handreiking(['check', '.'], dir);
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(/^Kan .*kapot\.hrk niet lezen: ENOENT/);
    });

    test('a path given twice, or a file inside a given folder, is read once', () => {
        const dir = folder({ 'a.hrk': 'hoofdstuk A "a"\n' });
        const r = handreiking(['check', '.', 'a.hrk', './a.hrk'], dir);
        expect(r.code).toBe(0);
        expect(r.stdout.trim()).toBe('1 bestand gecontroleerd: 0 fouten, 0 waarschuwingen.');
    });
});
