import type * as Monaco from '@codingame/monaco-vscode-editor-api';

/** The grammar's keywords, read from the generated TextMate grammar by scripts/build-web.mjs. */
declare const HANDREIKING_KEYWORDS: string[];

/**
 * Colours for the text before the language server's semantic tokens arrive: keywords, strings,
 * comments, as the TextMate grammar colours them in VS Code. Monarch, because the TextMate engine
 * needs WebAssembly, which the page's policy does not allow.
 */
export function registerSyntax(monaco: typeof Monaco): void {
    monaco.languages.register({ id: 'handreiking', extensions: ['.hrk'], aliases: ['Handreiking'] });
    monaco.languages.setLanguageConfiguration('handreiking', {
        comments: { lineComment: '//', blockComment: ['/*', '*/'] },
        brackets: [['{', '}'], ['(', ')']],
        autoClosingPairs: [{ open: '{', close: '}' }, { open: '(', close: ')' }, { open: '"', close: '"', notIn: ['string'] }],
        surroundingPairs: [{ open: '{', close: '}' }, { open: '"', close: '"' }]
    });
    monaco.languages.setMonarchTokensProvider('handreiking', {
        keywords: HANDREIKING_KEYWORDS,
        tokenizer: {
            root: [
                [/[\p{L}_][\p{L}\p{N}_-]*/u, { cases: { '@keywords': 'keyword', '@default': 'identifier' } }],
                [/\/\/.*$/, 'comment'],
                [/\/\*/, 'comment', '@comment'],
                [/"/, 'string', '@string'],
                [/[{}()]/, '@brackets'],
                [/\d+(-\d+)*/, 'number']
            ],
            comment: [[/\*\//, 'comment', '@pop'], [/[^*]+/, 'comment'], [/\*/, 'comment']],
            string: [[/\\./, 'string.escape'], [/"/, 'string', '@pop'], [/[^"\\]+/, 'string']]
        }
    });
}
