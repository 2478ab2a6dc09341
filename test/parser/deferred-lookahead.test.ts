import * as fs from 'node:fs';
import * as path from 'node:path';
import { createLangiumParser, EmptyFileSystem, isReference, type LangiumParser } from 'langium';
import { describe, expect, test } from 'vitest';
import { createHandreikingServices } from '../../language/handreiking-module.js';
import { createTestServices } from '../helpers.js';

/**
 * The parser builds each of Chevrotain's lookahead functions when a parse first needs it
 * (language/parser/deferred-lookahead.ts), not all of them when it is made. That may change when
 * the work is done, never what is parsed: the guide, and every piece of it cut off at many points
 * (so that the parser's error recovery runs through the choices too), parse to the same tree and
 * the same errors as with Langium's own parser, which builds them all at once.
 */

const root = path.resolve(__dirname, '../..');

function hrkFiles(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => entry.isDirectory()
        ? hrkFiles(path.join(dir, entry.name))
        : entry.name.endsWith('.hrk') ? [path.join(dir, entry.name)] : []);
}

/** The tree as JSON: every property, each node's place in the text, each reference's text. */
function plain(tree: unknown): string {
    return JSON.stringify(tree, (key, value: unknown) => {
        if (key === '$container') return undefined;
        if (key === '$cstNode') return value ? [(value as { offset: number }).offset, (value as { end: number }).end] : undefined;
        // Before its getter `ref` is read: that would link, and a bare parse has no document.
        if (isReference(value)) return { $refText: value.$refText };
        return value;
    });
}

/** Everything a parse gives that the rest of the toolkit reads. */
function summary(parser: LangiumParser, text: string): unknown {
    const result = parser.parse(text);
    return {
        ast: plain(result.value),
        lexerErrors: result.lexerErrors.map(e => [e.offset, e.length, e.message]),
        parserErrors: result.parserErrors.map(e => [e.token.startOffset, e.token.image, e.name, e.message])
    };
}

describe('lookahead built when first needed', () => {
    const deferred = createTestServices();
    const eager = createHandreikingServices(EmptyFileSystem, { language: { parser: { LangiumParser: services => createLangiumParser(services) } } }).Handreiking;

    test('the parser in use is not Langium\'s own: the comparison compares two ways of building', () => {
        expect(deferred.parser.LangiumParser.constructor).not.toBe(eager.parser.LangiumParser.constructor);
    });

    test('the guide and pieces of it cut off at 40 points each parse exactly as with every function built at once', () => {
        const files = hrkFiles(path.join(root, 'examples'));
        expect(files.length).toBeGreaterThan(10);
        let withErrors = 0;
        for (const file of files) {
            const text = fs.readFileSync(file, 'utf-8');
            const cuts = [text.length, ...Array.from({ length: 40 }, (_, i) => Math.floor(text.length * (i + 0.5) / 40))];
            for (const cut of cuts) {
                const piece = text.slice(0, cut);
                const expected = summary(eager.parser.LangiumParser, piece);
                expect(summary(deferred.parser.LangiumParser, piece), `${path.relative(root, file)} up to ${cut}`).toEqual(expected);
                if ((expected as { parserErrors: unknown[] }).parserErrors.length > 0) withErrors++;
            }
        }
        // The cuts did make the parser recover, many times.
        expect(withErrors).toBeGreaterThan(100);
    });
});
