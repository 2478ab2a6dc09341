import type { CalculationRun } from '../calculation/evaluate.js';
import { runCalculationScenarios } from '../calculation/run-calculation-scenarios.js';
import { isPlain, unitName, unitSource } from '../calculation/units.js';
import type { CalculationScenarioJson, HandreikingJson } from '../generation/json/handreiking-json.js';
import type { BehaviourChange, CalculationOutcomeJson, CalculationScenarioOutcomeJson } from './review-json.js';
import type { Renames } from './structure-diff.js';

/** Decimals of a value that has no end (a third), in the report. */
const APPROXIMATE_DECIMALS = 10;

/**
 * Every scenario of a calculation (of either version) run on both versions, as `handreiking test`
 * runs it. Reported when the outcome differs or the verdict flips: a changed amount is a change for
 * a reader even when the scenario fails (or passes) in both. A scenario that only one version has is
 * run on the other too, its calculation translated through the renames.
 */
export function compareCalculationScenarioOutcomes(oldJson: HandreikingJson, newJson: HandreikingJson, renames: Renames): BehaviourChange[] {
    const oldByName = new Map(oldJson.calculationScenarios.map(s => [s.name, s]));
    const newByName = new Map(newJson.calculationScenarios.map(s => [s.name, s]));
    const back = new Map([...renames.calculations].map(([o, n]) => [n, o]));
    const changes: BehaviourChange[] = [];
    for (const name of new Set([...newByName.keys(), ...oldByName.keys()])) {
        const written = newByName.get(name);
        const oldDef = oldByName.get(name) ?? onCalculation(written!, back);
        const newDef = written ?? onCalculation(oldByName.get(name)!, renames.calculations);
        const before = runOn(oldJson, oldDef);
        const after = runOn(newJson, newDef);
        if (before.passed !== after.passed || JSON.stringify(before.outcome) !== JSON.stringify(after.outcome)) {
            changes.push({ change: 'calculationScenario', scenario: name, calculation: newDef.calculation, old: before, new: after });
        }
    }
    return changes;
}

function onCalculation(s: CalculationScenarioJson, ids: ReadonlyMap<string, string>): CalculationScenarioJson {
    return { ...s, calculation: ids.get(s.calculation) ?? s.calculation };
}

function runOn(json: HandreikingJson, scenario: CalculationScenarioJson): CalculationScenarioOutcomeJson {
    const [report] = runCalculationScenarios({ ...json, calculationScenarios: [scenario] });
    return { passed: report.passed, outcome: report.run ? outcomeOf(report.run) : { kind: 'noCalculation' } };
}

export function outcomeOf(run: CalculationRun): CalculationOutcomeJson {
    switch (run.status) {
        case 'value': {
            const exact = run.quantity.value.toDecimal();
            const unit = isPlain(run.quantity.unit) ? undefined : unitName(run.quantity.unit) ?? unitSource(run.quantity.unit);
            return {
                kind: 'value',
                value: exact ?? run.quantity.value.toApproximateDecimal(APPROXIMATE_DECIMALS),
                ...(exact === undefined ? { approximate: true as const } : {}),
                ...(unit !== undefined ? { unit } : {})
            };
        }
        case 'notApplicable': return { kind: 'notApplicable', ...(run.reason !== undefined ? { reason: run.reason } : {}) };
        case 'error': return { kind: 'error', error: run.error.kind, ...(run.error.name !== undefined ? { name: run.error.name } : {}) };
    }
}
