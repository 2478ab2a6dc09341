import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

/**
 * The exports load when their format is asked for (language/export/load-export.ts): `check` loads
 * no exporter and no browser driver, and `export json` no image export. Measured as the user runs
 * it: the CLI as a process (its bundle, out/cli/, where each module loaded on demand is a file of
 * its own: scripts/build-options.mjs), with a module hook that writes down every module it resolves.
 */

const root = path.resolve(__dirname, '../..');
const bin = path.join(root, 'bin/handreiking.js');
let tmp: string;
let hook: string;

beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hrk-lazy-'));
    hook = path.join(tmp, 'hook.mjs');
    // The hook runs on Node's loader thread: it appends each resolved URL to the file named in the environment.
    const resolveHook = `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
    const result = await next(specifier, context);
    appendFileSync(process.env.HRK_LOADED, result.url + '\\n');
    return result;
}`;
    fs.writeFileSync(hook, `import { register } from 'node:module';\nregister('data:text/javascript,' + encodeURIComponent(${JSON.stringify(resolveHook)}));\n`);
});
afterAll(() => { if (tmp) fs.rmSync(tmp, { recursive: true, force: true }); });

/** Runs the CLI and returns its exit code and the modules it loaded. */
function loaded(args: string[], name: string): { code: number | null; modules: string[] } {
    const log = path.join(tmp, `${name}.log`);
    const r = spawnSync(process.execPath, ['--import', hook, bin, ...args], { cwd: root, encoding: 'utf-8', env: { ...process.env, HRK_LOADED: log } });
    return { code: r.status, modules: fs.readFileSync(log, 'utf-8').trim().split('\n') };
}

const exporters = /\/out\/cli\/(json|mermaid|markdown|html|image)-export\.mjs$/;
const heavy = /\/node_modules\/(playwright-core|cli-progress)\/|\/out\/cli\/(mermaid-renderer|progress-bar|guide-assets)\.mjs$/;

describe('exporters load only for their format', () => {
    test('check loads no exporter, no browser driver, no HTML generator', () => {
        const r = loaded(['check', 'examples'], 'check');
        expect(r.code).toBe(0);
        expect(r.modules.some(m => m.endsWith('/out/cli/handreiking.mjs'))).toBe(true);
        // The bundle, not the compiled modules: nothing of out/language/ or node_modules but what it leaves out.
        expect(r.modules.filter(m => m.includes('/out/language/') || m.includes('/node_modules/'))).toEqual([]);
        expect(r.modules.filter(m => exporters.test(m) || heavy.test(m))).toEqual([]);
    });

    test('export json loads the JSON export and nothing of the others', () => {
        const r = loaded(['export', 'json', 'examples', '-o', path.join(tmp, 'uit')], 'json');
        expect(r.code).toBe(0);
        expect(r.modules.filter(m => exporters.test(m)).map(m => path.basename(m))).toEqual(['json-export.mjs']);
        expect(r.modules.filter(m => heavy.test(m))).toEqual([]);
    });
});

describe('Node\'s own modules load only when used', () => {
    test('a check of one file loads no child_process, worker_threads, crypto, util argument parser, streams or network; an export loads Web Crypto when it writes', () => {
        // A preload that writes down, at exit, every built-in module Node loaded (module.register
        // would start a loader thread of its own, so the list is read instead). CommonJS, and
        // `require`: an ES module's `import … from 'node:fs'` would itself load the streams.
        const preload = path.join(tmp, 'builtins.cjs');
        fs.writeFileSync(preload, "process.on('exit', () => require('node:fs').writeFileSync(process.env.HRK_BUILTINS, process.moduleLoadList.join('\\n')));\n");
        const builtins = (args: string[], name: string) => {
            const log = path.join(tmp, `${name}.builtins`);
            const r = spawnSync(process.execPath, ['--require', preload, bin, ...args], { cwd: root, encoding: 'utf-8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, HRK_BUILTINS: log } });
            return { code: r.status, stdout: r.stdout, modules: fs.readFileSync(log, 'utf-8').split('\n').map(m => m.replace(/^NativeModule /, '')) };
        };
        const file = path.join(tmp, 'een.hrk');
        fs.writeFileSync(file, 'hoofdstuk H1 "Een hoofdstuk" { werkgroep "WG1" }\n');
        // Standard output a pipe, as under a CI job or `| less`: process.stdout would be a socket there.
        const small = builtins(['check', file], 'small');
        expect(small.code).toBe(0);
        expect(small.stdout).toBe('1 bestand gecontroleerd: 0 fouten, 0 waarschuwingen.\n');
        // The list is real: the file system module is in it.
        expect(small.modules).toContain('fs');
        // The output goes out through fs.writeSync (language/cli/terminal-output.ts), and Node's
        // modules come without their ES module facades (scripts/build-options.mjs): no streams.
        const unused = ['child_process', 'worker_threads', 'crypto', 'internal/util/parse_args/parse_args', 'dgram', 'stream', 'net', 'internal/fs/streams'];
        expect(small.modules.filter(m => unused.includes(m))).toEqual([]);
        // Writing a file loads Web Crypto (for its temporary name's random part) when it is needed.
        const exported = builtins(['export', 'json', file, '-o', path.join(tmp, 'een.json')], 'export');
        expect(exported.code).toBe(0);
        expect(exported.modules).toContain('internal/crypto/webcrypto');
    });
});
