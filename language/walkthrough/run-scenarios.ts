import type { HandreikingJson, ScenarioJson } from '../generation/json/handreiking-json.js';
import { TreeWalker, runScenarioOnTree, type WalkResult } from './walk.js';

/** The result of one scenario, as the CLI, the Testing view and the tests report it. */
export interface ScenarioReport {
    scenario: ScenarioJson;
    passed: boolean;
    /** Undefined when the tree does not exist. */
    result?: WalkResult;
    unusedAnswers: string[];
}

/** Runs every scenario of an export against its tree. */
export function runScenarios(json: HandreikingJson): ScenarioReport[] {
    const walkers = new Map(json.trees.map(t => [t.id, new TreeWalker(t)]));
    return json.scenarios.map(scenario => {
        const walker = walkers.get(scenario.tree);
        if (!walker) return { scenario, passed: false, unusedAnswers: [] };
        const outcome = runScenarioOnTree(walker, scenario.answers, scenario.expected);
        return { scenario, passed: outcome.passed, result: outcome.result, unusedAnswers: outcome.unusedAnswers };
    });
}
