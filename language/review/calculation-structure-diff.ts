import { conditionText, decimalText, expressionText } from '../calculation/expression-text.js';
import type { CalculationInputJson, CalculationJson, CalculationScenarioJson, NotApplicableJson } from '../generation/json/handreiking-json.js';
import type { FieldDiff } from './field-diff.js';
import { firstById } from './match-elements.js';
import type { ElementRef, StructureChange } from './review-json.js';

/**
 * The structure of a calculation in two versions, and of the scenarios that test calculations.
 * Formulas are compared as trees (layout and parentheses that change nothing do not count) and shown
 * as an editor writes them, so that a reader sees `100.000 euro` become `120.000 euro`.
 */

/** An input as a reader of the comparison needs it: `oppervlakte (m2)`, `bouwkosten (euro, optioneel)`, `woningen`. */
export function inputText(i: CalculationInputJson): string {
    const details = [...(i.unit ? [i.unit] : []), ...(i.optional ? ['optioneel'] : [])];
    return details.length > 0 ? `${i.id} (${details.join(', ')})` : i.id;
}

/** A `niet van toepassing` rule as written after `als`: `woningen < 5 "de woonvorm heeft minder dan 5 woningen"`. */
export function notApplicableText(rule: NotApplicableJson): string {
    return rule.reason !== undefined ? `${conditionText(rule.condition)} "${rule.reason}"` : conditionText(rule.condition);
}

export function compareCalculation(o: CalculationJson, n: CalculationJson, diff: FieldDiff): void {
    const ref: ElementRef = { type: 'calculation', id: n.id };
    diff.field(ref, 'title', o.title, n.title);
    diff.field(ref, 'inputs', o.inputs.map(inputText), n.inputs.map(inputText));
    // A title is not part of `inputs` (it would make every line long): reported per input that both versions have.
    const oldInputs = firstById(o.inputs);
    for (const input of firstById(n.inputs).values()) {
        const before = oldInputs.get(input.id);
        if (before) diff.field(ref, 'inputTitle', before.title, input.title, { name: input.id });
    }

    const rule = (r: NotApplicableJson) => ({ condition: r.condition, reason: r.reason });
    diff.tree(ref, 'notApplicable', o.notApplicable.map(rule), n.notApplicable.map(rule), o.notApplicable.map(notApplicableText), n.notApplicable.map(notApplicableText));

    // Named values by id, in the order of the new version and then the ones removed.
    const oldValues = firstById(o.values);
    const newValues = firstById(n.values);
    for (const id of new Set([...newValues.keys(), ...oldValues.keys()])) {
        const was = oldValues.get(id)?.expression;
        const now = newValues.get(id)?.expression;
        diff.tree(ref, 'value', was, now, was && expressionText(was), now && expressionText(now), { name: id });
        // The title is what a reader of an explanation sees (the rekenhulp): a new one is a change to review.
        if (oldValues.has(id) && newValues.has(id)) diff.field(ref, 'valueTitle', oldValues.get(id)?.title, newValues.get(id)?.title, { name: id });
    }

    diff.field(ref, 'outcomeTitle', o.outcome?.title, n.outcome?.title);
    diff.field(ref, 'unit', o.outcome?.unit, n.outcome?.unit);
    const was = o.outcome?.expression;
    const now = n.outcome?.expression;
    diff.tree(ref, 'outcome', was, now, was && expressionText(was), now && expressionText(now));

    diff.provenance(ref, o.provenance, n.provenance, undefined, {}, true);
    if (o.notApplicable.length > 0 && n.notApplicable.length > 0) {
        diff.provenanceList(ref, o.notApplicable.map(r => r.provenance), n.notApplicable.map(r => r.provenance), 'notApplicable');
    }
    for (const [id, value] of newValues) {
        const before = oldValues.get(id);
        if (before) diff.provenance(ref, before.provenance, value.provenance, 'value', { name: id });
    }
    if (o.outcome && n.outcome) diff.provenance(ref, o.outcome.provenance, n.outcome.provenance, 'outcome');
    diff.described(ref, o, n);
}

/** What a scenario of a calculation expects, as written after `verwacht`: `100.000` or `niet van toepassing`. */
function expectedText(s: CalculationScenarioJson): string {
    return s.expected.kind === 'value' ? decimalText(s.expected.value) : 'niet van toepassing';
}

/**
 * The scenarios of calculations, matched by name (they have no id). A scenario that names a renamed
 * calculation by its old name, or follows it to the new one, has not changed: the behaviour says
 * whether it still passes.
 */
export function compareCalculationScenarioDefinitions(olds: readonly CalculationScenarioJson[], news: readonly CalculationScenarioJson[], diff: FieldDiff,
    changes: StructureChange[], calculationId: (id: string) => string): void {
    const byName = (list: readonly CalculationScenarioJson[]) => firstById(list.map(s => ({ ...s, id: s.name })));
    const before = byName(olds);
    const after = byName(news);
    const ref = (s: CalculationScenarioJson): ElementRef => ({ type: 'scenario', id: s.name, calculation: s.calculation });
    for (const [name, n] of after) {
        const o = before.get(name);
        if (!o) {
            changes.push({ change: 'added', element: ref(n), title: name });
            continue;
        }
        const element = ref(n);
        if (o.calculation !== n.calculation && calculationId(o.calculation) !== n.calculation) diff.field(element, 'calculation', o.calculation, n.calculation);
        const inputs = (s: CalculationScenarioJson) => s.inputs.map(i => `${i.input}: ${decimalText(i.value)}`);
        diff.field(element, 'inputs', inputs(o), inputs(n));
        diff.field(element, 'expected', expectedText(o), expectedText(n));
    }
    for (const [name, o] of before) if (!after.has(name)) changes.push({ change: 'removed', element: ref(o), title: name });
}
