// Bundles the VS Code extension: the client (runs in the extension host), the language server
// (its own process) and the preview webview (a browser page), each a separate self-contained file
// in dist/, so the .vsix needs no node_modules. The tests bundle their own builds of the server and
// the preview (with test-only entry points under test/) from the options exported here.
import * as fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const main = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
const production = main && process.argv.includes('--production');
const watch = main && process.argv.includes('--watch');
// `--only server` (or extension, preview) bundles one entry, e.g. for the language-server tests.
const only = main && process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;

const common = {
    bundle: true,
    minify: production,
    sourcemap: !production,
    legalComments: 'linked',
    logLevel: 'warning'
};

/** The language server's build: Node, CommonJS. */
export const serverBuild = {
    ...common,
    entryPoints: { server: 'language/main.ts' },
    outdir: 'dist',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outExtension: { '.js': '.cjs' },
    // Langium reads import.meta.url in ESM; in a CJS bundle it gets the bundle's file URL.
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" }
};

/** The preview webview's build: a browser page, one script and one stylesheet. */
export const previewBuild = {
    ...common,
    entryPoints: { preview: 'extension/webview/preview.ts' },
    outdir: 'dist/webview',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    loader: { '.css': 'css' }
};

const builds = [
    {
        ...common,
        entryPoints: { extension: 'extension/src/extension.ts' },
        outdir: 'dist',
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        outExtension: { '.js': '.cjs' },
        external: ['vscode']
    },
    serverBuild,
    previewBuild
];

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

if (main) {
    const selected = only ? builds.filter(b => Object.keys(b.entryPoints).includes(only)) : builds;
    if (selected.length === 0) throw new Error(`unknown bundle: ${only}`);
    if (watch) {
        for (const options of selected) await (await esbuild.context(options)).watch();
    } else {
        await Promise.all(selected.map(options => esbuild.build(options)));
        if (!only || only === 'server') await copyGuideAssets();
    }
}
