import { startPreview, type VsCodeApi } from './preview-controller.js';
import './preview.css';

/**
 * The preview webview's script: it draws the tree under the editor's cursor (or another tree of the
 * file, the typology table, the funding overview) and reports clicks, exports and scenarios to the
 * extension. Everything is in PreviewController; this entry only starts it.
 */

declare function acquireVsCodeApi(): VsCodeApi;

startPreview(acquireVsCodeApi());
