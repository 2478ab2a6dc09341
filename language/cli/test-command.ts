import type { Lang } from '../i18n/locale.js';
import { explainFailure, runScenarios } from '../walkthrough/run-scenarios.js';
import { exportWorkspaceJson } from '../generation/json/export-json.js';
import { cliMessages } from './cli-messages.js';
import { loadWorkspace, reportUnread } from './load-workspace.js';
import { ExitCode } from './usage-error.js';

export interface TestOptions {
    lang: Lang;
}

/**
 * `handreiking test`: walks every scenario's tree with its answers and compares the advice reached.
 * The last line is `Scenario's: N passed, N failed`, the form CI systems read.
 */
export async function testCommand(paths: string[], options: TestOptions, out: (line: string) => void, err: (line: string) => void): Promise<number> {
    const workspace = await loadWorkspace(paths.length > 0 ? paths : ['.'], { lang: options.lang });
    const someUnread = reportUnread(workspace, err);
    const json = exportWorkspaceJson(workspace.services, process.cwd());
    const reports = runScenarios(json);
    const t = cliMessages(options.lang);
    for (const report of reports) {
        const where = `${report.scenario.source.file}:${report.scenario.source.line}`;
        if (report.passed) {
            out(`✓ ${report.scenario.name} (${report.scenario.tree} → ${report.scenario.expected})`);
            continue;
        }
        out(`✗ ${report.scenario.name} (${where})`);
        for (const line of explainFailure(report, options.lang)) out(`    ${line}`);
    }
    const passed = reports.filter(r => r.passed).length;
    const failed = reports.length - passed;
    if (reports.length === 0) out(t.noScenarios);
    out(`${t.scenariosWord}: ${passed} passed, ${failed} failed`);
    if (someUnread) return ExitCode.Usage;
    return failed > 0 ? ExitCode.Problems : ExitCode.Ok;
}
