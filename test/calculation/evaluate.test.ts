import { afterEach, describe, expect, test } from 'vitest';
import { evaluateCalculation, type CalculationRun } from '../../language/calculation/evaluate.js';
import { formatQuantity } from '../../language/calculation/format.js';
import { Rational } from '../../language/calculation/rational.js';
import { exportWorkspaceJson } from '../../language/generation/json/export-json.js';
import type { CalculationJson } from '../../language/generation/json/handreiking-json.js';
import { clearAll, createTestServices, validateFiles } from '../helpers.js';

/**
 * The language's calculations as a reader meets them: written in a .hrk file, evaluated with the
 * inputs of a scenario. The rules are those of docs/language.md ("Zo rekent een berekening").
 */

const services = createTestServices();
afterEach(() => clearAll(services));

const soo = `
berekening SooBijdrage "Bijdrage uit de SOO" {
    invoer oppervlakte "Bruto vloeroppervlak van de ruimte" in m2
    invoer woningen "Aantal woningen in de woonvorm"
    invoer bouwkosten "Bouwkosten" in euro, optioneel
    niet van toepassing als woningen < 5 "minder dan 5 woningen"
    plafond = als woningen <= 20 dan 100.000 euro anders als woningen <= 50 dan 150.000 euro anders 175.000 euro
    uitkomst "Bijdrage" in euro = minimum(2.500 euro per m2 * oppervlakte, plafond, bouwkosten)
}`;

/** The calculation of `text` (clean: no errors) as the JSON export carries it. */
async function calculation(text: string, allowErrors = false): Promise<CalculationJson> {
    await clearAll(services);
    const docs = await validateFiles(services, { 'b.hrk': text });
    const errors = [...docs.values()].flatMap(d => d.diagnostics ?? []).filter(d => d.severity === 1);
    if (!allowErrors) expect(errors.map(e => `${e.code} ${e.message}`)).toEqual([]);
    return exportWorkspaceJson(services, '/ws').calculations[0];
}

function run(calc: CalculationJson, inputs: Record<string, string>): CalculationRun {
    return evaluateCalculation(calc, new Map(Object.entries(inputs).map(([k, v]) => [k, Rational.parseDecimal(v)!])));
}

function outcome(result: CalculationRun): string {
    switch (result.status) {
        case 'value': return formatQuantity(result.quantity, 'nl');
        case 'notApplicable': return `niet van toepassing: ${result.reason ?? ''}`;
        case 'error': return `fout: ${result.error.kind} ${result.error.name ?? ''}`.trim();
    }
}

describe('the SOO contribution', () => {
    test('every test vector of the guide', async () => {
        const calc = await calculation(soo);
        expect(outcome(run(calc, { oppervlakte: '30', woningen: '16' }))).toBe('€ 75 000');
        expect(outcome(run(calc, { oppervlakte: '45', woningen: '16' }))).toBe('€ 100 000');
        expect(outcome(run(calc, { oppervlakte: '40', woningen: '20' }))).toBe('€ 100 000');
        expect(outcome(run(calc, { oppervlakte: '60', woningen: '40' }))).toBe('€ 150 000');
        expect(outcome(run(calc, { oppervlakte: '60', woningen: '40', bouwkosten: '120000' }))).toBe('€ 120 000');
        expect(outcome(run(calc, { oppervlakte: '70', woningen: '51' }))).toBe('€ 175 000');
        expect(outcome(run(calc, { oppervlakte: '30', woningen: '4' }))).toBe('niet van toepassing: minder dan 5 woningen');
    });

    test('the named values are reported with their units', async () => {
        const result = run(await calculation(soo), { oppervlakte: '45', woningen: '16' });
        expect(result.values.map(v => `${v.id} = ${v.quantity ? formatQuantity(v.quantity, 'nl') : v.error?.kind}`)).toEqual(['plafond = € 100 000']);
    });

    test('a required input left out is an error of the outcome; an optional one drops out of minimum', async () => {
        const calc = await calculation(soo);
        expect(outcome(run(calc, { woningen: '16' }))).toBe('fout: missingInput oppervlakte');
        expect(outcome(run(calc, { oppervlakte: '45', woningen: '16' }))).toBe('€ 100 000');
    });
});

describe('the rules of evaluation', () => {
    test('* and / before + and -, left to right; parentheses; a negative number', async () => {
        const calc = await calculation(`berekening R "r" {
            invoer x "x"
            a = 10 - 4 - 3
            b = 2 + 3 * 4
            c = (2 + 3) * 4
            d = 12 / 4 / 3
            e = -x + 1
            uitkomst "u" in getal = a + b + c + d + e
        }`);
        const result = run(calc, { x: '5' });
        expect(result.values.map(v => v.quantity?.value.toDecimal())).toEqual(['3', '14', '20', '1', '-4']);
        expect(outcome(result)).toBe('34');
    });

    test('exact: a third of € 100 times three is € 100; afronden rounds halves away from zero', async () => {
        const calc = await calculation(`berekening R "r" {
            invoer bedrag "b" in euro
            derde = bedrag / 3
            uitkomst "u" in euro = derde * 3 + afronden(derde, 2) - afronden(derde, 2)
        }`);
        expect(outcome(run(calc, { bedrag: '100' }))).toBe('€ 100');
        const round = await calculation(`berekening S "s" {
            invoer x "x"
            uitkomst "u" in getal = afronden(x) + afronden(0 - x, 1)
        }`);
        // afronden(2,5) = 3, afronden(-2,5; 1) = -2,5
        expect(outcome(run(round, { x: '2.5' }))).toBe('0,5');
        expect(outcome(run(round, { x: '0.25' }))).toBe('-0,3');
    });

    test('the first niet van toepassing that holds decides, before any outcome', async () => {
        const calc = await calculation(`berekening R "r" {
            invoer w "w"
            niet van toepassing als w < 5 "te klein"
            niet van toepassing als w > 100 "te groot"
            niet van toepassing als w = 50
            uitkomst "u" in getal = w
        }`);
        expect(outcome(run(calc, { w: '4' }))).toBe('niet van toepassing: te klein');
        expect(outcome(run(calc, { w: '101' }))).toBe('niet van toepassing: te groot');
        expect(run(calc, { w: '50' })).toMatchObject({ status: 'notApplicable', index: 2 });
        expect(outcome(run(calc, { w: '20' }))).toBe('20');
    });

    test('en and of, and a condition in parentheses', async () => {
        const calc = await calculation(`berekening R "r" {
            invoer a "a"
            invoer b "b"
            uitkomst "u" in getal = als (a > 1 of b > 1) en a != b dan 1 anders 0
        }`);
        expect(outcome(run(calc, { a: '2', b: '0' }))).toBe('1');
        expect(outcome(run(calc, { a: '2', b: '2' }))).toBe('0');
        expect(outcome(run(calc, { a: '0', b: '0' }))).toBe('0');
    });

    test('maximum, and a minimum of which every optional part is missing but one required part is given', async () => {
        const calc = await calculation(`berekening R "r" {
            invoer a "a" in euro
            invoer k "k" in euro, optioneel
            invoer l "l" in euro, optioneel
            uitkomst "u" in euro = maximum(a, k, l) - minimum(k, a, l)
        }`);
        expect(outcome(run(calc, { a: '10' }))).toBe('€ 0');
        expect(outcome(run(calc, { a: '10', k: '25', l: '4' }))).toBe('€ 21');
    });

    test('a value used by no outcome may fail without harm: errors only count where they are used', async () => {
        const calc = await calculation(`berekening R "r" {
            invoer bedrag "b" in euro
            invoer w "w"
            perWoning = als w > 0 dan bedrag / w anders 0 euro
            uitkomst "u" in euro = als w > 0 dan perWoning anders bedrag
        }`);
        expect(outcome(run(calc, { bedrag: '90', w: '0' }))).toBe('€ 90');
        expect(outcome(run(calc, { bedrag: '90', w: '4' }))).toBe('€ 22,5');
    });

    test('values may be written in any order', async () => {
        const calc = await calculation(`berekening R "r" {
            invoer w "w"
            uitkomst "u" in getal = c
            c = b * 2
            b = w + 1
        }`);
        expect(outcome(run(calc, { w: '1' }))).toBe('4');
    });
});

describe('nothing can run long or fail without saying why', () => {
    test('a chain of 5 000 values is computed at once', async () => {
        const values = Array.from({ length: 5000 }, (_, i) => `v${i + 1} = v${i} + 1`).join('\n');
        const calc = await calculation(`berekening R "r" {\ninvoer w "w"\nv0 = w\n${values}\nuitkomst "u" in getal = v5000\n}`);
        const started = performance.now();
        expect(outcome(run(calc, { w: '1' }))).toBe('5 001');
        expect(performance.now() - started).toBeLessThan(2000);
    });

    test('numbers that keep growing stop with an error', async () => {
        const squares = Array.from({ length: 40 }, (_, i) => `v${i + 1} = v${i} * v${i}`).join('\n');
        const calc = await calculation(`berekening R "r" {\ninvoer w "w"\nv0 = w\n${squares}\nuitkomst "u" in getal = v40\n}`);
        expect(outcome(run(calc, { w: '10' }))).toBe('fout: tooLarge');
    });

    test('a division by zero the checks were told about (exported with --force) is an error of the outcome', async () => {
        const calc = await calculation(`berekening R "r" {\ninvoer bedrag "b" in euro\ninvoer w "w"\nuitkomst "u" in euro = bedrag / w\n}`, true);
        expect(outcome(run(calc, { bedrag: '1', w: '0' }))).toBe('fout: divisionByZero');
    });

    test('a rule of more than 100 operators is one syntax error, and the rest of the file is read', async () => {
        const long = Array.from({ length: 150 }, () => 'w').join(' + ');
        const docs = await validateFiles(services, { 'b.hrk': `berekening R "r" {\ninvoer w "w"\nv = ${long}\nuitkomst "u" in getal = w\n}\nhoofdstuk H "h"` });
        const diagnostics = [...docs.values()][0].diagnostics ?? [];
        const syntax = diagnostics.filter(d => d.code === 'HRK000');
        expect(syntax.map(d => d.message)).toEqual([expect.stringMatching(/^Een regel van een berekening mag hoogstens 100 rekentekens/)]);
        expect(exportWorkspaceJson(services, '/ws').chapters.map(c => c.id)).toEqual(['H']);
    });
});
