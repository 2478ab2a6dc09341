// Builds the browser edition into dist/web/: index.html and assets/, a folder that works from any
// static web server and straight from disk (file://), without network. Run after `npm run build`
// (the HTML guide's app comes from out/browser/). `--production` minifies (npm run build:web).
//
// Chromium starts no worker from a file:// URL and loads no module script from a file:// page, so
// every script is a classic one (IIFE) and the workers (our language server, Monaco's editor
// worker) are shipped as text in assets/workers.js and started from blobs (web/src/worker-sources.ts).
import { createHash } from 'node:crypto';
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

/** A CSP source for one inline script: the hash of its exact text. */
function scriptHash(text) {
    return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * The preview frame's page, with its scripts and stylesheet inside it. The frame is sandboxed (an
 * origin of its own, web/src/layout.ts), and a sandboxed page opened from disk may load no file at
 * all, so nothing is loaded: the policy lets run only these two scripts, by their hashes.
 */
function previewHtml({ adapterJs, previewJs, previewCss }) {
    // The end tag of the element a text sits in would end it early (esbuild escapes it in strings; checked all the same).
    for (const [name, text, tag] of [['preview-adapter.js', adapterJs, 'script'], ['preview.js', previewJs, 'script'], ['preview.css', previewCss, 'style']]) {
        if (new RegExp(`</${tag}`, 'i').test(text)) throw new Error(`${name} holds "</${tag}": it cannot be put inside preview.html`);
    }
    const policy = [
        "default-src 'none'",
        `script-src ${scriptHash(adapterJs)} ${scriptHash(previewJs)}`,
        "style-src 'unsafe-inline'",
        'img-src data:',
        "base-uri 'none'",
        "form-action 'none'"
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>${previewCss}</style>
<title>Handreiking-voorbeeld</title>
</head>
<body>
<div id="app"></div>
<script>${adapterJs}</script>
<script>${previewJs}</script>
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
    const [, previewFiles, adapterJs] = await Promise.all([
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
        esbuild.build({ ...preview, write: false, outdir: assets, sourcemap: false, legalComments: 'none', minify: production }),
        bundleText({ ...common, entryPoints: { 'preview-adapter': 'web/preview/adapter.ts' } })
    ]);
    const previewText = extension => {
        const file = previewFiles.outputFiles.find(f => f.path.endsWith(extension));
        if (!file) throw new Error(`the preview's bundle has no ${extension} file`);
        return file.text;
    };

    // The HTML guide's scripts, loaded only when the guide is exported (web/src/main.ts).
    const mermaidJs = await fs.readFile(path.join(path.dirname(require.resolve('mermaid/package.json')), 'dist', 'mermaid.min.js'), 'utf-8');
    const appJs = await fs.readFile('out/browser/guide-app.js', 'utf-8');
    await fs.writeFile(path.join(assets, 'guide-scripts.js'), `globalThis.handreikingGuideScripts = ${JSON.stringify({ mermaidJs, appJs })};\n`);

    await fs.writeFile(path.join(out, 'index.html'), indexHtml());
    await fs.writeFile(path.join(out, 'preview.html'), previewHtml({ adapterJs, previewJs: previewText('.js'), previewCss: previewText('.css') }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
    await buildWeb();
    console.log(`browser edition built: ${out}/index.html`);
}
