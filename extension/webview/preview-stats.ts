import type { RenderCounters } from '../../language/browser/mermaid-render.js';

/**
 * What the preview counts about its drawing. The product keeps the counts to itself; only the test
 * build (test/extension/webview/preview-test-entry.ts) hands them to the tests, which import this
 * type to read them.
 */
export interface PreviewStats extends RenderCounters {
    /** Draw requests that found the view already showing the same text (no render). */
    skipped: number;
    /** Draw jobs started by the queue (rendered, skipped or taken from the cache). */
    draws: number;
    /** True while a draw runs or is pending or debounced. */
    busy: boolean;
}

export function createStats(): PreviewStats {
    return { renders: 0, active: 0, maxActive: 0, skipped: 0, draws: 0, busy: false };
}
