import type { CalculationInputJson, CalculationJson, HandreikingJson, UnitName } from '../json/handreiking-json.js';
import { htmlText } from '../../text/html-escape.js';
import { anchorId, calculatorIds } from './guide-contract.js';
import { paragraphs } from './html-text.js';

/**
 * The rekenhulp: per calculation of the guide a form to compute it (what the SOO contributes, for
 * an area and a number of homes). The page writes the form; browser/calculator.ts reads the numbers,
 * evaluates them with the evaluator of the language (language/calculation/evaluate.ts) and shows the
 * outcome with how it was computed. The form is hidden until the app has wired it: without
 * JavaScript there is nothing to compute with. Every text of the guide goes through htmlText.
 */

/** Where a calculation is used: the titles and anchors of the funding rules that refer to it. */
export interface CalculatorContext {
    fundingLink(id: string): string;
}

/** A unit as a reader says it beside a field. */
export function unitWords(unit: UnitName | undefined): string | undefined {
    switch (unit) {
        case 'euro': return 'in euro';
        case 'm2': return 'in m²';
        case 'euro per m2': return 'in euro per m²';
        case 'm2 per euro': return 'in m² per euro';
        default: return undefined;
    }
}

/** The section "Rekenhulp", or nothing when the guide has no calculations. */
export function calculatorSection(json: HandreikingJson, context: CalculatorContext): string {
    if (json.calculations.length === 0) return '';
    return `<section id="rekenhulp" aria-labelledby="rekenhulp-titel">
<h2 id="rekenhulp-titel">Rekenhulp</h2>
<p>Reken uit wat een regeling kan opleveren. Vul getallen in zoals u ze schrijft, bijvoorbeeld 45, 2,5 of 100.000, en kies <strong>Bereken</strong>. De uitkomst is een schatting: de regeling zelf beslist. Niets van wat u invult verlaat deze pagina.</p>
<p class="hint calc-nojs">Zet JavaScript aan om te rekenen. De teksten blijven ook zonder JavaScript te lezen.</p>
${json.calculations.map((c, index) => calculatorCard(c, index, context)).join('\n')}
</section>`;
}

function calculatorCard(calculation: CalculationJson, index: number, context: CalculatorContext): string {
    const anchor = anchorId('calculation', calculation.id);
    const title = calculation.title || calculation.id;
    const funding = calculation.funding.map(id => context.fundingLink(id));
    return `<article class="card calculator" id="${htmlText(anchor)}" aria-labelledby="${htmlText(anchor)}-titel">
<h3 id="${htmlText(anchor)}-titel">${htmlText(title)}</h3>
${paragraphs(calculation.documentation, 'doc')}
${paragraphs(calculation.description, 'description')}
${funding.length > 0 ? `<p>Hoort bij: ${funding.join(', ')}.</p>` : ''}
<form class="calc-form" data-calculation="${index}" novalidate hidden aria-labelledby="${htmlText(anchor)}-titel">
${calculation.inputs.map(input => field(calculation, input)).join('\n')}
<p class="calc-actions"><button type="submit" class="calc-submit">Bereken</button></p>
</form>
<div class="calc-output" id="${htmlText(anchor)}-uitkomst" aria-live="polite"></div>
</article>`;
}

function field(calculation: CalculationJson, input: CalculationInputJson): string {
    const ids = calculatorIds(calculation.id, input.id);
    const unit = unitWords(input.unit);
    const extras = [unit, input.optional ? 'optioneel' : undefined].filter(x => x !== undefined);
    const hint = input.optional
        ? 'Optioneel: laat leeg als u het (nog) niet weet; dan telt het niet mee.'
        : 'Een getal, bijvoorbeeld 45 of 2,5.';
    return `<div class="calc-field">
<label for="${htmlText(ids.field)}">${htmlText(input.title || input.id)}${extras.length > 0 ? ` <span class="calc-unit">(${extras.join(', ')})</span>` : ''}</label>
<input id="${htmlText(ids.field)}" name="${htmlText(input.id)}" type="text" inputmode="decimal" autocomplete="off" spellcheck="false"${input.optional ? '' : ' aria-required="true"'} aria-describedby="${htmlText(ids.hint)}">
<p class="calc-hint" id="${htmlText(ids.hint)}">${hint}</p>
<p class="calc-error" id="${htmlText(ids.error)}" hidden></p>
</div>`;
}

export const CALCULATOR_CSS = `
/* Rekenhulp (calculator-html.ts, browser/calculator.ts). */
.calc-field { margin: 0.6rem 0; }
.calc-field label { display: block; font-weight: 600; }
.calc-unit { font-weight: normal; color: var(--muted); }
.calc-field input { font: inherit; padding: 0.3rem 0.5rem; border: 1px solid var(--muted); border-radius: 4px; max-width: 100%; width: 14rem; background: var(--bg); color: var(--text); }
.calc-field input[aria-invalid="true"] { border: 2px solid var(--hrk-color-error); }
.calc-hint { margin: 0.2rem 0; color: var(--muted); font-size: 0.95rem; }
.calc-error { margin: 0.2rem 0; color: var(--hrk-color-error); font-weight: 600; }
.calc-submit { background: var(--accent); color: var(--hrk-color-on-accent); border: 1px solid var(--accent); padding: 0.3rem 1rem; }
.calc-output:not(:empty) { border-left: 4px solid var(--accent); padding-left: 0.75rem; margin: 0.5rem 0; }
.calc-result { font-weight: 600; }
html[data-hrk-app="ready"] .calc-nojs { display: none; }
@media print { .calc-form, .calc-nojs { display: none !important; } }
`;
