// Bundles the benchmark (TypeScript, importing the language and the test harness) and runs it.
import { spawnSync } from 'node:child_process';
import * as esbuild from 'esbuild';

// The preview harness is test code that finds the project from its own folder (vitest provides
// __dirname); in the bundle, that folder is given explicitly.
const banner = { js: "import * as __benchPath from 'node:path'; const __dirname = __benchPath.join(process.cwd(), 'test/extension/webview');" };
const common = { banner, bundle: true, platform: 'node', format: 'esm', target: 'node22', packages: 'external', logLevel: 'warning', outdir: 'out/bench', outExtension: { '.js': '.mjs' } };
await esbuild.build({ ...common, entryPoints: { run: 'bench/run.ts', 'measure-check': 'bench/measure-check.ts', web: 'bench/web-latency.ts' } });
const result = spawnSync(process.execPath, ['out/bench/run.mjs', ...process.argv.slice(2)], { stdio: 'inherit' });
// The browser edition beside the Node server's same figures (bench/web-latency.ts; needs dist/web).
const web = result.status === 0 ? spawnSync(process.execPath, ['out/bench/web.mjs', ...process.argv.slice(2)], { stdio: 'inherit' }) : result;
process.exit(web.status ?? 1);
