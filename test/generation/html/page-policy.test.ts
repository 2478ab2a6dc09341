import { describe, expect, test } from 'vitest';
import { contentSecurityPolicy, nonceSource } from '../../../language/generation/html/page-policy.js';
import { guideCsp } from '../../../language/generation/html/html-guide.js';
import { previewHtml } from '../../../extension/webview/preview-html.js';

/** The one builder behind the CSP of the HTML guide and of the preview webview. */

const base = { scripts: ["'sha256-abc='"], styles: ["'unsafe-inline'"], images: ['data:'], fonts: ['data:'] };

describe('contentSecurityPolicy', () => {
    test('allows nothing the page does not name, and no fetching at all', () => {
        const csp = contentSecurityPolicy(base);
        expect(csp).toBe("default-src 'none'; script-src 'sha256-abc='; style-src 'unsafe-inline'; img-src data:; font-src data:");
        expect(contentSecurityPolicy({ ...base, noBaseOrForms: true })).toBe(`${csp}; base-uri 'none'; form-action 'none'`);
        expect(csp).not.toContain('connect-src');
    });

    test('refuses a source that would add a directive or a second policy, or an empty list', () => {
        for (const bad of ["'self'; script-src *", "'self', script-src *", "'self'\nscript-src *"]) {
            expect(() => contentSecurityPolicy({ ...base, images: [bad] }), bad).toThrow(/img-src: not a CSP source/);
        }
        expect(() => contentSecurityPolicy({ ...base, fonts: [] })).toThrow(/font-src: not a CSP source/);
        expect(() => contentSecurityPolicy({ ...base, fonts: ['  '] })).toThrow(/font-src: not a CSP source/);
    });

    test('nonceSource takes base64 only', () => {
        expect(nonceSource('abcDEF123+/=')).toBe("'nonce-abcDEF123+/='");
        expect(() => nonceSource("x' 'unsafe-inline")).toThrow(/not a nonce/);
        expect(() => nonceSource('')).toThrow(/not a nonce/);
    });

    test('both pages take their policy from it', () => {
        expect(guideCsp(['a', 'b'])).toBe(contentSecurityPolicy({
            scripts: guideCsp(['a', 'b']).split('; ')[1].split(' ').slice(1), styles: ["'unsafe-inline'"], images: ['data:'], fonts: ['data:'], noBaseOrForms: true
        }));
        const html = previewHtml({ cspSource: "'self'", nonce: 'n0nce', scriptUri: 'p.js', styleUri: 'p.css', lang: 'nl' });
        const csp = /content="([^"]*)"/.exec(html)![1].replace(/&#39;/g, "'");
        expect(csp).toBe(contentSecurityPolicy({ scripts: ["'nonce-n0nce'", "'self'"], styles: ["'self'", "'unsafe-inline'"], images: ["'self'", 'data:'], fonts: ["'self'"] }));
    });
});
