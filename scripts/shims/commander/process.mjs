// Commander's `node:process`, in the command line's bundle (see commander-builtins in
// scripts/build-options.mjs). Requiring `node:process` loads a module of Node's own whose only
// content is the process object; the global is the same object.
export default process;
