import type { ILexingError, IToken } from 'chevrotain';
import { DefaultLexer, type LexerResult, type TokenizeOptions } from 'langium';
import type { HandreikingCoreServices } from '../handreiking-core-module.js';
import { message } from '../i18n/messages.js';
import type { LocaleSetting } from '../i18n/locale.js';
import { HandreikingTokenBuilder } from './handreiking-token-builder.js';

/** How deep parentheses in a funding condition or a calculation may be nested. */
export const MAX_PARENTHESES_DEPTH = 50;
/** How many `en` and `of` one funding condition may have. */
export const MAX_CONDITION_OPERATORS = 100;
/** How many operators (`+ - * /`, comparisons, `en`, `of`, `als`) one rule of a calculation may have. */
export const MAX_CALCULATION_OPERATORS = 100;

/** The tokens a condition is written with; any other token ends it. */
const conditionTokens = new Set(['ID', 'STRING', '=', '!=', '>=', '<=', 'en', 'of', '(', ')']);

/** The operators counted in a rule of a calculation: each makes its tree (or the parser's recursion) deeper. */
const calculationOperators = new Set(['+', '-', '*', '/', '<', '<=', '>', '>=', '=', '!=', 'en', 'of', 'als']);

/** The tokens a calculation's expression is written with: skipped while the rest of a too-long rule is left out. */
const expressionTokens = new Set([
    'ID', 'GETAL', '(', ')', ',', 'euro', 'm2', 'per', 'dan', 'anders', 'minimum', 'maximum', 'afronden', ...calculationOperators
]);

/** Keywords that start a rule of a calculation, or a part of an element that is no rule: each ends the rule before it. */
const ruleBoundaries = new Set([
    'kenmerk', 'typologie', 'beslisboom', 'financiering', 'berekening', 'partij', 'hoofdstuk', 'scenario',
    'invoer', 'niet', 'uitkomst', 'toelichting', 'herkomst', 'verwacht', '{', '}'
]);

/** Tokens after which a name is an operand: `als x = 1` compares; after anything else `x = …` starts a value. */
const expectsOperand = new Set(['als', 'dan', 'anders', 'waar', '(', ',', ...calculationOperators]);

/**
 * Limits on conditions and calculations, so that no input can make the parser or the tools overflow
 * the stack:
 * - The parser reads nested parentheses recursively; a couple of hundred levels exhaust the stack,
 *   and after such an overflow Langium's parser keeps stale state, so that the next document it
 *   parses is built wrong too.
 * - A chain of `en`/`of`, of `+`, or of `als … anders als …` becomes a tree as deep as the chain is
 *   long, and Langium and the editor features walk that tree recursively (thousands of terms
 *   overflow the stack; formatting and the outline take time quadratic in the depth).
 * So the lexer passes on at most MAX_PARENTHESES_DEPTH levels of parentheses (deeper ones, and
 * those closing them, are left out), at most MAX_CONDITION_OPERATORS operators per funding condition
 * and at most MAX_CALCULATION_OPERATORS per rule of a calculation (the rest of that condition or rule
 * is left out). Each limit, when hit, is reported once as a syntax error (HRK000) where the text is
 * no longer read.
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
        // Where the operators are counted: a funding condition (after `waar`), a rule of a calculation, or neither.
        let mode: 'condition' | 'calculation' | undefined;
        let skipping = false;
        let tooDeep: IToken | undefined;
        let tooLong: IToken | undefined;
        let tooLongRule: IToken | undefined;
        const kept: IToken[] = [];
        const tokens = result.tokens;
        for (let i = 0; i < tokens.length; i++) {
            const token = tokens[i];
            const name = token.tokenType.name;
            const startsValue = name === 'ID' && tokens[i + 1]?.tokenType.name === '=' && !expectsOperand.has(tokens[i - 1]?.tokenType.name ?? '');
            if (skipping && !startsValue && (mode === 'condition' ? conditionTokens : expressionTokens).has(name)) continue;
            skipping = false;
            if (name === 'waar' || name === 'niet' || name === 'uitkomst' || startsValue) {
                mode = name === 'waar' ? 'condition' : 'calculation';
                depth = 0;
                operators = 0;
            } else if (ruleBoundaries.has(name)) {
                mode = undefined;
            }
            if (mode === 'condition' && (name === 'en' || name === 'of') && ++operators > MAX_CONDITION_OPERATORS) {
                tooLong ??= token;
                skipping = true;
                continue;
            }
            if (mode === 'calculation' && calculationOperators.has(name) && ++operators > MAX_CALCULATION_OPERATORS) {
                tooLongRule ??= token;
                skipping = true;
                continue;
            }
            if (name === '(' && ++depth > MAX_PARENTHESES_DEPTH) {
                tooDeep ??= token;
                continue;
            } else if (name === ')' && depth > 0 && depth-- > MAX_PARENTHESES_DEPTH) {
                continue;
            }
            kept.push(token);
        }
        if (!tooDeep && !tooLong && !tooLongRule) return result;
        const lang = this.locale.lang;
        const errorAt = (token: IToken, text: string): ILexingError =>
            ({ offset: token.startOffset, line: token.startLine, column: token.startColumn, length: token.image.length, message: text });
        const errors = [...result.errors];
        if (tooDeep) errors.push(errorAt(tooDeep, message(lang, 'syntaxTooDeep', { max: MAX_PARENTHESES_DEPTH })));
        if (tooLong) errors.push(errorAt(tooLong, message(lang, 'syntaxTooLong', { max: MAX_CONDITION_OPERATORS })));
        if (tooLongRule) errors.push(errorAt(tooLongRule, message(lang, 'syntaxRuleTooLong', { max: MAX_CALCULATION_OPERATORS })));
        return { ...result, tokens: kept, errors };
    }
}
