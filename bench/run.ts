/**
 * `npm run bench`: what the toolkit costs on guides far larger than today's, each figure beside
 * its floor measured in the same run (a bare Node start, `JSON.parse`, the parse alone, a bare
 * `mermaid.render` and `mermaid.parse` in the same page). Every latency is the median of at least
 * five runs with the fastest and slowest; the report names the run, its commit and the machine's
 * load. Prints tables, writes bench/results.json and (for a full run) the figures section of
 * docs/performance.md. `--quick` runs small sizes with fewer runs (CI runs it so the benchmark
 * cannot rot); it asserts nothing about times, and no run fails for a missed target.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EmptyFileSystem, URI } from 'langium';
import { serializeJson } from '../language/export/json-export.js';
import { exportWorkspaceJson } from '../language/generation/json/export-json.js';
import { mermaidBundlePath, readGuideApp } from '../language/generation/html/guide-assets.js';
import { generateHtmlGuide } from '../language/generation/html/html-guide.js';
import { CHROMIUM_CANDIDATES, findChromium, FULL_BROWSERS } from '../language/render/find-browser.js';
import { fundingOverviewMermaid } from '../language/generation/mermaid/funding-mermaid.js';
import { treeToMermaid } from '../language/generation/mermaid/tree-mermaid.js';
import { createHandreikingServices } from '../language/handreiking-module.js';
import { runScenarios } from '../language/walkthrough/run-scenarios.js';
import { mermaidParse } from '../test/support/mermaid-parse.js';
import { generateTree, generateWorkspace, Random } from './generate-workspace.js';
import { measureLsp, measureServerStart, type LspFigures } from './lsp-latency.js';
import { measurePreview, type PreviewFigures } from './preview-latency.js';
import { exportBrowsersTable, measureExportBrowsers } from './export-browsers.js';
import { GUIDE_BYTES_TARGET, GUIDE_RATIO_TARGET, guideLoadTable, measureGuideLoad } from './guide-load.js';
import { median, ms, msSpread, ratio, sample, spreadOf, sumOf, table, type Spread } from './stats.js';

const quick = process.argv.includes('--quick');
const root = process.cwd();
const sizes = quick ? [200, 1000] : [1000, 10_000, 50_000];
/** Runs per figure: at least five in a full run (the quick run only keeps the benchmark from rotting). */
const runs = quick ? 3 : 5;
/** Process start-ups are cheap and noisy: more runs. */
const startRuns = quick ? 3 : 9;
const cli = path.join(root, 'bin/handreiking.js');

interface CheckRun { ms: number; maxRssMB: number; files: number; diagnostics: number }

interface SizeFigures {
    nodes: number;
    files: number;
    /** As the CLI checks by default: on more than two cores, parse threads beside the main one on a large guide. */
    check: Spread;
    checkMaxRssMB: number;
    /** The same check on one core (no parse threads), in the same run. */
    checkOneCore: Spread;
    /** The same check with one parse thread beside the main one, in the same run: what the default leaves out on two cores. */
    checkOneThread: Spread;
    /** The floor of a check: only parsing every file, one core, fresh process. */
    parseOnly: Spread;
    jsonExport: Spread;
    jsonBytes: number;
    /** The floor of reading this much structure: JSON.parse of the export. */
    jsonParse: Spread;
    mermaidGen: Spread;
    html: Spread;
    scenariosRun: Spread;
    scenarios: number;
    /** mermaid.parse of the trees' Mermaid text (all trees, or a sample at the largest size), in jsdom. */
    mermaidParse: { nodes: number; ms: number; sampled: boolean };
}

interface StartFigures {
    /** `node -e 0`: the floor of every command. */
    node: Spread;
    /** `handreiking check` of a one-line file. */
    checkOneLine: Spread;
    /** `handreiking check examples` (the guide itself). */
    checkExamples: Spread;
}

interface ExtensionFigures {
    bundleLoad: Spread;
    serverStart: Spread;
}

function log(line: string): void {
    process.stderr.write(line + '\n');
}

// ---- the run: when, which commit, how busy the machine was ----------------------------------

interface RunInfo {
    date: string;
    commit: string;
    cpu: string;
    cores: number;
    memoryGB: number;
    node: string;
    platform: string;
    /** The Chromiums of the run (find-browser.ts): exports draw with the headless shell when it is there, the pages' figures come from the full browser. */
    browser: string;
}

function runInfo(): RunInfo {
    const git = (...args: string[]) => {
        try {
            return execFileSync('git', args, { cwd: root, encoding: 'utf-8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
        } catch {
            return '';
        }
    };
    const head = git('rev-parse', '--short', 'HEAD') || 'unknown';
    // The figures files are rewritten by every run: changes to them do not make the code differ.
    const dirty = git('status', '--porcelain', '--untracked-files=no').split('\n')
        .filter(line => line.trim() && !/ (bench\/results\.json|docs\/performance\.md)$/.test(line)).length > 0;
    return {
        date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
        commit: dirty ? `${head} with uncommitted changes` : head,
        cpu: os.cpus()[0]?.model ?? 'unknown',
        cores: os.cpus().length,
        memoryGB: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
        platform: `${os.type()} ${os.release()}`,
        browser: `exports draw with ${browserName(CHROMIUM_CANDIDATES)}, pages in ${browserName(FULL_BROWSERS)}`
    };
}

/** The Chromium found among `candidates` and its version (`chromium-headless-shell 156.0.8078.114`), or `none`. */
function browserName(candidates: readonly string[]): string {
    const executable = findChromium(process.env, candidates);
    if (executable === undefined) return 'none';
    try {
        const version = /\d+(?:\.\d+)+/.exec(execFileSync(executable, ['--version'], { encoding: 'utf-8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 30_000 }).trim())?.[0] ?? '';
        return `${path.basename(executable)} ${version}`.trim();
    } catch {
        return path.basename(executable);
    }
}

/** The 1-minute load average, read every two seconds while the run lasts. */
class LoadWatch {
    private readonly samples: number[] = [os.loadavg()[0]];
    private readonly timer = setInterval(() => this.samples.push(os.loadavg()[0]), 2000);
    constructor() { this.timer.unref(); }
    stop(): { start: number; median: number; max: number } {
        clearInterval(this.timer);
        this.samples.push(os.loadavg()[0]);
        return { start: this.samples[0], median: median(this.samples), max: Math.max(...this.samples) };
    }
}

// ---- start-up: the CLI beside a bare Node ----------------------------------------------------

function spawnTimed(args: string[], cwd = root): number {
    const start = performance.now();
    const r = spawnSync(process.execPath, args, { cwd, stdio: 'ignore' });
    const elapsed = performance.now() - start;
    // 1 is "problems in the guide": a finished check all the same. Anything else is not a figure.
    if (r.status !== 0 && r.status !== 1) throw new Error(`node ${args.join(' ')} ended with ${r.status ?? r.signal}`);
    return elapsed;
}

async function measureStart(): Promise<StartFigures> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hrk-bench-one-'));
    const file = path.join(dir, 'een.hrk');
    fs.writeFileSync(file, 'hoofdstuk H1 "Een hoofdstuk" { werkgroep "WG1" }\n');
    try {
        // Interleaved, so that a burst of load elsewhere hits all three alike.
        const node: number[] = [];
        const one: number[] = [];
        const examples: number[] = [];
        for (let i = 0; i <= startRuns; i++) {
            const n = spawnTimed(['-e', '0']);
            const o = spawnTimed([cli, 'check', file]);
            const e = spawnTimed([cli, 'check', 'examples']);
            // The first round warms the file cache (and Node's compile cache, when the CLI uses one).
            if (i > 0) { node.push(n); one.push(o); examples.push(e); }
        }
        return { node: spreadOf(node), checkOneLine: spreadOf(one), checkExamples: spreadOf(examples) };
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

// ---- sizes: check and the generators ---------------------------------------------------------

function writeWorkspace(files: Record<string, string>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hrk-bench-'));
    for (const [name, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        fs.writeFileSync(path.join(dir, name), text);
    }
    return dir;
}

/** One run of bench/measure-check.ts in a fresh process (its peak memory is its own). */
function checkRun(dir: string, ...flags: string[]): CheckRun {
    const out = execFileSync(process.execPath, [path.join(root, 'out/bench/measure-check.mjs'), dir, ...flags], { encoding: 'utf-8', maxBuffer: 1 << 26 });
    return JSON.parse(out.trim().split('\n').at(-1)!) as CheckRun;
}

function measureChecks(dir: string): { check: Spread; maxRssMB: number; oneCore: Spread; oneThread: Spread; parseOnly: Spread } {
    const checks: CheckRun[] = [];
    const oneCore: CheckRun[] = [];
    const oneThread: CheckRun[] = [];
    const parses: CheckRun[] = [];
    // Interleaved, as above; no warm-up needed: every run is a fresh process, as a real check is.
    for (let i = 0; i < runs; i++) {
        checks.push(checkRun(dir));
        oneCore.push(checkRun(dir, '--threads=0'));
        oneThread.push(checkRun(dir, '--threads=1'));
        parses.push(checkRun(dir, '--parse-only'));
    }
    return {
        check: spreadOf(checks.map(r => r.ms)), maxRssMB: Math.max(...checks.map(r => r.maxRssMB)),
        oneCore: spreadOf(oneCore.map(r => r.ms)), oneThread: spreadOf(oneThread.map(r => r.ms)), parseOnly: spreadOf(parses.map(r => r.ms))
    };
}

async function measureSize(nodes: number, assets: { mermaidJs: string; appJs: string }): Promise<SizeFigures> {
    const workspace = generateWorkspace(nodes);
    const dir = writeWorkspace(workspace.files);
    log(`· ${workspace.nodes} nodes in ${workspace.trees} trees: check…`);
    const checks = measureChecks(dir);

    // The generators run on one loaded workspace, as the CLI and the server do.
    const { shared, Handreiking } = createHandreikingServices(EmptyFileSystem);
    const documents = Object.entries(workspace.files).map(([name, text]) => {
        const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(path.join(dir, name)));
        shared.workspace.LangiumDocuments.addDocument(document);
        return document;
    });
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    log('  generators…');
    let serialized = '';
    const jsonExport = await sample(runs, () => { serialized = serializeJson(exportWorkspaceJson(Handreiking, dir)); });
    const json = exportWorkspaceJson(Handreiking, dir);
    const jsonParse = await sample(runs, () => JSON.parse(serialized));
    let texts: string[] = [];
    const mermaidGen = await sample(runs, () => {
        texts = json.trees.map(t => treeToMermaid(t).text);
        fundingOverviewMermaid(json);
    });
    const html = await sample(runs, () => generateHtmlGuide(json, assets));
    const scenariosRun = await sample(runs, () => runScenarios(json));

    // Baseline: the parser editors would otherwise use. Past 10 000 nodes a sample of trees is
    // enough: mermaid.parse is per tree, and every tree here has the same shape.
    log('  mermaid.parse baseline…');
    const sampled = json.trees.length > 250;
    const sample250 = sampled ? json.trees.slice(0, 250) : json.trees;
    const sampleTexts = sampled ? texts.slice(0, 250) : texts;
    await mermaidParse(sampleTexts[0]);
    const parseStart = performance.now();
    for (const text of sampleTexts) await mermaidParse(text);
    const parseMs = performance.now() - parseStart;
    fs.rmSync(dir, { recursive: true, force: true });
    return {
        nodes: workspace.nodes,
        files: documents.length,
        check: checks.check,
        checkMaxRssMB: checks.maxRssMB,
        checkOneCore: checks.oneCore,
        checkOneThread: checks.oneThread,
        parseOnly: checks.parseOnly,
        jsonExport,
        jsonBytes: Buffer.byteLength(serialized),
        jsonParse,
        mermaidGen,
        html,
        scenariosRun,
        scenarios: json.scenarios.length,
        mermaidParse: { nodes: sample250.reduce((n, t) => n + t.nodes.length, 0), ms: parseMs, sampled }
    };
}

/** The floor of an edit's diagnostics: parsing the edited file alone, in a warm process. */
async function measureFileParse(text: string): Promise<Spread> {
    const { Handreiking } = createHandreikingServices(EmptyFileSystem);
    const parser = Handreiking.parser.LangiumParser;
    // Warm the parser up as a running server is.
    for (let i = 0; i < 3; i++) parser.parse(text);
    return sample(Math.max(runs, 10), () => parser.parse(text));
}

// ---- the extension --------------------------------------------------------------------------

/** Loading the extension bundle (with a stand-in `vscode` module), timed in a fresh process. */
async function measureBundleLoad(): Promise<Spread> {
    const script = `
        const Module = require('module');
        const original = Module._load;
        // A stand-in for the vscode module: any property, call or construction gives the stand-in again.
        const stub = new Proxy(function () {}, { get: (t, k) => k === Symbol.toPrimitive ? () => '' : stub, apply: () => stub, construct: () => stub });
        Module._load = function (request, ...rest) { return request === 'vscode' ? stub : original.call(this, request, ...rest); };
        const t = process.hrtime.bigint();
        require(${JSON.stringify(path.join(root, 'dist/extension.cjs'))});
        process.stdout.write(String(Number(process.hrtime.bigint() - t) / 1e6));`;
    try {
        return await sample(startRuns, () => Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf-8', stdio: ['ignore', 'pipe', 'pipe'] })));
    } catch (err) {
        log(`  could not load the extension bundle outside VS Code: ${String((err as Error).message).split('\n')[0]}`);
        return spreadOf([]);
    }
}

function vsixSize(): number | undefined {
    const vsix = path.join(root, 'handreiking.vsix');
    if (!fs.existsSync(vsix)) {
        log('· packaging the .vsix…');
        const r = spawnSync('npm', ['run', 'package'], { cwd: root, encoding: 'utf-8' });
        if (r.status !== 0) return undefined;
    }
    return fs.statSync(vsix).size;
}

// ---- targets --------------------------------------------------------------------------------

interface Target {
    name: string;
    /** The figure compared (a median). */
    value: number | undefined;
    /** The most it may be. */
    limit: number | undefined;
    /** How the figure and the limit are shown. */
    unit: 'ms' | 'MB' | '×';
    /** The figure as shown, with its spread where it has one. */
    figure: string;
    /** What the limit is made of, when it is measured in the same run. */
    bound?: string;
}

function met(t: Target): boolean | undefined {
    return t.value === undefined || t.limit === undefined || Number.isNaN(t.value) || Number.isNaN(t.limit) ? undefined : t.value <= t.limit;
}

function show(value: number, unit: Target['unit']): string {
    return unit === 'ms' ? ms(value) : unit === 'MB' ? `${value.toFixed(unit === 'MB' && value < 10 ? 2 : 0)} MB` : ratio(value);
}

function byHowMuch(t: Target): string {
    if (met(t) !== false) return '';
    const over = t.value! - t.limit!;
    return `+${show(over, t.unit).replace('×', '')} (+${((over / t.limit!) * 100).toFixed(0)} %)`;
}

async function main(): Promise<void> {
    const info = runInfo();
    const load = new LoadWatch();
    log(`Benchmark (${quick ? 'quick' : 'full'}) of ${info.commit}, ${info.date}, on ${info.cpu}, ${info.cores} cores, ${info.node}, ${info.browser}; load ${os.loadavg()[0].toFixed(2)}`);

    log('· start-up: node -e 0, check of a one-line file, check examples…');
    const start = await measureStart();

    const assets = { mermaidJs: fs.readFileSync(mermaidBundlePath(), 'utf-8'), appJs: await readGuideApp([path.join(root, 'out/browser/guide-app.js')]) };
    const results: SizeFigures[] = [];
    for (const size of sizes) results.push(await measureSize(size, assets));

    log('· language server latencies…');
    const lspTree = generateTree(0, quick ? 200 : 1000, new Random(7));
    const serverBundle = path.join(root, 'dist/server.cjs');
    const fileParse = await measureFileParse(lspTree.text);
    const lsp: LspFigures = await measureLsp(serverBundle, lspTree.text, lspTree.nodeCount, runs + 2 + (quick ? 0 : 5));
    log('· preview redraw in Chromium…');
    // 300 nodes twice: drawn whole, and as the editor shows it by default (the focus view past 150).
    const previewTrees = (quick ? [[40]] : [[40], [300], [300, 150]]).map(([n, threshold]) => {
        const t = generateTree(0, n, new Random(11));
        return { nodes: t.nodeCount, text: t.text, ...(threshold ? { threshold } : {}) };
    });
    const preview: PreviewFigures[] = await measurePreview(previewTrees, runs);
    log('· extension: bundle load and server start…');
    const extension: ExtensionFigures = { bundleLoad: await measureBundleLoad(), serverStart: await measureServerStart(serverBundle, runs) };
    const activation = sumOf(extension.bundleLoad, extension.serverStart);
    const guide = await measureGuideLoad(root, { quick, log });
    const exportBrowsers = measureExportBrowsers(root, { quick, log });
    const vsixBytes = quick ? undefined : vsixSize();
    const loadDuring = load.stop();

    // ---- report ----
    const startTable = table([
        ['start-up (spawn → exit)', 'median (min–max)', '÷ node -e 0'],
        ['node -e 0 (floor)', msSpread(start.node), '1×'],
        ['handreiking check, one-line file', msSpread(start.checkOneLine), ratio(start.checkOneLine.median / start.node.median)],
        ['handreiking check examples', msSpread(start.checkExamples), ratio(start.checkExamples.median / start.node.median)]
    ]);
    const checkTable = table([
        ['nodes', 'files', 'check', 'check on one core', 'one core ÷ check', 'with a parse thread', 'thread ÷ check', 'parse only, one core (floor)', 'check ÷ parse', 'JSON.parse (floor)', 'check ÷ JSON.parse', 'peak RSS', 'nodes/s'],
        ...results.map(r => [String(r.nodes), String(r.files), msSpread(r.check), msSpread(r.checkOneCore), ratio(r.checkOneCore.median / r.check.median),
            msSpread(r.checkOneThread), ratio(r.checkOneThread.median / r.check.median),
            msSpread(r.parseOnly), ratio(r.check.median / r.parseOnly.median),
            msSpread(r.jsonParse), ratio(r.check.median / r.jsonParse.median), `${r.checkMaxRssMB.toFixed(0)} MB`, (r.nodes / (r.check.median / 1000)).toFixed(0)])
    ]);
    const generatorTable = table([
        ['nodes', 'JSON export', 'Mermaid gen', 'HTML', 'scenarios', 'mermaid.parse/node (jsdom)', 'our check/node', 'mermaid ÷ ours'],
        ...results.map(r => {
            const ourPerNode = r.check.median / r.nodes;
            const mermaidPerNode = r.mermaidParse.ms / r.mermaidParse.nodes;
            return [String(r.nodes), msSpread(r.jsonExport), msSpread(r.mermaidGen), msSpread(r.html), `${msSpread(r.scenariosRun)} (${r.scenarios})`,
                `${mermaidPerNode.toFixed(3)} ms${r.mermaidParse.sampled ? ' (sample)' : ''}`, `${ourPerNode.toFixed(3)} ms`, ratio(mermaidPerNode / ourPerNode)];
        })
    ]);
    // The cost of one more node, without the fixed start-up (services, grammar, JIT) that dominates
    // small workspaces: the slope between the two largest sizes.
    const [small, large] = results.slice(-2);
    const marginalPerNode = (large.check.median - small.check.median) / (large.nodes - small.nodes);
    const mermaidPerNodeLarge = large.mermaidParse.ms / large.mermaidParse.nodes;
    const growth = results.slice(1).map((r, i) => ({
        from: results[i].nodes, to: r.nodes, inputFactor: r.nodes / results[i].nodes, timeFactor: r.check.median / results[i].check.median
    }));
    const lspTable = table([
        ['language server', `${lsp.nodes}-node file`, '÷ floor'],
        ['parse of the file alone (floor, warm)', msSpread(fileParse), '1×'],
        ['edit → diagnostics', msSpread(lsp.editToDiagnostics), ratio(lsp.editToDiagnostics.median / fileParse.median)],
        ['edit → preview text', msSpread(lsp.editToPreview), ratio(lsp.editToPreview.median / fileParse.median)],
        ['completion', msSpread(lsp.completion), ''],
        ['hover', msSpread(lsp.hover), '']
    ]);
    const keystroke = (p: PreviewFigures) => sumOf(lsp.editToPreview, p.redraw);
    const keystrokeBound = (p: PreviewFigures) => 1.3 * (lsp.editToPreview.median + p.bareRender.median);
    const previewTable = table([
        ['preview in Chromium', ...preview.map(p => `${p.nodes} nodes${p.focus ? ' (focus view)' : ''}`)],
        ['bare mermaid.parse, same page', ...preview.map(p => msSpread(p.bareParse))],
        ['bare mermaid.render, same page (floor)', ...preview.map(p => msSpread(p.bareRender))],
        ['update → redrawn', ...preview.map(p => msSpread(p.redraw))],
        ['update → redrawn ÷ bare render', ...preview.map(p => ratio(p.redraw.median / p.bareRender.median))],
        ['keystroke → redrawn (edit → preview text + update → redrawn)', ...preview.map(p => msSpread(keystroke(p)))],
        ['1.3 × (edit → preview text + bare render)', ...preview.map(p => ms(keystrokeBound(p)))]
    ]);
    const extensionTable = table([
        ['extension', ''],
        ['bundle load (dist/extension.cjs)', msSpread(extension.bundleLoad)],
        ['server start (spawn → initialize)', msSpread(extension.serverStart)],
        ['activation ≈ bundle load + server start', msSpread(activation)],
        ['.vsix size', vsixBytes ? `${(vsixBytes / 1024 / 1024).toFixed(2)} MB` : '—']
    ]);
    const growthTable = table([
        ['growth of check', 'input ×', 'time ×'], ...growth.map(g => [`${g.from} → ${g.to}`, ratio(g.inputFactor), ratio(g.timeFactor)]),
        ['per node, start-up excluded', `${small.nodes} → ${large.nodes}`, ''],
        ['our check (marginal)', `${marginalPerNode.toFixed(3)} ms`, ''],
        ['mermaid.parse (jsdom)', `${mermaidPerNodeLarge.toFixed(3)} ms`, ''],
        ['mermaid.parse ÷ ours', ratio(mermaidPerNodeLarge / marginalPerNode), '']
    ]);
    const report = [startTable, checkTable, generatorTable, growthTable, lspTable, previewTable, extensionTable, guideLoadTable(guide),
        ...(exportBrowsers.length > 0 ? [exportBrowsersTable(exportBrowsers)] : [])].join('\n\n');
    process.stdout.write(report + '\n');

    const ten = results.find(r => r.nodes >= 9_000 && r.nodes <= 11_000);
    const fifty = results.find(r => r.nodes >= 45_000 && r.nodes <= 55_000);
    const lspFull = lsp.nodes >= 900;
    const p40 = preview.find(p => !p.focus && p.nodes < 100);
    const p300 = preview.find(p => !p.focus && p.nodes >= 250);
    const targets: Target[] = [
        { name: 'check of a one-line file ≤ 3 × node -e 0', value: start.checkOneLine.median, limit: 3 * start.node.median, unit: 'ms',
            figure: msSpread(start.checkOneLine), bound: `3 × ${ms(start.node.median)}` },
        { name: 'check examples ≤ 250 ms', value: start.checkExamples.median, limit: 250, unit: 'ms', figure: msSpread(start.checkExamples) },
        { name: 'check of 10 000 nodes ≤ 1 s', value: ten?.check.median, limit: 1000, unit: 'ms', figure: msSpread(ten?.check),
            bound: ten ? `one core ${ms(ten.checkOneCore.median)}; parse alone ${ms(ten.parseOnly.median)}` : undefined },
        { name: 'check of 50 000 nodes ≤ 4 s', value: fifty?.check.median, limit: 4000, unit: 'ms', figure: msSpread(fifty?.check),
            bound: fifty ? `one core ${ms(fifty.checkOneCore.median)}; parse alone ${ms(fifty.parseOnly.median)}` : undefined },
        { name: 'check of 10 000 nodes ≤ 400 MB', value: ten?.checkMaxRssMB, limit: 400, unit: 'MB', figure: ten ? `${ten.checkMaxRssMB.toFixed(0)} MB` : '—' },
        { name: '10× input → ≤ 11× time', value: growth[0] ? growth[0].timeFactor / growth[0].inputFactor * 10 : undefined, limit: 11, unit: '×',
            figure: growth[0] ? ratio(growth[0].timeFactor / growth[0].inputFactor * 10) : '—' },
        { name: 'per node ≥ 10× below mermaid.parse (marginal)', value: 10, limit: mermaidPerNodeLarge / marginalPerNode, unit: '×', figure: ratio(mermaidPerNodeLarge / marginalPerNode) },
        { name: 'per node ≥ 10× below mermaid.parse (10 000, start-up included)', value: ten ? 10 : undefined,
            limit: ten ? (ten.mermaidParse.ms / ten.mermaidParse.nodes) / (ten.check.median / ten.nodes) : undefined, unit: '×',
            figure: ten ? ratio((ten.mermaidParse.ms / ten.mermaidParse.nodes) / (ten.check.median / ten.nodes)) : '—' },
        // The language-server targets are for a 1 000-node file (the quick run edits a smaller one).
        { name: 'edit → diagnostics ≤ 60 ms (1 000-node file)', value: lspFull ? lsp.editToDiagnostics.median : undefined, limit: 60, unit: 'ms',
            figure: msSpread(lsp.editToDiagnostics), bound: `parse alone ${ms(fileParse.median)}` },
        { name: 'edit → preview text ≤ 80 ms (1 000-node file)', value: lspFull ? lsp.editToPreview.median : undefined, limit: 80, unit: 'ms', figure: msSpread(lsp.editToPreview) },
        { name: 'completion ≤ 50 ms (1 000-node file)', value: lspFull ? lsp.completion.median : undefined, limit: 50, unit: 'ms', figure: msSpread(lsp.completion) },
        { name: 'keystroke → redrawn (40 nodes) ≤ 1.3 × (edit → preview text + bare render)', value: p40 ? keystroke(p40).median : undefined,
            limit: p40 ? keystrokeBound(p40) : undefined, unit: 'ms', figure: p40 ? msSpread(keystroke(p40)) : '—',
            bound: p40 ? `1.3 × (${ms(lsp.editToPreview.median)} + ${ms(p40.bareRender.median)})` : undefined },
        { name: 'keystroke → redrawn (40 nodes) ≤ 350 ms', value: p40 ? keystroke(p40).median : undefined, limit: 350, unit: 'ms', figure: p40 ? msSpread(keystroke(p40)) : '—' },
        { name: '300-node tree drawn whole ≤ 3 s', value: p300?.redraw.median, limit: 3000, unit: 'ms', figure: msSpread(p300?.redraw),
            bound: p300 ? `bare render ${ms(p300.bareRender.median)}` : undefined },
        { name: 'JSON export of 10 000 nodes ≤ 300 ms', value: ten?.jsonExport.median, limit: 300, unit: 'ms', figure: msSpread(ten?.jsonExport) },
        { name: 'activation ≤ 250 ms', value: activation.median, limit: 250, unit: 'ms', figure: msSpread(activation) },
        { name: '.vsix ≤ 5 MB', value: vsixBytes === undefined ? undefined : vsixBytes / 2 ** 20, limit: 5, unit: 'MB', figure: vsixBytes ? `${(vsixBytes / 2 ** 20).toFixed(2)} MB` : '—' },
        // The HTML guide drawn at export against the same guide drawing with Mermaid in the page, same run.
        ...(['desktop', 'mobile'] as const).map((profile): Target => ({
            name: `guide usable ≤ ${GUIDE_RATIO_TARGET}× the Mermaid page, ${profile === 'desktop' ? 'desktop' : 'mobile (CPU 4×)'}`,
            value: guide.ratio[profile], limit: GUIDE_RATIO_TARGET, unit: '×', figure: ratio(guide.ratio[profile]),
            bound: `Mermaid page ${ms(guide.pages.mermaid.loadMs[profile])}`
        })),
        { name: 'guide page ≤ 1 MB', value: guide.pages.predrawn.bytes / 1e6, limit: GUIDE_BYTES_TARGET / 1e6, unit: 'MB',
            figure: `${(guide.pages.predrawn.bytes / 1e6).toFixed(2)} MB` }
    ];
    const targetTable = table([['target', 'met', 'figure: median (min–max)', 'bound in this run', 'missed by'],
        ...targets.map(t => {
            const m = met(t);
            // For "at least N× below", value and limit are swapped: say it the way the target reads.
            const over = t.unit === '×' && t.value === 10 ? '' : byHowMuch(t);
            return [t.name, m === undefined ? 'not measured' : m ? 'yes' : 'NO', t.figure, t.bound ?? '', over];
        })]);
    const missed = targets.filter(t => met(t) === false);
    const loadText = `load average (1 min) during the run: median ${loadDuring.median.toFixed(1)}, max ${loadDuring.max.toFixed(1)}, at start ${loadDuring.start.toFixed(1)}, on ${info.cores} cores`;
    const verdict = missed.length === 0
        ? 'Every target measured in this run is met.'
        : `Missed in this run (${missed.length} of ${targets.filter(t => met(t) !== undefined).length}): ${missed.map(t => `${t.name} — ${t.figure}${t.bound ? `, bound ${t.bound}` : ''}`).join('; ')}.`;
    // The load average counts the benchmark's own processes too (a check on two cores, Chromium):
    // on a quiet machine it stays near the number of cores, and starts near 0.
    const busy = loadDuring.start > info.cores / 2 || loadDuring.median > info.cores + 1
        ? ` Other work ran beside the benchmark (load ${loadDuring.start.toFixed(1)} at its start, median ${loadDuring.median.toFixed(1)} on ${info.cores} cores, more than the benchmark makes on its own): absolute times are slower than on a quiet machine; the ratios to the floors measured beside them hold better.`
        : ` The machine was quiet: the load average (${loadDuring.median.toFixed(1)} median on ${info.cores} cores) is what the benchmark's own processes make.`;
    process.stdout.write(`\n${targetTable}\n\n${verdict}${busy}\n${loadText}\n`);

    const out = {
        run: { ...info, quick, load: loadDuring }, start, sizes: results, growth, marginalPerNode, mermaidPerNodeLarge, fileParse, lsp, preview, extension, guide,
        exportBrowsers, activation, vsixBytes, targets: targets.map(t => ({ ...t, met: met(t) }))
    };
    // A quick run (CI's) proves the benchmark still runs; its figures must not replace the full run's
    // committed ones, nor leave the clone changed: it writes the ignored results-quick.json.
    fs.writeFileSync(path.join(root, quick ? 'bench/results-quick.json' : 'bench/results.json'), JSON.stringify(out, null, 2) + '\n');
    if (!quick) writeDocs(info, loadText, report, targetTable, verdict + busy);
}

/** Replaces the figures between the markers in docs/performance.md, keeping the prose around them. */
function writeDocs(info: RunInfo, loadText: string, report: string, targets: string, verdict: string): void {
    const file = path.join(root, 'docs/performance.md');
    const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf-8') : '<!-- bench:start -->\n<!-- bench:end -->\n';
    const figures = [
        '<!-- bench:start -->',
        '<!-- Written by `npm run bench` (scripts/run-bench.mjs); do not edit by hand. -->',
        `Run of ${info.date}, commit ${info.commit}, on ${info.cpu}, ${info.cores} cores, ${info.memoryGB} GB, ${info.platform}, Node ${info.node}, ${info.browser}; ${loadText}.`,
        'Every latency is the median of the runs, with the fastest and slowest in brackets.',
        '',
        '### Targets',
        '',
        targets,
        '',
        `**${verdict}**`,
        '',
        '### Figures',
        '',
        report,
        '<!-- bench:end -->'
    ].join('\n');
    fs.writeFileSync(file, text.replace(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/, figures));
}

await main();
