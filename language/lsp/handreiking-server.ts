import { AstUtils, DocumentState, URI, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import type { TextExportFormat } from '../export/export-formats.js';
import { collectFiles, type ExportedFile } from '../export/exported-file.js';
import { loadExport } from '../export/load-export.js';
import { exportWorkspaceJson, fileName, isBelow, jsonContext } from '../generation/json/export-json.js';
import { toHandreikingJson } from '../generation/json/to-json.js';
import { isBeslisboom, isScenario } from '../generated/ast.js';
import type { GuideScripts } from '../generation/html/guide-scripts.js';
import type { HandreikingJson, ScenarioJson } from '../generation/json/handreiking-json.js';
import type { HandreikingServices } from '../handreiking-module.js';
import { explainFailure, runScenarios } from '../walkthrough/run-scenarios.js';
import { describeExpected, describeOutcome, explainCalculationFailure, runCalculationScenarios } from '../calculation/run-calculation-scenarios.js';
import { isCalculationScenario } from '../generation/json/calculation-json.js';
import { describePath } from '../walkthrough/walk.js';
import { calculate } from './calculate.js';
import { coverageReports } from './coverage-report.js';
import {
    CalculateRequest, CoverageRequest, ExportRequest, PreviewCompareRequest, PreviewNotification, PreviewRequest, PreviewSubscription, ReviewSummaryRequest, RunScenariosRequest, ScenariosChangedNotification,
    type PreviewData, type PreviewParams, type PreviewProblem, type ScenarioResult
} from './protocol.js';
import { previewErrors } from './preview-data.js';
import { oldVersionJson, reviewSummary, workingCopyOf } from './review-summary.js';
import { reviewTexts } from '../i18n/review-messages.js';

/** The HTML guide's scripts; injected because they live beside the server bundle in the .vsix. */
export type GuideAssetsLoader = () => Promise<GuideScripts>;

/**
 * The custom part of the language server: previews pushed to subscribed documents as soon as
 * an edit is linked (and after its checks when they find errors), scenario runs for the Testing view, and exports. Every handler reads the workspace
 * under Langium's workspace lock and catches its own errors, so one failing feature cannot take
 * the server down.
 */
export function registerHandreikingFeatures(connection: Connection, shared: LangiumSharedServices, services: HandreikingServices, guideAssets?: GuideAssetsLoader): void {
    const subscriptions = new Map<string, PreviewParams>();
    const lock = shared.workspace.WorkspaceLock;
    const builder = shared.workspace.DocumentBuilder;

    // The workspace JSON is the same for every preview pushed after one build: compute it once.
    // Without an export root its files are named by their URI paths (fileName), drive letters kept.
    let cachedJson: HandreikingJson | undefined;
    let cachedShared: HandreikingJson | undefined;
    let cachedScenarios: ScenarioJson[] | undefined;
    builder.onUpdate(() => { cachedJson = undefined; cachedShared = undefined; cachedScenarios = undefined; });
    const workspaceJson = () => (cachedJson ??= exportWorkspaceJson(services));
    // The preview draws the trees of its own document; of the rest of the workspace it needs only
    // the typologies and funding (for the table and the overview). Exporting every tree of a large
    // workspace on each keystroke would make typing slow.
    const sharedJson = () => (cachedShared ??= toHandreikingJson(
        services.handreiking.WorkspaceModel.elements().filter(e => !isBeslisboom(e) && !isScenario(e)), jsonContext(services)));

    // The coverage overlay runs the scenarios of the whole workspace against the document's trees.
    const scenariosJson = () => (cachedScenarios ??= toHandreikingJson(
        services.handreiking.WorkspaceModel.elements().filter(isScenario), jsonContext(services)).scenarios);
    // Per previewed URI, the older version its trees are compared with ("Vergelijk met …").
    const comparisons = new Map<string, { against: string; old: HandreikingJson }>();
    /** What the preview of `uri` shows beside the trees: their coverage, their comparison. */
    const reviewOf = (uri: string) => {
        const compared = comparisons.get(uri);
        return {
            ...(subscriptions.get(uri)?.coverage ? { scenarios: scenariosJson() } : {}),
            ...(compared ? { comparison: { ...compared, current: workspaceJson() } } : {})
        };
    };

    const preview = (uri: string): PreviewData | null => {
        const document = shared.workspace.LangiumDocuments.getDocument(URI.parse(uri));
        if (!document || document.state < DocumentState.Validated) return null;
        const params = subscriptions.get(uri);
        return services.handreiking.PreviewData.compute(document, { direction: params?.direction, json: sharedJson(), ...reviewOf(uri) });
    };

    /**
     * A keystroke's preview does not wait for the checks: once the document is linked, it is
     * pushed with the errors known by then (syntax and unknown names, what Langium's built-in
     * validation finds), and again after the checks only if they change those errors. A document
     * whose checks found errors last time waits for the checks, so its banner does not come and
     * go on each keystroke.
     */
    const validator = services.validation.DocumentValidator;
    /**
     * Per subscribed URI, the preview pushed last: its version, its errors, and whether those were
     * only the built-in ones (pushed when the document was linked, before its checks).
     */
    const pushed = new Map<string, { version: number; errors: string; builtIn: boolean }>();
    /** Subscribed URIs whose last checks found errors beyond the built-in ones. */
    const waitForChecks = new Set<string>();
    const errorsKey = (errors: readonly PreviewProblem[]) => JSON.stringify(errors);
    const push = async (data: PreviewData, builtIn: boolean) => {
        pushed.set(data.uri, { version: data.version, errors: errorsKey(data.errors), builtIn });
        await connection.sendNotification(PreviewNotification.type, data);
    };

    connection.onNotification(PreviewSubscription.type, params => {
        if (params.subscribed) subscriptions.set(params.uri, params);
        else {
            subscriptions.delete(params.uri);
            comparisons.delete(params.uri);
        }
        pushed.delete(params.uri);
        waitForChecks.delete(params.uri);
    });

    // The old version is parsed once, by services of its own (review/parse-version.ts), outside the lock.
    connection.onRequest(PreviewCompareRequest.type, params => guarded(connection, 'review', async () => {
        if (!params.against) {
            comparisons.delete(params.uri);
            return {};
        }
        const version = await oldVersionJson(services, params.against.files, URI.parse(params.against.root), params.against.label);
        if ('error' in version) return { error: version.error };
        comparisons.set(params.uri, { against: params.against.label, old: version.json });
        return {};
    }, { error: reviewTexts(services.i18n.Locale.lang).summaryFailed }));

    connection.onRequest(PreviewRequest.type, async params => {
        if (params.direction || params.coverage !== undefined) subscriptions.set(params.uri, { ...subscriptions.get(params.uri), ...params });
        await builder.waitUntil(DocumentState.Validated, URI.parse(params.uri)).catch(() => undefined);
        return guarded(connection, 'preview', () => lock.read(() => preview(params.uri)), null);
    });

    // These listeners run inside the build, which holds the workspace's write lock: they read the
    // freshly linked or validated model directly (taking the read lock here would wait for itself).
    builder.onBuildPhase(DocumentState.Linked, async () => {
        for (const [uri, params] of subscriptions) {
            if (waitForChecks.has(uri)) continue;
            await guarded(connection, 'preview', async () => {
                const document = shared.workspace.LangiumDocuments.getDocument(URI.parse(uri));
                if (!document || document.state < DocumentState.Linked) return;
                // A document this build did not touch has the diagnostics of its checks already.
                const builtIn = document.state < DocumentState.Validated;
                const diagnostics = builtIn ? await validator.validateDocument(document, { categories: ['built-in'] }) : document.diagnostics;
                const data = services.handreiking.PreviewData.compute(document, { direction: params.direction, json: sharedJson(), diagnostics: diagnostics ?? [], ...reviewOf(uri) });
                await push(data, builtIn);
            }, undefined);
        }
    });

    builder.onBuildPhase(DocumentState.Validated, async (documents: LangiumDocument[]) => {
        for (const uri of subscriptions.keys()) {
            await guarded(connection, 'preview', async () => {
                const document = shared.workspace.LangiumDocuments.getDocument(URI.parse(uri));
                if (!document || document.state < DocumentState.Validated) return;
                const errors = errorsKey(previewErrors(document.diagnostics ?? []));
                const last = pushed.get(uri);
                if (last && last.version === document.textDocument.version) {
                    // The preview pushed when the document was linked said it all: the checks found no more errors.
                    if (last.errors === errors) {
                        if (last.builtIn) waitForChecks.delete(uri);
                        return;
                    }
                    if (last.builtIn) waitForChecks.add(uri);
                } else {
                    // It waited for the checks: does it still have to, next time?
                    const builtIn = errorsKey(previewErrors(await validator.validateDocument(document, { categories: ['built-in'] })));
                    if (builtIn === errors) waitForChecks.delete(uri);
                    else waitForChecks.add(uri);
                }
                const data = preview(uri);
                if (data) await push(data, false);
            }, undefined);
        }
        const uris = documents.map(d => d.uri.toString());
        if (uris.length > 0) await connection.sendNotification(ScenariosChangedNotification.type, { uris });
    });

    connection.onRequest(RunScenariosRequest.type, params =>
        guarded(connection, 'scenarios', () => lock.read(() => scenarioResults(services, workspaceJson(), params.uri)), []));

    connection.onRequest(CoverageRequest.type, () =>
        guarded(connection, 'scenarios', () => lock.read(() => Promise.resolve(coverageReports(services, workspaceJson()))), []));

    connection.onRequest(CalculateRequest.type, params =>
        guarded(connection, 'calculate', () => lock.read(() => Promise.resolve(calculate(services, params))), null));

    // An export names its files below the workspace folder, as the CLI run there does: the
    // previews' JSON (named by whole paths, to find documents back) would put the user's home
    // folder into a published guide.
    connection.onRequest(ExportRequest.type, params => guarded(connection, 'export', () => lock.read(() => {
        const root = exportRoot(shared, params.uri);
        return exportFiles(exportWorkspaceJson(services, root), root, params.format, params.uri, services, guideAssets);
    }), []));

    // The working copy is read under the lock; git runs after it, so edits need not wait for git.
    connection.onRequest(ReviewSummaryRequest.type, params => guarded(connection, 'review', async () => {
        const folder = URI.parse(params.folder);
        // The read lock waits for a build under way, so the edits made so far are in.
        const workingCopy = await lock.read(async () => workingCopyOf(services, folder));
        return reviewSummary(services, folder, workingCopy);
    }, { error: reviewTexts(services.i18n.Locale.lang).summaryFailed }));
}

function scenarioResults(services: HandreikingServices, json: HandreikingJson, uri?: string): ScenarioResult[] {
    // The JSON keeps the scenarios of each kind in the order written, so they pair with the AST by position.
    const reports = runScenarios(json);
    const calculationReports = runCalculationScenarios(json);
    const lang = services.i18n.Locale.lang;
    const names = services.references.NameProvider;
    const results: ScenarioResult[] = [];
    let tree = 0;
    let calculation = 0;
    for (const node of services.handreiking.WorkspaceModel.scenarios()) {
        const isCalculation = isCalculationScenario(node);
        const index = isCalculation ? calculation++ : tree++;
        const documentUri = AstUtils.getDocument(node).uri.toString();
        if (uri && documentUri !== uri) continue;
        const range = node.$cstNode?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
        const where = { uri: documentUri, range, nameRange: names.getNameNode(node)?.range ?? range };
        if (isCalculation) {
            const report = calculationReports[index];
            results.push({
                ...where,
                name: report.scenario.name,
                kind: 'calculation',
                calculation: report.scenario.calculation,
                expected: describeExpected(report, lang),
                passed: report.passed,
                ...(report.passed ? {} : { message: explainCalculationFailure(report, lang).join('\n') }),
                ...(report.run ? { reached: describeOutcome(report.run, lang) } : {})
            });
            continue;
        }
        const report = reports[index];
        results.push({
            ...where,
            name: report.scenario.name,
            kind: 'tree',
            tree: report.scenario.tree,
            expected: report.scenario.expected,
            passed: report.passed,
            ...(report.passed ? {} : { message: explainFailure(report, lang).join('\n') }),
            ...(report.result ? { path: describePath(report.result.path), reached: report.result.at } : {})
        });
    }
    return results;
}

/**
 * The workspace folder an export is named against: the one that holds the exported file, or the
 * first (a workspace export). None without folders: then files keep their whole paths.
 */
function exportRoot(shared: LangiumSharedServices, uri: string | undefined): URI | undefined {
    const folders = (shared.workspace.WorkspaceManager.workspaceFolders ?? []).map(f => URI.parse(f.uri));
    const file = uri ? URI.parse(uri) : undefined;
    const holding = file && folders.find(folder => isBelow(file, folder));
    return holding ?? folders[0];
}

/** The files of an export, with the names and contents the command line writes (export/). */
async function exportFiles(json: HandreikingJson, root: URI | undefined, format: TextExportFormat, uri: string | undefined, services: HandreikingServices, guideAssets?: GuideAssetsLoader): Promise<Array<ExportedFile<string>>> {
    const scoped = uri ? restrictToDocument(json, root, services, uri) : json;
    const files = await loadExport(format);
    return collectFiles(files(scoped, { lang: services.i18n.Locale.lang, guideAssets }));
}

/**
 * The export of one file: its trees and scenarios, with the workspace's typologies, funding and
 * other shared elements kept, because the trees refer to them.
 */
function restrictToDocument(json: HandreikingJson, root: URI | undefined, services: HandreikingServices, uri: string): HandreikingJson {
    const document = services.shared.workspace.LangiumDocuments.getDocument(URI.parse(uri));
    if (!document) return json;
    // The name the JSON gives this document's elements, made by the same function.
    const file = fileName(document.uri, root);
    return {
        ...json,
        trees: json.trees.filter(t => t.source.file === file),
        scenarios: json.scenarios.filter(s => s.source.file === file),
        calculationScenarios: json.calculationScenarios.filter(s => s.source.file === file)
    };
}

/** Runs a feature; on an exception logs it and answers `fallback`, so the server keeps serving. */
async function guarded<T>(connection: Connection, feature: string, action: () => Promise<T>, fallback: T): Promise<T> {
    try {
        return await action();
    } catch (err) {
        connection.console.error(`[handreiking] ${feature} failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
        return fallback;
    }
}
