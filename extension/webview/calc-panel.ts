import type { PreviewCalculationScenario } from '../../language/lsp/protocol.js';
import { h, replace } from '../../language/browser/dom.js';
import type { Strings } from './strings.js';

/**
 * The calculation scenario under the cursor: what the server computed for its inputs, whether that
 * is what it expects, and how, in the rekenhulp's words (language/calculation/scenario-outcome.ts).
 * The page computes nothing; every text goes in as text.
 */
export function renderCalcPanel(panel: HTMLElement, scenario: PreviewCalculationScenario | undefined, t: Strings): void {
    if (!scenario) {
        panel.hidden = true;
        replace(panel);
        return;
    }
    replace(panel,
        h('h2', {}, t.calcTitle(scenario.name)),
        h('p', { class: 'calc-of' }, t.calcOf(scenario.title)),
        h('p', { class: 'calc-outcome' }, `${t.calcOutcome}: `, h('strong', {}, scenario.outcome || '—')),
        h('p', { class: `calc-expected ${scenario.passed ? 'calc-passed' : 'calc-failed'}`, attrs: { 'data-passed': String(scenario.passed) } },
            `${t.calcExpected}: ${scenario.expected} — ${scenario.passed ? t.calcMatches : t.calcDiffers}`),
        scenario.inputs.length > 0 ? h('h3', {}, t.calcInputs) : undefined,
        scenario.inputs.length > 0 ? h('ul', { class: 'calc-inputs' }, ...scenario.inputs.map(i => h('li', {}, i))) : undefined,
        scenario.steps.length > 0 ? h('h3', {}, t.calcHow) : undefined,
        scenario.steps.length > 0 ? h('ol', { class: 'calc-steps' }, ...scenario.steps.map(s => h('li', {}, s))) : undefined);
    panel.hidden = false;
}
