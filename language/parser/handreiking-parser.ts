import type { ILexingError, IRecognitionException, IToken } from 'chevrotain';
import { createParser, LangiumParser, type AstNode, type LangiumCoreServices, type ParseResult, type ParserOptions } from 'langium';
import { message } from '../i18n/messages.js';
import type { HandreikingCoreServices } from '../handreiking-core-module.js';
import { deferLookahead } from './deferred-lookahead.js';

/**
 * After this many syntax errors in one file, the parser reads no further. Each error costs the
 * parser's recovery some 0.2 ms: a megabyte with an error on every line (65 000 of them) took 15 s
 * and 0.9 GB. A thousand is far more than anyone fixes before checking again.
 */
export const MAX_PARSER_ERRORS = 1000;

/** The parts of Chevrotain's parser (under Langium's) that the cut needs. */
interface RecoveringParser {
    SAVE_ERROR(error: IRecognitionException): IRecognitionException;
    tokVector: IToken[];
    tokVectorLength: number;
    currIdx: number;
    maxLookahead: number;
}

/**
 * Langium's parser, which stops reading a file after MAX_PARSER_ERRORS syntax errors: the tokens
 * after that point are hidden from it (it sees the end of the file there), and one message, where
 * it stopped, says so. What was read before stays, so the editor features keep working on it.
 */
export class HandreikingParser extends LangiumParser {
    private readonly services: HandreikingCoreServices;
    private errorsSaved = 0;
    private stoppedAt: IToken | undefined;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.services = services as HandreikingCoreServices;
        deferLookahead(this.wrapper);
        const parser = this.wrapper as unknown as RecoveringParser;
        const save = parser.SAVE_ERROR.bind(parser);
        parser.SAVE_ERROR = error => {
            const saved = save(error);
            if (++this.errorsSaved === MAX_PARSER_ERRORS) this.stopReading(parser);
            return saved;
        };
    }

    override parse<T extends AstNode = AstNode>(input: string, options?: ParserOptions): ParseResult<T> {
        this.errorsSaved = 0;
        this.stoppedAt = undefined;
        const result = super.parse<T>(input, options);
        // Set while parsing, by the error hook.
        const token = this.stoppedAt as IToken | undefined;
        if (!token) return result;
        const stopped: ILexingError = {
            offset: token.startOffset, line: token.startLine, column: token.startColumn, length: token.image.length,
            message: message(this.services.i18n.Locale.lang, 'syntaxRestNotRead', { max: MAX_PARSER_ERRORS })
        };
        // First, so that the cap on the number of lexing errors reported never hides it.
        return { ...result, lexerErrors: [stopped, ...result.lexerErrors] };
    }

    private stopReading(parser: RecoveringParser): void {
        const cut = parser.currIdx + 1;
        if (cut >= parser.tokVectorLength) return;
        this.stoppedAt = parser.tokVector[cut];
        // The tokens from `cut` on are replaced by the end-of-file padding the parser put after them.
        const endOfFile = parser.tokVector[parser.tokVector.length - 1];
        parser.tokVector.length = cut;
        for (let i = 0; i <= parser.maxLookahead; i++) parser.tokVector.push(endOfFile);
        parser.tokVectorLength = cut;
    }
}

/** The parser as Langium builds its own (langium-parser-builder.ts), with our class. */
export function createHandreikingParser(services: LangiumCoreServices): HandreikingParser {
    const parser = createParser(services.Grammar, new HandreikingParser(services), services.parser.Lexer.definition);
    parser.finalize();
    return parser;
}
