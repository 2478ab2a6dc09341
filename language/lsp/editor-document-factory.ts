import { DefaultLangiumDocumentFactory, type AstNode, type ParseResult, type ParserOptions, type URI } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import { tooLargeToCheck } from '../files/source-limits.js';

/**
 * The editor's documents, with the command line's size limit. A file from disk over 16 MB is never
 * read (source-file-system.ts), but one the editor opens arrives with its text: parsing it would
 * hold the language server for minutes. Such a text is parsed as empty, and its checks say why
 * (the document validator's `readingProblems`); below the limit nothing changes.
 */
export class EditorDocumentFactory extends DefaultLangiumDocumentFactory {
    protected override parse<T extends AstNode>(uri: URI, text: string, options?: ParserOptions): ParseResult<T> {
        return super.parse(uri, tooLargeToCheck(text) ? '' : text, options);
    }

    protected override parseAsync<T extends AstNode>(uri: URI, text: string, cancellationToken: CancellationToken): Promise<ParseResult<T>> {
        return super.parseAsync(uri, tooLargeToCheck(text) ? '' : text, cancellationToken);
    }
}
