// Builds the browser edition into dist/web/: index.html and assets/, a folder that works from any
// static web server and straight from disk (file://), without network. Run after `npm run build`
// (the HTML guide's app comes from out/browser/). `--production` minifies (npm run build:web).
//
// Chromium starts no worker from a file:// URL and loads no module script from a file:// page, so
// every script is a classic one (IIFE) and the workers (our language server, Monaco's editor
// worker) are shipped as text in assets/workers.js and started from blobs (web/src/worker-sources.ts).
import * as fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { buildOptions } from './build-options.mjs';
import { editorLeftOut, leaveOut } from './web/left-out.mjs';

const production = process.argv.includes('--production') || !process.argv.includes('--dev');
const out = 'dist/web';
const assets = path.join(out, 'assets');
const require = createRequire(import.meta.url);

const common = {
    bundle: true,
    minify: production,
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
    platform: 'browser',
    format: 'iife',
    target: 'es2022'
};

async function bundleText(options) {
    const result = await esbuild.build({ ...options, write: false, outdir: 'unused' });
    const js = result.outputFiles.find(f => f.path.endsWith('.js'));
    if (!js) throw new Error(`no script from ${options.entryPoints}`);
    return js.text;
}

/** The guide in examples/: every .hrk file, relative paths with `/`, in name order. */
async function exampleFiles() {
    const files = [];
    async function walk(dir) {
        for (const entry of (await fs.readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) await walk(full);
            else if (entry.name.endsWith('.hrk')) files.push({ path: path.relative('examples', full).split(path.sep).join('/'), text: await fs.readFile(full, 'utf-8') });
        }
    }
    await walk('examples');
    return files;
}

/** The grammar's keywords, from the generated TextMate grammar (for Monaco's first colours). */
async function keywords() {
    const grammar = JSON.parse(await fs.readFile('extension/syntaxes/handreiking.tmLanguage.json', 'utf-8'));
    const pattern = grammar.patterns.find(p => p.name === 'keyword.control.handreiking')?.match ?? '';
    return /\((.*)\)/.exec(pattern)?.[1].split('|') ?? [];
}

/** The page's policy: nothing from outside, no eval; Monaco and Mermaid set inline styles; workers from blobs. */
const pagePolicy = [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "worker-src blob:",
    "frame-src 'self'",
    "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'"
].join('; ');

/** The preview frame's policy: the extension's webview policy with the page's own folder as the source. */
const previewPolicy = [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "base-uri 'none'",
    "form-action 'none'"
].join('; ');

function indexHtml() {
    return `<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${pagePolicy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Handreiking — bewerken in de browser</title>
<link rel="stylesheet" href="assets/editor.css">
</head>
<body aria-busy="true">
<p class="loading">De editor wordt geladen… / Loading the editor…</p>
<noscript>Deze pagina heeft JavaScript nodig. / This page needs JavaScript.</noscript>
<script src="assets/workers.js"></script>
<script src="assets/editor.js"></script>
</body>
</html>
`;
}

function previewHtml() {
    return `<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${previewPolicy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="assets/preview.css">
<title>Handreiking-voorbeeld</title>
</head>
<body>
<div id="app"></div>
<script src="assets/preview-adapter.js"></script>
<script src="assets/preview.js"></script>
</body>
</html>
`;
}

export async function buildWeb() {
    await fs.rm(out, { recursive: true, force: true });
    await fs.mkdir(assets, { recursive: true });

    // The language server: the bundle VS Code for the web runs too (build-options.mjs, browserServer).
    const options = buildOptions({ production });
    const [server, editorWorker] = await Promise.all([
        bundleText({ ...options.browserServer, sourcemap: false, legalComments: 'none' }),
        bundleText({ ...common, entryPoints: [require.resolve('@codingame/monaco-vscode-editor-api/esm/vs/editor/editor.worker.js')] })
    ]);
    await fs.writeFile(path.join(assets, 'workers.js'),
        `globalThis.handreikingWorkerSources = ${JSON.stringify({ server, editor: editorWorker })};\n`);

    const [examples, words] = await Promise.all([exampleFiles(), keywords()]);
    const { preview } = options;
    await Promise.all([
        esbuild.build({
            ...common,
            entryPoints: { editor: 'web/src/main.ts' },
            outdir: assets,
            plugins: [leaveOut(editorLeftOut)],
            loader: { '.css': 'css', '.ttf': 'dataurl', '.woff': 'dataurl', '.woff2': 'dataurl', '.svg': 'dataurl', '.png': 'dataurl', '.gif': 'dataurl', '.mp3': 'empty', '.wasm': 'empty' },
            define: { HANDREIKING_EXAMPLES: JSON.stringify(examples), HANDREIKING_KEYWORDS: JSON.stringify(words) }
        }),
        // The preview: the extension's webview, built with its own options (same entry, same code,
        // without the diagram types it never draws: build-options.mjs).
        esbuild.build({ ...preview, outdir: assets, sourcemap: false, legalComments: 'none', minify: production }),
        esbuild.build({ ...common, entryPoints: { 'preview-adapter': 'web/preview/adapter.ts' }, outdir: assets })
    ]);

    // The HTML guide's scripts, loaded only when the guide is exported (web/src/main.ts).
    const mermaidJs = await fs.readFile(path.join(path.dirname(require.resolve('mermaid/package.json')), 'dist', 'mermaid.min.js'), 'utf-8');
    const appJs = await fs.readFile('out/browser/guide-app.js', 'utf-8');
    await fs.writeFile(path.join(assets, 'guide-scripts.js'), `globalThis.handreikingGuideScripts = ${JSON.stringify({ mermaidJs, appJs })};\n`);

    await fs.writeFile(path.join(out, 'index.html'), indexHtml());
    await fs.writeFile(path.join(out, 'preview.html'), previewHtml());
}

if (import.meta.url === `file://${process.argv[1]}`) {
    await buildWeb();
    console.log(`browser edition built: ${out}/index.html`);
}
