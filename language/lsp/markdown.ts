import { cleanText } from '../text/clean-text.js';

/** Every ASCII punctuation character: CommonMark lets each of them be escaped with a backslash. */
const ASCII_PUNCTUATION = /[\u0021-\u002F\u003A-\u0040\u005B-\u0060\u007B-\u007E]/g;

/**
 * Markdown that shows `text` from a `.hrk` file as the text it is, in a hover or any other
 * MarkupContent: with `plainLine`, the one way user text goes into Markdown. Every ASCII
 * punctuation character is escaped with a backslash, so no part of the text can become an image,
 * a link (nor an autolink: the `:` of `https://`, the `.` of `www.` and the `@` of an address are
 * escaped too), HTML, an entity, emphasis, code, a heading, a list or a table. As everywhere the
 * guide shows text (cleanText), bidi and control characters are removed. Each line loses its
 * indentation (an indented line would be a code block, which shows the backslashes); a blank line
 * starts a new paragraph, other line breaks wrap like the rest of the hover.
 *
 * The Markdown export has its own escaper (generation/tables/typology-table.ts `escapeMarkdown`):
 * a file published on GitHub meets cmark-gfm, whose e-mail autolinks a backslash does not stop, so
 * it breaks them with empty HTML comments, which a hover (rendered without HTML) would show as text.
 */
export function plainText(text: string): string {
    return cleanText(text)
        .split('\n')
        .map(line => escapeLine(line.trim()))
        .join('\n')
        .replace(/\n{3,}/g, '\n\n')
        .trim();
}

/** As `plainText`, on one line (a table cell, a quoted answer): every run of whitespace is one space. */
export function plainLine(text: string): string {
    return escapeLine(oneLine(cleanText(text)));
}

function escapeLine(line: string): string {
    return line.replace(ASCII_PUNCTUATION, c => `\\${c}`);
}

/** A text for one line of UI: whitespace runs (also newlines in long texts) become one space. */
export function oneLine(text: string): string {
    return text.replace(/\s+/g, ' ').trim();
}

/** The start of a text, cut at a word boundary with an ellipsis when it is longer than `max`. */
export function shorten(text: string, max: number): string {
    const line = oneLine(text);
    if (line.length <= max) return line;
    const cut = line.slice(0, max);
    const space = cut.lastIndexOf(' ');
    return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, '')}…`;
}
