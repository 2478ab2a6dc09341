import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { handreiking } from '../support/cli.js';

/** `check --herkomst`, `check --streng` and the scenarios' `langs`, through the real command as a process. */

const root = path.resolve(__dirname, '../..');
const made: string[] = [];
afterAll(() => { for (const dir of made) fs.rmSync(dir, { recursive: true, force: true }); });

function tempFolder(files: Record<string, string>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hrk-herkomst-'));
    made.push(dir);
    for (const [name, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        fs.writeFileSync(path.join(dir, name), text);
    }
    return dir;
}

/** A copy of examples/ with one replacement in one file. */
function examplesWith(file: string, from: string, to: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hrk-herkomst-'));
    made.push(dir);
    fs.cpSync(path.join(root, 'examples'), dir, { recursive: true });
    const target = path.join(dir, file);
    const text = fs.readFileSync(target, 'utf-8');
    expect(text).toContain(from);
    fs.writeFileSync(target, text.replace(from, to));
    return dir;
}

const guide = `kenmerk K "k" { "a" }
typologie T "T" { herkomst gereconstrueerd "niet op de dia" K = "a" }
financiering F "F" { termijn structureel voor alle typologieen }
hoofdstuk H "H" { herkomst handreiking "dia 2" }
`;

/** The table's row for `label`, as numbers (guide, source, reconstructed, illustrative, unmarked, total). */
function row(stdout: string, label: string): number[] {
    const line = stdout.split('\n').find(l => l.startsWith(`${label} `));
    expect(line, `a row "${label}" in\n${stdout}`).toBeDefined();
    return line!.slice(label.length).trim().split(/\s+/).map(Number);
}

describe('handreiking check --herkomst', () => {
    test('the examples: every kind of content has a herkomst, none is unmarked', () => {
        const r = handreiking(['check', 'examples', '--herkomst']);
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        expect(r.stdout).toContain('Herkomst van de inhoud (na overerving):');
        expect(r.stdout).toMatch(/inhoud\s+handreiking\s+bron\s+gereconstrueerd\s+illustratief\s+zonder herkomst\s+totaal/);
        for (const label of ['beslisbomen', 'vragen', 'adviezen', 'stappen', 'typologieën', 'kenmerkwaarden', 'financieringen', 'partijen', 'hoofdstukken', 'toelichtingen']) {
            const [guideCount, source, reconstructed, illustrative, unmarked, total] = row(r.stdout, label);
            expect(unmarked, label).toBe(0);
            expect(total, label).toBeGreaterThan(0);
            expect(guideCount! + source! + reconstructed! + illustrative!, label).toBe(total);
        }
        expect(row(r.stdout, 'totaal')[4]).toBe(0);
        expect(r.stdout).not.toContain('HRK060');
        expect(r.stdout.trim().split('\n').at(-1)).toMatch(/^\d+ bestanden gecontroleerd: 0 fouten, 0 waarschuwingen\.$/);
    });

    test('a guide with unmarked content: counted in the table and listed as hints, exit 0', () => {
        const dir = tempFolder({ 'g.hrk': guide });
        const r = handreiking(['check', '.', '--herkomst'], dir);
        expect(r.code).toBe(0);
        expect(row(r.stdout, 'typologieën')).toEqual([0, 0, 1, 0, 0, 1]);
        expect(row(r.stdout, 'financieringen')).toEqual([0, 0, 0, 0, 1, 1]);
        expect(row(r.stdout, 'hoofdstukken')).toEqual([1, 0, 0, 0, 0, 1]);
        expect(r.stdout).toContain('g.hrk:3:14 hint HRK060 Financiering ‘F’ zegt niet waar de inhoud vandaan komt.');
    });

    test('without --herkomst the hints are not listed (twin), and --format json counts them', () => {
        const dir = tempFolder({ 'g.hrk': guide });
        const plain = handreiking(['check', '.'], dir);
        expect(plain.stdout).not.toContain('HRK060');
        expect(plain.stdout).not.toContain('Herkomst van de inhoud');
        const json = JSON.parse(handreiking(['check', '.', '--format', 'json'], dir).stdout);
        expect(json).toMatchObject({ errors: 0, warnings: 0, hints: 1, diagnostics: [] });
        expect(json.provenance).toBeUndefined();
    });

    test('--format json with --herkomst: the balance per kind, in English keys, and the hints listed', () => {
        const dir = tempFolder({ 'g.hrk': guide });
        const json = JSON.parse(handreiking(['check', '.', '--herkomst', '--format', 'json'], dir).stdout);
        expect(json.provenance).toContainEqual({ kind: 'funding', guide: 0, source: 0, reconstructed: 0, illustrative: 0, unmarked: 1, total: 1 });
        expect(json.provenance).toContainEqual({ kind: 'value', guide: 0, source: 0, reconstructed: 1, illustrative: 0, unmarked: 0, total: 1 });
        expect(json.diagnostics).toEqual([expect.objectContaining({ code: 'HRK060', severity: 'hint', line: 3 })]);
    });

    test('--streng makes unmarked content a warning (still exit 0); --lang en speaks English', () => {
        const dir = tempFolder({ 'g.hrk': guide });
        const r = handreiking(['check', '.', '--streng'], dir);
        expect(r.code).toBe(0);
        expect(r.stdout).toContain('g.hrk:3:14 waarschuwing HRK060 Financiering ‘F’');
        expect(r.stdout).toContain('1 bestand gecontroleerd: 0 fouten, 1 waarschuwing.');
        const en = handreiking(['check', '.', '--herkomst', '--lang', 'en'], dir);
        expect(en.stdout).toContain('Provenance of the content (after inheritance):');
        expect(en.stdout).toMatch(/content\s+guide\s+source\s+reconstructed\s+illustrative\s+unmarked\s+total/);
    });

    test('gereconstrueerd without a reason is an error: exit 1', () => {
        const dir = tempFolder({ 'g.hrk': `hoofdstuk H "H" { herkomst gereconstrueerd }\n` });
        const r = handreiking(['check', '.'], dir);
        expect(r.code).toBe(1);
        expect(r.stdout).toContain('g.hrk:1:28 fout HRK061 ‘herkomst gereconstrueerd’ heeft geen reden.');
    });
});

describe('handreiking test: langs', () => {
    const rewirings: Array<{ file: string; from: string; to: string; node: string }> = [
        { file: 'revitalisatie/1-bewonersbeheer.hrk', from: 'ja  -> BuurtbemiddelingInzetten', to: 'ja  -> GesprekRevitalisatie', node: 'BuurtbemiddelingInzetten' },
        { file: 'revitalisatie/1-bewonersbeheer.hrk', from: 'ja  -> Wensenonderzoek', to: 'ja  -> DifferentiatieTrekkers', node: 'Wensenonderzoek' },
        { file: 'revitalisatie/4-afhankelijkheid-derden.hrk', from: 'ja  -> ZelfbeheerOndersteunen', to: 'ja  -> AfsprakenMaken', node: 'ZelfbeheerOndersteunen' },
        { file: 'revitalisatie/5-regelgeving.hrk', from: 'ja  -> Drank', to: 'ja  -> Voedselbereiding', node: 'Drank' }
    ];

    test.each(rewirings.map(r => [r.node, r] as const))('an advice wired out of the path of a copy of the examples fails a scenario: %s', (_, rewiring) => {
        const dir = examplesWith(rewiring.file, rewiring.from, rewiring.to);
        const r = handreiking(['test', dir]);
        expect(r.code).toBe(1);
        expect(r.stdout).toContain(`langs:    het pad komt niet langs ‘${rewiring.node}’`);
        expect(r.stdout.trim().split('\n').at(-1)).toMatch(/^Scenario's: \d+ passed, [1-9]\d* failed$/);
    });

    test('the wrong order is reported as such, in English too', () => {
        const tree = `beslisboom B "B" { stap S "s" -> A advies A "a" { daarna -> Z } advies Z "z" }\n`;
        const dir = tempFolder({ 'b.hrk': tree + `scenario "B: omgekeerd" { beslisboom B langs A, S verwacht Z }\nscenario "B: goed" { beslisboom B langs S, A verwacht Z }\n` });
        const r = handreiking(['test', '.'], dir);
        expect(r.code).toBe(1);
        expect(r.stdout).toContain('✗ B: omgekeerd (b.hrk:2)\n    verwacht: Z\n    bereikt:  Z\n    langs:    het pad komt wel langs ‘S’, maar niet ná ‘A’ (verkeerde volgorde)\n    pad:      S → A → Z\n');
        expect(r.stdout).toContain('✓ B: goed (B → Z)');
        const en = handreiking(['test', '.', '--lang', 'en'], dir);
        expect(en.stdout).toContain('passes:   the path passes ‘S’, but not after ‘A’ (wrong order)');
    });
});
