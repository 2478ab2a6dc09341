// Bundles the browser app of the HTML guide (language/generation/html/browser/guide-app.ts) into
// out/browser/guide-app.js, which `handreiking export html` inlines into the page. The root
// TypeScript project has no DOM types and leaves the browser folder out, so this script
// type-checks it first with its own tsconfig (skip with --no-typecheck).
//
//   node scripts/bundle-guide-app.mjs [--no-typecheck]
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const browserDir = path.join(root, 'language/generation/html/browser');

/** Type-checks the browser app; throws with tsc's output when it has errors. */
export function typecheckGuideApp() {
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    const result = spawnSync(process.execPath, [tsc, '-p', path.join(browserDir, 'tsconfig.json')], { cwd: root, encoding: 'utf-8' });
    if (result.status !== 0) {
        throw new Error(`Type errors in the guide's browser app:\n${result.stdout}${result.stderr}`);
    }
}

/**
 * Bundles the app; returns the file written. The file is replaced in one step (written beside it,
 * then renamed over it): an export running at the same moment (a test in another worker, a CLI
 * run during a build) reads the old bundle or the new one, never half of one.
 */
export async function bundleGuideApp({ typecheck = true, outfile = path.join(root, 'out/browser/guide-app.js') } = {}) {
    if (typecheck) typecheckGuideApp();
    const result = await esbuild.build({
        entryPoints: [path.join(browserDir, 'guide-app.ts')],
        tsconfig: path.join(browserDir, 'tsconfig.json'),
        bundle: true,
        format: 'iife',
        platform: 'browser',
        target: 'es2020',
        minify: true,
        // ASCII only, and no `</script` in strings: the bundle is inlined into a <script> element.
        charset: 'ascii',
        legalComments: 'none',
        outfile,
        write: false,
        logLevel: 'warning'
    });
    fs.mkdirSync(path.dirname(outfile), { recursive: true });
    const temporary = `${outfile}.${process.pid}.${Date.now().toString(36)}.tmp`;
    try {
        fs.writeFileSync(temporary, result.outputFiles[0].contents);
        fs.renameSync(temporary, outfile);
    } finally {
        fs.rmSync(temporary, { force: true });
    }
    return outfile;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    try {
        const file = await bundleGuideApp({ typecheck: !process.argv.includes('--no-typecheck') });
        console.log(`guide app bundled: ${path.relative(root, file)}`);
    } catch (err) {
        console.error(err instanceof Error ? err.message : err);
        process.exitCode = 1;
    }
}
