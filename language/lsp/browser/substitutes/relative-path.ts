/**
 * The browser twin of generation/json/relative-path.ts: `/`-separated paths only (a worker has
 * no drive letters). The language server never passes a root, so this is here for completeness.
 */
export function relativePath(root: string, file: string): string {
    const from = root.split('/').filter(Boolean);
    const to = file.split('/').filter(Boolean);
    let common = 0;
    while (common < from.length && common < to.length && from[common] === to[common]) common++;
    return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}
