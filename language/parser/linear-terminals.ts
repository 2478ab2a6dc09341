import type { CustomPatternMatcherReturn } from 'chevrotain';

/**
 * Strings and block comments, read in time linear in the text whatever it holds.
 *
 * With the grammar's regular expressions, an unclosed `"` or `/*` is searched for its end up to the
 * end of the file; the lexer then skips one character and tries again at the next `"` or `/*`.
 * `"\"\"\"…` (each quote escaped) or `/* /* /* …` made that quadratic: 160 KB took 16 s, 320 KB
 * 96 s, in the CLI and on every keystroke in the editor. These matchers read the same tokens as
 * the grammar's terminals (tests compare them on random text) and remember how far a failed search
 * went, so that no character is searched twice for the same reason.
 */

/** The grammar's terminals these matchers stand in for; the token builder checks they are unchanged. */
export const STRING_SOURCE = '"[^"\\\\]*(?:\\\\.[^"\\\\]*)*"';
export const ML_COMMENT_SOURCE = '\\/\\*[\\s\\S]*?\\*\\/';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const SLASH = 0x2f;
const STAR = 0x2a;

/** The characters a regular expression's `.` does not match (without the `s` flag). */
function isLineTerminator(c: number): boolean {
    return c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029;
}

/**
 * STRING, `"[^"\\]*(?:\\.[^"\\]*)*"`: a quote, then characters other than quote and backslash or a
 * backslash with any character but a line terminator, then a quote.
 *
 * Why remembering one failure is enough: a string opened at `p` that fails has read every quote
 * up to its failure point `f` as an escaped one (`\"`). A string opened at such a quote `q` starts
 * reading at `q + 1`, exactly where the one from `p` went on after `\"`, in the same state; so it
 * fails at `f` too, and need not be read.
 */
export class StringMatcher {
    /** Characters read since the matcher was made: the work done, which tests hold to be linear. */
    steps = 0;
    private text: string | undefined;
    private failedFrom = -1;
    private failedAt = -1;

    /** Forgets the remembered failure (a new text is lexed). */
    reset(): void {
        this.text = undefined;
        this.failedFrom = -1;
        this.failedAt = -1;
    }

    readonly exec = (text: string, offset: number): CustomPatternMatcherReturn | null => {
        if (text.charCodeAt(offset) !== QUOTE) return null;
        if (text === this.text && offset > this.failedFrom && offset < this.failedAt) return null;
        const length = text.length;
        let i = offset + 1;
        while (i < length) {
            this.steps++;
            const c = text.charCodeAt(i);
            if (c === QUOTE) return [text.substring(offset, i + 1)];
            if (c === BACKSLASH) {
                if (i + 1 >= length || isLineTerminator(text.charCodeAt(i + 1))) break;
                i += 2;
            } else {
                i++;
            }
        }
        this.text = text;
        this.failedFrom = offset;
        this.failedAt = Math.min(i, length);
        return null;
    };
}

/**
 * ML_COMMENT, `\/\*[\s\S]*?\*\/`: `/*` up to the first `*` `/` after it. The search for that end
 * is remembered: a later `/*` before the end found (or anywhere, if there was none) has the same
 * end.
 */
export class CommentMatcher {
    /** Characters searched since the matcher was made (see StringMatcher). */
    steps = 0;
    private text: string | undefined;
    private searchedFrom = -1;
    private end = -1;

    reset(): void {
        this.text = undefined;
        this.searchedFrom = -1;
        this.end = -1;
    }

    readonly exec = (text: string, offset: number): CustomPatternMatcherReturn | null => {
        if (text.charCodeAt(offset) !== SLASH || text.charCodeAt(offset + 1) !== STAR) return null;
        const from = offset + 2;
        if (!(text === this.text && from >= this.searchedFrom && (this.end < 0 || this.end >= from))) {
            const end = text.indexOf('*/', from);
            this.steps += (end < 0 ? text.length : end + 2) - from;
            this.text = text;
            this.searchedFrom = from;
            this.end = end;
        }
        return this.end < 0 ? null : [text.substring(offset, this.end + 2)];
    };
}
