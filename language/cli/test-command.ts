import type { Lang } from '../i18n/locale.js';
import { describeExpected, explainCalculationFailure, runCalculationScenarios } from '../calculation/run-calculation-scenarios.js';
import { explainFailure, runScenarios } from '../walkthrough/run-scenarios.js';
import { exportWorkspaceJson } from '../generation/json/export-json.js';
import type { SourceJson } from '../generation/json/handreiking-json.js';
import { cliMessages } from './cli-messages.js';
import { loadWorkspace, reportUnread } from './load-workspace.js';
import { ExitCode } from './usage-error.js';

export interface TestOptions {
    lang: Lang;
}

/** One scenario's lines in the output, and where it is written (for the order). */
interface Outcome {
    source: SourceJson;
    passed: boolean;
    lines: string[];
}

/**
 * `handreiking test`: walks every tree scenario's tree with its answers and compares the advice
 * reached; computes every calculation scenario's calculation with its inputs and compares the
 * outcome. Both kinds are reported in the order they are written. The last line is
 * `Scenario's: N passed, N failed`, the form CI systems read.
 */
export async function testCommand(paths: string[], options: TestOptions, out: (line: string) => void, err: (line: string) => void): Promise<number> {
    const workspace = await loadWorkspace(paths.length > 0 ? paths : ['.'], { lang: options.lang });
    const someUnread = reportUnread(workspace, err);
    const json = exportWorkspaceJson(workspace.services, process.cwd());
    const t = cliMessages(options.lang);
    const where = (source: SourceJson) => `${source.file}:${source.line}`;
    const outcomes: Outcome[] = [
        ...runScenarios(json).map(report => ({
            source: report.scenario.source,
            passed: report.passed,
            lines: report.passed
                ? [`✓ ${report.scenario.name} (${report.scenario.tree} → ${report.scenario.expected})`]
                : [`✗ ${report.scenario.name} (${where(report.scenario.source)})`, ...explainFailure(report, options.lang).map(l => `    ${l}`)]
        })),
        ...runCalculationScenarios(json).map(report => ({
            source: report.scenario.source,
            passed: report.passed,
            lines: report.passed
                ? [`✓ ${report.scenario.name} (${report.scenario.calculation} → ${describeExpected(report, options.lang)})`]
                : [`✗ ${report.scenario.name} (${where(report.scenario.source)})`, ...explainCalculationFailure(report, options.lang).map(l => `    ${l}`)]
        }))
    ];
    outcomes.sort((a, b) => a.source.file < b.source.file ? -1 : a.source.file > b.source.file ? 1 : a.source.line - b.source.line);
    for (const outcome of outcomes) for (const line of outcome.lines) out(line);
    const passed = outcomes.filter(o => o.passed).length;
    const failed = outcomes.length - passed;
    if (outcomes.length === 0) out(t.noScenarios);
    out(`${t.scenariosWord}: ${passed} passed, ${failed} failed`);
    if (someUnread) return ExitCode.Usage;
    return failed > 0 ? ExitCode.Problems : ExitCode.Ok;
}
