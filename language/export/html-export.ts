import { generateHtmlGuide } from '../generation/html/html-guide.js';
import type { ExportFiles } from './exported-file.js';
import { HTML_FILE } from './file-names.js';
import { drawGuideDiagrams } from './guide-drawings.js';

/**
 * The whole guide as one self-contained, interactive page: with its diagrams drawn at export time
 * when the host has a renderer (the page carries the SVG and no Mermaid), else with Mermaid inside
 * to draw them in the reader's browser. The file says which (`drawing`), and so does the page
 * (`<meta name="hrk-diagrams">`).
 */
export const htmlFiles: ExportFiles<string> = async function* (json, options) {
    if (!options.guideAssets) throw new Error('the HTML guide needs its scripts, and this host has none');
    const assets = await options.guideAssets();
    const { drawing, predrawn } = await drawGuideDiagrams(json, options);
    const content = generateHtmlGuide(json, { ...assets, ...(predrawn ? { predrawn } : {}), ...(options.theme ? { theme: options.theme } : {}) });
    yield { name: HTML_FILE, content, drawing };
};
