import * as path from 'node:path';

/**
 * `file` relative to the folder `root` (both paths of this machine), with `/`. On its own so that
 * the browser build can put a twin without Node in its place (language/lsp/browser/substitutes/).
 */
export function relativePath(root: string, file: string): string {
    return path.relative(root, file).split(path.sep).join('/');
}
