// Commander's `node:process`, in the command line's bundle (see commander-builtins in
// scripts/build-options.mjs). An ESM import of `node:process` makes Node read every property of the
// process object, creating the standard input stream among them; the global is the same object.
export default process;
