import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compareText } from '../../language/text/collation.js';
import { tempFolder } from '../support/temp-dir.js';
import { handreikingBin as bin } from '../support/cli.js';

/**
 * Names, paths and files are ordered by one collation, Dutch, whatever the machine's locale
 * (language/text/collation.ts): the same guide gives the same files and lines everywhere.
 */

describe('the order of names and files', () => {
    test('is the order an English locale gave before, for text of every kind', () => {
        const english = new Intl.Collator('en-US');
        const text = fc.string({ unit: fc.constantFrom(...'aAbBiIjJyYzZ_-./09 éÉëçñßæøåÅäöüĳ😀'), maxLength: 8 });
        fc.assert(fc.property(text, text, (a, b) => {
            expect(Math.sign(compareText(a, b))).toBe(Math.sign(english.compare(a, b)));
        }), { seed: 20261205, numRuns: 20_000 });
    });

    test('does not follow the machine: a Danish locale (which puts "aa" after "z") exports and reports the guide as any other', () => {
        const dir = tempFolder('hrk-collation-', {
            'gids/aa.hrk': 'kenmerk Aa "Aa" { "klein", "groot" }\nkenmerk Dubbel "Een" { "x" }\n',
            'gids/z.hrk': 'kenmerk Zz "Zz" { "klein", "groot" }\nkenmerk Dubbel "Twee" { "y" }\n'
        });
        const run = (locale: string, args: string[]) => spawnSync(process.execPath, [bin, ...args], {
            cwd: dir, encoding: 'utf-8', env: { ...process.env, LANG: locale, LC_ALL: locale, LC_COLLATE: locale }
        });
        // The locale really reaches Node's default collation in a process started so.
        const danish = spawnSync(process.execPath, ['-e', 'process.stdout.write(["zz", "aa"].sort((a, b) => a.localeCompare(b)).join())'], {
            encoding: 'utf-8', env: { ...process.env, LANG: 'da_DK.UTF-8', LC_ALL: 'da_DK.UTF-8' }
        });
        expect(danish.stdout).toBe('zz,aa');

        const checks = ['C.UTF-8', 'da_DK.UTF-8'].map(locale => run(locale, ['check', 'gids', '--format', 'json']));
        for (const c of checks) expect(c.status).toBe(1);
        expect(checks[1].stdout).toBe(checks[0].stdout);
        const files = (JSON.parse(checks[0].stdout) as { diagnostics: Array<{ file: string }> }).diagnostics.map(d => path.basename(d.file));
        expect(files.indexOf('aa.hrk')).toBeGreaterThanOrEqual(0);
        expect(files.indexOf('aa.hrk')).toBeLessThan(files.indexOf('z.hrk'));

        for (const locale of ['C.UTF-8', 'da_DK.UTF-8']) {
            const exported = run(locale, ['export', 'json', 'gids', '-o', `uit-${locale}.json`, '--force']);
            expect(exported.status, exported.stderr).toBe(0);
        }
        const json = fs.readFileSync(path.join(dir, 'uit-C.UTF-8.json'), 'utf-8');
        expect(fs.readFileSync(path.join(dir, 'uit-da_DK.UTF-8.json'), 'utf-8')).toBe(json);
        expect((JSON.parse(json) as { characteristics: Array<{ id: string }> }).characteristics.map(c => c.id)).toEqual(['Aa', 'Dubbel', 'Zz', 'Dubbel']);
    });
});
