import { generateHtmlGuide } from '../generation/html/html-guide.js';
import type { ExportFiles } from './exported-file.js';
import { HTML_FILE } from './file-names.js';

/** The whole guide as one self-contained, interactive page. */
export const htmlFiles: ExportFiles<string> = async function* (json, options) {
    if (!options.guideAssets) throw new Error('the HTML guide needs its scripts, and this host has none');
    yield { name: HTML_FILE, content: generateHtmlGuide(json, await options.guideAssets()) };
};
