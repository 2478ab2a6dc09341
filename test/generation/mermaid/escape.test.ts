import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
    accessibleText, escapeLabelLine, labelBody, mermaidLabel, wrapWords
} from '../../../language/generation/mermaid/escape.js';
import { decodeHtmlLabel, decodePlainLabel, words } from './diagram-text.js';
import { mermaidParse } from '../../support/mermaid-parse.js';

describe('escaping one line for HTML labels', () => {
    test.each([
        ['"', '#quot;'], ['#', '#35;'], ['&', '#38;'], ['<', '#lt;'], ['>', '#gt;'], ['`', '#96;'], ['%', '#37;'],
        [';', '#59;'], ['|', '#124;'], ['\\', '#92;']
    ])('%s becomes %s', (raw, code) => {
        expect(escapeLabelLine(`a${raw}b`)).toBe(`a${code}b`);
    });

    test('letters, digits, diacritics and emoji stay as they are', () => {
        expect(escapeLabelLine("Ëén ïdee: café 'ij' ☕ 123")).toBe("Ëén ïdee: café 'ij' ☕ 123");
    });

    test('an entity code the user typed is shown, not decoded', () => {
        const escaped = escapeLabelLine('#quot; &lt;');
        expect(escaped).toBe('#35;quot#59; #38;lt#59;');
        expect(decodeHtmlLabel(escaped)).toBe('#quot; &lt;');
    });
});

describe('escaping one line for plain SVG text labels', () => {
    test('&, < and > use the only codes plain labels decode', () => {
        expect(escapeLabelLine('a & <b>', true)).toBe('a #amp; #lt;b#gt;');
    });

    test('quotes become typographic quotes, which plain labels can show', () => {
        expect(escapeLabelLine('zeg "ja" of ("nee")', true)).toBe('zeg “ja” of (“nee”)');
    });

    test('an entity-like #word, %% and a leading backtick are broken with a word joiner', () => {
        const escaped = escapeLabelLine('`x` #quot; %%{init}%% 50%', true);
        expect(escaped).not.toMatch(/#\w/);
        expect(escaped).not.toContain('%%');
        expect(escaped.startsWith('`')).toBe(false);
        expect(decodePlainLabel(escaped)).toBe('`x` #quot; %%{init}%% 50%');
    });

    test('a backslash before n cannot become a line break', () => {
        expect(escapeLabelLine('C:\\nieuw \\N', true)).not.toMatch(/\\n/i);
        expect(decodePlainLabel(escapeLabelLine('C:\\nieuw', true))).toBe('C:\\nieuw');
    });
});

describe('wrapping', () => {
    test('breaks at spaces, at most the width per line', () => {
        const lines = wrapWords('Is de bewonersbeheergroep stabiel en is er voldoende vernieuwing?', 20);
        expect(lines).toEqual(['Is de', 'bewonersbeheergroep', 'stabiel en is er', 'voldoende', 'vernieuwing?']);
        expect(lines.every(l => l.length <= 20)).toBe(true);
    });

    test('cuts a word longer than the width, never inside an emoji', () => {
        expect(wrapWords('x'.repeat(10), 4)).toEqual(['xxxx', 'xxxx', 'xx']);
        expect(wrapWords('😀😀😀', 2)).toEqual(['😀😀', '😀']);
    });

    test('width 0 turns wrapping off', () => {
        expect(wrapWords('een twee drie', 0)).toEqual(['een twee drie']);
    });

    test('counting code units where a line has no surrogates gives the lines of counting code points', () => {
        // The wrapping as it was before its fast path: every length in code points.
        const byCodePoints = (line: string, width: number): string[] => {
            const lines: string[] = [];
            let current: string[] = [];
            let length = 0;
            for (const word of line.split(' ').filter(w => w.length > 0)) {
                const chars = Array.from(word);
                const pieces = chars.length <= width ? [word] : Array.from({ length: Math.ceil(chars.length / width) }, (_, i) => chars.slice(i * width, (i + 1) * width).join(''));
                for (const piece of pieces) {
                    const pieceLength = Array.from(piece).length;
                    if (current.length > 0 && length + 1 + pieceLength > width) {
                        lines.push(current.join(' '));
                        current = [];
                        length = 0;
                    }
                    length += (current.length > 0 ? 1 : 0) + pieceLength;
                    current.push(piece);
                }
            }
            if (current.length > 0 || lines.length === 0) lines.push(current.join(' '));
            return lines;
        };
        const text = fc.array(fc.oneof(fc.constantFrom(' ', '  ', 'é', '😀', '\uD83D', 'ij'), fc.string({ maxLength: 12 })), { maxLength: 20 }).map(parts => parts.join(''));
        fc.assert(fc.property(text, fc.integer({ min: 1, max: 40 }), (line, width) => {
            expect(wrapWords(line, width)).toEqual(byCodePoints(line, width));
        }), { numRuns: 2000 });
        // A long text without surrogates is cut where counting code points cuts it, and so is one with them.
        expect(labelBody('a'.repeat(1200), { wrap: 0 })).toBe('a'.repeat(999) + '…');
        expect(labelBody('😀'.repeat(1200), { wrap: 0 })).toBe('😀'.repeat(999) + '…');
        expect(labelBody('😀'.repeat(600), { wrap: 0 })).toBe('😀'.repeat(600));
    });
});

describe('whole labels', () => {
    test('are quoted, wrapped with <br/> and escaped after wrapping', () => {
        expect(mermaidLabel('Huur & servicekosten voor "alle" typologieën', { wrap: 16 }))
            .toBe('"Huur #38;<br/>servicekosten<br/>voor #quot;alle#quot;<br/>typologieën"');
    });

    test('paragraphs and line breaks become separate lines; empty lines disappear', () => {
        expect(labelBody(['regel 1\n\nregel 2', 'Bijv.: x'])).toBe('regel 1<br/>regel 2<br/>Bijv.: x');
    });

    test('are cut at the maximum length with an ellipsis', () => {
        const decoded = decodeHtmlLabel(labelBody('woord '.repeat(1_000)));
        expect(Array.from(words(decoded)).length).toBeLessThanOrEqual(1_000);
        expect(decoded.endsWith('…')).toBe(true);
        expect(labelBody('x'.repeat(50), { maxLength: 10, wrap: 0 })).toBe('xxxxxxxxx…');
    });

    test('an empty or blank text is a no-break space, since Mermaid rejects ""', async () => {
        expect(labelBody('')).toBe('\u00A0');
        expect(labelBody(' \n\t ')).toBe('\u00A0');
        await expect(mermaidParse(`flowchart TD\n    n0[${mermaidLabel('')}];\n`)).resolves.toBeUndefined();
    });

    test('the harness is real: an unescaped quote makes mermaid.parse fail', async () => {
        await expect(mermaidParse('flowchart TD\n    n0["a " b"];\n')).rejects.toThrow();
    });
});

describe('accessibleText: the line after accTitle and accDescr', () => {
    const hostile = '</title><script>alert(1)</script> %%{init: {"theme":"dark"}}%% #35; & #quot;\nnieuwe regel';

    test('one line without tags, ampersands, directives or entity codes, the words kept', () => {
        const text = accessibleText(hostile);
        expect(text).not.toMatch(/[<>&\n]|%%|#\w/);
        expect(text).toContain('alert(1)');
        expect(text).toContain('nieuwe regel');
        expect(text).toBe('\u2039/title\u203A\u2039script\u203Aalert(1)\u2039/script\u203A %\u2060%{init: {"theme":"dark"}}%\u2060% #\u206035; \uFF06 #\u2060quot; nieuwe regel');
    });

    test('cut at its length with an ellipsis', () => {
        expect(accessibleText('woord '.repeat(100), 20)).toBe('woord woord woord w…');
    });

    test('a diagram with hostile accTitle and accDescr still parses as one flowchart', async () => {
        await expect(mermaidParse(`flowchart TD\n    n0["a"];\n    accTitle: ${accessibleText(hostile)}\n    accDescr: ${accessibleText(hostile)}\n`)).resolves.toBeUndefined();
    });
});
