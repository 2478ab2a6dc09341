import type { HandreikingJson, ScenarioJson } from '../generation/json/handreiking-json.js';
import type { Lang } from '../i18n/locale.js';
import { scenarioTexts } from '../i18n/scenario-messages.js';
import { TreeWalker, describePath, runScenarioOnTree, type PassesProblem, type WalkResult } from './walk.js';

/** The result of one scenario, as the CLI, the Testing view and the tests report it. */
export interface ScenarioReport {
    scenario: ScenarioJson;
    passed: boolean;
    /** Undefined when the tree does not exist. */
    result?: WalkResult;
    unusedAnswers: string[];
    /** The first node of the scenario's `langs` that the path does not pass, in order. */
    passesProblem?: PassesProblem;
}

/** Runs every scenario of an export against its tree. */
export function runScenarios(json: HandreikingJson): ScenarioReport[] {
    const walkers = new Map(json.trees.map(t => [t.id, new TreeWalker(t)]));
    return json.scenarios.map(scenario => {
        const walker = walkers.get(scenario.tree);
        if (!walker) return { scenario, passed: false, unusedAnswers: [] };
        const outcome = runScenarioOnTree(walker, scenario.answers, scenario.expected, scenario.passes ?? []);
        return {
            scenario, passed: outcome.passed, result: outcome.result, unusedAnswers: outcome.unusedAnswers,
            ...(outcome.passesProblem ? { passesProblem: outcome.passesProblem } : {})
        };
    });
}

/** Why a scenario failed, line by line: expected, reached (or where it stopped), the path taken. */
export function explainFailure(report: ScenarioReport, lang: Lang): string[] {
    const t = scenarioTexts(lang);
    const { scenario, result } = report;
    if (!result) return [t.treeMissing(scenario.tree)];
    const lines = [t.expected(scenario.expected)];
    const at = result.at ?? '';
    switch (result.status) {
        case 'advice': lines.push(t.reachedAdvice(at)); break;
        case 'question': lines.push(t.noAnswer(at)); break;
        case 'unknownAnswer': lines.push(t.unknownAnswer(at, result.path.at(-1)?.answer ?? '')); break;
        case 'deadEnd': lines.push(t.deadEnd(at)); break;
        case 'cycle': lines.push(t.cycle(at)); break;
    }
    if (report.unusedAnswers.length > 0) lines.push(t.unused(report.unusedAnswers.join(', ')));
    const problem = report.passesProblem;
    if (problem) {
        lines.push(problem.kind === 'missing' ? t.notPassed(problem.node) : t.passedOutOfOrder(problem.node, problem.after));
    }
    lines.push(t.path(describePath(result.path)));
    return lines;
}
