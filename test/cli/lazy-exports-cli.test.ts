import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { handreikingBin as bin } from '../support/cli.js';

/**
 * The exports run when their format is asked for (language/export/load-export.ts): `check` runs no
 * exporter and loads no browser driver, and `export json` no image export. Measured as the user runs
 * it: the CLI as a process. Its bundle (out/cli/handreiking.cjs, scripts/build-options.mjs) holds
 * every format, each as a module that esbuild initialises on its first import(); V8's coverage of
 * the run (NODE_V8_COVERAGE) says which of those modules ran, and a preload lists the packages
 * loaded from node_modules.
 */

const root = path.resolve(__dirname, '../..');
let tmp: string;

beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hrk-lazy-'));
    // Writes, at exit, every file loaded through require(): the bundle loads its packages so.
    fs.writeFileSync(path.join(tmp, 'required.cjs'), "process.on('exit', () => require('node:fs').writeFileSync(process.env.HRK_REQUIRED, Object.keys(require.cache).join('\\n')));\n");
});
afterAll(() => { if (tmp) fs.rmSync(tmp, { recursive: true, force: true }); });

/** The modules of the bundle (by their source path) that ran, and the files required from node_modules. */
function loaded(args: string[], name: string): { code: number | null; ran: string[]; required: string[] } {
    const coverage = path.join(tmp, `${name}-coverage`);
    const required = path.join(tmp, `${name}.required`);
    const r = spawnSync(process.execPath, ['--require', path.join(tmp, 'required.cjs'), bin, ...args], {
        cwd: root, encoding: 'utf-8', env: { ...process.env, NODE_V8_COVERAGE: coverage, HRK_REQUIRED: required }
    });
    const ran: string[] = [];
    for (const file of fs.readdirSync(coverage)) {
        const report = JSON.parse(fs.readFileSync(path.join(coverage, file), 'utf-8')) as { result: Array<{ url: string; functions: Array<{ functionName: string; ranges: Array<{ count: number }> }> }> };
        for (const script of report.result.filter(s => s.url.endsWith('/out/cli/handreiking.cjs'))) {
            // esbuild names each lazily initialised module's body after its source file.
            ran.push(...script.functions.filter(f => /^language\/.*\.ts$/.test(f.functionName) && f.ranges[0].count > 0).map(f => f.functionName));
        }
    }
    return { code: r.status, ran, required: fs.readFileSync(required, 'utf-8').split('\n').filter(f => f.includes('/node_modules/')) };
}

const exporters = /^language\/(export\/(json|mermaid|markdown|html|image)-export|render\/mermaid-renderer|generation\/html\/guide-assets|cli\/progress-bar)\.ts$/;
const heavy = /\/node_modules\/(playwright-core|cli-progress)\//;

describe('exporters run only for their format', () => {
    test('check runs no exporter, loads no browser driver, no HTML generator', () => {
        const r = loaded(['check', 'examples'], 'check');
        expect(r.code).toBe(0);
        // The coverage is real: the modules a check needs ran.
        expect(r.ran).toContain('language/export/export-errors.ts');
        expect(r.ran.filter(m => exporters.test(m))).toEqual([]);
        expect(r.required.filter(m => heavy.test(m))).toEqual([]);
    });

    test('export json runs the JSON export and nothing of the others', () => {
        const r = loaded(['export', 'json', 'examples', '-o', path.join(tmp, 'uit')], 'json');
        expect(r.code).toBe(0);
        expect(r.ran.filter(m => exporters.test(m))).toEqual(['language/export/json-export.ts']);
        expect(r.required.filter(m => heavy.test(m))).toEqual([]);
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
        // The output goes out through fs.writeSync (language/cli/terminal-output.ts), and the bundle
        // is a script that require()s Node's modules, without the ES module facades that would load
        // the streams (an ES module's `import … from 'node:fs'` reads every export of fs).
        const unused = ['child_process', 'worker_threads', 'crypto', 'internal/util/parse_args/parse_args', 'dgram', 'stream', 'net', 'internal/fs/streams'];
        expect(small.modules.filter(m => unused.includes(m))).toEqual([]);
        // Writing a file loads Web Crypto (for its temporary name's random part) when it is needed.
        const exported = builtins(['export', 'json', file, '-o', path.join(tmp, 'een.json')], 'export');
        expect(exported.code).toBe(0);
        expect(exported.modules).toContain('internal/crypto/webcrypto');
    });
});
