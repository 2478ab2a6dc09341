import { describe, expect, test } from 'vitest';
import { escapeHtml, htmlText } from '../../language/text/html-escape.js';

describe('the one HTML escaper', () => {
    test('escapes the five characters that can end a text or an attribute value', () => {
        expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
        expect(escapeHtml('gewone tekst, é en 😀')).toBe('gewone tekst, é en 😀');
    });

    test('user text is cleaned first: no control characters or bidi overrides reach the page', () => {
        expect(htmlText('a\u0000b\u202Ec<d')).toBe('abc&lt;d');
        expect(escapeHtml('a\u0000b')).toBe('a\u0000b');
    });
});
