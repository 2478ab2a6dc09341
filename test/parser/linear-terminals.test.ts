import fc from 'fast-check';
import { EmptyFileSystem, GrammarAST, GrammarUtils } from 'langium';
import { describe, expect, test } from 'vitest';
import type { Gids } from '../../language/generated/ast.js';
import { HandreikingGrammar } from '../../language/generated/grammar.js';
import { createHandreikingServices } from '../../language/handreiking-module.js';
import { HandreikingTokenBuilder, OperatorTokenBuilder } from '../../language/parser/handreiking-token-builder.js';
import { CommentMatcher, StringMatcher } from '../../language/parser/linear-terminals.js';

/**
 * Strings and block comments are read by matchers of our own instead of the grammar's regular
 * expressions, which took time quadratic in the length of an unclosed string or comment. The
 * matchers must read exactly the same tokens, and do work linear in the text.
 */

function grammarRegex(name: string): RegExp {
    const rule = HandreikingGrammar().rules.find(r => r.name === name);
    if (!rule || !GrammarAST.isTerminalRule(rule)) throw new Error(`no terminal ${name}`);
    return new RegExp(GrammarUtils.terminalRegex(rule).source, 'y');
}

function regexAt(regex: RegExp, text: string, offset: number): string | null {
    regex.lastIndex = offset;
    return regex.exec(text)?.[0] ?? null;
}

// Texts made of the characters that matter to strings and comments, and some that do not.
const textArb = fc.string({ unit: fc.constantFrom('"', '\\', '/', '*', 'a', ' ', '\n', '\r', '\u2028', '\u2029', 'é'), maxLength: 40 });

const { Handreiking: services } = createHandreikingServices(EmptyFileSystem);
// The grammar's regular expressions, with the same `/` and `*` as ours (they keep comments whole).
const { Handreiking: regexServices } = createHandreikingServices(EmptyFileSystem, { language: { parser: { TokenBuilder: () => new OperatorTokenBuilder() } } });
const tokenBuilder = services.parser.TokenBuilder as HandreikingTokenBuilder;

describe('the string and comment matchers read what the grammar says', () => {
    test('strings: the same token as the grammar\'s STRING at every offset of any text', () => {
        const regex = grammarRegex('STRING');
        fc.assert(fc.property(textArb, text => {
            const matcher = new StringMatcher();
            // In order, as the lexer asks, and then again out of order with what it remembered.
            for (let offset = 0; offset <= text.length; offset++) expect(matcher.exec(text, offset)?.[0] ?? null).toBe(regexAt(regex, text, offset));
            for (let offset = text.length; offset >= 0; offset--) expect(matcher.exec(text, offset)?.[0] ?? null).toBe(regexAt(regex, text, offset));
        }), { seed: 11, numRuns: 3000 });
    });

    test('block comments: the same token as the grammar\'s ML_COMMENT at every offset of any text', () => {
        const regex = grammarRegex('ML_COMMENT');
        fc.assert(fc.property(textArb, text => {
            const matcher = new CommentMatcher();
            for (let offset = 0; offset <= text.length; offset++) expect(matcher.exec(text, offset)?.[0] ?? null).toBe(regexAt(regex, text, offset));
            for (let offset = text.length; offset >= 0; offset--) expect(matcher.exec(text, offset)?.[0] ?? null).toBe(regexAt(regex, text, offset));
        }), { seed: 12, numRuns: 3000 });
    });

    test('the whole lexer gives the same tokens and errors as with the grammar\'s regular expressions', () => {
        const words = fc.constantFrom('"', '\\', '/*', '*/', '//', '/', '*', 'hoofdstuk', 'H', ' ', '\n', '\\"', '"tekst"', '{', '}', 'é', '\u2028');
        fc.assert(fc.property(fc.array(words, { maxLength: 30 }).map(w => w.join('')), text => {
            const ours = services.parser.Lexer.tokenize(text);
            const theirs = regexServices.parser.Lexer.tokenize(text);
            const shape = (r: typeof ours) => ({
                tokens: r.tokens.map(t => [t.tokenType.name, t.startOffset, t.image, t.startLine, t.startColumn, t.endLine, t.endColumn]),
                hidden: r.hidden.map(t => [t.tokenType.name, t.startOffset, t.image]),
                errors: r.errors.map(e => [e.offset, e.length, e.line, e.column, e.message])
            });
            expect(shape(ours)).toEqual(shape(theirs));
        }), { seed: 13, numRuns: 2000 });
    });

    test('an unclosed string keeps its Dutch message, at the quote that opens it', () => {
        const parsed = services.parser.LangiumParser.parse<Gids>('hoofdstuk H "h"\nhoofdstuk K "open en nooit dicht');
        expect(parsed.lexerErrors).toHaveLength(1);
        expect(parsed.lexerErrors[0]).toMatchObject({ line: 2, column: 13, message: 'Het teken ‘"’ hoort hier niet. Zet tekst tussen "aanhalingstekens" of verwijder het teken.' });
    });
});

describe('unclosed strings and comments are read in linear time (found: 160 KB took 16 s, 320 KB 96 s)', () => {
    /** How many characters the matchers read to lex `text`. */
    function stepsFor(text: string): { strings: number; comments: number } {
        const before = { strings: tokenBuilder.strings.steps, comments: tokenBuilder.comments.steps };
        services.parser.Lexer.tokenize(text);
        return { strings: tokenBuilder.strings.steps - before.strings, comments: tokenBuilder.comments.steps - before.comments };
    }

    test('"\\ repeated (160 KB, every quote after the first escaped): each character read once', () => {
        expect(tokenBuilder).toBeInstanceOf(HandreikingTokenBuilder);
        const text = '"\\'.repeat(80_000);
        // The first quote reads to the end (a step per character or escape); the others not at all.
        expect(stepsFor(text).strings).toBeGreaterThanOrEqual(text.length / 2);
        expect(stepsFor(text).strings).toBeLessThanOrEqual(text.length);
    });

    test('/* repeated without an end, and quotes that never close, mixed: each character read at most twice', () => {
        for (const unit of ['/* ', '"\\"\\ /* ', 'a"\\\n"\\"\\']) {
            const text = unit.repeat(Math.ceil(160_000 / unit.length));
            const steps = stepsFor(text);
            expect(steps.strings + steps.comments, JSON.stringify(unit)).toBeLessThanOrEqual(2 * text.length);
        }
    });

    test('the issue\'s input at 640 KB (minutes before) is parsed, with one message at its start', () => {
        const parsed = services.parser.LangiumParser.parse<Gids>('"\\'.repeat(320_000));
        expect(parsed.lexerErrors).toHaveLength(1);
        expect(parsed.lexerErrors[0]).toMatchObject({ offset: 0, line: 1, column: 1 });
    });
});
