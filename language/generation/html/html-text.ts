import { cleanText } from '../../text/clean-text.js';
import { escapeHtml } from '../../text/html-escape.js';

/**
 * Writing the guide's static HTML. Every text from a `.hrk` file goes through `htmlText()`
 * (text/html-escape.ts) or, for a toelichting, `paragraphs()`; nothing is ever written raw.
 */

/** A `/** … *\/` comment or `toelichting`: blank lines separate paragraphs; single line breaks are wrapping. */
export function paragraphs(value: string | undefined, className: string): string {
    if (!value) return '';
    return cleanText(value).split(/\n\s*\n/).map(p => p.trim()).filter(p => p.length > 0)
        .map(p => `<p class="${className}">${escapeHtml(p)}</p>`).join('\n');
}

/** Only absolute http(s) URLs become links; anything else (`javascript:`, relative paths) stays text. */
export function safeHttpUrl(value: string): string | undefined {
    const trimmed = value.trim();
    if (!/^https?:\/\//i.test(trimmed)) return undefined;
    try {
        const url = new URL(trimmed);
        return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
    } catch {
        return undefined;
    }
}

/**
 * JSON for a `<script type="application/json">` block: `<`, `>` and `&` as `\u003c` … so no text
 * (`</script>`, `<!--`) can end or change the block; U+2028/U+2029 (older parsers) and bidi controls
 * (so the file's source reads as it is) escaped too.
 */
export function embedJson(value: unknown): string {
    return JSON.stringify(value).replace(/[<>&\u2028\u2029\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g,
        c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A script's text as it may stand between `<script>` and `</script>`. The HTML parser would end the
 * element at `</script`, and after `<!--` … `<script` it would not end it at our closing tag; line
 * breaks are normalised by the parser, so the text is normalised first (the CSP hash must match
 * what the browser sees). Bundles are checked, never rewritten: rewriting minified code is unsafe.
 */
export function inlineScript(source: string, name: string): string {
    const normalised = source.replace(/\r\n?/g, '\n');
    const lower = normalised.toLowerCase();
    if (lower.includes('</script')) throw new Error(`Het script ${name} bevat "</script" en kan niet in de pagina worden opgenomen.`);
    if (lower.includes('<!--') && lower.includes('<script')) {
        throw new Error(`Het script ${name} bevat "<!--" en "<script" en kan niet veilig in de pagina worden opgenomen.`);
    }
    if (normalised.includes('\u0000')) throw new Error(`Het script ${name} bevat een NUL-teken en kan niet in de pagina worden opgenomen.`);
    return normalised;
}
