import { afterEach, describe, expect, test } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Gids } from '../../language/generated/ast.js';
import { MAX_PARSER_ERRORS } from '../../language/parser/handreiking-parser.js';
import { MAX_DIAGNOSTICS_PER_CODE, MAX_SYNTAX_ERRORS } from '../../language/validation/handreiking-document-validator.js';
import { clearAll, createTestServices, validator, withCode } from '../helpers.js';

/**
 * Found by the fuzzer's 1 MB cases: a file with an error every few characters (`/* ` again and
 * again, a string broken at every line end) gave 350 000 messages (16 s, 0.9 GB), the parser's
 * recovery took 15 s for 65 000 errors, and one name defined 65 000 times gave as many messages
 * (24 MB of JSON). All are bounded now.
 */

const services = createTestServices();
const validate = validator(services);
afterEach(() => clearAll(services));

/** A line the lexer fails on twice (`"` and `\`) and the parser once (no title). */
const brokenLine = 'hoofdstuk H "a\\\n';

/** A message's text (LSP 3.18 allows Markdown content too; these messages are plain strings). */
const text = (d: Diagnostic): string => typeof d.message === 'string' ? d.message : d.message.value;

describe(`the parser reads no further after ${MAX_PARSER_ERRORS} errors`, () => {
    test('a file with an error on each of 5 000 lines: the first ones are read, one message says where it stopped', () => {
        const parsed = services.parser.LangiumParser.parse<Gids>(brokenLine.repeat(5000));
        expect(parsed.parserErrors.length).toBeGreaterThanOrEqual(MAX_PARSER_ERRORS);
        expect(parsed.parserErrors.length).toBeLessThan(MAX_PARSER_ERRORS + 10);
        expect(parsed.value.elementen.length).toBeGreaterThanOrEqual(MAX_PARSER_ERRORS - 1);
        expect(parsed.value.elementen.length).toBeLessThan(MAX_PARSER_ERRORS + 10);
        const stopped = parsed.lexerErrors.filter(e => e.message.startsWith(`Na ${MAX_PARSER_ERRORS} taalfouten wordt de rest van het bestand vanaf hier niet gelezen.`));
        expect(stopped).toHaveLength(1);
        expect(stopped[0].line).toBe(MAX_PARSER_ERRORS);
    });

    test('a file with fewer errors is read to its end, without that message', () => {
        const parsed = services.parser.LangiumParser.parse<Gids>(brokenLine.repeat(50) + 'hoofdstuk Einde "e"\n');
        expect(parsed.parserErrors).toHaveLength(50);
        expect(parsed.value.elementen.at(-1)).toMatchObject({ name: 'Einde' });
        expect(parsed.lexerErrors.filter(e => e.message.includes('niet gelezen'))).toEqual([]);
    });

    test('the next file is parsed whole again', () => {
        services.parser.LangiumParser.parse<Gids>(brokenLine.repeat(2000));
        const parsed = services.parser.LangiumParser.parse<Gids>('hoofdstuk A "a"\nhoofdstuk B "b"\n');
        expect(parsed.parserErrors).toEqual([]);
        expect(parsed.lexerErrors).toEqual([]);
        expect(parsed.value.elementen).toHaveLength(2);
    });
});

describe(`a file reports at most ${MAX_SYNTAX_ERRORS} lexing and ${MAX_SYNTAX_ERRORS} parsing errors, and counts the rest`, () => {
    test('a megabyte of unclosed comments: 100 messages, and one that counts the other 349 425', async () => {
        const { diagnostics } = await validate('/* '.repeat(349_525));
        const syntax = withCode(diagnostics, 'HRK000');
        expect(syntax).toHaveLength(MAX_SYNTAX_ERRORS + 1);
        expect(syntax[MAX_SYNTAX_ERRORS].message).toBe(`Hier en verderop staan nog 349425 taalfouten van deze soort; alleen de eerste ${MAX_SYNTAX_ERRORS} worden gemeld. Los de bovenste eerst op: vaak verdwijnen de andere dan vanzelf.`);
        expect(syntax[MAX_SYNTAX_ERRORS].range.start).toEqual({ line: 0, character: 3 * MAX_SYNTAX_ERRORS });
    });

    test('lexing and parsing errors are capped each on their own', async () => {
        const { diagnostics } = await validate(brokenLine.repeat(300));
        const syntax = withCode(diagnostics, 'HRK000');
        expect(syntax).toHaveLength(2 * (MAX_SYNTAX_ERRORS + 1));
        expect(syntax.filter(d => text(d).startsWith('Hier en verderop staan nog 500 taalfouten'))).toHaveLength(1);
        expect(syntax.filter(d => text(d).startsWith('Hier en verderop staan nog 200 taalfouten'))).toHaveLength(1);
    });

    test(`exactly ${MAX_SYNTAX_ERRORS} errors are all reported, with no count`, async () => {
        const { diagnostics } = await validate('hoofdstuk H "h"\n' + '/* '.repeat(MAX_SYNTAX_ERRORS));
        const syntax = withCode(diagnostics, 'HRK000');
        expect(syntax).toHaveLength(MAX_SYNTAX_ERRORS);
        expect(syntax.every(d => text(d).startsWith('Het teken ‘/*’ hoort hier niet.'))).toBe(true);
    });
});

describe(`a file reports at most ${MAX_DIAGNOSTICS_PER_CODE} messages of one code, and counts the rest`, () => {
    test('one name defined 6 000 times: 5 000 HRK001, and one message counting the other 1 000', async () => {
        const { diagnostics } = await validate('hoofdstuk H "h"\n'.repeat(6000));
        const duplicates = withCode(diagnostics, 'HRK001');
        expect(duplicates).toHaveLength(MAX_DIAGNOSTICS_PER_CODE + 1);
        const counted = duplicates.filter(d => text(d).startsWith('Hier en verderop'));
        expect(counted.map(d => [d.message, d.range.start.line])).toEqual([
            [`Hier en verderop staan nog 1000 meldingen HRK001 in dit bestand; alleen de eerste ${MAX_DIAGNOSTICS_PER_CODE} worden getoond.`, MAX_DIAGNOSTICS_PER_CODE]
        ]);
        expect(counted[0].data).toBeUndefined();
    }, 60_000);

    test('unknown names are counted the same way, and other codes are not affected', async () => {
        const parties = Array.from({ length: MAX_DIAGNOSTICS_PER_CODE + 3 }, (_, i) => `partij P${i} "P" { betrokken bij Onbekend }\n`).join('');
        const { diagnostics } = await validate('hoofdstuk H "h"\nhoofdstuk H "h"\n' + parties);
        const unknown = withCode(diagnostics, 'HRK002');
        expect(unknown).toHaveLength(MAX_DIAGNOSTICS_PER_CODE + 1);
        expect(unknown.filter(d => text(d).startsWith('Hier en verderop staan nog 3 meldingen HRK002'))).toHaveLength(1);
        expect(withCode(diagnostics, 'HRK001')).toHaveLength(2);
    }, 60_000);
});
