import { describe, expect, test } from 'vitest';
import { calculationScenarioAt } from '../../../extension/src/preview/node-at.js';
import type { PreviewCalculationScenario } from '../../../language/lsp/protocol.js';

/** Which calculation scenario the cursor is in: the preview shows that one's outcome. */
describe('calculationScenarioAt', () => {
    const scenario = (name: string, from: number, to: number): PreviewCalculationScenario => ({
        name, calculation: 'SooBijdrage', title: 'Bijdrage', inputs: [], outcome: '€ 100 000', expected: '€ 100 000', passed: true, steps: [],
        extent: { start: { line: from, character: 0 }, end: { line: to, character: 1 } }
    });
    const scenarios = [scenario('eerste', 2, 7), scenario('tweede', 9, 14)];

    test('the scenario whose lines hold the cursor, from its first character to its closing brace', () => {
        expect(calculationScenarioAt(scenarios, { line: 2, character: 0 })).toBe('eerste');
        expect(calculationScenarioAt(scenarios, { line: 4, character: 12 })).toBe('eerste');
        expect(calculationScenarioAt(scenarios, { line: 14, character: 1 })).toBe('tweede');
    });

    test('none between scenarios, after the closing brace, or without data', () => {
        expect(calculationScenarioAt(scenarios, { line: 8, character: 0 })).toBeUndefined();
        expect(calculationScenarioAt(scenarios, { line: 14, character: 2 })).toBeUndefined();
        expect(calculationScenarioAt(undefined, { line: 4, character: 0 })).toBeUndefined();
    });
});
