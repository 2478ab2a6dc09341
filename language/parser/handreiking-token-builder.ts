import type { CustomPatternMatcherReturn, TokenPattern, TokenType } from 'chevrotain';
import { DefaultTokenBuilder, GrammarUtils, type GrammarAST } from 'langium';
import { CommentMatcher, ML_COMMENT_SOURCE, STRING_SOURCE, StringMatcher } from './linear-terminals.js';

/**
 * The division and multiplication signs of a calculation must not take the characters of a comment:
 * keyword tokens come before the comment terminals, and Chevrotain's longer alternative does not
 * reach the hidden comment tokens. So `/` is no keyword before `/` or `*`, and `*` none after `/`:
 * `//` and `/*` stay comments, and an unclosed `/*` is one unexpected character sequence, as before
 * there were calculations.
 */
export class OperatorTokenBuilder extends DefaultTokenBuilder {
    protected override buildKeywordPattern(keyword: GrammarAST.Keyword, caseInsensitive: boolean): TokenPattern {
        if (keyword.value === '/') return { exec: divisionSign };
        if (keyword.value === '*') return { exec: multiplicationSign };
        return super.buildKeywordPattern(keyword, caseInsensitive);
    }

    protected override buildKeywordToken(keyword: GrammarAST.Keyword, terminalTokens: TokenType[], caseInsensitive: boolean): TokenType {
        const token = super.buildKeywordToken(keyword, terminalTokens, caseInsensitive);
        return keyword.value === '/' || keyword.value === '*' ? { ...token, START_CHARS_HINT: [keyword.value], LINE_BREAKS: false } : token;
    }
}

function divisionSign(text: string, offset: number): CustomPatternMatcherReturn | null {
    if (text.charCodeAt(offset) !== 0x2f) return null;
    const next = text.charCodeAt(offset + 1);
    return next === 0x2f || next === 0x2a ? null : ['/'];
}

function multiplicationSign(text: string, offset: number): CustomPatternMatcherReturn | null {
    return text.charCodeAt(offset) === 0x2a && text.charCodeAt(offset - 1) !== 0x2f ? ['*'] : null;
}

/**
 * Langium's token builder, with the STRING and ML_COMMENT terminals of the grammar read by matchers
 * that take linear time on any text (see linear-terminals.ts). The grammar keeps the regular
 * expressions: they document the tokens and give the TextMate grammar its patterns.
 */
export class HandreikingTokenBuilder extends OperatorTokenBuilder {
    readonly strings = new StringMatcher();
    readonly comments = new CommentMatcher();

    /** Called before each text is lexed: what the matchers remember is about one text. */
    reset(): void {
        this.strings.reset();
        this.comments.reset();
    }

    protected override buildTerminalToken(terminal: GrammarAST.TerminalRule): TokenType {
        const token = super.buildTerminalToken(terminal);
        if (terminal.name === 'STRING') return this.replace(token, terminal, STRING_SOURCE, this.strings.exec, '"');
        if (terminal.name === 'ML_COMMENT') return this.replace(token, terminal, ML_COMMENT_SOURCE, this.comments.exec, '/');
        return token;
    }

    private replace(token: TokenType, terminal: GrammarAST.TerminalRule, source: string, exec: StringMatcher['exec'], start: string): TokenType {
        const regex = GrammarUtils.terminalRegex(terminal);
        // A changed terminal in the grammar would otherwise be silently ignored.
        if (regex.source !== source || regex.flags !== '') {
            throw new Error(`The grammar's ${terminal.name} is ${regex.toString()}; language/parser/linear-terminals.ts reads /${source}/. Change both.`);
        }
        return { ...token, PATTERN: { exec }, LINE_BREAKS: true, START_CHARS_HINT: [start] };
    }
}
