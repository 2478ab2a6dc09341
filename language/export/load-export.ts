import type { ContentOf, ExportFormatName } from './export-formats.js';
import type { ExportFiles } from './exported-file.js';

// Each format's module is imported when the format is used: `check` loads none of them, and no
// format but SVG and PNG loads the image export (whose renderer the host gives).
const loaders: { [F in ExportFormatName]: () => Promise<ExportFiles<ContentOf<F>>> } = {
    json: async () => (await import('./json-export.js')).jsonFiles,
    mermaid: async () => (await import('./mermaid-export.js')).mermaidFiles,
    markdown: async () => (await import('./markdown-export.js')).markdownFiles,
    html: async () => (await import('./html-export.js')).htmlFiles,
    svg: async () => (await import('./image-export.js')).svgFiles,
    png: async () => (await import('./image-export.js')).pngFiles
};

/** The export of `format`: the workspace's JSON in, the format's files out (exported-file.ts). */
export function loadExport<F extends ExportFormatName>(format: F): Promise<ExportFiles<ContentOf<F>>> {
    return loaders[format]();
}
