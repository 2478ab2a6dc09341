// Bundles the fuzz run (TypeScript importing the language) and runs it with the given options:
//   node fuzz/run.mjs --cases 10000 --seed 42      (see fuzz/run-fuzz.ts for all options)
// Needs the generated parser (`npm run build` or `npm run langium:generate`).
import { spawnSync } from 'node:child_process';
import * as esbuild from 'esbuild';

await esbuild.build({
    entryPoints: { 'run-fuzz': 'fuzz/run-fuzz.ts' },
    bundle: true, platform: 'node', format: 'esm', target: 'node22', packages: 'external', logLevel: 'warning',
    sourcemap: 'inline', outdir: 'out/fuzz', outExtension: { '.js': '.mjs' }
});
const result = spawnSync(process.execPath, ['--enable-source-maps', 'out/fuzz/run-fuzz.mjs', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
