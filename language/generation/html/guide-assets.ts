import * as fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GuideScripts } from './guide-scripts.js';

/** Where `scripts/bundle-guide-app.mjs` writes the app, relative to the project root. */
export const GUIDE_APP_BUNDLE = 'out/browser/guide-app.js';

/** The scripts the HTML guide carries inline, for the command line: Mermaid itself and the bundled browser app. */
export async function loadGuideAssets(): Promise<GuideScripts> {
    const [mermaidJs, appJs] = await Promise.all([readMermaid(), readGuideApp()]);
    return { mermaidJs, appJs };
}

/** `mermaid/dist/mermaid.min.js`: the browser build that sets `window.mermaid`. */
export function mermaidBundlePath(): string {
    return path.join(mermaidPackageDir(), 'dist', 'mermaid.min.js');
}

function mermaidPackageDir(): string {
    const require = createRequire(import.meta.url);
    try {
        // Mermaid's exports map has `"./*": "./*"`, so its package.json can be resolved directly.
        return path.dirname(require.resolve('mermaid/package.json'));
    } catch {
        // A future exports map might hide package.json: start from the main entry and walk up.
        let dir = path.dirname(require.resolve('mermaid'));
        while (path.basename(dir) !== 'mermaid' && path.dirname(dir) !== dir) dir = path.dirname(dir);
        return dir;
    }
}

async function readMermaid(): Promise<string> {
    let file: string;
    try {
        file = mermaidBundlePath();
        return await fs.readFile(file, 'utf-8');
    } catch (err) {
        throw new Error(`Mermaid (mermaid/dist/mermaid.min.js) is niet gevonden; voer \`npm ci\` uit. (${(err as Error).message})`, { cause: err });
    }
}

/**
 * The compiled module lives in `out/language/generation/html/`, the bundle in `out/browser/`; run
 * from source (vitest), this file is in `language/generation/html/` and the bundle in `out/browser/`;
 * in the command line's bundle (scripts/bundle-cli.mjs) it is in `out/cli/`.
 */
export function guideAppCandidates(): string[] {
    const here = path.dirname(fileURLToPath(import.meta.url));
    return [
        path.resolve(here, '../browser/guide-app.js'),
        path.resolve(here, '../../../browser/guide-app.js'),
        path.resolve(here, '../../../out/browser/guide-app.js')
    ];
}

/** The first of `candidates` that exists; a clear Dutch error when none does. */
export async function readGuideApp(candidates: readonly string[] = guideAppCandidates()): Promise<string> {
    for (const file of candidates) {
        const content = await fs.readFile(file, 'utf-8').catch(() => undefined);
        if (content !== undefined) return content;
    }
    throw new Error(`De browser-app van de HTML-gids (${GUIDE_APP_BUNDLE}) ontbreekt. Voer eerst \`npm run build\` uit `
        + '(of `node scripts/bundle-guide-app.mjs`) en probeer het opnieuw.');
}
