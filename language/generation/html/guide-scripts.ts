/**
 * The scripts the HTML guide carries inline. Each host finds them in its own place
 * (guide-assets.ts from node_modules and out/; the language server beside its bundle).
 */
export interface GuideScripts {
    /** `mermaid.min.js` (it sets `window.mermaid`). */
    mermaidJs: string;
    /** The bundled browser app (`out/browser/guide-app.js`). */
    appJs: string;
}
