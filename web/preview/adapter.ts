/**
 * VS Code's webview API for the preview in the browser edition: the extension's preview script
 * (extension/webview/preview.ts, unchanged) calls `acquireVsCodeApi()`; here it gets this adapter,
 * which posts to the page around the frame (web/src/preview-host.ts) instead of to the extension,
 * and keeps the webview's state in the frame's session storage, as VS Code keeps it while a panel
 * is hidden. This script runs before the preview's.
 */

const STATE_KEY = 'handreiking-preview-state';

function readState(): unknown {
    try {
        const text = sessionStorage.getItem(STATE_KEY);
        return text ? JSON.parse(text) as unknown : undefined;
    } catch {
        return undefined;
    }
}

let state = readState();

const api = {
    postMessage(message: unknown): void {
        window.parent.postMessage(message, '*');
    },
    getState(): unknown {
        return state;
    },
    setState(value: unknown): void {
        state = value;
        try {
            sessionStorage.setItem(STATE_KEY, JSON.stringify(value));
        } catch {
            // Storage may be unavailable (a locked-down browser): the state then lives as long as the frame.
        }
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
