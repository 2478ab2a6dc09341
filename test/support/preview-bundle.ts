import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { buildOptions } from '../../scripts/build-options.mjs';

/**
 * The preview webview bundled for the browser tests: the product's controller from the test entry
 * (test/extension/webview/preview-test-entry.ts, which shows the tests its counts) with the product's
 * options (scripts/build-options.mjs), built once and shared: by every test file of a run and by later
 * runs while its sources stay the same. Bundling Mermaid takes seconds, which six test files used to
 * spend each.
 *
 * A bundle lives in `.cache/test/preview-bundle/<hash>/` (ignored by git) with `inputs.json`: every
 * input file esbuild read (its metafile), with size and modification time. It is used only while
 * every input is unchanged; a changed input means a new bundle (a new import comes with a changed
 * file). Test files in parallel workers may build at the same moment: each builds into its own
 * folder and publishes it with one rename; the one that comes second uses the first one's.
 */

const projectRoot = path.resolve(__dirname, '../..');
const cacheRoot = path.join(projectRoot, '.cache', 'test', 'preview-bundle');

const options = {
    ...buildOptions().preview,
    absWorkingDir: projectRoot,
    entryPoints: { preview: 'test/extension/webview/preview-test-entry.ts' },
    outdir: undefined,
    sourcemap: false,
    legalComments: 'none',
    metafile: true
} satisfies esbuild.BuildOptions;

/** What a bundle was made from: esbuild's version and options, and each input's size and time. */
interface Inputs {
    build: string;
    files: Record<string, [size: number, mtimeMs: number]>;
}

const buildKey = JSON.stringify({ esbuild: esbuild.version, options });

function stamp(file: string): [number, number] | undefined {
    try {
        const stat = fs.statSync(path.join(projectRoot, file));
        return [stat.size, stat.mtimeMs];
    } catch {
        return undefined;
    }
}

function current(dir: string): boolean {
    let inputs: Inputs;
    try {
        inputs = JSON.parse(fs.readFileSync(path.join(dir, 'inputs.json'), 'utf-8')) as Inputs;
    } catch {
        return false;
    }
    if (inputs.build !== buildKey) return false;
    return Object.entries(inputs.files).every(([file, [size, mtimeMs]]) => {
        const now = stamp(file);
        return now !== undefined && now[0] === size && now[1] === mtimeMs;
    });
}

const bundleFiles = ['preview.js', 'preview.css'];

/** Puts `preview.js` and `preview.css`, bundled from the sources as they are now, into `folder`. */
export async function copyPreviewBundle(folder: string): Promise<void> {
    const from = await previewBundle();
    try {
        for (const name of bundleFiles) fs.copyFileSync(path.join(from.dir, name), path.join(folder, name));
    } finally {
        from.done();
    }
}

async function previewBundle(): Promise<{ dir: string; done(): void }> {
    fs.mkdirSync(cacheRoot, { recursive: true });
    const existing = fs.readdirSync(cacheRoot).filter(name => !name.startsWith('.')).map(name => path.join(cacheRoot, name));
    const found = existing.find(current);
    if (found) return { dir: found, done: () => undefined };

    const building = fs.mkdtempSync(path.join(cacheRoot, '.building-'));
    try {
        const started = Date.now();
        const result = await esbuild.build({ ...options, outdir: building });
        const files: Inputs['files'] = {};
        for (const file of Object.keys(result.metafile.inputs)) {
            const now = stamp(file);
            if (now) files[file] = now;
        }
        // A file saved while esbuild ran may not be what it read: use this bundle once, keep none.
        if (Object.values(files).some(([, mtimeMs]) => mtimeMs >= started - 1000)) {
            return { dir: building, done: () => fs.rmSync(building, { recursive: true, force: true }) };
        }
        const inputs: Inputs = { build: buildKey, files };
        const text = JSON.stringify(inputs);
        fs.writeFileSync(path.join(building, 'inputs.json'), text);
        const target = path.join(cacheRoot, createHash('sha256').update(text).digest('hex').slice(0, 16));
        try {
            fs.renameSync(building, target);
        } catch (err) {
            // Another worker published the same bundle first: use that one.
            if (!current(target)) throw err;
        }
        // Bundles of sources that have changed since are of no use any more.
        for (const old of existing) if (!current(old)) fs.rmSync(old, { recursive: true, force: true });
        fs.rmSync(building, { recursive: true, force: true });
        return { dir: target, done: () => undefined };
    } catch (err) {
        fs.rmSync(building, { recursive: true, force: true });
        throw err;
    }
}
