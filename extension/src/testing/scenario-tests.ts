import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CoverageRequest, RunScenariosRequest, ScenariosChangedNotification, type ScenarioResult } from '../../../language/lsp/protocol.js';
import { treeFileCoverage } from './tree-coverage.js';

/**
 * Every `scenario` of the workspace in VS Code's Testing view, grouped by file: those of a tree and
 * those of a calculation. The server runs them (the same walk and computation as `handreiking
 * test`); a failure shows the path taken, or the amount computed with the values, at the scenario.
 * When a file changes, its scenarios are listed again and re-run. "Run with coverage" also reports
 * what the scenarios check of each tree (`handreiking test --dekking`) through VS Code's coverage
 * API: per file with trees, its answers as branches and its questions and advices as statements.
 */
export class ScenarioTests implements vscode.Disposable {
    private readonly controller: vscode.TestController;
    private readonly disposables: vscode.Disposable[] = [];
    private refreshTimer: ReturnType<typeof setTimeout> | undefined;
    private readonly changedUris = new Set<string>();
    /** The lines behind each file's coverage figure, for when the reader opens it. */
    private readonly details = new WeakMap<vscode.FileCoverage, vscode.FileCoverageDetail[]>();

    constructor(private readonly client: LanguageClient) {
        this.controller = vscode.tests.createTestController('handreiking.scenarios', vscode.l10n.t('Handreiking scenarios'));
        this.controller.resolveHandler = async () => { await this.refresh(); };
        this.controller.refreshHandler = async () => { await this.refresh(); };
        this.controller.createRunProfile(vscode.l10n.t('Run scenarios'), vscode.TestRunProfileKind.Run,
            (request, token) => this.run(request, token), true);
        const coverage = this.controller.createRunProfile(vscode.l10n.t('Run scenarios with coverage'), vscode.TestRunProfileKind.Coverage,
            (request, token) => this.run(request, token, true), true);
        coverage.loadDetailedCoverage = (_run, file) => Promise.resolve(this.details.get(file) ?? []);
        this.disposables.push(this.controller, client.onNotification(ScenariosChangedNotification.type, params => {
            for (const uri of params.uris) this.changedUris.add(uri);
            // Typing produces a build per keystroke: re-run once things are quiet.
            if (this.refreshTimer) clearTimeout(this.refreshTimer);
            this.refreshTimer = setTimeout(() => void this.refreshAndRunChanged(), 500);
        }));
    }

    /** Lists the scenarios (running them is how the server finds them) and returns the results. */
    async refresh(): Promise<ScenarioResult[]> {
        const results = await this.client.sendRequest(RunScenariosRequest.type, {});
        const files = new Map<string, vscode.TestItem>();
        for (const result of results) {
            let file = files.get(result.uri);
            if (!file) {
                const uri = vscode.Uri.parse(result.uri);
                file = this.controller.items.get(result.uri) ?? this.controller.createTestItem(result.uri, vscode.workspace.asRelativePath(uri), uri);
                file.children.replace([]);
                files.set(result.uri, file);
            }
            const item = this.controller.createTestItem(`${result.uri}#${result.name}`, result.name, vscode.Uri.parse(result.uri));
            item.range = toRange(result.range);
            item.description = `${result.tree ?? result.calculation ?? ''} → ${result.expected}`;
            file.children.add(item);
        }
        this.controller.items.replace([...files.values()]);
        return results;
    }

    private async refreshAndRunChanged(): Promise<void> {
        const changed = new Set(this.changedUris);
        this.changedUris.clear();
        const results = await this.refresh();
        const items = [...changed].map(uri => this.controller.items.get(uri)).filter((i): i is vscode.TestItem => !!i);
        if (items.length === 0) return;
        const run = this.controller.createTestRun(new vscode.TestRunRequest(items), vscode.l10n.t('Scenarios after a change'), false);
        this.report(run, items, results);
        run.end();
    }

    private async run(request: vscode.TestRunRequest, token: vscode.CancellationToken, coverage = false): Promise<void> {
        const run = this.controller.createTestRun(request);
        try {
            const results = await this.refresh();
            if (token.isCancellationRequested) return;
            const roots = request.include ?? [...collect(this.controller.items)];
            this.report(run, roots, results, new Set((request.exclude ?? []).map(i => i.id)));
            if (coverage) {
                // Coverage is of the trees by all the scenarios of the workspace, whichever were picked.
                for (const { file, details } of treeFileCoverage(await this.client.sendRequest(CoverageRequest.type, {}))) {
                    this.details.set(file, details);
                    run.addCoverage(file);
                }
            }
        } finally {
            run.end();
        }
    }

    private report(run: vscode.TestRun, roots: readonly vscode.TestItem[], results: ScenarioResult[], excluded = new Set<string>()): void {
        const byId = new Map(results.map(r => [`${r.uri}#${r.name}`, r]));
        const leaves = roots.flatMap(item => item.children.size > 0 ? [...collect(item.children)] : [item]);
        for (const item of leaves) {
            if (excluded.has(item.id)) continue;
            const result = byId.get(item.id);
            if (!result) {
                run.skipped(item);
                continue;
            }
            run.started(item);
            if (result.passed) {
                run.passed(item);
            } else {
                const message = new vscode.TestMessage(result.message ?? vscode.l10n.t('Scenario failed'));
                message.expectedOutput = result.expected;
                if (result.reached) message.actualOutput = result.reached;
                message.location = new vscode.Location(vscode.Uri.parse(result.uri), toRange(result.nameRange));
                run.failed(item, message);
            }
        }
    }

    dispose(): void {
        if (this.refreshTimer) clearTimeout(this.refreshTimer);
        for (const d of this.disposables) d.dispose();
    }
}

function* collect(items: vscode.TestItemCollection): Generator<vscode.TestItem> {
    const all: vscode.TestItem[] = [];
    items.forEach(item => { all.push(item); });
    for (const item of all) {
        if (item.children.size > 0) yield* collect(item.children);
        else yield item;
    }
}

function toRange(r: ScenarioResult['range']): vscode.Range {
    return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}
