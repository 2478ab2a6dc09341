import type { BaseParser, ILookaheadStrategy, ILookaheadValidationError, Rule, TokenType } from 'chevrotain';

/** The part of Chevrotain's parser (under Langium's) that holds its lookahead strategy. */
interface ParserWithLookahead {
    lookaheadStrategy: ILookaheadStrategy;
}

type Strategy = Required<ILookaheadStrategy>;
type AlternationLookahead = ReturnType<Strategy['buildLookaheadForAlternation']>;
type OptionalLookahead = ReturnType<Strategy['buildLookaheadForOptional']>;

/**
 * Chevrotain builds, when a parser is made, a lookahead function for every choice in the grammar:
 * 101 of them here, with the grammar's analysis (ATN) behind them — ~20 ms of every start of the
 * command line, the language server and the browser's worker (issue 11: a one-line `check`). A
 * parse touches only the choices its text reaches, so each function is built the first time it is
 * called instead, and the analysis with the first of them. The functions are the same as before,
 * made by the same strategy from the same grammar; only when they are made changes.
 */
class DeferredLookahead implements ILookaheadStrategy {
    private rules: Rule[] | undefined;
    private initialized = false;

    constructor(private readonly strategy: ILookaheadStrategy) {}

    validate(options: { rules: Rule[]; tokenTypes: TokenType[]; grammarName: string }): ILookaheadValidationError[] {
        return this.strategy.validate(options);
    }

    initialize(options: { rules: Rule[] }): void {
        this.rules = options.rules;
    }

    buildLookaheadForAlternation(options: Parameters<Strategy['buildLookaheadForAlternation']>[0]): AlternationLookahead {
        let built: AlternationLookahead | undefined;
        const build = (): AlternationLookahead => this.ready().buildLookaheadForAlternation(options);
        return function (this: BaseParser, orAlts) {
            built ??= build();
            return built.call(this, orAlts);
        };
    }

    buildLookaheadForOptional(options: Parameters<Strategy['buildLookaheadForOptional']>[0]): OptionalLookahead {
        let built: OptionalLookahead | undefined;
        const build = (): OptionalLookahead => this.ready().buildLookaheadForOptional(options);
        return function (this: BaseParser) {
            built ??= build();
            return built.call(this);
        };
    }

    private ready(): ILookaheadStrategy {
        if (!this.initialized) {
            this.initialized = true;
            if (this.rules) this.strategy.initialize?.({ rules: this.rules });
        }
        return this.strategy;
    }
}

/**
 * Makes `wrapper` (Langium's Chevrotain parser, before its self-analysis) build each lookahead
 * function when it is first needed. Call it between constructing the parser and `finalize()`.
 */
export function deferLookahead(wrapper: unknown): void {
    const parser = wrapper as ParserWithLookahead;
    parser.lookaheadStrategy = new DeferredLookahead(parser.lookaheadStrategy);
}
