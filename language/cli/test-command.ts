import type { Taal } from '../i18n/locale.js';
import { describePath } from '../walkthrough/walk.js';
import { runScenarios, type ScenarioReport } from '../walkthrough/run-scenarios.js';
import { exportWorkspaceJson } from '../generation/json/export-json.js';
import { cliMessages } from './cli-messages.js';
import { loadWorkspace } from './load-workspace.js';
import { ExitCode } from './usage-error.js';

export interface TestOptions {
    taal: Taal;
}

/**
 * `handreiking test`: walks every scenario's tree with its answers and compares the advice reached.
 * The last line is `Scenario's: N passed, N failed`, the form CI systems read.
 */
export async function testCommand(paths: string[], options: TestOptions, out: (line: string) => void): Promise<number> {
    const workspace = await loadWorkspace(paths.length > 0 ? paths : ['.'], { taal: options.taal });
    const json = exportWorkspaceJson(workspace.services, process.cwd());
    const reports = runScenarios(json);
    const t = cliMessages(options.taal);
    for (const report of reports) {
        const where = `${report.scenario.source.file}:${report.scenario.source.line}`;
        if (report.passed) {
            out(`✓ ${report.scenario.name} (${report.scenario.tree} → ${report.scenario.expected})`);
            continue;
        }
        out(`✗ ${report.scenario.name} (${where})`);
        for (const line of explainFailure(report, t)) out(`    ${line}`);
    }
    const passed = reports.filter(r => r.passed).length;
    const failed = reports.length - passed;
    if (reports.length === 0) out(t.noScenarios);
    out(`${t.scenariosWord}: ${passed} passed, ${failed} failed`);
    return failed > 0 ? ExitCode.Problems : ExitCode.Ok;
}

function explainFailure(report: ScenarioReport, t: ReturnType<typeof cliMessages>): string[] {
    const { scenario, result } = report;
    if (!result) return [t.scenarioTreeMissing(scenario.tree)];
    const lines = [t.scenarioExpected(scenario.expected)];
    const at = result.at ?? '';
    switch (result.status) {
        case 'advice': lines.push(t.scenarioReachedAdvice(at)); break;
        case 'question': lines.push(t.scenarioNoAnswer(at)); break;
        case 'unknownAnswer': lines.push(t.scenarioUnknownAnswer(at, result.path.at(-1)?.answer ?? '')); break;
        case 'deadEnd': lines.push(t.scenarioDeadEnd(at)); break;
        case 'cycle': lines.push(t.scenarioCycle(at)); break;
    }
    if (report.unusedAnswers.length > 0) lines.push(t.scenarioUnused(report.unusedAnswers.join(', ')));
    lines.push(t.scenarioPath(describePath(result.path)));
    return lines;
}
