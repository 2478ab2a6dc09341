import type { IParserErrorMessageProvider, IToken, TokenType } from 'chevrotain';
import type { ILexerErrorMessageProvider } from 'chevrotain';
import { message } from '../i18n/messages.js';
import type { LocaleSetting } from '../i18n/locale.js';

/**
 * Chevrotain's syntax errors ("Expecting token of type 'ID' but found `}`") speak of token types,
 * not of what an editor writes. These providers say it in the editor's words and language.
 */
export class HandreikingParserErrorMessageProvider implements IParserErrorMessageProvider {
    constructor(private readonly locale: LocaleSetting) {}

    buildMismatchTokenMessage(options: { expected: TokenType; actual: IToken; previous?: IToken }): string {
        const decimal = this.decimalPoint(options.actual, options.previous);
        if (decimal) return decimal;
        // "Expected end of file" means: between elements, something that starts none.
        if (options.expected.name === 'EOF') {
            return message(this.locale.lang, 'syntaxEndOfFile', { gevonden: this.found(options.actual) });
        }
        return message(this.locale.lang, 'syntaxExpected', { verwacht: this.describe(options.expected), gevonden: this.found(options.actual) });
    }

    buildNotAllInputParsedMessage(options: { firstRedundant: IToken }): string {
        return message(this.locale.lang, 'syntaxEndOfFile', { gevonden: this.found(options.firstRedundant) });
    }

    buildNoViableAltMessage(options: { expectedPathsPerAlt: TokenType[][][]; actual: IToken[]; previous?: IToken }): string {
        const decimal = this.decimalPoint(options.actual[0], options.previous);
        if (decimal) return decimal;
        const firsts = options.expectedPathsPerAlt.flatMap(alt => alt.map(path => path[0])).filter(t => !!t);
        // `bedrag + als …`: an `als` takes the rest of the expression, so inside one it needs parentheses.
        if (options.actual[0]?.tokenType?.name === 'als' && firsts.some(t => t.name === 'GETAL')) return message(this.locale.lang, 'syntaxAlsInExpression');
        return this.oneOf(firsts, options.actual[0]);
    }

    buildEarlyExitMessage(options: { expectedIterationPaths: TokenType[][]; actual: IToken[]; previous?: IToken }): string {
        const decimal = this.decimalPoint(options.actual[0], options.previous);
        if (decimal) return decimal;
        const firsts = options.expectedIterationPaths.map(path => path[0]).filter(t => !!t);
        const names = unique(firsts.map(t => this.describe(t)));
        return message(this.locale.lang, 'syntaxAtLeastOne', { verwacht: names.join(' / '), gevonden: this.found(options.actual[0]) });
    }

    /** `1.5`: the number is read up to the point; a Dutch decimal is written with a comma. */
    private decimalPoint(actual: IToken | undefined, previous: IToken | undefined): string | undefined {
        if (actual?.image !== '.' || previous?.tokenType?.name !== 'GETAL') return undefined;
        return message(this.locale.lang, 'syntaxDecimalPoint');
    }

    private oneOf(types: TokenType[], actual: IToken | undefined): string {
        const names = unique(types.map(t => this.describe(t)));
        if (names.length === 1) {
            return message(this.locale.lang, 'syntaxExpected', { verwacht: names[0], gevonden: this.found(actual) });
        }
        return message(this.locale.lang, 'syntaxExpectedOneOf', { verwacht: names.join(', '), gevonden: this.found(actual) });
    }

    private describe(type: TokenType): string {
        const lang = this.locale.lang;
        switch (type.name) {
            case 'ID': return message(lang, 'tokenName');
            case 'STRING': return message(lang, 'tokenString');
            case 'DATUM': return message(lang, 'tokenDate');
            case 'GETAL': return message(lang, 'tokenNumber');
            case 'EOF': return message(lang, 'endOfFile');
            default: return message(lang, 'tokenKeyword', { woord: type.name.replace(/:KW$/, '') });
        }
    }

    private found(token: IToken | undefined): string {
        if (!token || token.tokenType?.name === 'EOF' || token.image === undefined || token.image === '') {
            return message(this.locale.lang, 'endOfFile');
        }
        return `‘${shorten(token.image)}’`;
    }
}

export class HandreikingLexerErrorMessageProvider implements ILexerErrorMessageProvider {
    constructor(private readonly locale: LocaleSetting) {}

    buildUnexpectedCharactersMessage(fullText: string, startOffset: number, length: number): string {
        const text = fullText.substring(startOffset, startOffset + Math.min(length, 20));
        const shown = [...text].map(c => /[\p{C}\s]/u.test(c) ? `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : c).join('');
        return message(this.locale.lang, 'syntaxUnexpectedCharacter', { teken: `‘${shown}’` });
    }

    buildUnableToPopLexerModeMessage(token: IToken): string {
        return message(this.locale.lang, 'syntaxUnexpectedCharacter', { teken: `‘${shorten(token.image)}’` });
    }
}

function unique(values: string[]): string[] {
    return [...new Set(values)];
}

function shorten(text: string): string {
    const oneLine = text.replace(/\s+/g, ' ');
    return oneLine.length > 30 ? oneLine.substring(0, 29) + '…' : oneLine;
}
