import type { Lang } from '../i18n/locale.js';
import { reviewTexts } from '../i18n/review-messages.js';
import { computeCoverage, type CoverageJson } from '../review/coverage.js';
import { coverageText, percentText, treesBelow } from '../review/render-coverage.js';
import { describeExpected, explainCalculationFailure, runCalculationScenarios } from '../calculation/run-calculation-scenarios.js';
import { explainFailure, runScenarios } from '../walkthrough/run-scenarios.js';
import { exportWorkspaceJson } from '../generation/json/export-json.js';
import type { SourceJson } from '../generation/json/handreiking-json.js';
import { cliMessages } from './cli-messages.js';
import { loadWorkspace, reportUnread } from './load-workspace.js';
import { ExitCode } from './usage-error.js';

export interface TestOptions {
    lang: Lang;
    format?: 'text' | 'json';
    /** Report which answers, questions and advices the scenarios reach. */
    dekking?: boolean;
    /** Fail (exit 1) when a tree's answers are covered less than this percentage; implies `dekking`. */
    minDekking?: number;
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
 * `Scenario's: N passed, N failed`, the form CI systems read. With `--dekking`, the coverage of
 * every tree comes before it, ending in one summary line of a fixed form.
 */
export async function testCommand(paths: string[], options: TestOptions, out: (line: string) => void, err: (line: string) => void,
    outJson: (json: string) => void = out): Promise<number> {
    const workspace = await loadWorkspace(paths.length > 0 ? paths : ['.'], { lang: options.lang });
    const someUnread = reportUnread(workspace, err);
    const json = exportWorkspaceJson(workspace.services, process.cwd());
    const t = cliMessages(options.lang);
    const where = (source: SourceJson) => `${source.file}:${source.line}`;
    const reports = runScenarios(json);
    const calculationReports = runCalculationScenarios(json);
    const outcomes: Outcome[] = [
        ...reports.map(report => ({
            source: report.scenario.source,
            passed: report.passed,
            lines: report.passed
                ? [`✓ ${report.scenario.name} (${report.scenario.tree} → ${report.scenario.expected})`]
                : [`✗ ${report.scenario.name} (${where(report.scenario.source)})`, ...explainFailure(report, options.lang).map(l => `    ${l}`)]
        })),
        ...calculationReports.map(report => ({
            source: report.scenario.source,
            passed: report.passed,
            lines: report.passed
                ? [`✓ ${report.scenario.name} (${report.scenario.calculation} → ${describeExpected(report, options.lang)})`]
                : [`✗ ${report.scenario.name} (${where(report.scenario.source)})`, ...explainCalculationFailure(report, options.lang).map(l => `    ${l}`)]
        }))
    ];
    outcomes.sort((a, b) => a.source.file < b.source.file ? -1 : a.source.file > b.source.file ? 1 : a.source.line - b.source.line);
    const passed = outcomes.filter(o => o.passed).length;
    const failed = outcomes.length - passed;
    const coverage: CoverageJson | undefined = options.dekking || options.minDekking !== undefined ? computeCoverage(json) : undefined;
    const below = coverage && options.minDekking !== undefined ? treesBelow(coverage, options.minDekking) : [];

    if (options.format === 'json') {
        outJson(JSON.stringify({
            formatVersion: 1,
            passed,
            failed,
            scenarios: reports.map(r => ({
                name: r.scenario.name,
                tree: r.scenario.tree,
                passed: r.passed,
                ...(r.result ? { status: r.result.status, ...(r.result.at !== undefined ? { at: r.result.at } : {}) } : {}),
                source: r.scenario.source
            })),
            calculationScenarios: calculationReports.map(r => ({
                name: r.scenario.name,
                calculation: r.scenario.calculation,
                passed: r.passed,
                source: r.scenario.source
            })),
            ...(coverage ? { coverage } : {}),
            ...(options.minDekking !== undefined ? { minimum: options.minDekking, belowMinimum: below.map(b => b.tree) } : {})
        }, null, 2));
    } else {
        for (const outcome of outcomes) for (const line of outcome.lines) out(line);
        if (outcomes.length === 0) out(t.noScenarios);
        if (coverage) {
            coverageText(coverage, options.lang).forEach(line => out(line));
            const r = reviewTexts(options.lang);
            for (const tree of below) {
                out(r.coverageBelow(`${r.type.tree} ‘${tree.tree}’`, percentText(tree.answers.percent, options.lang), `${String(options.minDekking).replace('.', options.lang === 'nl' ? ',' : '.')}%`));
            }
        }
        out(`${t.scenariosWord}: ${passed} passed, ${failed} failed`);
    }
    if (someUnread) return ExitCode.Usage;
    return failed > 0 || below.length > 0 ? ExitCode.Problems : ExitCode.Ok;
}
