import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';

/** What the command line's bundle exports (language/cli/main.ts). */
interface CliBundle {
    run(argv: string[]): Promise<number>;
}

/** The commands that get a code cache of their own: each runs different parts of the bundle. */
const COMMANDS = ['check', 'test', 'export', 'diff'];

/**
 * Runs the command line's bundle (out/cli/handreiking.cjs) with V8's code cache of it, and returns
 * the command's exit code.
 *
 * Node's own compile cache is made when a module is compiled, before it runs: it holds the top of
 * the bundle, not the functions a run compiles as it calls them (Chevrotain's and Langium's parser
 * construction above all), which V8 then compiles again at every start. This cache is made after
 * the command has run, so it holds those too: ~20 ms of a one-line `check` (issue 11;
 * docs/performance.md). It is kept per command, because `check` and `export` run different code,
 * and made again when V8 refuses it (another Node, other flags).
 *
 * Where: `<OS temporary folder>/handreiking-code-cache/`, or `handreiking-code-cache/` in the folder
 * `NODE_COMPILE_CACHE` names; `NODE_DISABLE_COMPILE_CACHE` turns it off, as for Node's own cache.
 * Never in the project. A folder that is not the user's own, or that others may write in, is not
 * used. Nothing here can fail the command: a cache that cannot be read or written is skipped.
 */
export async function runBundle(bundle: string, argv: string[]): Promise<number> {
    const source = fs.readFileSync(bundle, 'utf-8');
    const cacheFile = codeCacheFile(bundle, argv);
    const cachedData = cacheFile === undefined ? undefined : readCache(cacheFile);
    // The wrapper on the first line, so that the line numbers of the bundle stay its own.
    const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: bundle, cachedData });
    const module = { exports: {} as CliBundle };
    const init = script.runInThisContext() as (exports: object, require: NodeJS.Require, module: object, filename: string, dirname: string) => void;
    init(module.exports, createRequire(bundle), module, bundle, path.dirname(bundle));
    const code = await module.exports.run(argv);
    if (cacheFile !== undefined && (cachedData === undefined || script.cachedDataRejected === true)) writeCache(cacheFile, script.createCachedData());
    return code;
}

/** The cache of this bundle, this Node and this command; undefined when there is to be none. */
export function codeCacheFile(bundle: string, argv: readonly string[], env: NodeJS.ProcessEnv = process.env): string | undefined {
    if (env.NODE_DISABLE_COMPILE_CACHE) return undefined;
    const folder = path.join(env.NODE_COMPILE_CACHE ? path.resolve(env.NODE_COMPILE_CACHE) : os.tmpdir(), 'handreiking-code-cache');
    if (!ownFolder(folder)) return undefined;
    try {
        const stat = fs.statSync(bundle);
        const command = argv.slice(2).find(arg => !arg.startsWith('-'));
        const kind = command !== undefined && COMMANDS.includes(command) ? command : 'anders';
        // The bundle's place, size and time: a new build is a new cache (V8 itself checks only the
        // length of the source, besides its own version and flags).
        return path.join(folder, `${hash(path.resolve(bundle))}-${kind}-${process.version}-${process.arch}-${stat.size}-${Math.floor(stat.mtimeMs)}.v8`);
    } catch {
        return undefined;
    }
}

/** The folder exists, is a folder of this user (not a link), and nobody else may write in it. */
function ownFolder(folder: string): boolean {
    try {
        fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
        const stat = fs.lstatSync(folder);
        if (!stat.isDirectory()) return false;
        const uid = process.getuid?.();
        return uid === undefined || (stat.uid === uid && (stat.mode & 0o022) === 0);
    } catch {
        return false;
    }
}

function readCache(file: string): Buffer | undefined {
    try {
        return fs.readFileSync(file);
    } catch {
        return undefined;
    }
}

/** Written whole or not at all (a temporary file renamed); older caches of the same bundle and command go. */
function writeCache(file: string, data: Buffer): void {
    const temporary = `${file}.${process.pid}.tmp`;
    try {
        fs.writeFileSync(temporary, data, { mode: 0o600 });
        fs.renameSync(temporary, file);
        const folder = path.dirname(file);
        const prefix = path.basename(file).split('-').slice(0, 2).join('-') + '-';
        for (const name of fs.readdirSync(folder)) {
            if (name.startsWith(prefix) && name.endsWith('.v8') && name !== path.basename(file)) fs.rmSync(path.join(folder, name), { force: true });
        }
    } catch {
        fs.rmSync(temporary, { force: true });
    }
}

/** FNV-1a of the bundle's path, so that two checkouts each keep a cache. */
function hash(text: string): string {
    let h = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
    return h.toString(16).padStart(8, '0');
}
