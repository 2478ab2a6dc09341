import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { contrastRatio, parseColor, parseTheme, type ThemeResult } from '../../../language/generation/html/guide-theme.js';
import { colourValue, contrastPairs, designTokens, fixedColours, fixedContrastPairs, MIN_CONTRAST } from '../../../language/generation/html/guide-tokens.js';
import { guideCss } from '../../../language/generation/html/guide-style.js';

/**
 * The house style's parser (language/generation/html/guide-theme.ts): what it takes, what it
 * refuses and where it says so, and the contrast rule. The command line's use of it is tested in
 * test/cli/theme-cli.test.ts, the page it makes in html-guide-theme.browser.test.ts.
 */

function problems(result: ThemeResult): string[] {
    return result.ok ? [] : result.problems.map(p => `${p.line}:${p.column} ${p.message}`);
}

describe('the design tokens', () => {
    test('every token is used by the guide\'s stylesheet, and every pair names two colour tokens', () => {
        for (const token of designTokens) expect(guideCss, token.name).toContain(`var(${token.name})`);
        for (const colour of fixedColours) expect(guideCss, colour.name).toContain(`var(${colour.name})`);
        const colours = new Set(designTokens.filter(t => t.kind === 'color').map(t => t.name));
        for (const pair of contrastPairs) {
            expect(colours.has(pair.text), pair.text).toBe(true);
            expect(colours.has(pair.background), pair.background).toBe(true);
        }
    });

    test('docs/publiceren.md lists every token with its default, what it is for, and its dark value', () => {
        const docs = fs.readFileSync(path.resolve(__dirname, '../../../docs/publiceren.md'), 'utf-8');
        for (const t of designTokens) {
            const dark = t.dark ? ` \`${t.dark}\` ` : ' ';
            expect(docs, t.name).toContain(`| \`${t.name}\` | \`${t.value}\` | ${t.description} |${dark}|`);
        }
    });

    test.each(['light', 'dark'] as const)('the defaults meet the contrast rule for every pair, the fixed colours\' too, in the %s colour scheme', scheme => {
        // Computed from the values in guide-tokens.ts, as the page gets them (tokensCss, darkSchemeCss).
        const value = (name: string) => {
            const text = colourValue(name, scheme);
            expect(text, `${name} has a ${scheme} value`).toBeDefined();
            const colour = parseColor(text!);
            expect(colour, `${name}: ${text}`).toBeDefined();
            return colour!;
        };
        const pairs = [...contrastPairs, ...fixedContrastPairs];
        expect(pairs.length).toBeGreaterThan(25);
        const low = pairs.map(p => ({ ...p, ratio: contrastRatio(value(p.text), value(p.background)) })).filter(p => p.ratio < MIN_CONTRAST);
        expect(low.map(p => `${p.where}: ${p.text} on ${p.background} is ${p.ratio.toFixed(2)}:1`)).toEqual([]);
    });

    test('every colour, and only a colour, has a dark value that differs from the light one where the background does', () => {
        for (const token of designTokens) expect(token.dark === undefined, token.name).toBe(token.kind !== 'color');
        expect(colourValue('--hrk-color-background', 'dark')).not.toBe(colourValue('--hrk-color-background', 'light'));
        for (const colour of fixedColours) expect(colour.name, 'a house style cannot set it').not.toMatch(/^--hrk-/);
    });
});

describe('colours and contrast', () => {
    test.each([
        ['#fff', [255, 255, 255, 1]],
        ['#1F4E79', [31, 78, 121, 1]],
        ['#1f4e7980', [31, 78, 121, 128 / 255]],
        ['rgb(31, 78, 121)', [31, 78, 121, 1]],
        ['rgb(31 78 121 / 50%)', [31, 78, 121, 0.5]],
        ['rgba(100%, 0%, 0%, 1)', [255, 0, 0, 1]],
        ['hsl(0, 100%, 50%)', [255, 0, 0, 1]],
        ['hsl(120deg 100% 25%)', [0, 127.5, 0, 1]]
    ])('%s', (text, [r, g, b, alpha]) => {
        const color = parseColor(text)!;
        expect([color.r, color.g, color.b].map(c => Math.round(c * 10) / 10)).toEqual([r, g, b]);
        expect(color.alpha).toBeCloseTo(alpha, 5);
    });

    test('anything else is not a colour the check reads', () => {
        for (const text of ['red', 'currentColor', '#12', 'rgb(1,2)', 'color-mix(in srgb, red, blue)', 'var(--x)']) expect(parseColor(text), text).toBeUndefined();
    });

    test('WCAG ratios: black on white 21, #767676 on white just above 4.5', () => {
        expect(contrastRatio(parseColor('#000')!, parseColor('#fff')!)).toBeCloseTo(21, 5);
        expect(contrastRatio(parseColor('#767676')!, parseColor('#fff')!)).toBeCloseTo(4.54, 2);
    });
});

describe('parseTheme', () => {
    test('takes tokens in :root, with comments, several rules and the last value of a token; writes them again', () => {
        const result = parseTheme(`/* Huisstijl van de corporatie */
:root {
  --hrk-color-accent: #154273; /* rijksblauw */
  --hrk-font-family: "Rijksoverheid Sans", Verdana, sans-serif;
  --hrk-space-m: calc( 1rem + 2px );
}
:root { --hrk-color-accent: rgb(21 66 115); --hrk-line-height: 1.6; --hrk-font-family-heading: var(--hrk-font-family) }
`);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect([...result.theme.values]).toEqual([
            ['--hrk-font-family', '"Rijksoverheid Sans", Verdana, sans-serif'],
            ['--hrk-space-m', 'calc( 1rem + 2px )'],
            ['--hrk-color-accent', 'rgb(21 66 115)'],
            ['--hrk-line-height', '1.6'],
            ['--hrk-font-family-heading', 'var(--hrk-font-family)']
        ]);
        expect(result.theme.css).toBe(':root {\n  --hrk-font-family: "Rijksoverheid Sans", Verdana, sans-serif;\n  --hrk-space-m: calc( 1rem + 2px );\n'
            + '  --hrk-color-accent: rgb(21 66 115);\n  --hrk-line-height: 1.6;\n  --hrk-font-family-heading: var(--hrk-font-family);\n}\n');
    });

    test('an empty file or one with only comments changes nothing', () => {
        expect(parseTheme('')).toEqual({ ok: true, theme: { values: new Map(), css: '' } });
        expect(parseTheme('/* nog niets */\n:root {}\n')).toEqual({ ok: true, theme: { values: new Map(), css: '' } });
    });

    test.each([
        ['another selector', 'body { color: red }', ['1:1 Alleen :root { … } is toegestaan, niet ‘body’: een huisstijl zet tokens (--hrk-…), geen eigen regels.']],
        ['a selector list with :root', ':root, body { --hrk-color-text: #000 }', ['1:1 Alleen :root { … } is toegestaan, niet ‘:root, body’: een huisstijl zet tokens (--hrk-…), geen eigen regels.']],
        ['@import', '@import url("https://x.invalid/huisstijl.css");', ['1:1 @import is niet toegestaan: een huisstijl zet alleen tokens (--hrk-…) in :root { … } en laadt niets.']],
        ['@font-face', '@font-face { font-family: X; src: url(x.woff2) }', ['1:1 @font-face is niet toegestaan: een huisstijl zet alleen tokens (--hrk-…) in :root { … } en laadt niets.']],
        ['@media around tokens', '@media (prefers-color-scheme: dark) { :root { --hrk-color-text: #fff } }', ['1:1 @media is niet toegestaan: een huisstijl zet alleen tokens (--hrk-…) in :root { … } en laadt niets.']],
        ['url()', ':root {\n  --hrk-color-background: url(https://x.invalid/p.png);\n}', ['2:27 url() is niet toegestaan: een huisstijl mag niets laden.']],
        ['image-set()', ':root { --hrk-color-panel: image-set("a.png" 1x) }', ['1:28 image-set() is niet toegestaan: een huisstijl mag niets laden.']],
        ['another function', ':root { --hrk-color-text: color-mix(in srgb, red, blue) }', [expect.stringMatching(/^1:27 color-mix\(\) is niet toegestaan; een waarde mag alleen rgb\(\), .* gebruiken\.$/)]],
        ['a CSS property', ':root { color: red }', ['1:9 Alleen design tokens (--hrk-…) mogen in een huisstijl, niet de eigenschap ‘color’.']],
        ['an unknown token, with a suggestion', ':root { --hrk-colour-text: #000 }', ['1:9 Onbekend token --hrk-colour-text. Bedoelt u --hrk-color-text? De tokens staan in docs/publiceren.md.']],
        ['a token of another design system', ':root { --utrecht-document-color: #000 }', ['1:9 Onbekend token --utrecht-document-color. De tokens staan in docs/publiceren.md.']],
        ['an escape', ':root { --hrk-color-text: \\75rl(x) }', ['1:27 \\ is niet toegestaan in een huisstijl.']],
        ['< that would end the page\'s <style>', ':root { --hrk-font-family: "x</style><script>alert(1)</script>" }', ['1:30 < is niet toegestaan in een huisstijl.']],
        ['!important', ':root { --hrk-color-text: #000 !important }', ['1:32 !important is niet toegestaan in een huisstijl.']],
        ['a string that does not end (it takes the rule\'s } with it)', ':root { --hrk-font-family: "Arial }', [
            '1:1 Deze :root { … } wordt niet gesloten met }.', '1:28 Deze tekst tussen aanhalingstekens wordt niet gesloten (op dezelfde regel).'
        ]],
        ['a comment that does not end', ':root { --hrk-color-text: #000 } /* …', ['1:34 Dit commentaar (/* …) wordt niet gesloten met */.']],
        ['a rule that does not end', ':root { --hrk-color-text: #000;', ['1:1 Deze :root { … } wordt niet gesloten met }.']],
        ['a colour the check cannot read', ':root { --hrk-color-text: black }', ['1:27 --hrk-color-text: ‘black’ is geen kleur die gecontroleerd kan worden; schrijf #rrggbb, rgb(…) of hsl(…), of var(--hrk-color-…).']],
        ['a transparent colour', ':root { --hrk-color-background: #ffffff80 }', ['1:33 --hrk-color-background: ‘#ffffff80’ is (deels) doorzichtig; een kleur in de huisstijl moet ondoorzichtig zijn, anders hangt het contrast af van wat eronder ligt.']],
        ['a size without unit', ':root { --hrk-font-size: 17 }', ['1:26 --hrk-font-size: schrijf een maat, bijvoorbeeld 1rem of 16px (of calc(…)).']],
        ['a font that is a number', ':root { --hrk-font-family: 12px }', ['1:28 --hrk-font-family: schrijf lettertypen als namen, gescheiden door komma\'s (bijvoorbeeld "Rijksoverheid Sans", Arial, sans-serif).']],
        ['a reference to a token of another kind', ':root { --hrk-color-text: var(--hrk-font-size) }', ['1:9 --hrk-color-text verwijst naar --hrk-font-size, dat geen token van dezelfde soort is.']],
        ['a loop of references', ':root { --hrk-color-text: var(--hrk-color-accent); --hrk-color-accent: var(--hrk-color-text) }', [
            '1:9 --hrk-color-text verwijst (via andere tokens) naar zichzelf.', '1:52 --hrk-color-accent verwijst (via andere tokens) naar zichzelf.'
        ]]
    ])('refuses %s, saying where', (_name, css, expected) => {
        expect(problems(parseTheme(css))).toEqual(expected);
    });

    test('names every problem of a file in one go, in the order of the file', () => {
        const result = parseTheme('body { color: red }\n@import "x.css";\n:root {\n  --hrk-color-text: url(x);\n  color: red;\n  --hrk-space-s: 8px;\n}\n');
        expect(problems(result).map(p => p.split(' ')[0])).toEqual(['1:1', '2:1', '4:21', '5:3']);
    });

    test('a colour with too little contrast is refused, naming the pair, both colours and the ratio', () => {
        expect(problems(parseTheme(':root {\n  --hrk-color-accent: #6b9bd1;\n}'))).toEqual([
            '2:3 Te weinig contrast voor links en knoppen: --hrk-color-accent (#6b9bd1) op --hrk-color-background (#ffffff) is 2,90:1; nodig is minstens 4,5:1 (WCAG 2.1 AA).',
            '2:3 Te weinig contrast voor links in de doorloop: --hrk-color-accent (#6b9bd1) op --hrk-color-panel (#f6f7f9) is 2,70:1; nodig is minstens 4,5:1 (WCAG 2.1 AA).',
            '2:3 Te weinig contrast voor de kop van de pagina en de antwoordknoppen: --hrk-color-on-accent (#ffffff) op --hrk-color-accent (#6b9bd1) is 2,90:1; nodig is minstens 4,5:1 (WCAG 2.1 AA).',
            '2:3 Te weinig contrast voor links in uitleg: --hrk-color-accent (#6b9bd1) op --hrk-color-accent-soft (#e8eef7) is 2,48:1; nodig is minstens 4,5:1 (WCAG 2.1 AA).'
        ]);
    });

    test('contrast follows references, and a ratio just below 4.5 is not rounded up', () => {
        // #777 on white is 4.478…: shown as 4,47, never as 4,5.
        expect(problems(parseTheme(':root { --hrk-color-border: #777777; --hrk-color-text-muted: var(--hrk-color-border) }'))[0])
            .toBe('1:38 Te weinig contrast voor bijzaken: --hrk-color-text-muted (#777777) op --hrk-color-background (#ffffff) is 4,47:1; nodig is minstens 4,5:1 (WCAG 2.1 AA).');
        // A dark page with light text passes.
        expect(parseTheme(`:root { --hrk-color-background: #111111; --hrk-color-panel: #1c1c1c; --hrk-color-accent-soft: #1c2a3a;
            --hrk-color-text: #f0f0f0; --hrk-color-text-muted: #c8c8c8; --hrk-color-accent: #9cc3ff; --hrk-color-on-accent: #000000;
            --hrk-color-accent-hover: #c0d8ff; --hrk-color-question: #ffcc66; --hrk-color-advice: #88dd99; --hrk-color-path: #ffa070; --hrk-color-error: #ff9999 }`).ok).toBe(true);
    });

    test('in English with --lang en', () => {
        expect(problems(parseTheme('p { }', 'en'))).toEqual(['1:1 Only :root { … } is allowed, not ‘p’: a house style sets tokens (--hrk-…), no rules of its own.']);
        expect(problems(parseTheme(':root { --hrk-color-text: #999 }', 'en'))[0]).toBe(
            '1:9 Too little contrast for text: --hrk-color-text (#999) on --hrk-color-background (#ffffff) is 2,84:1; at least 4.5:1 is needed (WCAG 2.1 AA).'.replace('2,84', '2.84'));
    });
});
