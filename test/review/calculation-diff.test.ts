import { describe, expect, test } from 'vitest';
import { conditionText, decimalText, expressionText } from '../../language/calculation/expression-text.js';
import { exportWorkspaceJson } from '../../language/generation/json/export-json.js';
import type { HandreikingJson } from '../../language/generation/json/handreiking-json.js';
import { compareGuides } from '../../language/review/compare-guides.js';
import { reviewMarkdown, reviewText } from '../../language/review/render-review.js';
import type { ReviewJson } from '../../language/review/review-json.js';
import { createTestServices, validateFiles } from '../helpers.js';

/**
 * `handreiking diff` on calculations: their structure (inputs, rules, named values, outcome, as
 * formulas written back in the language's notation) and their behaviour (every scenario of a
 * calculation run on both versions). The amounts below follow from the formulas by hand:
 * 45 m² × € 2 500 = € 112 500, 50 m² × € 2 500 = € 125 000.
 */

async function json(text: string): Promise<HandreikingJson> {
    const services = createTestServices();
    const docs = await validateFiles(services, { 'g.hrk': text });
    const errors = [...docs.values()].flatMap(d => d.diagnostics ?? []).filter(d => d.severity === 1);
    expect(errors.map(e => `${e.code} ${e.message}`)).toEqual([]);
    return exportWorkspaceJson(services);
}

async function compare(oud: string, nieuw: string): Promise<ReviewJson> {
    const version = { label: 'x', kind: 'folder' as const, files: 1 };
    return compareGuides(await json(oud), await json(nieuw), { old: version, new: version });
}

const guide = (options: { plafond?: string; id?: string; scenarioId?: string; extraInput?: boolean } = {}) => `
berekening ${options.id ?? 'Bijdrage'} "Bijdrage uit de regeling" {
    herkomst bron "regeling"
    invoer oppervlakte "Vloeroppervlak" in m2
    invoer woningen "Aantal woningen"${options.extraInput ? '\n    invoer bouwkosten "Bouwkosten" in euro, optioneel' : ''}
    niet van toepassing als woningen < 5 "te weinig woningen"
    plafond = als woningen <= 20 dan ${options.plafond ?? '100.000'} euro anders 150.000 euro
    uitkomst "Bijdrage" in euro = minimum(2.500 euro per m2 * oppervlakte, plafond${options.extraInput ? ', bouwkosten' : ''})
}

scenario "45 m², 16 woningen" {
    berekening ${options.scenarioId ?? options.id ?? 'Bijdrage'}
    oppervlakte: 45
    woningen: 16
    verwacht 100.000
}

/** Faalt in beide versies: alleen het bedrag verandert. */
scenario "50 m², 16 woningen" {
    berekening ${options.scenarioId ?? options.id ?? 'Bijdrage'}
    oppervlakte: 50
    woningen: 16
    verwacht 1
}
`;

describe('handreiking diff on calculations', () => {
    test('a changed cap: the named value as formulas, and every scenario whose amount changed, also one that fails in both', async () => {
        const review = await compare(guide(), guide({ plafond: '120.000' }));
        expect(review.changed).toBe(true);
        expect(review.structure).toEqual([{
            change: 'modified', element: { type: 'calculation', id: 'Bijdrage' }, field: 'value', name: 'plafond',
            old: 'als woningen <= 20 dan 100.000 euro anders 150.000 euro', new: 'als woningen <= 20 dan 120.000 euro anders 150.000 euro'
        }]);
        expect(review.behaviour).toEqual([
            {
                change: 'calculationScenario', scenario: '45 m², 16 woningen', calculation: 'Bijdrage',
                old: { passed: true, outcome: { kind: 'value', value: '100000', unit: 'euro' } },
                new: { passed: false, outcome: { kind: 'value', value: '112500', unit: 'euro' } }
            },
            {
                change: 'calculationScenario', scenario: '50 m², 16 woningen', calculation: 'Bijdrage',
                old: { passed: false, outcome: { kind: 'value', value: '100000', unit: 'euro' } },
                new: { passed: false, outcome: { kind: 'value', value: '120000', unit: 'euro' } }
            }
        ]);

        const lines = reviewText(review, 'nl');
        expect(lines).toContain('  Berekening ‘Bijdrage’');
        expect(lines).toContain('    waarde ‘plafond’: was “als woningen <= 20 dan 100.000 euro anders 150.000 euro”, nu “als woningen <= 20 dan 120.000 euro anders 150.000 euro”');
        expect(lines).toContain('    scenario “45 m², 16 woningen”: gaf € 100 000, nu € 112 500; slaagde, faalt nu');
        expect(lines).toContain('    scenario “50 m², 16 woningen”: gaf € 100 000, nu € 120 000');
        expect(lines.at(-1)).toBe('1 wijziging in de structuur, 2 in het gedrag.');
        const en = reviewText(review, 'en');
        expect(en).toContain('    value ‘plafond’: was “als woningen <= 20 dan 100.000 euro anders 150.000 euro”, now “als woningen <= 20 dan 120.000 euro anders 150.000 euro”');
        expect(en).toContain('    scenario “45 m², 16 woningen”: gave € 100,000, now € 112,500; passed, now fails');
        // Markdown: formulas as code, so that `*` and `<` are not formatting.
        const md = reviewMarkdown(review, 'nl');
        expect(md).toContain('**Berekening `Bijdrage`**\n\n- waarde `plafond`: was `als woningen <= 20 dan 100.000 euro anders 150.000 euro`, nu `als woningen <= 20 dan 120.000 euro anders 150.000 euro`\n');
    });

    test('a value that gets a title, or another one, is a change a reader sees; the same title is none', async () => {
        const titled = (title: string) => guide().replace('    plafond = ', `    plafond "${title}" = `);
        const review = await compare(guide(), titled('Plafond'));
        expect(review.structure).toEqual([{ change: 'modified', element: { type: 'calculation', id: 'Bijdrage' }, field: 'valueTitle', name: 'plafond', new: 'Plafond' }]);
        expect(review.behaviour).toEqual([]);
        const changed = await compare(titled('Plafond'), titled('Plafond van de bijdrage'));
        expect(reviewText(changed, 'nl')).toContain('    titel van waarde ‘plafond’: was “Plafond”, nu “Plafond van de bijdrage”');
        expect(reviewText(changed, 'en')).toContain('    title of value ‘plafond’: was “Plafond”, now “Plafond van de bijdrage”');
        expect((await compare(titled('Plafond'), titled('Plafond'))).structure).toEqual([]);
    });

    test('an added optional input: the inputs and the outcome change, and the scenarios, which leave it out, give what they gave', async () => {
        const review = await compare(guide(), guide({ extraInput: true }));
        expect(review.structure).toEqual([
            {
                change: 'modified', element: { type: 'calculation', id: 'Bijdrage' }, field: 'inputs',
                old: ['oppervlakte (m2)', 'woningen'], new: ['oppervlakte (m2)', 'woningen', 'bouwkosten (euro, optioneel)']
            },
            {
                change: 'modified', element: { type: 'calculation', id: 'Bijdrage' }, field: 'outcome',
                old: 'minimum(2.500 euro per m2 * oppervlakte, plafond)', new: 'minimum(2.500 euro per m2 * oppervlakte, plafond, bouwkosten)'
            }
        ]);
        expect(review.behaviour).toEqual([]);
        expect(reviewText(review, 'nl')).toContain('    invoer: was “oppervlakte (m2)”, “woningen”, nu “oppervlakte (m2)”, “woningen”, “bouwkosten (euro, optioneel)”');
    });

    test('a calculation renamed with the same title is one calculation; a scenario that follows it has not changed', async () => {
        const review = await compare(guide(), guide({ id: 'SooBijdrage' }));
        expect(review.structure).toEqual([{ change: 'renamed', element: { type: 'calculation', id: 'SooBijdrage' }, oldId: 'Bijdrage', matchedBy: 'text' }]);
        expect(review.behaviour).toEqual([]);
        expect(reviewText(review, 'nl')).toContain('  Berekening ‘SooBijdrage’ (hernoemd, was ‘Bijdrage’)');
    });

    test('a scenario still naming the old calculation has no outcome in the new version', async () => {
        const renamed = guide({ id: 'SooBijdrage', scenarioId: 'SooBijdrage' }).replace('berekening SooBijdrage\n    oppervlakte: 45', 'berekening Weg\n    oppervlakte: 45');
        const services = createTestServices();
        await validateFiles(services, { 'g.hrk': renamed });
        const version = { label: 'x', kind: 'folder' as const, files: 1 };
        const review = compareGuides(await json(guide()), exportWorkspaceJson(services), { old: version, new: version });
        expect(review.behaviour).toContainEqual({
            change: 'calculationScenario', scenario: '45 m², 16 woningen', calculation: 'Weg',
            old: { passed: true, outcome: { kind: 'value', value: '100000', unit: 'euro' } },
            new: { passed: false, outcome: { kind: 'noCalculation' } }
        });
        expect(review.structure).toContainEqual({
            change: 'modified', element: { type: 'scenario', id: '45 m², 16 woningen', calculation: 'Weg' }, field: 'calculation', old: 'Bijdrage', new: 'Weg'
        });
        expect(reviewText(review, 'nl')).toContain('    scenario “45 m², 16 woningen”: gaf € 100 000, nu geen uitkomst: de berekening bestaat in deze versie niet; slaagde, faalt nu');
    });

    test('nothing a reader cannot see: layout, parentheses that change nothing, points between digits', async () => {
        const rewritten = guide()
            .replace('dan 100.000 euro', 'dan 100000 euro')
            .replace('minimum(2.500 euro per m2 * oppervlakte, plafond)', 'minimum((2500 euro per m2) * oppervlakte,\n        plafond)')
            .replace(/^ {4}/gm, '\t');
        expect(rewritten).not.toBe(guide());
        const review = await compare(guide(), rewritten);
        expect(review).toMatchObject({ changed: false, structure: [], behaviour: [] });
    });

    test('a changed expectation and input of a scenario, a new scenario, and a `niet van toepassing` rule', async () => {
        const nieuw = guide()
            .replace('oppervlakte: 50', 'oppervlakte: 40')
            .replace('verwacht 1\n', 'verwacht niet van toepassing\n')
            .replace('woningen < 5 "te weinig woningen"', 'woningen < 4 "te weinig woningen"')
            + 'scenario "4 woningen" {\n    berekening Bijdrage\n    oppervlakte: 30\n    woningen: 4\n    verwacht 75.000\n}\n';
        const review = await compare(guide(), nieuw);
        const scenario = { type: 'scenario', id: '50 m², 16 woningen', calculation: 'Bijdrage' };
        expect(review.structure).toEqual([
            {
                change: 'modified', element: { type: 'calculation', id: 'Bijdrage' }, field: 'notApplicable',
                old: ['woningen < 5 "te weinig woningen"'], new: ['woningen < 4 "te weinig woningen"']
            },
            { change: 'modified', element: scenario, field: 'inputs', old: ['oppervlakte: 50', 'woningen: 16'], new: ['oppervlakte: 40', 'woningen: 16'] },
            { change: 'modified', element: scenario, field: 'expected', old: '1', new: 'niet van toepassing' },
            { change: 'added', element: { type: 'scenario', id: '4 woningen', calculation: 'Bijdrage' }, title: '4 woningen' }
        ]);
        // 4 woningen is not too few any more: 30 m² × € 2 500 = € 75 000; in the old version the calculation did not apply.
        // 50 m² gave € 100 000 (the cap) and 40 m² gives 40 × € 2 500 = € 100 000, failing in both: no change of behaviour.
        expect(review.behaviour).toEqual([{
            change: 'calculationScenario', scenario: '4 woningen', calculation: 'Bijdrage',
            old: { passed: false, outcome: { kind: 'notApplicable', reason: 'te weinig woningen' } },
            new: { passed: true, outcome: { kind: 'value', value: '75000', unit: 'euro' } }
        }]);
        expect(reviewText(review, 'nl')).toContain('    scenario “4 woningen”: gaf niet van toepassing (“te weinig woningen”), nu € 75 000; faalde, slaagt nu');
    });
});

describe('expressionText: a formula written back as the language writes it', () => {
    const n = (value: string) => ({ op: 'number' as const, value });
    const x = { op: 'input' as const, name: 'x' };
    const y = { op: 'value' as const, name: 'y' };

    test('numbers with a decimal comma and points between groups of three digits', () => {
        expect(decimalText('100000')).toBe('100.000');
        expect(decimalText('1234567.25')).toBe('1.234.567,25');
        expect(decimalText('-0.5')).toBe('-0,5');
        expect(decimalText('999')).toBe('999');
    });

    test('parentheses only where the tree needs them', () => {
        expect(expressionText({ op: 'subtract', left: { op: 'subtract', left: x, right: y }, right: n('1') })).toBe('x - y - 1');
        expect(expressionText({ op: 'subtract', left: x, right: { op: 'subtract', left: y, right: n('1') } })).toBe('x - (y - 1)');
        expect(expressionText({ op: 'multiply', left: { op: 'add', left: x, right: y }, right: n('2') })).toBe('(x + y) * 2');
        expect(expressionText({ op: 'add', left: x, right: { op: 'multiply', left: y, right: n('2') } })).toBe('x + y * 2');
        expect(expressionText({ op: 'negate', operand: { op: 'add', left: x, right: y } })).toBe('-(x + y)');
        expect(expressionText({ op: 'round', operand: { op: 'divide', left: x, right: n('3') }, decimals: 2 })).toBe('afronden(x / 3, 2)');
        const als = { op: 'if' as const, condition: { op: 'compare' as const, operator: '>' as const, left: x, right: n('0') }, then: x, else: n('0') };
        expect(expressionText({ op: 'add', left: n('1'), right: als })).toBe('1 + (als x > 0 dan x anders 0)');
        expect(conditionText({ op: 'and', left: { op: 'or', left: als.condition, right: als.condition }, right: als.condition })).toBe('(x > 0 of x > 0) en x > 0');
    });

    test('written back and read again, a formula gives the same tree', async () => {
        const formulas = [
            'minimum(2.500 euro per m2 * oppervlakte, 100.000 euro, plafond * 1 euro)',
            'als oppervlakte > 10 m2 en (oppervlakte < 20 m2 of plafond = 5) dan (als plafond > 1 dan 2 anders 3) anders -(plafond - 1) / 2',
            'afronden(oppervlakte / 3 m2, 2) - (plafond - 1,5)',
            'maximum(plafond, 1 + (als plafond > 2 dan 1 anders 0))'
        ];
        const source = (list: string[]) => `berekening B "b" {\n    invoer oppervlakte "o" in m2\n    plafond = 7\n${list.map((f, i) => `    w${i} = ${f}`).join('\n')}\n    uitkomst "u" in getal = plafond\n}\n`;
        const first = (await json(source(formulas))).calculations[0].values.slice(1);
        const written = first.map(v => expressionText(v.expression));
        expect(written[0]).toBe(formulas[0]);
        const again = (await json(source(written))).calculations[0].values.slice(1);
        expect(again.map(v => v.expression)).toEqual(first.map(v => v.expression));
    });
});
