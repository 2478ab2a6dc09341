import mermaid, { type MermaidConfig } from 'mermaid';
import type { MermaidApi } from '../../../language/browser/mermaid-render.js';
import { startPreview, type VsCodeApi } from '../../../extension/webview/preview-controller.js';
import type { PreviewStats } from '../../../extension/webview/preview-stats.js';
import '../../../extension/webview/preview.css';

/**
 * The preview as the tests run it: the product's controller, bundled from this entry instead of
 * extension/webview/preview.ts (preview-page.ts), with two things for the tests only:
 * - `window.__previewStats`: the controller's counts, to wait for a draw and count renders;
 * - `window.__mermaidText`: when a test sets it, the text Mermaid gets is passed through it first,
 *   to make Mermaid draw something else than the diagram promises;
 * - `window.__mermaid` and `window.__lastRender` (the text and configuration of the last render):
 *   the benchmark times a bare `mermaid.render` of the same text in the same page beside the
 *   preview's redraw (bench/preview-latency.ts).
 */

declare function acquireVsCodeApi(): VsCodeApi;

declare global {
    interface Window {
        __previewStats?: PreviewStats;
        __mermaidText?: (text: string) => string;
        __mermaid?: typeof mermaid;
        __lastRender?: { text: string; config: MermaidConfig | undefined };
    }
}

let lastConfig: MermaidConfig | undefined;
const testMermaid: MermaidApi = {
    initialize: config => {
        lastConfig = config;
        mermaid.initialize(config);
    },
    render: (id, text, container) => {
        window.__lastRender = { text, config: lastConfig };
        return mermaid.render(id, window.__mermaidText ? window.__mermaidText(text) : text, container);
    }
};
window.__mermaid = mermaid;

window.__previewStats = startPreview(acquireVsCodeApi(), testMermaid).stats;
