import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { codeCacheFile } from '../../language/cli/start/run-bundle.js';
import { handreikingBin as bin } from '../support/cli.js';

/**
 * The command keeps V8's code cache of its bundle after a run (language/cli/start/run-bundle.ts),
 * one per command, in `handreiking-code-cache/` under the OS's temporary folder or the folder
 * NODE_COMPILE_CACHE names. A cache never changes what the command does, and a cache that is
 * missing, refused or unusable costs only time. Its speed is in `npm run bench` (start-up).
 */

const root = path.resolve(__dirname, '../..');
const bundle = path.join(root, 'out/cli/handreiking.cjs');
let tmp: string;
let file: string;

beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hrk-code-cache-'));
    file = path.join(tmp, 'een.hrk');
    fs.writeFileSync(file, 'hoofdstuk H1 "Een hoofdstuk" { werkgroep "WG1" }\n');
});
afterAll(() => { if (tmp) fs.rmSync(tmp, { recursive: true, force: true }); });

function run(args: string[], env: NodeJS.ProcessEnv) {
    const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf-8', env: { ...process.env, NODE_DISABLE_COMPILE_CACHE: '', ...env } });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const checked = { code: 0, stdout: '1 bestand gecontroleerd: 0 fouten, 0 waarschuwingen.\n', stderr: '' };

function cacheFiles(dir: string): string[] {
    const folder = path.join(dir, 'handreiking-code-cache');
    return fs.existsSync(folder) ? fs.readdirSync(folder).sort() : [];
}

describe('the code cache of the command line', () => {
    test('the first run writes it, the next runs use it as it is; another command gets its own', () => {
        const dir = path.join(tmp, 'eerst');
        expect(run(['check', file], { NODE_COMPILE_CACHE: dir })).toEqual(checked);
        const cache = codeCacheFile(bundle, ['node', 'handreiking', 'check', file], { NODE_COMPILE_CACHE: dir });
        expect(cache).toBeDefined();
        expect(cacheFiles(dir)).toEqual([path.basename(cache!)]);
        const written = fs.readFileSync(cache!);
        // V8's code cache of a script this size is far more than its top level.
        expect(written.length).toBeGreaterThan(100_000);
        const mtime = fs.statSync(cache!).mtimeMs;
        expect(run(['check', file], { NODE_COMPILE_CACHE: dir })).toEqual(checked);
        expect(fs.statSync(cache!).mtimeMs).toBe(mtime);
        expect(fs.readFileSync(cache!).equals(written)).toBe(true);

        expect(run(['export', 'json', file, '-o', path.join(tmp, 'een.json')], { NODE_COMPILE_CACHE: dir }).code).toBe(0);
        expect(cacheFiles(dir)).toHaveLength(2);
        expect(cacheFiles(dir).filter(name => name.includes('-export-'))).toHaveLength(1);
        // The folder and the files are the user's alone.
        expect(fs.statSync(path.join(dir, 'handreiking-code-cache')).mode & 0o077).toBe(0);
        expect(fs.statSync(cache!).mode & 0o077).toBe(0);
    });

    test('a damaged cache is refused by V8, the command does its work, and the cache is written again', () => {
        const dir = path.join(tmp, 'beschadigd');
        const cache = codeCacheFile(bundle, ['node', 'handreiking', 'check', file], { NODE_COMPILE_CACHE: dir })!;
        fs.writeFileSync(cache, Buffer.alloc(200_000, 7));
        expect(run(['check', file], { NODE_COMPILE_CACHE: dir })).toEqual(checked);
        expect(fs.readFileSync(cache).equals(Buffer.alloc(200_000, 7))).toBe(false);
        expect(run(['check', file], { NODE_COMPILE_CACHE: dir })).toEqual(checked);
    });

    test('a cache of an older build of the bundle goes when the new one is written', () => {
        const dir = path.join(tmp, 'oud');
        const cache = codeCacheFile(bundle, ['node', 'handreiking', 'check', file], { NODE_COMPILE_CACHE: dir })!;
        const older = cache.replace(/-(\d+)\.v8$/, (_, time: string) => `-${Number(time) - 1000}.v8`);
        fs.writeFileSync(older, 'oud');
        expect(run(['check', file], { NODE_COMPILE_CACHE: dir })).toEqual(checked);
        expect(cacheFiles(dir)).toEqual([path.basename(cache)]);
    });

    test('NODE_DISABLE_COMPILE_CACHE: no cache is read or written', () => {
        const dir = path.join(tmp, 'uit');
        expect(run(['check', file], { NODE_COMPILE_CACHE: dir, NODE_DISABLE_COMPILE_CACHE: '1' })).toEqual(checked);
        expect(fs.existsSync(dir)).toBe(false);
    });

    test('a cache folder that cannot be made, or that others may write in, is not used and costs nothing else', () => {
        const notAFolder = path.join(tmp, 'een-bestand');
        fs.writeFileSync(notAFolder, '');
        expect(run(['check', file], { NODE_COMPILE_CACHE: notAFolder })).toEqual(checked);

        const shared = path.join(tmp, 'gedeeld');
        fs.mkdirSync(path.join(shared, 'handreiking-code-cache'), { recursive: true });
        fs.chmodSync(path.join(shared, 'handreiking-code-cache'), 0o777);
        expect(run(['check', file], { NODE_COMPILE_CACHE: shared })).toEqual(checked);
        expect(cacheFiles(shared)).toEqual([]);
    });

    test('an error in the guide still ends with its exit code and messages when the cache is used', () => {
        const dir = path.join(tmp, 'fout');
        const broken = path.join(tmp, 'fout.hrk');
        fs.writeFileSync(broken, 'partij P "P" { betrokken bij Onbekend }\n');
        const first = run(['check', broken], { NODE_COMPILE_CACHE: dir });
        expect(first.code).toBe(1);
        expect(first.stdout).toContain('HRK002');
        expect(run(['check', broken], { NODE_COMPILE_CACHE: dir })).toEqual(first);
    });
});
