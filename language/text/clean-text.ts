/**
 * Text from a `.hrk` file as every output shows it: the diagrams, the HTML guide and its tables,
 * hovers, Markdown. One cleaning everywhere, so a text reads the same in each of them.
 */

// Bidi embeddings, overrides and isolates (and the marks) can make a text read differently from
// what it says ("Trojan source"); they have no place in anything we show.
const bidiControls = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const lineBreaks = /\r\n|[\r\u000B\u000C\u0085\u2028\u2029]/g;
const controls = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/g;
const loneSurrogates = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

// Any character one of the replacements below would touch (surrogates: halves of a pair too, which
// the replacement keeps). Most texts have none: one test instead of five passes (the preview cleans
// every label of a document on each keystroke).
const anyToClean = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2028\u2029\u2066-\u2069\uD800-\uDFFF]/;

/** Removes what cannot be shown or could reorder text; line breaks become `\n`, tabs spaces. */
export function cleanText(text: string): string {
    if (!anyToClean.test(text)) return text;
    return text
        .replace(loneSurrogates, '\uFFFD')
        .replace(lineBreaks, '\n')
        .replace(/\t/g, ' ')
        .replace(controls, '')
        .replace(bidiControls, '');
}
