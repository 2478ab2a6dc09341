// The modules that need Node, and their browser twins (language/lsp/browser/substitutes/, extension/browser/).
// The browser bundles (the language server worker, the extension for VS Code for the web) build with
// platform 'browser' and no Node polyfills: any other Node import fails the build, as it should.
import * as path from 'node:path';

const substitutes = {
    'language/generation/json/relative-path.ts': 'language/lsp/browser/substitutes/relative-path.ts',
    'language/generation/html/csp-hash.ts': 'language/lsp/browser/substitutes/csp-hash.ts',
    'language/lsp/review-summary.ts': 'language/lsp/browser/substitutes/review-summary.ts',
    // The extension in VS Code for the web: exports written through VS Code's file system API.
    'extension/src/commands/write-files.ts': 'extension/browser/write-files.ts'
};

/** An esbuild plugin that resolves each module above to its twin. */
export function browserSubstitutes(root = process.cwd()) {
    const byPath = new Map(Object.entries(substitutes).map(([from, to]) => [path.resolve(root, from), path.resolve(root, to)]));
    return {
        name: 'handreiking-browser-substitutes',
        setup(build) {
            build.onResolve({ filter: /^\.\.?\/.*\.js$/ }, args => {
                const target = path.resolve(args.resolveDir, args.path).replace(/\.js$/, '.ts');
                const twin = byPath.get(target);
                return twin ? { path: twin } : undefined;
            });
        }
    };
}
