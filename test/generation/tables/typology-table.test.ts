import { JSDOM } from 'jsdom';
import { marked } from 'marked';
import { beforeAll, describe, expect, test } from 'vitest';
import type { HandreikingJson, ProvenanceJson, SourceJson } from '../../../language/generation/json/handreiking-json.js';
import { cleanText } from '../../../language/text/clean-text.js';
import { escapeMarkdown, typologyTableHtml, typologyTableMarkdown } from '../../../language/generation/tables/typology-table.js';
import { UNKNOWN } from '../../../language/generation/tables/typology-rows.js';
import { exampleJson } from '../../helpers.js';
import { hostileLabels } from '../mermaid/hostile-labels.js';

const source: SourceJson = { file: 't.hrk', line: 1, column: 1, endLine: 1, endColumn: 1 };
const unmarked: ProvenanceJson = { kind: 'unmarked' };

/** The table as a browser would build it. */
function tableOf(html: string): HTMLTableElement {
    const table = new JSDOM(html).window.document.querySelector('table');
    if (!table) throw new Error('no <table>');
    return table;
}

/** What a cell or item says, without the provenance marker after it. */
function valueText(element: Element): string {
    const copy = element.cloneNode(true) as Element;
    for (const mark of copy.querySelectorAll('.hrk-mark')) mark.remove();
    return (copy.textContent ?? '').replace(/ $/, '');
}

/** The table's rows of a Markdown table (the notes under it are not rows). */
function tableLines(markdown: string): string[] {
    return markdown.split('\n').filter(l => l.startsWith('|'));
}

/** Splits a GFM table row the way GitHub does: a backslash escapes the next character, `|` separates cells. */
function markdownCells(row: string): string[] {
    const cells: string[] = [];
    let cell = '';
    for (let i = 1; i < row.length - 1; i++) {
        const c = row[i]!;
        if (c === '\\') { cell += c + (row[i + 1] ?? ''); i++; continue; }
        if (c === '|') { cells.push(cell.trim()); cell = ''; continue; }
        cell += c;
    }
    cells.push(cell.trim());
    return cells;
}

describe('typology table of the examples', () => {
    let json: HandreikingJson;
    let table: HTMLTableElement;
    beforeAll(async () => {
        json = await exampleJson();
        table = tableOf(typologyTableHtml(json));
    });

    test('has a column per typology (5) with its title, after the row-header column', () => {
        const headers = [...table.tHead!.rows[0]!.cells].map(valueText);
        expect(headers).toHaveLength(6);
        expect(headers.slice(1)).toEqual(json.typologies.map(t => t.title));
        expect(json.typologies).toHaveLength(5);
    });

    test('has a row per characteristic, titled, with each typology\'s value', () => {
        const rows = [...table.querySelectorAll('tbody.hrk-characteristic tr')];
        expect(rows.map(r => r.querySelector('th')!.textContent)).toEqual(json.characteristics.map(c => c.title));
        json.characteristics.forEach((c, i) => {
            const values = [...rows[i]!.querySelectorAll('td')].map(valueText);
            expect(values).toEqual(json.typologies.map(t => t.values[c.id] ?? (t.unknownValues.includes(c.id) ? UNKNOWN : '')));
        });
    });

    test('a value the guide says is not known reads "niet bekend", not blank: the woonvorm\'s size', () => {
        const rows = [...table.querySelectorAll('tbody.hrk-characteristic tr')];
        const schaal = rows[json.characteristics.findIndex(c => c.id === 'Schaal')]!;
        const woonvorm = json.typologies.findIndex(t => t.id === 'Woonvorm');
        expect(json.typologies[woonvorm]!.unknownValues).toEqual(['Schaal']);
        expect(valueText(schaal.querySelectorAll('td')[woonvorm]!)).toBe('niet bekend');
    });

    test('has rows for activities, comparable rooms and the funding per term, like the guide\'s slides', () => {
        const titles = [...table.tBodies].slice(1).flatMap(b => [...b.rows].map(r => r.cells[0]!.textContent));
        expect(titles).toEqual(['Activiteiten', 'Vergelijkbaar', 'Financiering incidenteel', 'Financiering meerjarig', 'Financiering structureel']);
        const structural = [...table.querySelectorAll('tbody.hrk-funding tr[data-key="structural"] td')];
        const titleOf = new Map(json.funding.map(f => [f.id, f.title]));
        json.typologies.forEach((t, i) => {
            expect([...structural[i]!.querySelectorAll('li')].map(valueText)).toEqual(t.funding.structural.map(id => titleOf.get(id)));
        });
    });

    test('is styled through classes only: no inline style, script or event handler', () => {
        const html = typologyTableHtml(json);
        expect(html).not.toMatch(/<script|style=|\son\w+=/i);
        expect(table.classList.contains('hrk-typology-table')).toBe(true);
    });

    test('the Markdown table has the same grid', () => {
        const lines = tableLines(typologyTableMarkdown(json));
        expect(lines).toHaveLength(2 + json.characteristics.length + 5);
        for (const line of lines) expect(markdownCells(line)).toHaveLength(6);
        const first = json.characteristics[0]!.id;
        const unmarked = (cell: string) => cell.replace(/ \((?:gereconstrueerd|illustratief)[⁰¹²³⁴⁵⁶⁷⁸⁹]+\)/g, '');
        expect(markdownCells(lines[2]!).map(unmarked)).toEqual([json.characteristics[0]!.title, ...json.typologies.map(t => t.values[first] ?? (t.unknownValues.includes(first) ? UNKNOWN : ''))]);
    });
});

describe('hostile values', () => {
    const hostile: HandreikingJson = {
        formatVersion: 1, trees: [], stakeholders: [], chapters: [], scenarios: [], calculations: [], calculationScenarios: [],
        characteristics: hostileLabels.map(([, text], i) => ({ id: `K${i}`, title: text, values: [text], source })),
        typologies: [0, 1].map(t => ({
            id: `T${t}"><script>alert(1)</script>`, title: hostileLabels[t]![1], source, provenance: unmarked,
            values: Object.fromEntries(hostileLabels.map(([, text], i) => [`K${i}`, text])), unknownValues: [], valueProvenance: {},
            activities: hostileLabels.map(([, text]) => text), activitiesProvenance: [], comparable: ['a | b'],
            funding: { incidental: ['F'], multiYear: [], structural: [] }
        })),
        funding: [{ id: 'F', title: '<img src=x onerror=alert(1)>', applicability: { kind: 'all', typologies: [], provenance: unmarked }, via: [], conditions: [], conditionsProvenance: [], sources: [], source, provenance: unmarked }]
    };

    test('every text is escaped in the HTML: the table shows it and no markup gets in', () => {
        const html = typologyTableHtml(hostile);
        const table = tableOf(html);
        expect(table.querySelectorAll('script, img, svg, [onerror], [onload]')).toHaveLength(0);
        expect(html).not.toContain('<script');
        expect(html).not.toContain('<img');
        expect(html).not.toMatch(/[\u0000-\u0008\u202A-\u202E\u2066-\u2069]/);
        const rows = [...table.querySelectorAll('tbody.hrk-characteristic tr')];
        hostileLabels.forEach(([, text], i) => {
            // Cleaned as diagram labels are (no control or bidi characters); the rest is shown as written.
            const shown = cleanText(text);
            // A blank title falls back to the id.
            expect(rows[i]!.querySelector('th')!.textContent).toBe(text.trim() ? shown : `K${i}`);
            expect(rows[i]!.querySelector('td')!.textContent).toBe(shown);
        });
        expect(table.tHead!.rows[0]!.cells[1]!.getAttribute('data-typology')).toBe('T0"><script>alert(1)</script>');
        expect(table.querySelector('tbody.hrk-funding li')!.textContent).toBe('<img src=x onerror=alert(1)>');
    });

    test('Markdown escapes pipes, line breaks and markup, so every row keeps its cells', () => {
        const lines = typologyTableMarkdown(hostile).trimEnd().split('\n');
        // Without provenance nothing is marked and no notes follow the table.
        expect(lines).toHaveLength(2 + hostileLabels.length + 5);
        for (const line of lines) expect(markdownCells(line)).toHaveLength(3);
        expect(lines.join('\n')).not.toMatch(/(^|[^\\])<(?!br>|!-- -->)/);
        expect(typologyTableMarkdown(hostile)).toContain('a \\| b');
    });

    test.each([
        ['a | b', 'a \\| b'],
        ['a\\|b', 'a\\\\\\|b'],
        ['regel 1\nregel 2\r\nregel 3', 'regel 1<br>regel 2<br>regel 3'],
        ['<script>', '\\<script\\>'],
        ['*nadruk* _ook_ `code` [link](x)', '\\*nadruk\\* \\_ook\\_ \\`code\\` \\[link\\](x)'],
        ['&amp;', '\\&amp;'],
        ['$x^2$', '\\$x^2\\$'],
        // GFM's extended autolinks, each broken by an empty comment (see the CLI test for why escapes cannot).
        ['www.voorbeeld.nl', 'www<!-- -->.voorbeeld.nl'],
        ['WWW.VOORBEELD.NL', 'WWW<!-- -->.VOORBEELD.NL'],
        ['https://voorbeeld.nl/pad', 'https:<!-- -->//voorbeeld.nl/pad'],
        ['mailto:a@b.nl', 'mailto:a<!-- -->@b.nl'],
        ['een:dubbele punt en @iemand', 'een:dubbele punt en <!-- -->@iemand']
    ])('escapeMarkdown(%j)', (raw, escaped) => {
        expect(escapeMarkdown(raw)).toBe(escaped);
    });
});

describe('provenance in the table: a marker on each reconstructed or illustrative cell, the reason in a note', () => {
    let json: HandreikingJson;
    beforeAll(async () => { json = await exampleJson(); });

    const flagged = (p: ProvenanceJson | undefined): p is ProvenanceJson => p?.kind === 'reconstructed' || p?.kind === 'illustrative';
    const word = (p: ProvenanceJson) => (p.kind === 'reconstructed' ? 'gereconstrueerd' : 'illustratief');
    const Word = (p: ProvenanceJson) => (p.kind === 'reconstructed' ? 'Gereconstrueerd' : 'Illustratief');

    /** Per typology column: each characteristic value's, activity's and funding source's provenance, as the JSON says. */
    function expectedItems(j: HandreikingJson): Array<{ column: number; row: string; text: string; provenance?: ProvenanceJson }> {
        const funding = new Map(j.funding.map(f => [f.id, f]));
        return j.typologies.flatMap((t, column) => [
            ...j.characteristics.filter(c => c.id in t.values || t.unknownValues.includes(c.id))
                .map(c => ({ column, row: c.id, text: t.values[c.id] ?? UNKNOWN, provenance: t.valueProvenance[c.id] })),
            ...t.activities.map((text, i) => ({ column, row: 'activities', text, provenance: t.activitiesProvenance[i] })),
            ...(['incidental', 'multiYear', 'structural'] as const).flatMap(term => t.funding[term].map(id => {
                const rule = funding.get(id)!;
                return { column, row: term, text: rule.title, provenance: flagged(rule.applicability.provenance) ? rule.applicability.provenance : rule.provenance };
            }))
        ]);
    }

    test('HTML: every flagged value, activity and funding source has a marker that links to a note with its reason; the guide\'s own content has none', () => {
        const document = new JSDOM(typologyTableHtml(json)).window.document;
        const table = document.querySelector('table')!;
        const rowOf = (key: string) => key === 'activities' ? table.querySelector('tbody.hrk-activities tr')! : table.querySelector(`tr[data-key="${key}"]`)!;
        const items = expectedItems(json);
        expect(items.filter(i => flagged(i.provenance)).length).toBeGreaterThan(30);
        expect(items.filter(i => !flagged(i.provenance)).length).toBeGreaterThan(30);
        for (const item of items) {
            const cell = rowOf(item.row).querySelectorAll('td')[item.column]!;
            const holder = [...cell.querySelectorAll('li')].find(li => valueText(li) === item.text) ?? cell;
            expect(valueText(holder), `${item.row} ${item.text}`).toBe(holder === cell ? item.text : item.text);
            const mark = holder.querySelector('.hrk-mark');
            if (!flagged(item.provenance)) {
                expect(mark, `${item.row}: ${item.text} is the guide's own`).toBeNull();
                continue;
            }
            expect(mark, `${item.row}: ${item.text}`).not.toBeNull();
            expect(mark!.textContent).toMatch(new RegExp(`^${word(item.provenance)} noot \\d+$`));
            const id = mark!.getAttribute('href')!.slice(1);
            expect(mark!.getAttribute('aria-describedby')).toBe(id);
            expect(mark!.hasAttribute('title')).toBe(false);
            const note = document.getElementById(id)!;
            expect(note.textContent).toBe(`${Word(item.provenance)}: ${item.provenance.detail}`);
            expect(mark!.textContent).toBe(`${word(item.provenance)} noot ${[...note.parentElement!.children].indexOf(note) + 1}`);
        }
        // One note per distinct reason, in reading order.
        const distinct = new Set(items.filter(i => flagged(i.provenance)).map(i => `${i.provenance!.kind}\n${i.provenance!.detail}`));
        expect(document.querySelectorAll('.hrk-notes-list > li')).toHaveLength(distinct.size);
    });

    test('the issue\'s case: \'t Koffieho(n)k\'s funding is marked where the guide does not say it applies, the SOO is not', () => {
        const document = new JSDOM(typologyTableHtml(json)).window.document;
        const column = json.typologies.findIndex(t => t.id === 'Koffiehonk');
        const items = [...document.querySelectorAll('tbody.hrk-funding tr')].flatMap(tr => [...tr.querySelectorAll('td')[column]!.querySelectorAll('li')]);
        expect(items.length).toBeGreaterThan(0);
        for (const li of items) {
            const rule = json.funding.find(f => f.title === valueText(li))!;
            expect(li.querySelector('.hrk-mark') !== null, rule.id).toBe(rule.applicability.provenance.kind === 'reconstructed');
        }
    });

    test('Markdown: the same markers, and the notes as a numbered list under the table', () => {
        const markdown = typologyTableMarkdown(json);
        const document = new JSDOM(marked.parse(markdown, { gfm: true, async: false })).window.document;
        const notes = [...document.querySelectorAll('ol > li')].map(li => li.textContent ?? '');
        const html = new JSDOM(typologyTableHtml(json)).window.document;
        expect(notes).toEqual([...html.querySelectorAll('.hrk-notes-list > li')].map(li => li.textContent));
        const cells = [...document.querySelectorAll('table td, table th')].map(td => td.textContent ?? '');
        const marks = cells.flatMap(c => [...c.matchAll(/\((gereconstrueerd|illustratief)([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\)/g)]);
        expect(marks.length).toBe(html.querySelectorAll('.hrk-mark').length);
        for (const [, kind, digits] of marks) {
            const n = Number([...digits!].map(d => '⁰¹²³⁴⁵⁶⁷⁸⁹'.indexOf(d)).join(''));
            expect(notes[n - 1]!.toLowerCase().startsWith(kind!)).toBe(true);
        }
        expect(markdown).toContain('Gemarkeerde cellen zijn niet de tekst van de handreiking');
    });

    const hostileReasons: HandreikingJson = {
        formatVersion: 1, trees: [], stakeholders: [], chapters: [], scenarios: [], calculations: [], calculationScenarios: [],
        characteristics: hostileLabels.map(([, text], i) => ({ id: `K${i}`, title: `K${i}`, values: [text], source })),
        typologies: [{
            id: 'T', title: 'T', source, provenance: { kind: 'guide' },
            values: Object.fromEntries(hostileLabels.map((_, i) => [`K${i}`, `waarde ${i}`])), unknownValues: [],
            valueProvenance: Object.fromEntries(hostileLabels.map(([, text], i) => [`K${i}`, { kind: i % 2 === 0 ? 'reconstructed' : 'illustrative', detail: `reden ${i}: ${text}` } as ProvenanceJson])),
            activities: [], activitiesProvenance: [], comparable: [],
            funding: { incidental: [], multiYear: [], structural: [] }
        }],
        funding: []
    };

    test('a hostile reason is text in the HTML note, never markup, and never in an attribute', () => {
        const html = typologyTableHtml(hostileReasons);
        expect(html).not.toMatch(/<script|<img|<svg/);
        const document = new JSDOM(html).window.document;
        expect(document.querySelectorAll('script, img, svg, [onerror], [onload]')).toHaveLength(0);
        expect([...document.querySelectorAll('*')].flatMap(e => [...e.attributes]).filter(a => a.value.includes('reden'))).toEqual([]);
        const notes = [...document.querySelectorAll('.hrk-notes-list > li')];
        expect(notes).toHaveLength(hostileLabels.length);
        hostileLabels.forEach(([, text], i) => {
            const word = i % 2 === 0 ? 'Gereconstrueerd' : 'Illustratief';
            expect(notes[i]!.textContent).toBe(`${word}: ${cleanText(`reden ${i}: ${text}`).trim()}`);
        });
    });

    test('a hostile reason is text in the Markdown notes: one list item each, nothing live', () => {
        const markdown = typologyTableMarkdown(hostileReasons);
        const document = new JSDOM(marked.parse(markdown, { gfm: true, async: false })).window.document;
        expect([...new Set([...document.body.querySelectorAll('*')].map(e => e.localName))].sort())
            .toEqual(['br', 'li', 'ol', 'p', 'table', 'tbody', 'td', 'th', 'thead', 'tr']);
        const notes = [...document.querySelectorAll('ol > li')];
        expect(notes).toHaveLength(hostileLabels.length);
        hostileLabels.forEach(([, text], i) => {
            for (const br of [...notes[i]!.querySelectorAll('br')]) br.replaceWith('\n');
            const word = i % 2 === 0 ? 'Gereconstrueerd' : 'Illustratief';
            expect(notes[i]!.textContent, JSON.stringify(text)).toBe(`${word}: ${cleanText(`reden ${i}: ${text}`).trim()}`);
        });
    });
});
