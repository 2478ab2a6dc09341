/**
 * VS Code's webview API for the preview in the browser edition: the extension's preview script
 * (extension/webview/preview.ts, unchanged) calls `acquireVsCodeApi()`; here it gets this adapter,
 * which posts to the page around the frame (web/src/preview-host.ts) instead of to the extension,
 * and has the page keep the webview's state (state-message.ts), as VS Code keeps it while a panel is
 * hidden. This script runs before the preview's.
 */
import { STATE_MESSAGE, stateFromAddress, type StateMessage } from './state-message.js';

// The state the page kept for this frame (it has no storage of its own: it is sandboxed).
let state = stateFromAddress(location.hash);

const api = {
    postMessage(message: unknown): void {
        window.parent.postMessage(message, '*');
    },
    getState(): unknown {
        return state;
    },
    setState(value: unknown): void {
        state = value;
        window.parent.postMessage({ type: STATE_MESSAGE, state: value } satisfies StateMessage, '*');
    }
};

// Messages from anyone but the page around the frame never reach the preview: it trusts what it is sent.
window.addEventListener('message', event => {
    if (event.source !== window.parent) event.stopImmediatePropagation();
}, true);

let acquired = false;
(globalThis as { acquireVsCodeApi?: () => typeof api }).acquireVsCodeApi = () => {
    if (acquired) throw new Error('acquireVsCodeApi can be called only once');
    acquired = true;
    return api;
};
