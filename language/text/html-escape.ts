import { cleanText } from './clean-text.js';

/**
 * The one HTML escaper, for the HTML guide, the typology table and the preview's page. Pure (no
 * Node, no DOM), so the extension host and the generators share it.
 */

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes for element content and double-quoted (or single-quoted) attribute values alike. */
export function escapeHtml(value: string): string {
    return value.replace(/[&<>"']/g, c => entities[c]);
}

/**
 * Text from a `.hrk` file as HTML, for element content and attribute values: cleaned as everywhere
 * the guide shows text (no control characters, which are invalid in HTML, and no bidi overrides),
 * then escaped. Every user text in generated HTML goes through this; nothing is written raw.
 */
export function htmlText(value: string): string {
    return escapeHtml(cleanText(value));
}
