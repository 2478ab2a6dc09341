import type { HandreikingJson } from '../../json/handreiking-json.js';
import { readDutchNumber } from '../../../calculation/dutch-input.js';
import { explainCalculation } from '../../../calculation/explain.js';
import type { Rational } from '../../../calculation/rational.js';
import { h, replace } from '../../../browser/dom.js';
import { calculatorIds } from '../guide-contract.js';

/**
 * The rekenhulp's forms (written by calculator-html.ts): reads the numbers as a reader types them
 * (`45`, `2,5`, `100.000`), evaluates the calculation with the language's own evaluator and shows
 * the outcome with how it was computed in the form's live region. A field that holds no number gets
 * its message beside it (`aria-invalid`, `aria-describedby`) and the focus. Everything shown is
 * text (dom.ts): nothing typed is ever parsed as HTML, and nothing leaves the page.
 */
export function wireCalculators(json: HandreikingJson, root: ParentNode): void {
    for (const form of root.querySelectorAll<HTMLFormElement>('form.calc-form[data-calculation]')) {
        const calculation = json.calculations[Number(form.getAttribute('data-calculation'))];
        const output = form.parentElement?.querySelector<HTMLElement>('.calc-output');
        if (!calculation || !output) continue;
        form.addEventListener('submit', event => {
            event.preventDefault();
            const values = new Map<string, Rational>();
            let firstInvalid: HTMLInputElement | undefined;
            let invalid = 0;
            for (const input of calculation.inputs) {
                const ids = calculatorIds(calculation.id, input.id);
                const field = document.getElementById(ids.field);
                const message = document.getElementById(ids.error);
                if (!(field instanceof HTMLInputElement) || !message) continue;
                const read = readDutchNumber(field.value);
                const problem = 'problem' in read ? read.problem : 'empty' in read && !input.optional ? 'Vul hier een getal in.' : undefined;
                if (problem) {
                    invalid++;
                    firstInvalid ??= field;
                    message.textContent = problem;
                    message.hidden = false;
                    field.setAttribute('aria-invalid', 'true');
                    field.setAttribute('aria-describedby', `${ids.error} ${ids.hint}`);
                } else {
                    message.textContent = '';
                    message.hidden = true;
                    field.removeAttribute('aria-invalid');
                    field.setAttribute('aria-describedby', ids.hint);
                    if ('value' in read) values.set(input.id, read.value);
                }
            }
            if (firstInvalid) {
                replace(output, h('p', { class: 'calc-problem' },
                    invalid === 1 ? 'Eén veld is niet goed ingevuld; zie de melding bij dat veld.' : `${invalid} velden zijn niet goed ingevuld; zie de meldingen bij die velden.`));
                firstInvalid.focus();
                return;
            }
            const explained = explainCalculation(calculation, values);
            const title = calculation.outcome?.title || calculation.title || calculation.id;
            const head = explained.run.status === 'value'
                ? `${title}: ${explained.outcome ?? ''}`
                : explained.run.status === 'notApplicable'
                    ? `${title}: niet van toepassing.`
                    : `${title}: niet te berekenen.`;
            replace(output,
                h('p', { class: 'calc-result' }, head),
                h('p', { class: 'calc-steps' }, explained.run.status === 'value' ? `Zo is het berekend: ${explained.text}.` : `${capitalize(explained.text)}.`));
        });
        form.hidden = false;
    }
}

function capitalize(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}
