/**
 * Text for a terminal or a CI log. Messages quote text from `.hrk` files and name files and folders,
 * and all of that was written by someone else. Raw, it could set the terminal's title or erase
 * lines (ESC, OSC, BEL, C1), make a line read backwards (bidi overrides), or start a line of its own
 * that a CI system obeys (`::error file=…::`, a fake summary). Every line the CLI prints in text
 * form goes through `terminalLine`; `--format json` goes through `terminalJson`.
 */

/**
 * C0 controls (line breaks and tab included), DEL, C1 controls, the Unicode line and paragraph
 * separators, and the bidi marks, embeddings, overrides and isolates.
 */
const unsafe = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

/** The same without C0: a JSON document's own line breaks are layout, and JSON escapes C0 in strings. */
const unsafeInJson = /[\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

/**
 * GitHub Actions obeys `##[command]` anywhere in a line (its older syntax), Azure Pipelines
 * `##vso[command]`; the second `#` is escaped so that neither starts.
 */
const ciCommandAnywhere = /(?<=#)#(?=(?:vso)?\[)/gi;

/** GitHub Actions obeys `::command::` at the start of a line, after any white space. */
const ciCommandAtStart = /^(\s*):/;

const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeCharacter(c: string): string {
    const code = c.charCodeAt(0);
    return named[c] ?? (code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
}

/**
 * One line as the CLI prints it: every unsafe character becomes a visible escape (`\n`, `\x1b`,
 * `\u202e`), and what a CI system would read as a command is broken with an escape (`#\x23[`, a
 * leading `\x3a:`). Anything else, backslashes included, is shown as written.
 */
export function terminalLine(text: string): string {
    return text
        .replace(unsafe, escapeCharacter)
        .replace(ciCommandAnywhere, '\\x23')
        .replace(ciCommandAtStart, '$1\\x3a');
}

/**
 * A JSON document for the terminal or a log, meaning exactly the same to a JSON reader:
 * `JSON.stringify` already escapes C0 controls; DEL, C1, the separators and bidi controls, and the
 * `#` of a CI command, become `\u` escapes too (only strings hold them).
 */
export function terminalJson(json: string): string {
    return json
        .replace(unsafeInJson, c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
        .replace(ciCommandAnywhere, '\\u0023');
}
