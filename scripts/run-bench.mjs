// Bundles the benchmark (TypeScript, importing the language and the test harness) and runs it.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { buildOptions } from './build-options.mjs';

// The preview harness is test code that finds the project from its own folder (vitest provides
// __dirname); in the bundle, each test file gets its own folder in place of __dirname.
const testDirname = {
    name: 'test-dirname',
    setup(build) {
        build.onLoad({ filter: /[\\/]test[\\/].*\.ts$/ }, async args => ({
            contents: (await fs.readFile(args.path, 'utf-8')).replace(/\b__dirname\b/g, JSON.stringify(path.dirname(args.path))),
            loader: 'ts'
        }));
    }
};
const common = { bundle: true, platform: 'node', format: 'esm', target: 'node22', packages: 'external', logLevel: 'warning', outdir: 'out/bench', outExtension: { '.js': '.mjs' }, plugins: [testDirname] };
await esbuild.build({ ...common, entryPoints: { run: 'bench/run.ts', 'measure-check': 'bench/measure-check.ts', web: 'bench/web-latency.ts', 'node-server-relay-process': 'bench/node-server-relay-process.ts' } });
// The parse threads of measure-check's loadWorkspace: the command line's worker script, built as the
// command line builds it, beside measure-check.mjs where language/cli/parallel-parser.ts looks for it.
await esbuild.build({ ...buildOptions().cli, entryPoints: { 'parse-worker': 'language/cli/parse-worker.ts' }, outdir: 'out/bench' });
// `--web` measures the browser edition alone (its figures stand beside the Node server's of the same run).
const webOnly = process.argv.includes('--web');
const args = process.argv.slice(2).filter(a => a !== '--web');
const result = webOnly ? { status: 0 } : spawnSync(process.execPath, ['out/bench/run.mjs', ...args], { stdio: 'inherit' });
// The browser edition beside the Node server's same figures (bench/web-latency.ts; needs dist/web).
const web = result.status === 0 ? spawnSync(process.execPath, ['out/bench/web.mjs', ...args], { stdio: 'inherit' }) : result;
process.exit(web.status ?? 1);
