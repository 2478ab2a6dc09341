import { beforeAll, describe, expect, test } from 'vitest';
import { explainCalculation } from '../../language/calculation/explain.js';
import { formatQuantity } from '../../language/calculation/format.js';
import { Rational } from '../../language/calculation/rational.js';
import { unitFromName } from '../../language/calculation/units.js';
import { exportWorkspaceJson } from '../../language/generation/json/export-json.js';
import type { CalculationJson, HandreikingJson } from '../../language/generation/json/handreiking-json.js';
import { clearAll, createTestServices, exampleWorkspace, validateFiles } from '../helpers.js';

/**
 * The explanation the rekenhulp of the HTML guide shows: the outcome of the evaluator, with the
 * steps that led to it, for the SOO example and its scenarios (examples/scenarios/soo-bijdrage.hrk).
 */

let json: HandreikingJson;
let soo: CalculationJson;

beforeAll(async () => {
    const services = createTestServices();
    await validateFiles(services, exampleWorkspace());
    json = exportWorkspaceJson(services, '/ws');
    await clearAll(services);
    soo = json.calculations.find(c => c.id === 'SooBijdrage')!;
});

const inputs = (values: Record<string, string>) => new Map(Object.entries(values).map(([k, v]) => [k, Rational.parseDecimal(v)!]));

describe('explainCalculation on the SOO example', () => {
    test('every scenario of soo-bijdrage.hrk: the expected amount, as the evaluator has it', () => {
        const scenarios = json.calculationScenarios.filter(s => s.calculation === 'SooBijdrage');
        expect(scenarios.length).toBe(7);
        for (const scenario of scenarios) {
            const explained = explainCalculation(soo, inputs(Object.fromEntries(scenario.inputs.map(i => [i.input, i.value]))));
            if (scenario.expected.kind === 'value') {
                expect(explained.run.status, scenario.name).toBe('value');
                expect(explained.outcome, scenario.name).toBe(formatQuantity({ value: Rational.parseDecimal(scenario.expected.value)!, unit: unitFromName('euro') }, 'nl'));
                expect(explained.steps.at(-1), scenario.name).toBe(`het kleinste → ${explained.outcome}`);
            } else {
                expect(explained.run.status, scenario.name).toBe('notApplicable');
                expect(explained.outcome, scenario.name).toBeUndefined();
            }
        }
    });

    test('45 m², 16 woningen: the product, the cap for 16 homes, the missing construction costs, the least', () => {
        const explained = explainCalculation(soo, inputs({ oppervlakte: '45', woningen: '16' }));
        expect(explained.outcome).toBe('€ 100 000');
        expect(explained.steps).toEqual([
            'Plafond van de bijdrage (bij Aantal woningen in de geclusterde woonvorm = 16): € 100 000',
            '€ 2 500 per m² × 45 m² = € 112 500',
            'Bouwkosten van de ontmoetingsruimte: niet ingevuld, telt niet mee',
            'het kleinste → € 100 000'
        ]);
        expect(explained.text).toBe(explained.steps.join('; '));
    });

    test('with construction costs given, they count', () => {
        const explained = explainCalculation(soo, inputs({ oppervlakte: '60', woningen: '40', bouwkosten: '120000' }));
        expect(explained.outcome).toBe('€ 120 000');
        expect(explained.steps).toContain('Bouwkosten van de ontmoetingsruimte: € 120 000');
        expect(explained.steps).toContain('Plafond van de bijdrage (bij Aantal woningen in de geclusterde woonvorm = 40): € 150 000');
    });

    test('a named value without a title, or an input with an empty one, is named by its source name', () => {
        const untitled: CalculationJson = {
            ...soo,
            inputs: soo.inputs.map(i => (i.id === 'woningen' ? { ...i, title: ' ' } : i)),
            values: soo.values.map(v => ({ id: v.id, expression: v.expression, provenance: v.provenance, source: v.source }))
        };
        expect(explainCalculation(untitled, inputs({ oppervlakte: '45', woningen: '16' })).steps[0]).toBe('plafond (bij woningen = 16): € 100 000');
    });

    test('fewer than 5 homes: not applicable, with the reason as written', () => {
        const explained = explainCalculation(soo, inputs({ oppervlakte: '30', woningen: '4' }));
        expect(explained.run.status).toBe('notApplicable');
        expect(explained.outcome).toBeUndefined();
        expect(explained.text).toBe('niet van toepassing: de woonvorm heeft minder dan 5 woningen');
    });

    test('a missing required input is named by its title', () => {
        const explained = explainCalculation(soo, inputs({ woningen: '16' }));
        expect(explained.run.status).toBe('error');
        expect(explained.text).toBe('niet ingevuld: Bruto vloeroppervlak van de ontmoetingsruimte');
    });
});

describe('explainCalculation: problems', () => {
    const calc = (outcome: CalculationJson['outcome']): CalculationJson => ({
        id: 'Deel', title: 'Deel', inputs: [{ id: 'a', title: 'Teller', optional: false, source: soo.source }, { id: 'b', title: 'Noemer', optional: false, source: soo.source }],
        notApplicable: [], values: [], outcome, funding: [], source: soo.source, provenance: soo.provenance
    });
    test('division by zero', () => {
        const c = calc({ ...soo.outcome!, unit: undefined, expression: { op: 'divide', left: { op: 'input', name: 'a' }, right: { op: 'input', name: 'b' } } });
        expect(explainCalculation(c, inputs({ a: '1', b: '0' })).text).toBe('deling door nul');
        const fine = explainCalculation(c, inputs({ a: '1', b: '4' }));
        expect(fine.outcome).toBe('0,25');
        expect(fine.text).toBe('1 ÷ 4 = 0,25');
    });
    test('no outcome', () => {
        expect(explainCalculation(calc(undefined), inputs({})).text).toBe('de berekening heeft geen uitkomst');
    });
});
