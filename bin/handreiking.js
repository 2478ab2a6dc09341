#!/usr/bin/env node
// The `handreiking` command. `npm run build` bundles the CLI into out/cli/handreiking.cjs
// (scripts/bundle-cli.mjs): one file to read and compile instead of hundreds of modules, run with
// V8's code cache of it by out/cli/start.cjs (language/cli/start/run-bundle.ts). A CommonJS script
// (bin/package.json): Node's ES module loader would add its own start-up to every command.
'use strict';
const path = require('node:path');
const { runBundle } = require('../out/cli/start.cjs');

runBundle(path.join(__dirname, '..', 'out', 'cli', 'handreiking.cjs'), process.argv).then(code => {
    process.exitCode = code;
});
