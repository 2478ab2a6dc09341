#!/usr/bin/env node
// The `handreiking` command. `npm run build` bundles the CLI into out/cli/handreiking.mjs
// (scripts/bundle-cli.mjs): one file to read and compile instead of hundreds of modules.
import module from 'node:module';

// V8 keeps the compiled code of the bundle between runs, in Node's folder for it under the OS's
// temporary folder (NODE_COMPILE_CACHE chooses another; NODE_DISABLE_COMPILE_CACHE=1 turns it
// off), never in the project. Node 22.1 and later; an older Node just compiles every time.
module.enableCompileCache?.();

const { run } = await import('../out/cli/handreiking.mjs');
process.exitCode = await run(process.argv);
