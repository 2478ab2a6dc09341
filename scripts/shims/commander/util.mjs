// Commander's `node:util`, in the command line's bundle (see commander-builtins in
// scripts/build-options.mjs). An ESM import of `node:util` makes Node evaluate every export of it,
// loading the argument parser, the diff and worker_threads modules; commander needs one function.
export const stripVTControlCharacters = text => process.getBuiltinModule('node:util').stripVTControlCharacters(text);
