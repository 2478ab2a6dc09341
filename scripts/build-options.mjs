import { browserSubstitutes } from './web/browser-substitutes.mjs';
import { leaveOut, leaveOutMermaidDiagrams, previewLeftOut } from './web/left-out.mjs';
// The esbuild options of the bundles: the extension's (scripts/bundle-extension.mjs, and the tests
// that bundle a test build of the server or the preview: a test-only entry point in place of the
// product's, with the same options) and the command line's (scripts/bundle-cli.mjs). No side
// effects: importing this builds nothing.
import * as fs from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
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
 * For the command line's bundle: commander's imports of `node:child_process`, `node:util` and
 * `node:process` become the stand-ins in scripts/shims/commander/, which load nothing at start. Each
 * real import loaded modules a `check` never uses (17 of Node's internal modules, ~5 % of a small
 * check's time); the stand-ins say why, one by one.
 */
const commanderBuiltins = {
    name: 'commander-builtins',
    setup(build) {
        const shims = { child_process: 'child-process.mjs', util: 'util.mjs', process: 'process.mjs' };
        build.onResolve({ filter: /^(node:)?(child_process|util|process)$/ }, args => {
            if (!/[\\/]node_modules[\\/]commander[\\/]/.test(args.importer)) return undefined;
            return { path: path.join(scripts, 'shims', 'commander', shims[args.path.replace(/^node:/, '')]) };
        });
    }
};

/**
 * For the command line's bundle: Node's own modules through `process.getBuiltinModule` instead of
 * `import … from 'node:fs'`. An import gives an ES module facade, which reads every export of the
 * module once: `fs`'s facade thereby loads Node's whole streams stack (its lazy `ReadStream`), ~8 ms
 * of every start, which a `check` that writes with `fs.writeSync` (language/cli/terminal-output.ts)
 * never needs. esbuild wraps the module object as it wraps any CommonJS module, with getters that
 * read an export only when the code does.
 */
const builtinsWithoutFacade = {
    name: 'builtins-without-facade',
    setup(build) {
        const names = builtinModules.filter(name => !name.startsWith('_')).map(name => name.replace(/[/]/g, '\\/'));
        build.onResolve({ filter: new RegExp(`^(node:)?(${names.join('|')})$`) }, args => ({ path: args.path.replace(/^node:/, ''), namespace: 'node-builtin' }));
        build.onLoad({ filter: /.*/, namespace: 'node-builtin' }, args => ({
            contents: `module.exports = process.getBuiltinModule(${JSON.stringify('node:' + args.path)});`,
            loader: 'js'
        }));
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
         * The command line (bin/handreiking.js loads it): one ES module instead of some 300 files
         * of langium, chevrotain, vscode-languageserver-* and commander, which Node would find,
         * read and compile one by one at every start. Each export format stays a chunk of its own
         * (language/export/load-export.ts imports it when its format is asked), so `check` loads
         * none. Playwright stays in node_modules: it finds its own files there, and only SVG and
         * PNG load it.
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
            // The modules loaded with import() are entries of their own, so that each has its name
            // (a test checks by name that `check` loads no exporter); what they share goes into chunks.
            entryPoints: {
                handreiking: 'language/cli/main.ts',
                'json-export': 'language/export/json-export.ts',
                'mermaid-export': 'language/export/mermaid-export.ts',
                'markdown-export': 'language/export/markdown-export.ts',
                'html-export': 'language/export/html-export.ts',
                'image-export': 'language/export/image-export.ts',
                'mermaid-renderer': 'language/render/mermaid-renderer.ts',
                'guide-assets': 'language/generation/html/guide-assets.ts',
                'progress-bar': 'language/cli/progress-bar.ts',
                // Parses beside the main thread in a large check (language/cli/parallel-parser.ts).
                'parse-worker': 'language/cli/parse-worker.ts'
            },
            outdir: 'out/cli',
            platform: 'node',
            format: 'esm',
            target: 'node22',
            splitting: true,
            outExtension: { '.js': '.mjs' },
            entryNames: '[name]',
            chunkNames: 'chunk-[hash]',
            external: ['playwright-core'],
            // commanderBuiltins first: its stand-ins replace some of the modules the other gives.
            plugins: [lspProtocolCore, commanderBuiltins, builtinsWithoutFacade]
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
