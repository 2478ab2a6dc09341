import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatQuantity } from '../../../language/calculation/format.js';
import { Rational } from '../../../language/calculation/rational.js';
import { unitFromName } from '../../../language/calculation/units.js';
import type { CalculationScenarioJson, HandreikingJson } from '../../../language/generation/json/handreiking-json.js';
import { anchorId, calculatorIds } from '../../../language/generation/html/guide-contract.js';
import { bundleGuideApp } from '../../../scripts/bundle-guide-app.mjs';
import { axeViolations } from '../../support/axe.js';
import { launchBrowser } from '../../support/browser.js';
import { tempDir } from '../../support/temp-dir.js';
import { expectNothingWrong, openGuide, walkScenario, writeGuide, type Problems } from './guide-page.js';
import { hrk, PWN } from './hostile-corpus.js';
import { exampleWorkspace, exportFiles } from '../../helpers.js';

/**
 * The rekenhulp of the HTML guide in Chromium, by keyboard alone: the SOO contribution for every
 * scenario of examples/scenarios/soo-bijdrage.hrk, a case that is not applicable, a number that is
 * no number; axe-core (wcag2a, wcag2aa, wcag21a, wcag21aa) before and after; hostile titles stay text.
 */

let browser: Browser;
let tmp: string;

beforeAll(async () => {
    await bundleGuideApp({ typecheck: false });
    tmp = tempDir('hrk-calc-');
    browser = await launchBrowser();
});

afterAll(async () => {
    await browser?.close();
});

const active = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

/** Presses Tab (or Shift+Tab) until the element with `id` has the focus. */
async function tabTo(page: Page, id: string, back = false): Promise<void> {
    for (let i = 0; i < 12 && (await active(page)) !== id; i++) await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    expect(await active(page)).toBe(id);
}

/** Replaces the focused field's text by typing. */
async function typeInto(page: Page, text: string): Promise<void> {
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Backspace');
    if (text) await page.keyboard.type(text);
}

describe('the rekenhulp of the examples guide', () => {
    let json: HandreikingJson;
    let page: Page;
    let problems: Problems;
    const calc = 'SooBijdrage';
    const ids = (input: string) => calculatorIds(calc, input);
    const card = () => page.locator(`#${anchorId('calculation', calc)}`);

    beforeAll(async () => {
        json = await exportFiles(exampleWorkspace());
        const file = await writeGuide(json, path.join(tmp, 'gids.html'));
        ({ page, problems } = await openGuide(browser, file, { diagrams: false }));
    });
    afterAll(() => page?.close());

    /** Fills the three fields by keyboard from the first, then presses `key` on Bereken. */
    async function compute(values: Record<string, string>, key: 'Enter' | 'Space'): Promise<void> {
        await tabTo(page, ids('oppervlakte').field, true);
        for (const input of ['oppervlakte', 'woningen', 'bouwkosten']) {
            await tabTo(page, ids(input).field);
            await typeInto(page, values[input] ?? '');
        }
        await page.keyboard.press('Tab');
        expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Bereken');
        await page.keyboard.press(key);
    }

    test('no axe violations on load; the form is shown, tied to its labels, from the funding rule\'s link', async () => {
        expect(await axeViolations(page)).toEqual([]);
        await expect.poll(() => card().locator('form').isVisible()).toBe(true);
        expect(await page.locator('.calc-nojs').isVisible()).toBe(false);
        for (const input of json.calculations.find(c => c.id === calc)!.inputs) {
            const field = page.getByLabel(input.title, { exact: false });
            expect(await field.getAttribute('id')).toBe(ids(input.id).field);
            expect(await field.getAttribute('inputmode')).toBe('decimal');
        }
        expect(await card().locator('[aria-live="polite"]').count()).toBe(1);
        // The funding rule links to it; following the link by keyboard leads into the form.
        const link = page.locator(`#${anchorId('funding', 'SOO')} .calc-link a`);
        await link.focus();
        await page.keyboard.press('Enter');
        await tabTo(page, ids('oppervlakte').field);
    });

    test('every SOO scenario, typed by keyboard: the amount the scenario expects', async () => {
        const scenarios = json.calculationScenarios.filter((s: CalculationScenarioJson) => s.calculation === calc);
        expect(scenarios.length).toBe(7);
        let i = 0;
        for (const scenario of scenarios) {
            // As a reader types them: 120.000, not 120000.
            const values = Object.fromEntries(scenario.inputs.map(x => [x.input, Number(x.value).toLocaleString('nl-NL')]));
            await compute(values, i++ % 2 === 0 ? 'Enter' : 'Space');
            const result = card().locator('.calc-output .calc-result');
            if (scenario.expected.kind === 'value') {
                const amount = formatQuantity({ value: Rational.parseDecimal(scenario.expected.value)!, unit: unitFromName('euro') }, 'nl');
                await expect.poll(() => result.textContent(), { message: scenario.name }).toBe(`Bijdrage uit de SOO: ${amount}`);
                expect(await card().locator('.calc-steps').textContent()).toContain(`het kleinste → ${amount}`);
            } else {
                await expect.poll(() => result.textContent(), { message: scenario.name }).toBe('Bijdrage uit de SOO: niet van toepassing.');
                expect(await card().locator('.calc-steps').textContent()).toBe('Niet van toepassing: de woonvorm heeft minder dan 5 woningen.');
            }
        }
        expect(await axeViolations(page)).toEqual([]);
    });

    test('45 m² and 16 homes with Dutch notation, and the explanation', async () => {
        await compute({ oppervlakte: '45', woningen: '16' }, 'Enter');
        await expect.poll(() => card().locator('.calc-result').textContent()).toBe('Bijdrage uit de SOO: € 100 000');
        expect(await card().locator('.calc-steps').textContent()).toBe(
            'Zo is het berekend: Plafond van de bijdrage (bij Aantal woningen in de geclusterde woonvorm = 16): € 100 000; € 2 500 per m² × 45 m² = € 112 500; '
            + 'Bouwkosten van de ontmoetingsruimte: niet ingevuld, telt niet mee; het kleinste → € 100 000.');
        await compute({ oppervlakte: '2,5', woningen: '100.000' }, 'Enter');
        await expect.poll(() => card().locator('.calc-result').textContent()).toBe('Bijdrage uit de SOO: € 6 250');
    });

    test('a number that is no number: the message beside the field, aria-invalid, the focus; then corrected', async () => {
        await compute({ oppervlakte: '2.5', woningen: 'veel' }, 'Enter');
        const field = page.locator(`#${ids('oppervlakte').field}`);
        await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
        expect(await active(page)).toBe(ids('oppervlakte').field);
        expect(await page.locator(`#${ids('oppervlakte').error}`).textContent()).toBe('Gebruik een komma voor decimalen, bijvoorbeeld 2,5.');
        expect((await field.getAttribute('aria-describedby'))!.split(' ')).toContain(ids('oppervlakte').error);
        expect(await page.locator(`#${ids('woningen').field}`).getAttribute('aria-invalid')).toBe('true');
        expect(await page.locator(`#${ids('woningen').error}`).textContent()).toBe('Dit is geen getal. Schrijf bijvoorbeeld 45, 2,5 of 100.000.');
        expect(await page.locator(`#${ids('bouwkosten').field}`).getAttribute('aria-invalid')).toBeNull();
        expect(await card().locator('.calc-output').textContent()).toBe('2 velden zijn niet goed ingevuld; zie de meldingen bij die velden.');
        expect(await axeViolations(page)).toEqual([]);

        // A required field left empty.
        await compute({ woningen: '16' }, 'Enter');
        await expect.poll(() => page.locator(`#${ids('oppervlakte').error}`).textContent()).toBe('Vul hier een getal in.');
        expect(await page.locator(`#${ids('woningen').field}`).getAttribute('aria-invalid')).toBeNull();

        await compute({ oppervlakte: '30', woningen: '16' }, 'Enter');
        await expect.poll(() => card().locator('.calc-result').textContent()).toBe('Bijdrage uit de SOO: € 75 000');
        expect(await field.getAttribute('aria-invalid')).toBeNull();
        expect(await field.getAttribute('aria-describedby')).toBe(ids('oppervlakte').hint);
        expect(await page.locator(`#${ids('oppervlakte').error}`).isVisible()).toBe(false);
        expect(await axeViolations(page)).toEqual([]);
    });

    test('the walkthrough at the SOO advice links to the rekenhulp, by keyboard into the form; another advice has no such link', async () => {
        const scenario = json.scenarios.find(s => json.trees.find(t => t.id === s.tree)?.nodes.find(n => n.id === s.expected)?.calculation === calc)!;
        expect(scenario, 'a scenario ending at an advice with the calculation').toBeDefined();
        const section = page.locator(`#${anchorId('tree', scenario.tree)}`);
        const other = json.scenarios.find(s => s.tree === scenario.tree && !json.trees.find(t => t.id === s.tree)?.nodes.find(n => n.id === s.expected)?.calculation)!;
        await walkScenario(section, other);
        expect(await section.locator('.wt-result').getAttribute('data-node')).toBe(other.expected);
        expect(await section.locator('.wt-result .wt-calculator').count()).toBe(0);

        await walkScenario(section, scenario);
        const link = section.locator(`.wt-result .wt-calculator a[href="#${anchorId('calculation', calc)}"]`);
        await expect.poll(() => link.textContent()).toBe('Reken het uit: Bijdrage uit de SOO');
        expect(await axeViolations(page, `#${anchorId('tree', scenario.tree)}`)).toEqual([]);
        await link.focus();
        await page.keyboard.press('Enter');
        await tabTo(page, ids('oppervlakte').field);
    });

    test('the text version of the flowchart links that advice, and only that one, to the rekenhulp', async () => {
        const tree = json.trees.find(t => t.nodes.some(n => n.calculation === calc))!;
        const text = page.locator(`#${anchorId('tree', tree.id)}-tekst`);
        const links = text.locator(`a[href="#${anchorId('calculation', calc)}"]`);
        expect(await links.count()).toBe(tree.nodes.filter(n => n.calculation === calc).length);
        expect(await links.first().textContent()).toBe('Reken het uit: Bijdrage uit de SOO');
        const advice = tree.nodes.find(n => n.calculation === calc)!;
        expect(await links.first().locator('xpath=ancestor::li[1]').locator(':scope > .tv-text').textContent()).toBe(advice.text);
    });

    test('Uw situatie after a walk to the SOO advice links to the rekenhulp, and the link leads into the form', async () => {
        const scenario = json.scenarios.find(s => json.trees.find(t => t.id === s.tree)?.nodes.find(n => n.id === s.expected)?.calculation === calc)!;
        expect(scenario, 'a scenario ending at an advice with the calculation').toBeDefined();
        const section = page.locator(`#${anchorId('tree', scenario.tree)}`);
        await walkScenario(section, scenario);
        await section.locator('.wt-result button.wt-situation').click();
        const link = page.locator(`#uw-situatie .situation-advice a[href="#${anchorId('calculation', calc)}"]`);
        await expect.poll(() => link.textContent()).toBe('Reken het uit: Bijdrage uit de SOO');
        for (const item of await page.locator('#uw-situatie li[data-funding]').all()) {
            const fundingId = await item.getAttribute('data-funding');
            const funding = json.funding.find(f => f.id === fundingId);
            expect(await item.locator('.situation-calculator a').count()).toBe(funding?.calculation ? 1 : 0);
        }
        expect(await axeViolations(page, '#uw-situatie')).toEqual([]);
        await link.focus();
        await page.keyboard.press('Enter');
        await tabTo(page, ids('oppervlakte').field);
    });

    test('no console errors, page errors, requests or CSP violations', async () => {
        await expectNothingWrong(page, problems);
    });
});

describe('a calculation with hostile titles', () => {
    test('every title and reason stays text, in the form and in the outcome', async () => {
        const json = await exportFiles({
            'kwaad.hrk': `
financiering Kwaad ${hrk(PWN.script)} {
    termijn incidenteel
    voor alle typologieen
    berekening Reken
}
berekening Reken ${hrk(PWN.img)} {
    toelichting ${hrk(PWN.style)}
    invoer a ${hrk(PWN.breakout)} in m2
    invoer b ${hrk(PWN.attribute)}, optioneel
    niet van toepassing als a < 1 ${hrk(PWN.svg)}
    uitkomst ${hrk(PWN.entities)} in m2 = a * 2
}`
        });
        expect(json.calculations).toHaveLength(1);
        const file = await writeGuide(json, path.join(tmp, 'kwaad.html'));
        const { page, problems } = await openGuide(browser, file, { diagrams: false });
        try {
            const card = page.locator(`#${anchorId('calculation', 'Reken')}`);
            expect(await card.locator('h3').textContent()).toBe(PWN.img);
            expect(await card.locator('label').first().textContent()).toBe(`${PWN.breakout} (in m²)`);
            expect(await card.locator('label').nth(1).textContent()).toBe(`${PWN.attribute} (optioneel)`);
            await page.locator(`#${calculatorIds('Reken', 'a').field}`).focus();
            await page.keyboard.type('3');
            await page.keyboard.press('Enter');
            await expect.poll(() => card.locator('.calc-result').textContent()).toBe(`${PWN.entities}: 6 m²`);
            await typeInto(page, '0,5');
            await page.keyboard.press('Enter');
            await expect.poll(() => card.locator('.calc-steps').textContent()).toBe(`Niet van toepassing: ${PWN.svg}.`);
            expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
            expect(await page.locator('main img, main svg[onload], main script, main style').count()).toBe(0);
            expect(await axeViolations(page, `#${anchorId('calculation', 'Reken')}`)).toEqual([]);
            await expectNothingWrong(page, problems);
        } finally {
            await page.close();
        }
    });
});
