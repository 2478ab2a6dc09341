import { cleanText } from '../../text/clean-text.js';

/**
 * Turning user text into Mermaid labels, safe by construction: whatever the text, the result is one
 * double-quoted Mermaid string that Mermaid shows as that text and never reads as syntax, HTML, a
 * directive or a markdown string.
 *
 * What Mermaid 12.3 does with a quoted label (checked by parsing and by rendering in Chromium): a raw
 * `"` ends the string; `%%{…}%%` is applied as configuration; a leading backtick starts a markdown
 * string; `<…>` is HTML; `#name;` and `#123;` are entity codes; a backslash before `n` breaks the
 * line. HTML labels decode every entity code. Plain SVG text labels (`htmlLabels: false`) decode only
 * `#amp;`, `#lt;` and `#gt;` and show any other code literally (`&quot;`), so they need a second
 * scheme: there, sequences Mermaid would read are broken with an invisible WORD JOINER (U+2060)
 * instead, and `"` becomes a typographic quote — the only character that has no exact rendering.
 */

export interface LabelOptions {
    /** Characters per line before wrapping at a word boundary; 0 turns wrapping off. */
    wrap?: number;
    /** Longer texts are cut here (in characters) and end with `…`. */
    maxLength?: number;
    /** For rendering with `plainTextConfig()` (SVG `<text>` labels) instead of HTML labels. */
    plainText?: boolean;
}

export const DEFAULT_WRAP = 32;
export const DEFAULT_MAX_LENGTH = 1_000;

/** The line break Mermaid understands in both HTML and plain-text labels. */
export const LINE_BREAK = '<br/>';

const WORD_JOINER = '\u2060';

const htmlEntities: Record<string, string> = {
    '#': '#35;',
    '&': '#38;',
    '"': '#quot;',
    '<': '#lt;',
    '>': '#gt;',
    '`': '#96;',
    '%': '#37;',
    '\\': '#92;',
    // Not needed inside a quoted string today; escaped so that no statement separator or pipe ever
    // stands in a label, whatever a later Mermaid lexer does.
    ';': '#59;',
    '|': '#124;'
};
const htmlSpecial = /[#&"<>`%\\;|]/g;

/** One line of plain text with everything Mermaid would interpret made literal. */
export function escapeLabelLine(line: string, plainText = false): string {
    return plainText ? escapePlain(line) : line.replace(htmlSpecial, c => htmlEntities[c] ?? c);
}

function escapePlain(line: string): string {
    return line.replace(/[&<>"#%`\\]/g, (c, offset: number) => {
        const next = line.charAt(offset + 1);
        switch (c) {
            case '&': return '#amp;';
            case '<': return '#lt;';
            case '>': return '#gt;';
            case '"': return offset === 0 || /[\s([{]/.test(line.charAt(offset - 1)) ? '“' : '”';
            // `#word;` would be read as an entity code, `%%{` as a directive.
            case '#': return /\w/.test(next) ? c + WORD_JOINER : c;
            case '%': return next === '%' ? c + WORD_JOINER : c;
            case '`': return offset === 0 ? WORD_JOINER + c : c;
            default: return /n/i.test(next) ? c + WORD_JOINER : c;
        }
    });
}

/**
 * Splits a line at spaces into lines of at most `width` characters; a word longer than that (a URL)
 * is cut. Lengths count code points, so an emoji is never split in half.
 */
export function wrapWords(line: string, width: number): string[] {
    const words = line.split(' ').filter(w => w.length > 0);
    if (width <= 0) return [words.join(' ')];
    // Without surrogates every code unit is a code point: the preview wraps every label of a
    // document on each keystroke, and most have no emoji.
    const lengthOf = surrogates.test(line) ? (text: string) => Array.from(text).length : (text: string) => text.length;
    const lines: string[] = [];
    let current: string[] = [];
    let length = 0;
    for (const word of words) {
        for (const piece of chunks(word, width)) {
            const pieceLength = lengthOf(piece);
            if (current.length > 0 && length + 1 + pieceLength > width) {
                lines.push(current.join(' '));
                current = [];
                length = 0;
            }
            length += (current.length > 0 ? 1 : 0) + pieceLength;
            current.push(piece);
        }
    }
    if (current.length > 0 || lines.length === 0) lines.push(current.join(' '));
    return lines;
}

const surrogates = /[\uD800-\uDFFF]/;

function chunks(word: string, width: number): string[] {
    // A text has at most as many code points as code units.
    if (word.length <= width) return [word];
    const chars = Array.from(word);
    if (chars.length <= width) return [word];
    const result: string[] = [];
    for (let i = 0; i < chars.length; i += width) result.push(chars.slice(i, i + width).join(''));
    return result;
}

function truncate(text: string, maxLength: number): string {
    if (text.length <= maxLength) return text;
    const chars = Array.from(text);
    return chars.length <= maxLength ? text : chars.slice(0, Math.max(0, maxLength - 1)).join('').trimEnd() + '…';
}

/**
 * The body of a label (without quotes): each paragraph cleaned, cut, wrapped and escaped, the lines
 * joined with `<br/>`. Several paragraphs give a multi-line label (a node's text and its examples).
 */
export function labelBody(paragraphs: string | readonly string[], options: LabelOptions = {}): string {
    const wrap = options.wrap ?? DEFAULT_WRAP;
    const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
    const lines = (typeof paragraphs === 'string' ? [paragraphs] : paragraphs).flatMap(paragraph =>
        truncate(cleanText(paragraph), maxLength)
            .split('\n')
            .flatMap(line => wrapWords(line, wrap))
    ).filter(line => line.length > 0);
    const body = lines.map(line => escapeLabelLine(line, options.plainText)).join(LINE_BREAK);
    // Mermaid rejects `""`; a no-break space keeps an empty text a (visibly empty) label.
    return body.length > 0 ? body : '\u00A0';
}

/** A complete, double-quoted Mermaid label for any text. */
export function mermaidLabel(paragraphs: string | readonly string[], options: LabelOptions = {}): string {
    return `"${labelBody(paragraphs, options)}"`;
}

/**
 * Text for `accTitle:` and `accDescr:` (the SVG's `<title>` and `<desc>`, what a screen reader
 * says for a drawn diagram on its own). Mermaid takes the rest of the line as it is, runs it through
 * DOMPurify and sets the result as text, so a `<` would start a tag that is dropped and a `&` would
 * be shown as `&amp;`; and the whole diagram text is searched for `%%{…}%%` directives and `#…;`
 * entity codes before it is parsed. So: one line, cut at `maxLength`, with `<`, `>` and `&` as
 * look-alikes (‹ › ＆) and `%%` and `#word;` broken by an invisible WORD JOINER.
 */
export function accessibleText(text: string, maxLength = 300): string {
    const line = truncate(cleanText(text).replace(/\s+/g, ' ').trim(), maxLength);
    return line
        .replace(/[<>&]/g, c => (c === '<' ? '\u2039' : c === '>' ? '\u203A' : '\uFF06'))
        .replace(/%(?=%)/g, '%' + WORD_JOINER)
        .replace(/#(?=\w)/g, '#' + WORD_JOINER);
}
