import { describe, expect, test } from 'vitest';
import { tempFolder as folderWith } from '../support/temp-dir.js';
import { handreiking } from '../support/cli.js';

function tempFolder(files: Record<string, string>): string {
    return folderWith('hrk-cli-', files);
}

const cycle = `beslisboom Rond "Rond" {
    vraag A "a?" {
        ja  -> B
        nee -> Klaar
    }
    vraag B "b?" {
        ja  -> A
        nee -> Klaar
    }
    advies Klaar "klaar"
}
`;

describe('handreiking check', () => {
    test('the examples check clean: exit 0 and a summary', () => {
        const r = handreiking(['check', 'examples']);
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        expect(r.stdout.trim().split('\n').at(-1)).toMatch(/^\d+ bestanden gecontroleerd: 0 fouten, 0 waarschuwingen\.$/);
    });

    test('a cycle exits 1 and names the loop with its line', () => {
        const dir = tempFolder({ 'rond.hrk': cycle });
        const r = handreiking(['check', dir], dir);
        expect(r.code).toBe(1);
        expect(r.stdout).toContain('rond.hrk:7:16 fout HRK012 Kringloop in beslisboom ‘Rond’: A → B → A.');
        expect(r.stdout).toContain('1 bestand gecontroleerd: 1 fout, 0 waarschuwingen.');
    });

    test('warnings alone exit 0', () => {
        const dir = tempFolder({ 'w.hrk': `beslisboom B "b" { vraag V "v" { ja -> A nee -> A } advies A "a" }` });
        const r = handreiking(['check', '.'], dir);
        expect(r.code).toBe(0);
        expect(r.stdout).toMatch(/w\.hrk:1:\d+ waarschuwing HRK014/);
    });

    test('--lang en prints English and --format json prints the diagnostics for other tools', () => {
        const dir = tempFolder({ 'rond.hrk': cycle });
        const en = handreiking(['check', dir, '--lang', 'en'], dir);
        expect(en.stdout).toContain('error HRK012 Cycle in decision tree ‘Rond’: A → B → A.');
        expect(en.stdout).toContain('Checked 1 file: 1 error, 0 warnings.');

        const json = handreiking(['check', 'rond.hrk', '--format', 'json'], dir);
        expect(json.code).toBe(1);
        const report = JSON.parse(json.stdout);
        expect(report).toMatchObject({ formatVersion: 1, files: ['rond.hrk'], errors: 1, warnings: 0 });
        expect(report.diagnostics).toEqual([{
            file: 'rond.hrk', line: 7, column: 16, endLine: 7, endColumn: 17, severity: 'error', code: 'HRK012',
            message: expect.stringContaining('A → B → A')
        }]);
    });

    test('files from several folders are one workspace: a reference across them resolves', () => {
        const dir = tempFolder({
            'a/typen.hrk': `typologie Buurthuis "Het buurthuis" { }\nfinanciering Huur "Huur" { termijn structureel voor alle typologieen }`,
            'b/partijen.hrk': `partij Gemeente "Gemeente" { betrokken bij Buurthuis }`
        });
        expect(handreiking(['check', 'a', 'b'], dir).code).toBe(0);
        const alone = handreiking(['check', 'b'], dir);
        expect(alone.code).toBe(1);
        expect(alone.stdout).toContain('HRK002 ‘Buurthuis’ is geen bekende typologie.');
    });

    test('a missing path exits 2 with a Dutch message', () => {
        const r = handreiking(['check', 'bestaat-niet']);
        expect(r.code).toBe(2);
        expect(r.stderr.trim()).toBe('Pad bestaat niet: bestaat-niet');
        expect(r.stdout).toBe('');
    });

    test('a folder without .hrk files exits 2', () => {
        const dir = tempFolder({ 'leesmij.txt': 'geen handreiking' });
        const r = handreiking(['check', dir]);
        expect(r.code).toBe(2);
        expect(r.stderr).toContain('Geen .hrk-bestanden gevonden in');
    });

    test('bad usage exits 2: an unknown option, an unknown language, a file that is not .hrk', () => {
        expect(handreiking(['check', 'examples', '--kleur']).stderr.trim()).toBe('Onbekende optie --kleur. Zie ‘handreiking --help’.');
        expect(handreiking(['check', 'examples', '--kleur']).code).toBe(2);
        const lang = handreiking(['check', 'examples', '--lang', 'fr']);
        expect([lang.code, lang.stderr.trim()]).toEqual([2, 'Onbekende taal ‘fr’: kies nl of en.']);
        const notHrk = handreiking(['check', 'package.json']);
        expect([notHrk.code, notHrk.stderr.trim()]).toEqual([2, 'package.json is geen .hrk-bestand. Geef .hrk-bestanden of mappen op.']);
    });

    test('--peildatum fixes the day on which geldig tot is judged', () => {
        const dir = tempFolder({ 'f.hrk': `typologie T "t" { }\nfinanciering F "f" { termijn structureel voor alle typologieen geldig tot 2027-01-01 }` });
        expect(handreiking(['check', '.', '--peildatum', '2026-12-31'], dir).stdout).not.toContain('HRK050');
        const after = handreiking(['check', '.', '--peildatum', '2027-01-01'], dir);
        expect(after.code).toBe(0);
        expect(after.stdout).toContain('waarschuwing HRK050');
        expect(handreiking(['check', '.', '--peildatum', 'morgen'], dir).code).toBe(2);
        const impossible = handreiking(['check', '.', '--peildatum', '2027-02-30'], dir);
        expect([impossible.code, impossible.stderr.trim()]).toEqual([2, '‘2027-02-30’ is geen datum: schrijf JJJJ-MM-DD.']);
    });
});
