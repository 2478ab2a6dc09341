import { beforeAll, describe, expect, test } from 'vitest';
import { readDutchNumber } from '../../../language/calculation/dutch-input.js';
import type { HandreikingJson } from '../../../language/generation/json/handreiking-json.js';
import { anchorId, calculatorIds } from '../../../language/generation/html/guide-contract.js';
import { generateHtmlGuide } from '../../../language/generation/html/html-guide.js';
import { hrk, PWN } from './hostile-corpus.js';
import { exampleJson, exportFiles } from '../../helpers.js';

/** The rekenhulp as the page writes it (calculator-html.ts), and the numbers it reads (dutch-input.ts). */

const fakeAssets = { mermaidJs: 'window.mermaid = undefined;', appJs: 'document.title = "app";' };

/** The start tag of the element with `id`. */
function tagWithId(html: string, id: string): string | undefined {
    return [...html.matchAll(/<[a-z]+\b[^>]*>/g)].map(m => m[0]).find(t => t.includes(` id="${id}"`));
}

describe('the rekenhulp of the examples guide', () => {
    let json: HandreikingJson;
    let html: string;
    beforeAll(async () => {
        json = await exampleJson();
        html = generateHtmlGuide(json, fakeAssets);
    });

    test('a section with a form per calculation, hidden until the app wires it, and a live output', () => {
        expect(json.calculations.length).toBeGreaterThan(0);
        expect(html).toContain('<section id="rekenhulp" aria-labelledby="rekenhulp-titel">');
        expect(html).toContain('<li><a href="#rekenhulp">Rekenhulp</a>');
        for (const [index, calculation] of json.calculations.entries()) {
            const anchor = anchorId('calculation', calculation.id);
            expect(tagWithId(html, anchor)).toBeDefined();
            expect(html).toContain(`<form class="calc-form" data-calculation="${index}" novalidate hidden aria-labelledby="${anchor}-titel">`);
            expect(tagWithId(html, `${anchor}-uitkomst`)).toContain('aria-live="polite"');
        }
    });

    test('every input has a label tied to it, inputmode decimal, a hint it points to; optional ones say so', () => {
        const soo = json.calculations.find(c => c.id === 'SooBijdrage')!;
        for (const input of soo.inputs) {
            const ids = calculatorIds(soo.id, input.id);
            const field = tagWithId(html, ids.field)!;
            expect(field).toMatch(/^<input /);
            expect(field).toContain('inputmode="decimal"');
            expect(field).toContain(`aria-describedby="${ids.hint}"`);
            expect(field.includes('aria-required="true"')).toBe(!input.optional);
            expect(tagWithId(html, ids.hint)).toBeDefined();
            expect(tagWithId(html, ids.error)).toContain('hidden');
            const label = new RegExp(`<label for="${ids.field}">([^<]*)(?:<span class="calc-unit">\\(([^)]*)\\)</span>)?</label>`).exec(html);
            expect(label?.[1].trim()).toBe(input.title);
            if (input.optional) expect(label?.[2]).toContain('optioneel');
        }
        expect(html).toContain('<span class="calc-unit">(in m²)</span>');
        expect(html).toContain('<span class="calc-unit">(in euro, optioneel)</span>');
    });

    test('the funding rule with the calculation links to its rekenhulp', () => {
        const card = new RegExp(`<article class="card" id="${anchorId('funding', 'SOO')}">[\\s\\S]*?</article>`).exec(html)![0];
        expect(card).toContain(`<a href="#${anchorId('calculation', 'SooBijdrage')}">Reken het uit: Bijdrage uit de SOO</a>`);
    });
});

describe('the rekenhulp with hostile titles', () => {
    test('no title becomes markup', async () => {
        const json = await exportFiles({
            'kwaad.hrk': `
berekening Reken ${hrk(PWN.img)} {
    toelichting ${hrk(PWN.style)}
    invoer a ${hrk(PWN.script)} in m2
    invoer b ${hrk(PWN.attribute)}, optioneel
    uitkomst ${hrk(PWN.svg)} in m2 = a * 2
}`
        });
        const html = generateHtmlGuide(json, fakeAssets);
        expect(html).not.toMatch(/<img\b/i);
        expect(html).not.toMatch(/<svg\b/i);
        expect(html.match(/<style\b/gi)).toHaveLength(1);
        const tags = [...html.matchAll(/<[a-zA-Z][^>]*>/g)].map(m => m[0]);
        expect(tags.filter(t => /\son[a-z]+\s*=/i.test(t))).toEqual([]);
        expect(html).toContain(`<label for="${calculatorIds('Reken', 'a').field}">&lt;script&gt;window.__pwned=1&lt;/script&gt; <span class="calc-unit">(in m²)</span></label>`);
        expect(html).toContain('&quot; onmouseover=&quot;window.__pwned=1');
    });
});

describe('readDutchNumber', () => {
    const value = (text: string) => {
        const read = readDutchNumber(text);
        return 'value' in read ? read.value.toDecimal() : 'empty' in read ? 'leeg' : `fout: ${read.problem}`;
    };
    test('Dutch notation', () => {
        expect(value('45')).toBe('45');
        expect(value(' 2,5 ')).toBe('2.5');
        expect(value('100.000')).toBe('100000');
        expect(value('1.000.000,25')).toBe('1000000.25');
        expect(value('100 000')).toBe('100000');
        expect(value('-3')).toBe('-3');
        expect(value('')).toBe('leeg');
        expect(value('   ')).toBe('leeg');
    });
    test('anything else, with what to write instead', () => {
        expect(value('2.5')).toBe('fout: Gebruik een komma voor decimalen, bijvoorbeeld 2,5.');
        expect(value('€ 45')).toBe('fout: Vul alleen een getal in, zonder eenheid of euroteken, bijvoorbeeld 45 of 2,5.');
        expect(value('45 m2')).toBe('fout: Vul alleen een getal in, zonder eenheid of euroteken, bijvoorbeeld 45 of 2,5.');
        expect(value('veel')).toBe('fout: Dit is geen getal. Schrijf bijvoorbeeld 45, 2,5 of 100.000.');
        expect(value('1,2,3')).toBe('fout: Dit is geen getal. Schrijf bijvoorbeeld 45, 2,5 of 100.000.');
        expect(value('1e5')).toMatch(/^fout: /);
        expect(value('9'.repeat(500))).toBe('fout: Dit getal is te lang.');
    });
});
