import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { tempFolder } from '../support/temp-dir.js';
import { handreiking } from '../support/cli.js';

/**
 * `handreiking export html --thema huisstijl.css` as a user runs it: a house style that only sets
 * design tokens is put into the page; anything else is refused with its place, in Dutch (English
 * with --lang en), exit 2, and nothing written. The page is drawn by Mermaid in the page here
 * (--mermaid-in-pagina) to spare a browser per test; the themed page in Chromium is tested in
 * test/generation/html/html-guide-theme.browser.test.ts.
 */

const root = path.resolve(__dirname, '../..');
const examples = path.join(root, 'examples');

const good = `/* De huisstijl van de corporatie */
:root {
  --hrk-color-accent: #154273;
  --hrk-color-accent-soft: #dce3ea;
  --hrk-font-family: "Rijksoverheid Sans", Verdana, sans-serif;
  --hrk-space-l: 2rem;
}
`;

describe('export html --thema', () => {
    test('a house style of tokens goes into the page, after the guide\'s own, and the command line says so', () => {
        const dir = tempFolder('hrk-thema-', { 'huisstijl.css': good });
        const r = handreiking(['export', 'html', examples, '-o', 'gids.html', '--thema', 'huisstijl.css', '--mermaid-in-pagina'], dir);
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        expect(r.stdout.trim().split('\n')).toEqual([
            `HTML-gids geschreven: ${path.join(dir, 'gids.html')}`,
            expect.stringMatching(/^De schema's worden in de browser van de lezer getekend met Mermaid/),
            // It sets colours, which have no dark values: the page is light only (docs/publiceren.md).
            'Huisstijl huisstijl.css: 4 tokens toegepast. De gids is alleen licht: de huisstijl zet kleuren en heeft geen donkere waarden.'
        ]);
        const html = fs.readFileSync(path.join(dir, 'gids.html'), 'utf-8');
        const styles = [...html.matchAll(/<style([^>]*)>([\s\S]*?)<\/style>/g)];
        expect(styles.map(m => m[1])).toEqual(['', ' data-hrk-theme']);
        expect(styles[1][2]).toBe(':root {\n  --hrk-color-accent: #154273;\n  --hrk-color-accent-soft: #dce3ea;\n'
            + '  --hrk-font-family: "Rijksoverheid Sans", Verdana, sans-serif;\n  --hrk-space-l: 2rem;\n}\n');
        // The comment of the file is not copied: the page gets what was read, written again.
        expect(html).not.toContain('De huisstijl van de corporatie');
    });

    test.each([
        ['a selector, @import and url()', 'body { color: red }\n@import "https://x.invalid/a.css";\n:root {\n  --hrk-color-background: url(https://x.invalid/p.png);\n}\n', [
            'kapot.css:1:1: Alleen :root { … } is toegestaan, niet ‘body’: een huisstijl zet tokens (--hrk-…), geen eigen regels.',
            'kapot.css:2:1: @import is niet toegestaan: een huisstijl zet alleen tokens (--hrk-…) in :root { … } en laadt niets.',
            'kapot.css:4:27: url() is niet toegestaan: een huisstijl mag niets laden.',
            'Niet geëxporteerd: de huisstijl kapot.css heeft 3 problemen (zie hierboven). Er is niets geschreven.'
        ]],
        ['too little contrast', ':root {\n  --hrk-color-text-muted: #8a8a8a;\n}\n', [
            'kapot.css:2:3: Te weinig contrast voor bijzaken: --hrk-color-text-muted (#8a8a8a) op --hrk-color-background (#ffffff) is 3,45:1; nodig is minstens 4,5:1 (WCAG 2.1 AA).',
            'kapot.css:2:3: Te weinig contrast voor bijzaken in de doorloop: --hrk-color-text-muted (#8a8a8a) op --hrk-color-panel (#f6f7f9) is 3,22:1; nodig is minstens 4,5:1 (WCAG 2.1 AA).',
            'Niet geëxporteerd: de huisstijl kapot.css heeft 2 problemen (zie hierboven). Er is niets geschreven.'
        ]]
    ])('%s: refused with every problem in its place, exit 2, the old page untouched', (_name, css, expected) => {
        const dir = tempFolder('hrk-thema-', { 'kapot.css': css, 'gids.html': 'de vorige gids' });
        const r = handreiking(['export', 'html', examples, '-o', 'gids.html', '--thema', 'kapot.css', '--mermaid-in-pagina'], dir);
        expect(r.code).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr.trim().split('\n')).toEqual(expected);
        expect(fs.readFileSync(path.join(dir, 'gids.html'), 'utf-8')).toBe('de vorige gids');
        expect(fs.readdirSync(dir).sort()).toEqual(['gids.html', 'kapot.css']);
    });

    test('in English with --lang en', () => {
        const dir = tempFolder('hrk-thema-', { 'kapot.css': 'p { }\n' });
        const r = handreiking(['export', 'html', examples, '-o', 'gids.html', '--thema', 'kapot.css', '--lang', 'en'], dir);
        expect(r.code).toBe(2);
        expect(r.stderr.trim().split('\n')).toEqual([
            'kapot.css:1:1: Only :root { … } is allowed, not ‘p’: a house style sets tokens (--hrk-…), no rules of its own.',
            'Not exported: the house style kapot.css has 1 problem (see above). Nothing was written.'
        ]);
    });

    test.each([
        ['a missing file', ['--thema', 'geen.css'], /^De huisstijl geen\.css bestaat niet\.$/],
        ['a folder', ['--thema', 'map'], /^De huisstijl map is geen gewoon bestand\.$/],
        ['a file that is not UTF-8', ['--thema', 'latin1.css'], /^De huisstijl latin1\.css is geen UTF-8-tekst\.$/],
        ['another format', ['--thema', 'huisstijl.css', '--format-is', 'json'], /^--thema geldt alleen voor export html\.$/]
    ])('%s: a Dutch message, exit 2, nothing written', (_name, args, message) => {
        const dir = tempFolder('hrk-thema-', { 'huisstijl.css': good, 'map/.keep': '', 'latin1.css': Buffer.from(':root { --hrk-font-family: "Caf\xe9" }', 'latin1') });
        const format = args.includes('--format-is') ? 'json' : 'html';
        const r = handreiking(['export', format, examples, '-o', `uit.${format}`, ...args.filter(a => a !== '--format-is' && a !== 'json')], dir);
        expect(r.code).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr.trim()).toMatch(message);
        expect(fs.existsSync(path.join(dir, `uit.${format}`))).toBe(false);
    });
});
