import { describe, expect, test } from 'vitest';
import { calculationScenarioOutcome } from '../../../language/calculation/scenario-outcome.js';
import type { PreviewData } from '../../../language/lsp/protocol.js';
import type { PreviewPage } from './preview-page.js';
import { usePreviewPage } from './use-preview-page.js';

/**
 * The calculation in the preview, in headless Chromium: the outcome of the calculation scenario
 * under the cursor as the server computed it (with how, and whether it is what the scenario
 * expects), and "Bereken…" in the walkthrough at an advice that refers to a calculation.
 */

const preview = usePreviewPage();

const opened = (shown?: PreviewData): Promise<PreviewPage> => preview.opened({}, shown);

const panel = (p: PreviewPage) => p.page.locator('.calc-panel');
const texts = (p: PreviewPage, selector: string) => p.page.locator(`.calc-panel ${selector}`).allTextContents();

describe('the calculation scenario under the cursor', () => {
    test('shows its outcome, that it matches, its inputs and how it was computed, by title; leaving it hides the panel', async () => {
        const p = await opened();
        expect(await panel(p).isHidden()).toBe(true);

        await p.send({ type: 'cursor', scenario: 'SOO-bijdrage: 45 m², 16 woningen' });
        await expect.poll(() => panel(p).isVisible()).toBe(true);
        expect(await panel(p).getAttribute('aria-label')).toBe('Berekening van het scenario');
        expect(await p.page.locator('.calc-panel h2').textContent()).toBe('Scenario “SOO-bijdrage: 45 m², 16 woningen”');
        expect(await p.page.locator('.calc-panel .calc-of').textContent()).toBe('Berekening: Bijdrage uit de SOO');
        expect(await p.page.locator('.calc-panel .calc-outcome strong').textContent()).toBe('€ 100 000');
        expect(await p.page.locator('.calc-panel .calc-expected').textContent()).toBe('Verwacht: € 100 000 — klopt');
        expect(await texts(p, '.calc-inputs li')).toEqual([
            'Bruto vloeroppervlak van de ontmoetingsruimte = 45 m²',
            'Aantal woningen in de geclusterde woonvorm = 16'
        ]);
        expect(await texts(p, '.calc-steps li')).toEqual([
            'Plafond van de bijdrage (bij Aantal woningen in de geclusterde woonvorm = 16): € 100 000',
            '€ 2 500 per m² × 45 m² = € 112 500',
            'Bouwkosten van de ontmoetingsruimte: niet ingevuld, telt niet mee',
            'het kleinste → € 100 000'
        ]);

        // Another scenario, then out of every scenario.
        await p.send({ type: 'cursor', scenario: 'SOO-bijdrage: 30 m², 16 woningen' });
        await expect.poll(() => p.page.locator('.calc-panel .calc-outcome strong').textContent()).toBe('€ 75 000');
        await p.send({ type: 'cursor' });
        await expect.poll(() => panel(p).isHidden()).toBe(true);
        expect(await p.page.locator('.calc-panel > *').count()).toBe(0);
    });

    test('a scenario whose expectation the calculation does not give says so; an edit that fixes it shows the new outcome', async () => {
        const scenario = preview.json.calculationScenarios.find(s => s.name === 'SOO-bijdrage: 45 m², 16 woningen')!;
        const calculation = preview.json.calculations.find(c => c.id === scenario.calculation);
        const withExpectation = (value: string): PreviewData => ({
            ...preview.data,
            calculationScenarios: preview.data.calculationScenarios.map(c => c.name !== scenario.name ? c : {
                ...calculationScenarioOutcome({ ...scenario, expected: { kind: 'value', value } }, calculation, 'nl'),
                extent: c.extent
            })
        });
        const p = await opened(withExpectation('112500'));
        await p.send({ type: 'cursor', scenario: scenario.name });
        const expected = p.page.locator('.calc-panel .calc-expected');
        await expect.poll(() => expected.textContent()).toBe('Verwacht: € 112 500 — klopt niet');
        expect(await expected.getAttribute('data-passed')).toBe('false');

        await p.update(withExpectation('100000'));
        await expect.poll(() => expected.textContent()).toBe('Verwacht: € 100 000 — klopt');
        expect(await expected.getAttribute('data-passed')).toBe('true');
    });

    test('a scenario the data does not have shows nothing; text from the file stays text', async () => {
        const hostile = '<img src=x onerror="window.__owned=1">';
        const first = preview.data.calculationScenarios[0];
        const p = await opened({ ...preview.data, calculationScenarios: [{ ...first, name: hostile, steps: [hostile] }] });
        await p.send({ type: 'cursor', scenario: hostile });
        await expect.poll(() => panel(p).isVisible()).toBe(true);
        expect(await p.page.locator('.calc-panel h2').textContent()).toBe(`Scenario “${hostile}”`);
        expect(await texts(p, '.calc-steps li')).toEqual([hostile]);
        expect(await p.page.locator('.calc-panel img').count()).toBe(0);
        expect(await p.page.evaluate(() => (window as unknown as { __owned?: number }).__owned)).toBeUndefined();
        await p.send({ type: 'cursor', scenario: 'bestaat niet' });
        await expect.poll(() => panel(p).isHidden()).toBe(true);
    });
});

describe('"Bereken…" in the walkthrough', () => {
    test('at an advice that refers to a calculation, a button asks the extension to run it; other advices have none', async () => {
        const p = await opened();
        expect(preview.data.calculations.map(c => c.id)).toEqual(['SooBijdrage']);
        const walkTo = async (expected: string) => {
            const scenario = preview.json.scenarios.find(s => s.tree === 'SooToets' && s.expected === expected)!;
            await p.send({ type: 'walk', tree: 'SooToets' });
            await p.page.waitForSelector('.walk-panel:not([hidden]) .walk-question');
            for (const { question, answer } of scenario.answers) {
                await expect.poll(() => p.page.locator('.walk-panel .walk-question').getAttribute('data-node')).toBe(question);
                await p.page.click(`.walk-panel .walk-answer[data-answer="${answer}"]`);
            }
            await expect.poll(() => p.page.locator('.walk-panel .walk-advice').getAttribute('data-node')).toBe(expected);
        };

        await walkTo('NietAanvrager');
        expect(await p.page.locator('.walk-panel .walk-calculate').count()).toBe(0);

        await walkTo('Aanmerking');
        const button = p.page.locator('.walk-panel .walk-calculate');
        expect(await button.textContent()).toBe('Bereken… Bijdrage uit de SOO');
        // By keyboard, as any button of the panel.
        await button.focus();
        await p.page.keyboard.press('Enter');
        expect(await p.waitForPosted(m => m.type === 'calculate')).toEqual({ type: 'calculate', calculation: 'SooBijdrage' });
    });
});
