import { describe, expect, test } from 'vitest';
import { previewHtml } from '../../../extension/webview/preview-html.js';

const options = {
    cspSource: 'https://*.vscode-cdn.net',
    nonce: 'abcDEF123+/=',
    scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/preview.js',
    styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/preview.css',
    lang: 'nl' as const
};

describe('previewHtml', () => {
    test('sets the CSP, the nonce on the one script, the stylesheet and the language', () => {
        const html = previewHtml(options);
        expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; script-src &#39;nonce-abcDEF123+/=&#39; https://*.vscode-cdn.net; style-src https://*.vscode-cdn.net &#39;unsafe-inline&#39;; img-src https://*.vscode-cdn.net data:; font-src https://*.vscode-cdn.net">`);
        expect(html).toContain(`<script nonce="abcDEF123+/=" src="${options.scriptUri}"></script>`);
        expect(html).toContain(`<link rel="stylesheet" href="${options.styleUri}">`);
        expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="nl">/);
        expect(previewHtml({ ...options, lang: 'en' })).toMatch(/<html lang="en">/);
        // One script, loaded by URL: no inline code, no inline handlers.
        expect(html.match(/<script\b/g)).toHaveLength(1);
        expect(html).not.toMatch(/\son[a-z]+=/i);
    });

    test('escapes the attribute values', () => {
        const html = previewHtml({ ...options, scriptUri: 'x.js"><script>alert(1)</script>', styleUri: "a.css' onload='alert(1)" });
        expect(html).toContain('src="x.js&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
        expect(html).toContain('href="a.css&#39; onload=&#39;alert(1)"');
        expect(html.match(/<script\b/g)).toHaveLength(1);
    });

    test('refuses a nonce or CSP source that would change the policy', () => {
        expect(() => previewHtml({ ...options, nonce: "x' 'unsafe-inline" })).toThrow(/nonce/);
        expect(() => previewHtml({ ...options, nonce: '' })).toThrow(/nonce/);
        expect(() => previewHtml({ ...options, cspSource: "https://a; script-src 'unsafe-eval'" })).toThrow(/not a CSP source/);
        expect(() => previewHtml({ ...options, cspSource: 'https://a, script-src *' })).toThrow(/not a CSP source/);
        expect(() => previewHtml({ ...options, cspSource: "'self'" })).not.toThrow();
        // VS Code may name more than one source.
        expect(previewHtml({ ...options, cspSource: "'self' https://*.vscode-cdn.net" })).toContain('font-src &#39;self&#39; https://*.vscode-cdn.net"');
    });
});
