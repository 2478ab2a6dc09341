import type { ILexingError, IToken } from 'chevrotain';
import { DefaultLexer, type LexerResult, type TokenizeOptions } from 'langium';
import type { HandreikingCoreServices } from '../handreiking-core-module.js';
import { message } from '../i18n/messages.js';
import type { LocaleSetting } from '../i18n/locale.js';
import { HandreikingTokenBuilder } from './handreiking-token-builder.js';

/** How deep parentheses in a funding condition may be nested. */
export const MAX_PARENTHESES_DEPTH = 50;
/** How many `en` and `of` one funding condition may have. */
export const MAX_CONDITION_OPERATORS = 100;

/** The tokens a condition is written with; any other token ends it. */
const conditionTokens = new Set(['ID', 'STRING', '=', '!=', '>=', '<=', 'en', 'of', '(', ')']);

/**
 * Limits on conditions, so that no input can make the parser or the tools overflow the stack:
 * - The parser reads nested parentheses recursively; a couple of hundred levels exhaust the stack,
 *   and after such an overflow Langium's parser keeps stale state, so that the next document it
 *   parses is built wrong too.
 * - A chain of `en`/`of` becomes a tree as deep as the chain is long, and Langium and the editor
 *   features walk that tree recursively (thousands of terms overflow the stack; formatting and the
 *   outline take time quadratic in the depth).
 * So the lexer passes on at most MAX_PARENTHESES_DEPTH levels of parentheses (deeper ones, and
 * those closing them, are left out) and at most MAX_CONDITION_OPERATORS operators per condition
 * (the rest of that condition is left out). Each limit, when hit, is reported once as a syntax
 * error (HRK000) where the text is no longer read.
 */
export class HandreikingLexer extends DefaultLexer {
    private readonly locale: LocaleSetting;

    constructor(services: HandreikingCoreServices) {
        super(services);
        this.locale = services.i18n.Locale;
    }

    override tokenize(text: string, options?: TokenizeOptions): LexerResult {
        if (this.tokenBuilder instanceof HandreikingTokenBuilder) this.tokenBuilder.reset();
        const result = super.tokenize(text, options);
        let depth = 0;
        let operators = 0;
        let skipping = false;
        let tooDeep: IToken | undefined;
        let tooLong: IToken | undefined;
        const kept: IToken[] = [];
        for (const token of result.tokens) {
            const name = token.tokenType.name;
            if (skipping && conditionTokens.has(name)) continue;
            skipping = false;
            if (name === 'waar') {
                depth = 0;
                operators = 0;
            } else if ((name === 'en' || name === 'of') && ++operators > MAX_CONDITION_OPERATORS) {
                tooLong ??= token;
                skipping = true;
                continue;
            } else if (name === '(' && ++depth > MAX_PARENTHESES_DEPTH) {
                tooDeep ??= token;
                continue;
            } else if (name === ')' && depth > 0 && depth-- > MAX_PARENTHESES_DEPTH) {
                continue;
            }
            kept.push(token);
        }
        if (!tooDeep && !tooLong) return result;
        const lang = this.locale.lang;
        const errorAt = (token: IToken, text: string): ILexingError =>
            ({ offset: token.startOffset, line: token.startLine, column: token.startColumn, length: token.image.length, message: text });
        const errors = [...result.errors];
        if (tooDeep) errors.push(errorAt(tooDeep, message(lang, 'syntaxTooDeep', { max: MAX_PARENTHESES_DEPTH })));
        if (tooLong) errors.push(errorAt(tooLong, message(lang, 'syntaxTooLong', { max: MAX_CONDITION_OPERATORS })));
        return { ...result, tokens: kept, errors };
    }
}
