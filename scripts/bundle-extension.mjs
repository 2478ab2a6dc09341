// Bundles the VS Code extension: the client (runs in the extension host), the language server
// (its own process) and the preview webview (a browser page), each a separate self-contained file
// in dist/, so the .vsix needs no node_modules. The options are in build-options.mjs.
import * as fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { buildOptions } from './build-options.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
// `--only server` (or extension, preview) bundles one entry, e.g. for the language-server tests.
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;

const { extension, server, preview, browserExtension, browserServer } = buildOptions({ production });
const builds = [extension, server, preview, browserExtension, browserServer];

/**
 * The HTML guide export in the extension needs Mermaid's browser build and the guide app beside
 * the server bundle (the CLI reads them from node_modules and out/ instead).
 */
async function copyGuideAssets() {
    const require = createRequire(import.meta.url);
    const mermaid = path.join(path.dirname(require.resolve('mermaid/package.json')), 'dist', 'mermaid.min.js');
    await fs.mkdir('dist', { recursive: true });
    await fs.copyFile(mermaid, 'dist/mermaid.min.js');
    await fs.copyFile('out/browser/guide-app.js', 'dist/guide-app.js');
}

const selected = only ? builds.filter(b => Object.keys(b.entryPoints).includes(only)) : builds;
if (selected.length === 0) throw new Error(`unknown bundle: ${only}`);
if (watch) {
    for (const options of selected) await (await esbuild.context(options)).watch();
} else {
    await Promise.all(selected.map(options => esbuild.build(options)));
    if (!only || only === 'server') await copyGuideAssets();
}
