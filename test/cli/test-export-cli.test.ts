import * as fs from 'node:fs';
import * as path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, test } from 'vitest';
import { tempDir, tempFolder as folderWith } from '../support/temp-dir.js';
import { handreiking } from '../support/cli.js';

const root = path.resolve(__dirname, '../..');

function tempFolder(files: Record<string, string> = {}): string {
    return folderWith('hrk-cli-', files);
}

const tree = `beslisboom Boom "Boom" {
    vraag V "v?" {
        ja  -> A
        nee -> B
    }
    advies A "a"
    advies B "b"
}
`;

describe('handreiking test', () => {
    test('every example scenario passes; the last line is the summary CI reads', () => {
        const r = handreiking(['test', 'examples']);
        expect(r.code).toBe(0);
        const lines = r.stdout.trim().split('\n');
        expect(lines.at(-1)).toMatch(/^Scenario's: \d+ passed, 0 failed$/);
        expect(lines.filter(l => l.startsWith('✓')).length).toBe(Number(/(\d+) passed/.exec(lines.at(-1)!)![1]));
        expect(lines.filter(l => l.startsWith('✗'))).toEqual([]);
    });

    test('a failing scenario exits 1 with what was expected, what was reached and the path taken', () => {
        const dir = tempFolder({ 'b.hrk': tree + `scenario "fout" {\n    beslisboom Boom\n    V: ja\n    verwacht B\n}\nscenario "goed" { beslisboom Boom V: nee verwacht B }\n` });
        const r = handreiking(['test', '.'], dir);
        expect(r.code).toBe(1);
        expect(r.stdout).toContain('✗ fout (b.hrk:9)\n    verwacht: B\n    bereikt:  A\n    pad:      V: ja → A\n');
        expect(r.stdout).toContain('✓ goed (Boom → B)');
        expect(r.stdout.trim().split('\n').at(-1)).toBe("Scenario's: 1 passed, 1 failed");
    });
});

describe('handreiking export json', () => {
    test('writes schema-valid JSON and says where', () => {
        const out = tempFolder();
        const r = handreiking(['export', 'json', 'examples', '-o', out]);
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        const file = path.join(out, 'handreiking.json');
        expect(r.stdout.trim()).toBe(`JSON geschreven: ${file}`);
        const schema = JSON.parse(fs.readFileSync(path.join(root, 'docs/schema/handreiking.schema.json'), 'utf-8'));
        expect(new Ajv2020({ strict: true }).validate(schema, JSON.parse(fs.readFileSync(file, 'utf-8')))).toBe(true);
        // No temporary files are left behind.
        expect(fs.readdirSync(out)).toEqual(['handreiking.json']);
    });

    test('-o may name the file itself, and two exports give the same bytes', () => {
        const out = tempFolder();
        handreiking(['export', 'json', 'examples', '-o', path.join(out, 'gids.json')]);
        handreiking(['export', 'json', 'examples', '-o', path.join(out, 'opnieuw.json')]);
        expect(fs.readFileSync(path.join(out, 'gids.json'))).toEqual(fs.readFileSync(path.join(out, 'opnieuw.json')));
    });

    test('refuses a guide with errors unless --force', () => {
        const dir = tempFolder({ 'b.hrk': tree.replace('nee -> B', 'nee -> Onbekend') });
        const refused = handreiking(['export', 'json', '.', '-o', 'uit'], dir);
        expect(refused.code).toBe(1);
        expect(refused.stderr).toContain('HRK002');
        expect(refused.stderr).toContain('Niet geëxporteerd: de handreiking heeft 1 fout. Los die op, of exporteer toch met --force.');
        expect(fs.existsSync(path.join(dir, 'uit'))).toBe(false);
        const forced = handreiking(['export', 'json', '.', '-o', 'uit', '--force'], dir);
        expect(forced.code).toBe(0);
        expect(fs.existsSync(path.join(dir, 'uit/handreiking.json'))).toBe(true);
    });

    test('the typology table as Markdown, one row per characteristic', () => {
        const out = tempDir('hrk-md-');
        expect(handreiking(['export', 'markdown', 'examples', '-o', out]).code).toBe(0);
        const lines = fs.readFileSync(path.join(out, 'typologieen.md'), 'utf-8').split('\n');
        expect(lines[0].split('|').length - 2).toBe(6);
        expect(lines.some(l => l.startsWith('| Schaal |'))).toBe(true);
    });

    test('an output path that is a file, and an unknown format, exit 2', () => {
        const dir = tempFolder({ 'b.hrk': tree, 'bestaand.txt': 'x' });
        const r = handreiking(['export', 'mermaid-nee', '.', '-o', 'uit'], dir);
        expect(r.code).toBe(2);
        expect(r.stderr).toContain('Onbekend exportformaat ‘mermaid-nee’: kies json, mermaid, markdown, html, svg of png.');
        const file = handreiking(['export', 'json', '.', '-o', 'bestaand.txt'], dir);
        expect(file.code).toBe(2);
        expect(file.stderr.trim()).toBe('Uitvoermap bestaand.txt is een bestand. Kies een map met -o.');
        expect(fs.readFileSync(path.join(dir, 'bestaand.txt'), 'utf-8')).toBe('x');
    });
});
