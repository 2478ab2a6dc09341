import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { JSDOM } from 'jsdom';
import { marked } from 'marked';
import { afterAll, describe, expect, test } from 'vitest';
import { tempFolder } from '../support/temp-dir.js';
import { handreikingBin as bin } from '../support/cli.js';

/**
 * `handreiking export markdown`: the typology table for documentation sites and wikis. Plain text
 * from the guide must stay plain text under GitHub-flavoured Markdown: no link, image, HTML, code,
 * emphasis or math, and in particular none of GFM's extended autolinks (`www.`, `https://`, e-mail).
 *
 * Two checks, because no single JavaScript renderer behaves like GitHub's own (cmark-gfm):
 * 1. the file rendered with marked (GFM on): only the table's own elements, every cell's text as written;
 * 2. GFM's autolink rules as cmark-gfm applies them: `www.` and `http(s)://`/`ftp://` are looked for in
 *    the source, e-mail addresses in each run of text after escapes and entities are decoded and
 *    adjacent text is joined (only HTML, here an empty comment, separates runs). marked alone would
 *    miss that: it does not link `a\@b.nl`, while GitHub does.
 */

const made: string[] = [];
afterAll(() => {
    for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

/** Texts that GFM would turn into something other than text, one per cell. */
const texts = [
    'Zie www.voorbeeld.nl voor meer',
    '(www.voorbeeld.nl/pad?x=1)',
    '*www.voorbeeld.nl*',
    'WWW.VOORBEELD.NL',
    'https://voorbeeld.nl/pad',
    'HTTP://VOORBEELD.NL',
    'ftp://voorbeeld.nl',
    'xhttps://voorbeeld.nl',
    'mail a@b.voorbeeld of c.d+e@f-g.voorbeeld.nl.',
    'mailto:post@voorbeeld.nl',
    'xmpp:chat@voorbeeld.nl/thuis',
    'a_b@c.nl en a\\@b.nl en a&#64;b.nl',
    '<https://voorbeeld.nl> en <post@voorbeeld.nl>',
    '[tekst](https://voorbeeld.nl) en ![plaatje](https://voorbeeld.nl/p.png)',
    '*nadruk* **sterk** _ook_ ~~weg~~ `code`',
    '<img src=x onerror=alert(1)> <b>vet</b> <!-- -->',
    '&lt;script&gt; &amp; &#60;',
    '$x^2$ en $$y$$',
    'voetnoot[^1] en \\www.voorbeeld.nl',
    'regel 1\nregel 2 www.voorbeeld.nl'
];

/** A string literal of the .hrk language. */
const hrk = (text: string) => `"${text.replace(/[\\"]/g, c => `\\${c}`).replace(/\n/g, '\\n')}"`;

function guide(): string {
    const scale = texts.map(hrk).join(', ');
    return [
        `kenmerk K ${hrk(texts[0]!)} { ${scale} }`,
        ...texts.map((text, i) => `typologie T${i} ${hrk(text)} {\n    K = ${hrk(text)}\n    activiteiten ${hrk(text)}, "koken"\n    vergelijkbaar ${hrk(text)}\n}`)
    ].join('\n') + '\n';
}

/** The cells of every row, as a reader sees them (a `<br>` is a line break). */
function cellTexts(table: Element): string[][] {
    return [...table.querySelectorAll('tr')].map(tr => [...tr.children].map(cell => {
        for (const br of [...cell.querySelectorAll('br')]) br.replaceWith('\n');
        return cell.textContent ?? '';
    }));
}

/** Each maximal run of text inside the table: text nodes joined until an element or a comment. */
function textRuns(node: Node, runs: string[] = [''] ): string[] {
    for (const child of [...node.childNodes]) {
        if (child.nodeType === child.TEXT_NODE) runs[runs.length - 1] += child.textContent ?? '';
        else {
            runs.push('');
            if (child.nodeType === child.ELEMENT_NODE) textRuns(child, runs);
            runs.push('');
        }
    }
    return runs.filter(r => r !== '');
}

describe('handreiking export markdown', () => {
    test('plain text stays plain text under GitHub-flavoured Markdown: no autolink, link, image, HTML, emphasis, code or math', () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hrk-md-'));
        made.push(dir);
        fs.writeFileSync(path.join(dir, 'typologieen.hrk'), guide());
        const r = spawnSync(process.execPath, [bin, 'export', 'markdown', '.', '-o', 'uit', '--force'], { cwd: dir, encoding: 'utf-8' });
        expect(r.status, r.stderr).toBe(0);
        const markdown = fs.readFileSync(path.join(dir, 'uit', 'typologieen.md'), 'utf-8');

        // 1. Rendered: the table's own elements only, and each text exactly as written.
        const html = marked.parse(markdown, { gfm: true, async: false });
        const document = new JSDOM(html).window.document;
        const table = document.querySelector('table')!;
        expect([...new Set([...document.body.querySelectorAll('*')].map(e => e.localName))].sort()).toEqual(['br', 'table', 'tbody', 'td', 'th', 'thead', 'tr']);
        const rows = cellTexts(table);
        expect(rows[0]).toEqual(['Kenmerk', ...texts]);
        const row = (title: string) => rows.find(cells => cells[0] === title)!.slice(1);
        expect(row(texts[0]!)).toEqual(texts);
        expect(row('Activiteiten')).toEqual(texts.map(t => `${t}\nkoken`));
        expect(row('Vergelijkbaar')).toEqual(texts);

        // 2. GFM's autolink rules, applied where cmark-gfm applies them.
        expect(markdown).not.toMatch(/(?:^|[\s*_~(])www\./im);
        expect(markdown).not.toMatch(/(?:https?|ftp):\/\//i);
        const email = /[A-Za-z0-9.+_-]@[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)+/;
        const runs = textRuns(table);
        expect(runs.join('')).toContain('b.voorbeeld of c.d+e');
        for (const run of runs) expect(run).not.toMatch(email);
    });

    test('reconstructed and illustrative cells carry a marker, and the reason is a note under the table, as text', () => {
        const reason = 'Niet op de dia | zie [hier](javascript:alert(1)) <img src=x> www.voorbeeld.nl\n# geen kop';
        const dir = tempFolder('hrk-md-herkomst-', {
            'typologieen.hrk': [
                'kenmerk Schaal "Schaal" { "klein", "groot" }',
                'typologie Klein "Kleine ruimte" {',
                '    herkomst handreiking "dia Typen"',
                `    Schaal = "klein" herkomst gereconstrueerd ${hrk(reason)}`,
                '    activiteiten "koffie" herkomst illustratief',
                '    vergelijkbaar "De Hoek"',
                '}',
                ''
            ].join('\n')
        });
        const r = spawnSync(process.execPath, [bin, 'export', 'markdown', '.', '-o', 'uit'], { cwd: dir, encoding: 'utf-8' });
        expect(r.status, r.stderr).toBe(0);
        const markdown = fs.readFileSync(path.join(dir, 'uit', 'typologieen.md'), 'utf-8');
        const document = new JSDOM(marked.parse(markdown, { gfm: true, async: false })).window.document;
        expect([...new Set([...document.body.querySelectorAll('*')].map(e => e.localName))].sort())
            .toEqual(['br', 'li', 'ol', 'p', 'table', 'tbody', 'td', 'th', 'thead', 'tr']);
        const rows = cellTexts(document.querySelector('table')!);
        expect(rows.find(cells => cells[0] === 'Schaal')).toEqual(['Schaal', 'klein (gereconstrueerd¹)']);
        expect(rows.find(cells => cells[0] === 'Activiteiten')).toEqual(['Activiteiten', 'koffie (illustratief²)']);
        // The guide's own content has no marker.
        expect(rows.find(cells => cells[0] === 'Vergelijkbaar')).toEqual(['Vergelijkbaar', 'De Hoek']);
        const notes = [...document.querySelectorAll('ol > li')].map(li => {
            for (const br of [...li.querySelectorAll('br')]) br.replaceWith('\n');
            return li.textContent;
        });
        expect(notes).toEqual([`Gereconstrueerd: ${reason}`, 'Illustratief']);
        expect(markdown).not.toMatch(/(?:^|[\s*_~(])www\./im);
    });
});
