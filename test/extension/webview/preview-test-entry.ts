import mermaid from 'mermaid';
import type { MermaidApi } from '../../../language/browser/mermaid-render.js';
import { startPreview, type VsCodeApi } from '../../../extension/webview/preview-controller.js';
import type { PreviewStats } from '../../../extension/webview/preview-stats.js';
import '../../../extension/webview/preview.css';

/**
 * The preview as the tests run it: the product's controller, bundled from this entry instead of
 * extension/webview/preview.ts (preview-page.ts), with two things for the tests only:
 * - `window.__previewStats`: the controller's counts, to wait for a draw and count renders;
 * - `window.__mermaidText`: when a test sets it, the text Mermaid gets is passed through it first,
 *   to make Mermaid draw something else than the diagram promises.
 */

declare function acquireVsCodeApi(): VsCodeApi;

declare global {
    interface Window {
        __previewStats?: PreviewStats;
        __mermaidText?: (text: string) => string;
    }
}

const testMermaid: MermaidApi = {
    initialize: config => mermaid.initialize(config),
    render: (id, text, container) => mermaid.render(id, window.__mermaidText ? window.__mermaidText(text) : text, container)
};

window.__previewStats = startPreview(acquireVsCodeApi(), testMermaid).stats;
