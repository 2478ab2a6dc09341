// What Langium's core (parser, linker, checks, document builder) takes from
// vscode-languageserver-protocol, for the command line's bundle (scripts/build-options.mjs) in place
// of the whole protocol: its Node entry loads every LSP message type and the JSON-RPC transports
// (net, child_process, worker_threads), about a fifth of the bundle, which a `check` never uses.
// The same classes from the same package (vscode-jsonrpc), so `instanceof` and behaviour are Langium's.
// `JSONRPC` is replaced by the path of vscode-jsonrpc's lib/common folder when the bundle is built.
import ralModule from 'JSONRPC/ral.js';
export { CancellationToken, CancellationTokenSource } from 'JSONRPC/cancellation.js';
export { Emitter } from 'JSONRPC/events.js';
export { ResponseError } from 'JSONRPC/messages.js';

// Cancellation and events need only timers and a console of vscode-jsonrpc's runtime layer (its
// Node entry, which the protocol would load, installs the rest). ral.js is CommonJS with its
// function as `exports.default`; an .mjs file imports the whole `exports` as default.
const ral = ralModule.default ?? ralModule;
ral.install(Object.freeze({
    console,
    timer: {
        setTimeout: (callback, ms, ...args) => { const handle = setTimeout(callback, ms, ...args); return { dispose: () => clearTimeout(handle) }; },
        setImmediate: (callback, ...args) => { const handle = setImmediate(callback, ...args); return { dispose: () => clearImmediate(handle) }; },
        setInterval: (callback, ms, ...args) => { const handle = setInterval(callback, ms, ...args); return { dispose: () => clearInterval(handle) }; }
    }
}));

/** The protocol's error codes Langium's document builder answers with (LSP 3.17). */
export const LSPErrorCodes = Object.freeze({
    lspReservedErrorRangeStart: -32899,
    RequestFailed: -32803,
    ServerCancelled: -32802,
    ContentModified: -32801,
    RequestCancelled: -32800,
    lspReservedErrorRangeEnd: -32800
});
