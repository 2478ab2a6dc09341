import * as fs from 'node:fs';
import * as path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { DocumentState, EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { clearDocuments } from 'langium/test';
import type { Diagnostic, Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { CodeAction } from 'vscode-languageserver-types';
import { serializeJson } from '../language/export/json-export.js';
import { exportWorkspaceJson } from '../language/generation/json/export-json.js';
import { generateHtmlGuide } from '../language/generation/html/html-guide.js';
import { fundingOverviewMermaid } from '../language/generation/mermaid/funding-mermaid.js';
import { treeToMermaid } from '../language/generation/mermaid/tree-mermaid.js';
import { typologyTableHtml, typologyTableMarkdown } from '../language/generation/tables/typology-table.js';
import { createHandreikingServices, type HandreikingServices } from '../language/handreiking-module.js';
import { computePreviewData } from '../language/lsp/preview-data.js';
import { explainFailure, runScenarios } from '../language/walkthrough/run-scenarios.js';
import { describePath } from '../language/walkthrough/walk.js';
import type { FuzzCase } from './mutations.js';

/**
 * Runs one fuzz case through everything a user can make the toolkit do with a workspace: parse,
 * link and validate (every category), every generator, the scenario runner, the preview the
 * language server computes, and the editor features (called on the services, as the server does).
 * It never throws: everything that goes wrong becomes a `Problem`.
 */

export type ProblemKind =
    /** An exception escaped a phase. */
    | 'escape'
    /** Langium caught an exception and only logged it (console.error): a hidden escape. */
    | 'swallowed'
    /** A diagnostic without a valid range, an HRK code or a message. */
    | 'diagnostic'
    /** An output that breaks its contract (JSON schema, edits outside the document, …). */
    | 'output'
    /** The case took longer than the bound. */
    | 'slow'
    /** The command used more memory than the bound (command-line cases). */
    | 'memory';

export interface Problem {
    kind: ProblemKind;
    /** Where: `build`, `json`, `hover quickscan.hrk`, … */
    phase: string;
    message: string;
}

export interface CaseOutcome {
    ms: number;
    /** CPU time of the thread that ran the case, in ms: what the bound is checked against. */
    cpuMs: number;
    problems: Problem[];
    /** Diagnostics by code (HRK000 …), over all documents. */
    codes: Record<string, number>;
    /** Milliseconds per phase, to see where a slow case spends its time. */
    phases: Record<string, number>;
}

export interface HarnessOptions {
    /**
     * A case using more CPU time than this is a problem of kind `slow`. Default 10 000 ms. CPU time,
     * not time on the clock: on a machine busy with other work a case takes longer without being slower.
     */
    boundMs?: number;
    /** Run the editor features (hover, completion, formatting, …) on every document. Default true. */
    lsp?: boolean;
    /** The JSON schema of the export; checked when given. */
    schemaFile?: string;
    /** The date HRK050 compares with, so a case replays the same. */
    today?: string;
}

const fakeAssets = { mermaidJs: '/* mermaid */ window.mermaid = {};', appJs: '/* app */' };

export class FuzzHarness {
    readonly services: HandreikingServices;
    private readonly boundMs: number;
    private readonly lsp: boolean;
    private readonly validateSchema?: ((data: unknown) => boolean) & { errors?: unknown };

    constructor(options: HarnessOptions = {}) {
        this.services = createHandreikingServices(EmptyFileSystem).Handreiking;
        this.services.i18n.Clock.fix(options.today ?? '2026-11-27');
        this.boundMs = options.boundMs ?? 10_000;
        this.lsp = options.lsp ?? true;
        if (options.schemaFile) {
            const schema = JSON.parse(fs.readFileSync(options.schemaFile, 'utf-8')) as object;
            this.validateSchema = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
        }
    }

    async run(fuzzCase: FuzzCase): Promise<CaseOutcome> {
        const problems: Problem[] = [];
        const phases: Record<string, number> = {};
        const codes: Record<string, number> = {};
        const started = performance.now();
        const startedCpu = threadCpuMs();
        const restore = captureConsole(problems);
        const services = this.services;
        services.i18n.Locale.lang = (fuzzCase.probes[0] ?? 0) % 5 === 0 ? 'en' : 'nl';

        const phase = async <T>(name: string, action: () => T | Promise<T>): Promise<T | undefined> => {
            const t0 = performance.now();
            restore.phase = name;
            try {
                return await action();
            } catch (err) {
                problems.push({ kind: 'escape', phase: name, message: describeError(err) });
                return undefined;
            } finally {
                phases[name.split(' ')[0]] = (phases[name.split(' ')[0]] ?? 0) + performance.now() - t0;
            }
        };

        try {
            const shared = services.shared;
            const documents: LangiumDocument[] = [];
            await phase('build', async () => {
                for (const [name, text] of Object.entries(fuzzCase.files)) {
                    const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`file:///ws/${name}`));
                    shared.workspace.LangiumDocuments.addDocument(document);
                    documents.push(document);
                }
                await shared.workspace.DocumentBuilder.build(documents, { validation: true });
            });

            for (const document of documents) {
                const name = document.uri.path.slice(4);
                if (document.state < DocumentState.Validated) {
                    problems.push({ kind: 'escape', phase: `build ${name}`, message: `document left in state ${DocumentState[document.state]}` });
                }
                for (const d of document.diagnostics ?? []) {
                    const code = typeof d.code === 'string' ? d.code : String(d.code);
                    codes[code] = (codes[code] ?? 0) + 1;
                    const wrong = diagnosticProblem(document, d);
                    if (wrong) problems.push({ kind: 'diagnostic', phase: `validate ${name}`, message: wrong });
                }
            }

            const json = await phase('json', () => {
                const json = exportWorkspaceJson(services, '/');
                const text = serializeJson(json);
                if (this.validateSchema && !this.validateSchema(JSON.parse(text))) {
                    problems.push({ kind: 'output', phase: 'json', message: `export does not match the schema: ${JSON.stringify(this.validateSchema.errors).slice(0, 500)}` });
                }
                return json;
            });
            if (json) {
                await phase('mermaid', () => {
                    for (const tree of json.trees) {
                        treeToMermaid(tree);
                        treeToMermaid(tree, { direction: 'LR' });
                    }
                    fundingOverviewMermaid(json);
                });
                await phase('tables', () => { typologyTableHtml(json); typologyTableMarkdown(json); });
                await phase('html', () => generateHtmlGuide(json, fakeAssets));
                await phase('scenarios', () => {
                    for (const report of runScenarios(json)) {
                        if (!report.passed) explainFailure(report, services.i18n.Locale.lang);
                        if (report.result) describePath(report.result.path);
                    }
                });
            }

            for (const document of documents) {
                const name = document.uri.path.slice(4);
                await phase(`preview ${name}`, () => computePreviewData(services, document, { direction: 'LR', ...(json ? { json } : {}) }));
                if (this.lsp) await this.editorFeatures(document, fuzzCase.probes, name, phase, problems);
            }
        } finally {
            restore.done();
            await clearDocuments(services.shared).catch(err => problems.push({ kind: 'escape', phase: 'clear', message: describeError(err) }));
        }

        const ms = performance.now() - started;
        const cpuMs = threadCpuMs() - startedCpu;
        if (cpuMs > this.boundMs) problems.push({ kind: 'slow', phase: 'case', message: `used ${Math.round(cpuMs)} ms of CPU time, ${Math.round(ms)} ms in all (bound ${this.boundMs} ms)` });
        return { ms, cpuMs, problems, codes, phases };
    }

    /** The editor features at the probe positions, as the language server would call them. */
    private async editorFeatures(
        document: LangiumDocument, probes: readonly number[], name: string,
        phase: <T>(name: string, action: () => T | Promise<T>) => Promise<T | undefined>, problems: Problem[]
    ): Promise<void> {
        const lsp = this.services.lsp;
        const text = document.textDocument.getText();
        const textDocument = { uri: document.uri.toString() };
        const positions = probes.map(p => document.textDocument.positionAt(p % (text.length + 1)));
        const checkEdits = (feature: string, edits: readonly TextEdit[] | undefined) => {
            for (const edit of edits ?? []) {
                const wrong = rangeProblem(document, edit.range);
                if (wrong) problems.push({ kind: 'output', phase: `${feature} ${name}`, message: `edit ${wrong}` });
            }
        };

        for (const position of positions) {
            await phase(`hover ${name}`, () => lsp.HoverProvider?.getHoverContent(document, { textDocument, position }));
            await phase(`completion ${name}`, () => lsp.CompletionProvider?.getCompletion(document, { textDocument, position }));
            await phase(`definition ${name}`, () => lsp.DefinitionProvider?.getDefinition(document, { textDocument, position }));
            await phase(`references ${name}`, () => lsp.ReferencesProvider?.findReferences(document, { textDocument, position, context: { includeDeclaration: true } }));
            await phase(`highlight ${name}`, () => lsp.DocumentHighlightProvider?.getDocumentHighlight(document, { textDocument, position }));
        }
        await phase(`rename ${name}`, async () => {
            const position = positions[0];
            const range = await lsp.RenameProvider?.prepareRename(document, { textDocument, position });
            if (range) {
                const edit = await lsp.RenameProvider?.rename(document, { textDocument, position, newName: 'Hernoemd' });
                checkEdits('rename', workspaceEditsOf(edit, document.uri.toString()));
            }
        });
        await phase(`formatting ${name}`, async () => {
            checkEdits('formatting', await lsp.Formatter?.formatDocument(document, { textDocument, options: { tabSize: 4, insertSpaces: true } }));
        });
        await phase(`symbols ${name}`, () => lsp.DocumentSymbolProvider?.getSymbols(document, { textDocument }));
        await phase(`folding ${name}`, () => lsp.FoldingRangeProvider?.getFoldingRanges(document, { textDocument }));
        await phase(`semanticTokens ${name}`, () => lsp.SemanticTokenProvider?.semanticHighlight(document, { textDocument }));
        await phase(`inlayHints ${name}`, () => lsp.InlayHintProvider?.getInlayHints(document, { textDocument, range: { start: { line: 0, character: 0 }, end: document.textDocument.positionAt(text.length) } }));
        await phase(`codeLens ${name}`, () => lsp.CodeLensProvider?.provideCodeLens(document, { textDocument }));
        await phase(`codeActions ${name}`, async () => {
            // One request per diagnostic, as an editor asks for the fixes under the cursor; at most 50.
            for (const diagnostic of (document.diagnostics ?? []).slice(0, 50)) {
                const actions = await lsp.CodeActionProvider?.getCodeActions(document, { textDocument, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
                for (const action of actions ?? []) {
                    if (CodeAction.is(action)) checkEdits('codeActions', workspaceEditsOf(action.edit, document.uri.toString()));
                }
            }
        });
    }
}

/** What is wrong with a diagnostic, or undefined: it must be located in the document, coded and worded. */
export function diagnosticProblem(document: LangiumDocument, d: Diagnostic): string | undefined {
    const where = rangeProblem(document, d.range);
    if (where) return `${String(d.code)} ${where}: ${messageOf(d)}`;
    if (typeof d.code !== 'string' || !/^HRK\d{3}$/.test(d.code)) return `diagnostic without an HRK code (${String(d.code)}): ${messageOf(d)}`;
    if (!messageOf(d).trim()) return `${d.code} has an empty message`;
    if (d.severity === undefined || d.severity < 1 || d.severity > 4) return `${d.code} has severity ${String(d.severity)}`;
    return undefined;
}

function messageOf(d: Diagnostic): string {
    const m = d.message as unknown;
    return typeof m === 'string' ? m : m && typeof m === 'object' && 'value' in m ? String((m as { value: unknown }).value) : '';
}

/** A range must lie inside the document: lines and characters within the text, start before end. */
export function rangeProblem(document: LangiumDocument, range: Range | undefined): string | undefined {
    if (!range) return 'has no range';
    const lineCount = document.textDocument.lineCount;
    const bad = (p: Position | undefined): boolean => {
        if (!p || !Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.character < 0 || p.line >= lineCount) return true;
        return p.character > lineLength(document, p.line);
    };
    if (bad(range.start) || bad(range.end)) return `range ${JSON.stringify(range)} is outside the document (${lineCount} lines)`;
    const { start, end } = range;
    if (start.line > end.line || (start.line === end.line && start.character > end.character)) return `range ${JSON.stringify(range)} ends before it starts`;
    return undefined;
}

function lineLength(document: LangiumDocument, line: number): number {
    const td = document.textDocument;
    const start = td.offsetAt({ line, character: 0 });
    const end = line + 1 < td.lineCount ? td.offsetAt({ line: line + 1, character: 0 }) : td.getText().length;
    const content = td.getText().slice(start, end);
    return content.replace(/(\r\n|\r|\n)$/, '').length;
}

function workspaceEditsOf(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
    if (!edit) return [];
    const fromChanges = edit.changes?.[uri] ?? [];
    const fromDocumentChanges = (edit.documentChanges ?? []).flatMap(c => 'textDocument' in c && c.textDocument.uri === uri
        ? c.edits.filter((e): e is TextEdit => 'range' in e) : []);
    return [...fromChanges, ...fromDocumentChanges];
}

export function describeError(err: unknown): string {
    if (err instanceof Error) return `${err.name}: ${err.message}\n${(err.stack ?? '').split('\n').slice(1, 8).join('\n')}`;
    return String(err);
}

/**
 * Turns console.error and console.warn during a case into problems: Langium catches exceptions in
 * validation checks and the linker and only logs them, which would hide an escape.
 */
function captureConsole(problems: Problem[]): { phase: string; done(): void } {
    const original = { error: console.error, warn: console.warn };
    const state = {
        phase: 'start',
        done: () => { console.error = original.error; console.warn = original.warn; }
    };
    const capture = (...args: unknown[]) => {
        problems.push({ kind: 'swallowed', phase: state.phase, message: args.map(a => a instanceof Error ? describeError(a) : String(a)).join(' ').slice(0, 2000) });
    };
    console.error = capture;
    console.warn = capture;
    return state;
}

/** The examples folder and the schema, from the project root. */
export function projectPaths(root: string): { examples: string; schema: string } {
    return { examples: path.join(root, 'examples'), schema: path.join(root, 'docs/schema/handreiking.schema.json') };
}

/** CPU time (user and system) of the current thread, in ms. */
function threadCpuMs(): number {
    const { user, system } = process.threadCpuUsage();
    return (user + system) / 1000;
}
