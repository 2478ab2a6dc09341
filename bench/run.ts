/**
 * `npm run bench`: what the toolkit costs on guides far larger than today's, measured against
 * baselines in the same run. Prints a table, writes bench/results.json and (for a full run) the
 * figures section of docs/performance.md. `--quick` runs small sizes only (CI runs it so the
 * benchmark cannot rot; it asserts nothing about times).
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
import { fundingOverviewMermaid } from '../language/generation/mermaid/funding-mermaid.js';
import { treeToMermaid } from '../language/generation/mermaid/tree-mermaid.js';
import { createHandreikingServices } from '../language/handreiking-module.js';
import { runScenarios } from '../language/walkthrough/run-scenarios.js';
import { mermaidParse } from '../test/support/mermaid-parse.js';
import { generateTree, generateWorkspace, Random } from './generate-workspace.js';
import { measureLsp, type LspFigures } from './lsp-latency.js';
import { measurePreview, type PreviewFigures } from './preview-latency.js';
import { guideLoadTable, guideLoadTargets, measureGuideLoad } from './guide-load.js';
import { median, ms, ratio, table, timeMedian } from './stats.js';

const quick = process.argv.includes('--quick');
const root = process.cwd();
const sizes = quick ? [200, 1000] : [1000, 10_000, 50_000];
const repeats = quick ? 1 : 3;

interface SizeFigures {
    nodes: number;
    files: number;
    checkMs: number;
    checkMaxRssMB: number;
    nodesPerSecond: number;
    jsonExportMs: number;
    jsonBytes: number;
    jsonParseMs: number;
    mermaidMs: number;
    htmlMs: number;
    scenariosMs: number;
    scenarios: number;
    /** mermaid.parse of the trees' Mermaid text (all trees, or a sample at the largest size). */
    mermaidParse: { nodes: number; ms: number; sampled: boolean };
}

function log(line: string): void {
    process.stderr.write(line + '\n');
}

function writeWorkspace(files: Record<string, string>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hrk-bench-'));
    for (const [name, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        fs.writeFileSync(path.join(dir, name), text);
    }
    return dir;
}

/** `check` in a fresh process per run (its peak memory is its own); the median of `repeats`. */
function measureCheck(dir: string): { ms: number; maxRssMB: number } {
    const runs: Array<{ ms: number; maxRssMB: number }> = [];
    for (let i = 0; i < repeats; i++) {
        const out = execFileSync(process.execPath, [path.join(root, 'out/bench/measure-check.mjs'), dir], { encoding: 'utf-8', maxBuffer: 1 << 26 });
        runs.push(JSON.parse(out.trim().split('\n').at(-1)!));
    }
    return { ms: median(runs.map(r => r.ms)), maxRssMB: Math.max(...runs.map(r => r.maxRssMB)) };
}

async function measureSize(nodes: number, assets: { mermaidJs: string; appJs: string }): Promise<SizeFigures> {
    const workspace = generateWorkspace(nodes);
    const dir = writeWorkspace(workspace.files);
    log(`· ${workspace.nodes} nodes in ${workspace.trees} trees: check…`);
    const check = measureCheck(dir);

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
    const jsonExportMs = await timeMedian(repeats, () => { serialized = serializeJson(exportWorkspaceJson(Handreiking, dir)); });
    const json = exportWorkspaceJson(Handreiking, dir);
    const jsonParseMs = await timeMedian(Math.max(3, repeats), () => JSON.parse(serialized));
    let texts: string[] = [];
    const mermaidMs = await timeMedian(repeats, () => {
        texts = json.trees.map(t => treeToMermaid(t).text);
        fundingOverviewMermaid(json);
    });
    const htmlMs = await timeMedian(repeats, () => generateHtmlGuide(json, assets));
    const scenariosMs = await timeMedian(repeats, () => runScenarios(json));

    // Baseline: the parser editors would otherwise use. Past 10 000 nodes a sample of trees is
    // enough: mermaid.parse is per tree, and every tree here has the same shape.
    log('  mermaid.parse baseline…');
    const sampled = json.trees.length > 250;
    const sample = sampled ? json.trees.slice(0, 250) : json.trees;
    const sampleTexts = sampled ? texts.slice(0, 250) : texts;
    await mermaidParse(sampleTexts[0]);
    const parseStart = performance.now();
    for (const text of sampleTexts) await mermaidParse(text);
    const parseMs = performance.now() - parseStart;
    fs.rmSync(dir, { recursive: true, force: true });
    return {
        nodes: workspace.nodes,
        files: documents.length,
        checkMs: check.ms,
        checkMaxRssMB: check.maxRssMB,
        nodesPerSecond: workspace.nodes / (check.ms / 1000),
        jsonExportMs,
        jsonBytes: Buffer.byteLength(serialized),
        jsonParseMs,
        mermaidMs,
        htmlMs,
        scenariosMs,
        scenarios: json.scenarios.length,
        mermaidParse: { nodes: sample.reduce((n, t) => n + t.nodes.length, 0), ms: parseMs, sampled }
    };
}

/** Loading the extension bundle (with a stand-in `vscode` module) and starting its server. */
function measureActivation(): { loadMs: number } {
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
        const samples = Array.from({ length: 5 }, () => Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf-8', stdio: ['ignore', 'pipe', 'pipe'] })));
        return { loadMs: median(samples) };
    } catch (err) {
        log(`  could not load the extension bundle outside VS Code: ${String((err as Error).message).split('\n')[0]}`);
        return { loadMs: Number.NaN };
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

async function main(): Promise<void> {
    const machine = {
        cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length, memoryGB: Math.round(os.totalmem() / 2 ** 30),
        node: process.version, platform: `${os.type()} ${os.release()}`, date: new Date().toISOString().slice(0, 10)
    };
    log(`Benchmark (${quick ? 'quick' : 'full'}) on ${machine.cpu}, ${machine.cores} cores, ${machine.node}`);
    const assets = { mermaidJs: fs.readFileSync(mermaidBundlePath(), 'utf-8'), appJs: await readGuideApp([path.join(root, 'out/browser/guide-app.js')]) };
    const results: SizeFigures[] = [];
    for (const size of sizes) results.push(await measureSize(size, assets));

    log('· language server latencies…');
    const lspTree = generateTree(0, quick ? 200 : 1000, new Random(7));
    const lsp: LspFigures = await measureLsp(path.join(root, 'dist/server.cjs'), lspTree.text, lspTree.nodeCount, quick ? 5 : 12);
    log('· preview redraw in Chromium…');
    // 300 nodes twice: drawn whole, and as the editor shows it by default (the focus view past 150).
    const previewTrees = (quick ? [[40]] : [[40], [300], [300, 150]]).map(([n, threshold]) => {
        const t = generateTree(0, n, new Random(11));
        return { nodes: t.nodeCount, text: t.text, ...(threshold ? { threshold } : {}) };
    });
    const preview: PreviewFigures[] = await measurePreview(previewTrees, quick ? 3 : 6);
    const guide = await measureGuideLoad(root, { quick, log });
    const activation = measureActivation();
    const vsixBytes = quick ? undefined : vsixSize();

    // ---- report ----
    const rows = [['nodes', 'check', 'peak RSS', 'nodes/s', 'JSON export', 'JSON.parse', 'Mermaid gen', 'HTML', 'scenarios', 'mermaid.parse/node', 'our check/node', 'mermaid ÷ ours']];
    for (const r of results) {
        const ourPerNode = r.checkMs / r.nodes;
        const mermaidPerNode = r.mermaidParse.ms / r.mermaidParse.nodes;
        rows.push([
            String(r.nodes), ms(r.checkMs), `${r.checkMaxRssMB.toFixed(0)} MB`, r.nodesPerSecond.toFixed(0), ms(r.jsonExportMs),
            ms(r.jsonParseMs), ms(r.mermaidMs), ms(r.htmlMs), `${ms(r.scenariosMs)} (${r.scenarios})`,
            `${mermaidPerNode.toFixed(3)} ms${r.mermaidParse.sampled ? ' (sample)' : ''}`, `${ourPerNode.toFixed(3)} ms`, ratio(mermaidPerNode / ourPerNode)
        ]);
    }
    // The cost of one more node, without the fixed start-up (services, grammar, JIT) that dominates
    // small workspaces: the slope between the two largest sizes.
    const [small, large] = results.slice(-2);
    const marginalPerNode = (large.checkMs - small.checkMs) / (large.nodes - small.nodes);
    const mermaidPerNodeLarge = large.mermaidParse.ms / large.mermaidParse.nodes;
    const growth = results.slice(1).map((r, i) => ({
        from: results[i].nodes, to: r.nodes, inputFactor: r.nodes / results[i].nodes, timeFactor: r.checkMs / results[i].checkMs
    }));
    const checkVsJsonParse = results.map(r => ({ nodes: r.nodes, ratio: r.checkMs / r.jsonParseMs }));
    const report = [
        table(rows),
        '',
        table([['growth of check', 'input ×', 'time ×'], ...growth.map(g => [`${g.from} → ${g.to}`, ratio(g.inputFactor), ratio(g.timeFactor)])]),
        '',
        table([['check ÷ JSON.parse of the same export', ...checkVsJsonParse.map(c => String(c.nodes))], ['ratio', ...checkVsJsonParse.map(c => ratio(c.ratio))]]),
        '',
        table([['per node, start-up excluded', `${small.nodes} → ${large.nodes}`],
            ['our check (marginal)', `${marginalPerNode.toFixed(3)} ms`],
            ['mermaid.parse', `${mermaidPerNodeLarge.toFixed(3)} ms`],
            ['mermaid.parse ÷ ours', ratio(mermaidPerNodeLarge / marginalPerNode)]]),
        '',
        table([
            ['language server', `${lsp.nodes}-node file`],
            ['server start (spawn → initialize)', ms(lsp.startMs)],
            ['edit → diagnostics', ms(lsp.editToDiagnosticsMs)],
            ['edit → preview text', ms(lsp.editToPreviewMs)],
            ['completion', ms(lsp.completionMs)],
            ['hover', ms(lsp.hoverMs)]
        ]),
        '',
        table([['preview in Chromium', ...preview.map(p => `${p.nodes} nodes${p.focus ? ' (focus view)' : ''}`)],
            ['update → redrawn', ...preview.map(p => ms(p.redrawMs))],
            ['keystroke → redrawn (+ edit → preview text)', ...preview.map(p => ms(p.redrawMs + lsp.editToPreviewMs))]]),
        '',
        table([['extension', ''], ['bundle load (dist/extension.cjs)', ms(activation.loadMs)],
            ['activation ≈ bundle load + server start', ms(activation.loadMs + lsp.startMs)],
            ['.vsix size', vsixBytes ? `${(vsixBytes / 1024 / 1024).toFixed(2)} MB` : '—']]),
        '',
        guideLoadTable(guide)
    ].join('\n');
    process.stdout.write(report + '\n');

    const ten = results.find(r => r.nodes >= 9_000 && r.nodes <= 11_000);
    const targets = [
        ['check of 10 000 nodes ≤ 1 s', ten ? ten.checkMs <= 1000 : undefined, ten ? ms(ten.checkMs) : '—'],
        ['check of 10 000 nodes ≤ 400 MB', ten ? ten.checkMaxRssMB <= 400 : undefined, ten ? `${ten.checkMaxRssMB.toFixed(0)} MB` : '—'],
        ['10× input → ≤ 11× time', growth[0] ? growth[0].timeFactor / growth[0].inputFactor * 10 <= 11 : undefined, growth[0] ? ratio(growth[0].timeFactor) : '—'],
        ['per node ≥ 10× below mermaid.parse (marginal)', mermaidPerNodeLarge / marginalPerNode >= 10, ratio(mermaidPerNodeLarge / marginalPerNode)],
        ['per node ≥ 10× below mermaid.parse (10 000, start-up included)', ten ? (ten.mermaidParse.ms / ten.mermaidParse.nodes) / (ten.checkMs / ten.nodes) >= 10 : undefined,
            ten ? ratio((ten.mermaidParse.ms / ten.mermaidParse.nodes) / (ten.checkMs / ten.nodes)) : '—'],
        ['edit → diagnostics ≤ 100 ms', lsp.editToDiagnosticsMs <= 100, ms(lsp.editToDiagnosticsMs)],
        ['edit → preview text ≤ 150 ms', lsp.editToPreviewMs <= 150, ms(lsp.editToPreviewMs)],
        ['completion ≤ 50 ms', lsp.completionMs <= 50, ms(lsp.completionMs)],
        ['keystroke → redrawn ≤ 500 ms (40 nodes)', preview[0].redrawMs + lsp.editToPreviewMs <= 500, ms(preview[0].redrawMs + lsp.editToPreviewMs)],
        ['JSON export of 10 000 nodes ≤ 300 ms', ten ? ten.jsonExportMs <= 300 : undefined, ten ? ms(ten.jsonExportMs) : '—'],
        ['activation ≤ 300 ms', activation.loadMs + lsp.startMs <= 300, ms(activation.loadMs + lsp.startMs)],
        ['.vsix ≤ 5 MB', vsixBytes === undefined ? undefined : vsixBytes <= 5 * 1024 * 1024, vsixBytes ? `${(vsixBytes / 1024 / 1024).toFixed(2)} MB` : '—'],
        ...guideLoadTargets(guide)
    ] as const;
    const targetTable = table([['target', 'met', 'figure'], ...targets.map(([name, met, figure]) => [name, met === undefined ? 'not measured' : met ? 'yes' : 'NO', figure])]);
    process.stdout.write('\n' + targetTable + '\n');

    const out = { machine, quick, sizes: results, growth, checkVsJsonParse, marginalPerNode, mermaidPerNodeLarge, lsp, preview, guide, activation, vsixBytes, targets: targets.map(([name, met, figure]) => ({ name, met, figure })) };
    fs.writeFileSync(path.join(root, 'bench/results.json'), JSON.stringify(out, null, 2) + '\n');
    if (!quick) writeDocs(machine, report, targetTable);
}

/** Replaces the figures between the markers in docs/performance.md, keeping the prose around them. */
function writeDocs(machine: Record<string, string | number>, report: string, targets: string): void {
    const file = path.join(root, 'docs/performance.md');
    const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf-8') : '<!-- bench:start -->\n<!-- bench:end -->\n';
    const figures = [
        '<!-- bench:start -->',
        `Last run: ${machine.date} on ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB} GB, ${machine.platform}, Node ${machine.node}.`,
        '',
        report,
        '',
        targets,
        '<!-- bench:end -->'
    ].join('\n');
    fs.writeFileSync(file, text.replace(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/, figures));
}

await main();
