import type { Lang } from '../../language/i18n/locale.js';
import { escapeHtml } from '../../language/text/html-escape.js';

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
    // The nonce and the CSP source go into the policy itself: a `;` or `,` there would add
    // directives or policies, and anything but base64 in the nonce would end the nonce source.
    if (!/^[A-Za-z0-9+/=_-]+$/.test(options.nonce)) throw new Error('previewHtml: the nonce must be base64 or alphanumeric');
    if (/[;,\r\n]/.test(options.cspSource)) throw new Error('previewHtml: invalid cspSource');
    const lang = options.lang === 'en' ? 'en' : 'nl';
    const source = options.cspSource;
    const csp = [
        "default-src 'none'",
        `script-src 'nonce-${options.nonce}' ${source}`,
        `style-src ${source} 'unsafe-inline'`,
        `img-src ${source} data:`,
        `font-src ${source}`
    ].join('; ') + ';';
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

