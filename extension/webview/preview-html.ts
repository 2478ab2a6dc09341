import type { Lang } from '../../language/i18n/locale.js';
import { escapeHtml } from '../../language/text/html-escape.js';
import { contentSecurityPolicy, nonceSource } from '../../language/generation/html/page-policy.js';

/**
 * The preview webview's HTML page. Pure (no `vscode` import): the extension host passes its
 * webview's `cspSource`, a fresh nonce and the URIs of the bundled script and stylesheet. The page
 * is an empty shell; the script builds the UI.
 */

export interface PreviewHtmlOptions {
    /** `webview.cspSource`. */
    cspSource: string;
    /** A fresh random nonce for the script tag. */
    nonce: string;
    /** `webview.asWebviewUri(dist/webview/preview.js)`. */
    scriptUri: string;
    /** `webview.asWebviewUri(dist/webview/preview.css)`. */
    styleUri: string;
    lang: Lang;
}

export function previewHtml(options: PreviewHtmlOptions): string {
    // The nonce and the CSP source go into the policy itself: the builder refuses anything that
    // would add directives or policies.
    const source = options.cspSource;
    const csp = contentSecurityPolicy({
        scripts: [nonceSource(options.nonce), source],
        styles: [source, "'unsafe-inline'"],
        images: [source, 'data:'],
        fonts: [source]
    });
    const lang = options.lang === 'en' ? 'en' : 'nl';
    const title = lang === 'en' ? 'Handreiking preview' : 'Handreiking-voorbeeld';
    return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${escapeHtml(options.styleUri)}">
<title>${title}</title>
</head>
<body>
<div id="app"></div>
<script nonce="${escapeHtml(options.nonce)}" src="${escapeHtml(options.scriptUri)}"></script>
</body>
</html>
`;
}

