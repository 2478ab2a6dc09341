import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, test } from 'vitest';
import type { HandreikingJson, ProvenanceJson, SourceJson } from '../../../language/generation/json/handreiking-json.js';
import { cleanText } from '../../../language/text/clean-text.js';
import { escapeMarkdown, typologyTableHtml, typologyTableMarkdown } from '../../../language/generation/tables/typology-table.js';
import { UNKNOWN } from '../../../language/generation/tables/typology-rows.js';
import { exampleJson } from '../mermaid/example-json.js';
import { hostileLabels } from '../mermaid/hostile-labels.js';

const source: SourceJson = { file: 't.hrk', line: 1, column: 1, endLine: 1, endColumn: 1 };
const unmarked: ProvenanceJson = { kind: 'unmarked' };

/** The table as a browser would build it. */
function tableOf(html: string): HTMLTableElement {
    const table = new JSDOM(html).window.document.querySelector('table');
    if (!table) throw new Error('no <table>');
    return table;
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
        const headers = [...table.tHead!.rows[0]!.cells].map(c => c.textContent);
        expect(headers).toHaveLength(6);
        expect(headers.slice(1)).toEqual(json.typologies.map(t => t.title));
        expect(json.typologies).toHaveLength(5);
    });

    test('has a row per characteristic, titled, with each typology\'s value', () => {
        const rows = [...table.querySelectorAll('tbody.hrk-characteristic tr')];
        expect(rows.map(r => r.querySelector('th')!.textContent)).toEqual(json.characteristics.map(c => c.title));
        json.characteristics.forEach((c, i) => {
            const values = [...rows[i]!.querySelectorAll('td')].map(td => td.textContent);
            expect(values).toEqual(json.typologies.map(t => t.values[c.id] ?? (t.unknownValues.includes(c.id) ? UNKNOWN : '')));
        });
    });

    test('a value the guide says is not known reads "niet bekend", not blank: the woonvorm\'s size', () => {
        const rows = [...table.querySelectorAll('tbody.hrk-characteristic tr')];
        const schaal = rows[json.characteristics.findIndex(c => c.id === 'Schaal')]!;
        const woonvorm = json.typologies.findIndex(t => t.id === 'Woonvorm');
        expect(json.typologies[woonvorm]!.unknownValues).toEqual(['Schaal']);
        expect(schaal.querySelectorAll('td')[woonvorm]!.textContent).toBe('niet bekend');
    });

    test('has rows for activities, comparable rooms and the funding per term, like the guide\'s slides', () => {
        const titles = [...table.tBodies].slice(1).flatMap(b => [...b.rows].map(r => r.cells[0]!.textContent));
        expect(titles).toEqual(['Activiteiten', 'Vergelijkbaar', 'Financiering incidenteel', 'Financiering meerjarig', 'Financiering structureel']);
        const structural = [...table.querySelectorAll('tbody.hrk-funding tr[data-key="structural"] td')];
        const titleOf = new Map(json.funding.map(f => [f.id, f.title]));
        json.typologies.forEach((t, i) => {
            expect([...structural[i]!.querySelectorAll('li')].map(li => li.textContent)).toEqual(t.funding.structural.map(id => titleOf.get(id)));
        });
    });

    test('is styled through classes only: no inline style, script or event handler', () => {
        const html = typologyTableHtml(json);
        expect(html).not.toMatch(/<script|style=|\son\w+=/i);
        expect(table.classList.contains('hrk-typology-table')).toBe(true);
    });

    test('the Markdown table has the same grid', () => {
        const lines = typologyTableMarkdown(json).trimEnd().split('\n');
        expect(lines).toHaveLength(2 + json.characteristics.length + 5);
        for (const line of lines) expect(markdownCells(line)).toHaveLength(6);
        const first = json.characteristics[0]!.id;
        expect(markdownCells(lines[2]!)).toEqual([json.characteristics[0]!.title, ...json.typologies.map(t => t.values[first] ?? (t.unknownValues.includes(first) ? UNKNOWN : ''))]);
    });
});

describe('hostile values', () => {
    const hostile: HandreikingJson = {
        formatVersion: 1, trees: [], stakeholders: [], chapters: [], scenarios: [],
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
