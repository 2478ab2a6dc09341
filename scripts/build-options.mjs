import { browserSubstitutes } from './web/browser-substitutes.mjs';

// The esbuild options of the extension's bundles: used by scripts/bundle-extension.mjs, and by the
// tests that bundle a test build of the server or the preview (a test-only entry point in place of
// the product's, with the same options). No side effects: importing this builds nothing.

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
        /** The preview webview: a browser page, one script and one stylesheet. */
        preview: {
            ...common,
            entryPoints: { preview: 'extension/webview/preview.ts' },
            outdir: 'dist/webview',
            platform: 'browser',
            format: 'iife',
            target: 'es2022',
            loader: { '.css': 'css' }
        }
    };
}
