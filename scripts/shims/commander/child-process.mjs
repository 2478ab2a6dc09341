// Commander's `node:child_process`, in the command line's bundle (see commander-builtins in
// scripts/build-options.mjs). Commander uses it for one thing we never do, running a subcommand from
// its own executable file; loading it (and with it net, dgram and the socket machinery) cost every
// command part of its start. `spawn` loads the real module when it is called.
export default {
    spawn: (...args) => process.getBuiltinModule('node:child_process').spawn(...args)
};
