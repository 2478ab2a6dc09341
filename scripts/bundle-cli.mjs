// Bundles the command line into out/cli/ (bin/handreiking.js runs out/cli/handreiking.cjs through
// out/cli/start.cjs), with the options in build-options.mjs. Part of `npm run build`, so a fresh clone has it after
// `npm ci && npm run build`.
import * as fs from 'node:fs';
import * as esbuild from 'esbuild';
import { buildOptions } from './build-options.mjs';

const { cli } = buildOptions();
// Clear what an older build left (its files may have had other names), so the folder holds one build.
fs.rmSync(cli.outdir, { recursive: true, force: true });
await esbuild.build(cli);
