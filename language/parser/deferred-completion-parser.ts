import { createParser, LangiumCompletionParser, type CompletionParserResult, type LangiumCoreServices } from 'langium';
import { deferLookahead } from './deferred-lookahead.js';

/**
 * Langium's completion parser, built when the first completion asks for it instead of when the
 * language server starts. Langium builds every service at start; this parser's rules and
 * Chevrotain's analysis of them were ~25 ms of each start of the server (issue 17: activation),
 * paid again by the browser edition's worker, while many sessions complete nothing.
 */
export class DeferredCompletionParser extends LangiumCompletionParser {
    private built = false;

    constructor(private readonly languageServices: LangiumCoreServices) {
        super(languageServices);
        deferLookahead(this.wrapper);
    }

    override parse(input: string): CompletionParserResult {
        if (!this.built) {
            // What Langium's createCompletionParser does right after constructing the parser.
            createParser(this.languageServices.Grammar, this, this.languageServices.parser.Lexer.definition);
            this.finalize();
            this.built = true;
        }
        return super.parse(input);
    }
}
