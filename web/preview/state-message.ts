/**
 * The preview frame is sandboxed (an origin of its own, web/src/layout.ts), so it has no storage of
 * its own: the adapter sends each state it is given to the page, which keeps it in its session
 * storage and hands it back in the frame's address (after `#`) when the frame is loaded again.
 */
export const STATE_MESSAGE = 'handreiking-webview-state';

export interface StateMessage {
    type: typeof STATE_MESSAGE;
    state: unknown;
}

export function isStateMessage(message: unknown): message is StateMessage {
    return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === STATE_MESSAGE;
}

/** The frame's address with a state in it. */
export function frameAddress(page: string, state: unknown): string {
    return state === undefined ? page : `${page}#${encodeURIComponent(JSON.stringify(state))}`;
}

/** The state in the frame's address, or undefined when it has none or it is not JSON. */
export function stateFromAddress(hash: string): unknown {
    if (hash.length <= 1) return undefined;
    try {
        return JSON.parse(decodeURIComponent(hash.slice(1))) as unknown;
    } catch {
        return undefined;
    }
}
