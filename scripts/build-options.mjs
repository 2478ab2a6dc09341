import { browserSubstitutes } from './web/browser-substitutes.mjs';
import { leaveOut, leaveOutMermaidDiagrams, previewLeftOut } from './web/left-out.mjs';
// The esbuild options of the bundles: the extension's (scripts/bundle-extension.mjs, and the tests
// that bundle a test build of the server or the preview: a test-only entry point in place of the
// product's, with the same options) and the command line's (scripts/bundle-cli.mjs). No side
// effects: importing this builds nothing.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const scripts = path.dirname(fileURLToPath(import.meta.url));

/**
 * For the command line's bundle: Langium's core imports five names from
 * vscode-languageserver-protocol; they come from scripts/shims/lsp-protocol-core.mjs instead of
 * the whole protocol (see there). Only the command line's bundle uses it; the language server
 * needs the protocol itself.
 */
const lspProtocolCore = {
    name: 'lsp-protocol-core',
    setup(build) {
        const jsonrpcCommon = path.join(path.dirname(createRequire(import.meta.url).resolve('vscode-jsonrpc')), '..', 'common');
        build.onResolve({ filter: /^vscode-languageserver-protocol$/ }, () => ({ path: path.join(scripts, 'shims', 'lsp-protocol-core.mjs') }));
        build.onLoad({ filter: /lsp-protocol-core\.mjs$/ }, args => ({
            contents: fs.readFileSync(args.path, 'utf-8').replace(/'JSONRPC\//g, `'${jsonrpcCommon.replace(/\\/g, '/')}/`),
            resolveDir: scripts,
            loader: 'js'
        }));
    }
};

/**
 * For the command line's bundle: commander's imports of `node:child_process` and `node:process`
 * become the stand-ins in scripts/shims/commander/, which load nothing at start: the real
 * `child_process` brings `net`, `dgram` and the socket machinery, which a `check` never uses
 * (commander needs it only to run a subcommand from an executable file of its own). Its `node:util`
 * is left as it is: the bundle is a script, and a script's require() of it loads nothing Node has
 * not loaded already (an ES module's import read every export, the argument parser among them).
 */
const commanderBuiltins = {
    name: 'commander-builtins',
    setup(build) {
        const shims = { child_process: 'child-process.mjs', process: 'process.mjs' };
        build.onResolve({ filter: /^(node:)?(child_process|process)$/ }, args => {
            if (!/[\\/]node_modules[\\/]commander[\\/]/.test(args.importer)) return undefined;
            return { path: path.join(scripts, 'shims', 'commander', shims[args.path.replace(/^node:/, '')]) };
        });
    }
};

/** The options of each bundle; `production` minifies and leaves out source maps. */
export function buildOptions({ production = false } = {}) {
    const common = {
        bundle: true,
        minify: production,
        sourcemap: !production,
        legalComments: 'linked',
        logLevel: 'warning'
    };
    return {
        /** The client: runs in VS Code's extension host. */
        extension: {
            ...common,
            entryPoints: { extension: 'extension/src/extension.ts' },
            outdir: 'dist',
            platform: 'node',
            format: 'cjs',
            target: 'node20',
            outExtension: { '.js': '.cjs' },
            external: ['vscode']
        },
        /** The language server: its own process. */
        server: {
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
        },
        /**
         * The command line: one CommonJS script instead of some 300 files of langium, chevrotain,
         * vscode-languageserver-* and commander, which Node would find, read and compile one by
         * one at every start. bin/handreiking.js runs it through out/cli/start.cjs
         * (language/cli/start/run-bundle.ts), which keeps V8's code cache of it *after* a run — with
         * the functions the run compiled, which Node's own compile cache (made before the code runs)
         * leaves out; that is why it is a script and not an ES module. Each export format is a
         * module of the bundle that is run only when its format is asked (language/export/
         * load-export.ts: esbuild turns those import() calls into lazy initialisers), so `check`
         * runs none. Playwright stays in node_modules: it finds its own files there, and only SVG
         * and PNG load it.
         */
        cli: {
            ...common,
            // Less text to read and compile at every start; names stay, so the frames printed for
            // an internal error still say which function failed. No source map: Node would read it
            // at every start.
            sourcemap: false,
            minify: false,
            minifyWhitespace: true,
            minifySyntax: true,
            entryPoints: {
                handreiking: 'language/cli/main.ts',
                start: 'language/cli/start/run-bundle.ts',
                // Parses beside the main thread in a large check (language/cli/parallel-parser.ts).
                'parse-worker': 'language/cli/parse-worker.ts'
            },
            outdir: 'out/cli',
            platform: 'node',
            format: 'cjs',
            target: 'node22',
            outExtension: { '.js': '.cjs' },
            external: ['playwright-core'],
            // Langium and the guide's assets read import.meta.url; in a script it is the bundle's file URL.
            define: { 'import.meta.url': 'importMetaUrl' },
            banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
            plugins: [lspProtocolCore, commanderBuiltins]
        },
        /**
         * VS Code for the web: the extension in the web worker extension host, and the language
         * server in a worker of its own. Platform browser without Node polyfills: a Node import
         * fails the build; the few modules that need Node have browser twins (browserSubstitutes).
         */
        browserExtension: {
            ...common,
            entryPoints: { 'browser-extension': 'extension/browser/extension.ts' },
            outdir: 'dist',
            platform: 'browser',
            format: 'cjs',
            target: 'es2022',
            // CommonJS by its name: the package is "type": "module", and VS Code's web worker
            // extension host loads no ES modules (it takes a .js entry of such a package for one).
            outExtension: { '.js': '.cjs' },
            external: ['vscode'],
            // The shared client code imports the desktop client's module for its types and error
            // handling values (CloseAction, ErrorAction), which the browser module has too.
            alias: { 'vscode-languageclient/node': 'vscode-languageclient/browser' },
            plugins: [browserSubstitutes()]
        },
        browserServer: {
            ...common,
            entryPoints: { 'browser-server': 'language/lsp/browser/main.ts' },
            outdir: 'dist',
            platform: 'browser',
            format: 'iife',
            target: 'es2022',
            plugins: [browserSubstitutes()]
        },
        /**
         * The preview webview: a browser page, one script and one stylesheet. It draws flowcharts
         * only: Mermaid's other diagram types and their layout engines stay out (left-out.mjs), in
         * the extension's webview as in the browser edition.
         */
        preview: {
            ...common,
            entryPoints: { preview: 'extension/webview/preview.ts' },
            outdir: 'dist/webview',
            platform: 'browser',
            format: 'iife',
            target: 'es2022',
            loader: { '.css': 'css' },
            plugins: [leaveOut(previewLeftOut), leaveOutMermaidDiagrams()]
        }
    };
}
