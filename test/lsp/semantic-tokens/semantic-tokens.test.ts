import { afterEach, describe, expect, test } from 'vitest';
import { expectSemanticToken, highlightHelper, parseDocument } from 'langium/test';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import { clearAll, createTestServices } from '../../helpers.js';

const services = createTestServices();
const highlight = highlightHelper(services);
afterEach(() => clearAll(services));

const guide = `kenmerk <|Schaal|> "Schaal" { <|"klein"|>, "groot" }
typologie <|Huiskamer|> "Huiskamer" { <|Schaal|> = <|"klein"|> }
financiering <|Huur|> "Huur" { termijn structureel voor <|Huiskamer|> }
beslisboom <|Boom|> "Boom" {
    vraag <|Stabiel|> "Stabiel?" { ja -> <|Door|> nee -> <|Stap1|> }
    advies <|Door|> "Ga door" { zie <|Huur|> zie <|Boom|>.<|Stabiel|> }
    stap <|Stap1|> "Zoek trekkers" -> <|Door|>
}
`;

describe('semantic highlighting', () => {
    test('questions, advices, steps, typologies and funding rules each have their own token type, declared or referred to', async () => {
        const tokens = await highlight(guide);
        const expected: SemanticTokenTypes[] = [
            SemanticTokenTypes.enum, SemanticTokenTypes.enumMember,
            SemanticTokenTypes.class, SemanticTokenTypes.enum, SemanticTokenTypes.enumMember,
            SemanticTokenTypes.struct, SemanticTokenTypes.class,
            SemanticTokenTypes.namespace,
            SemanticTokenTypes.interface, SemanticTokenTypes.event, SemanticTokenTypes.function,
            SemanticTokenTypes.event, SemanticTokenTypes.struct, SemanticTokenTypes.namespace, SemanticTokenTypes.interface,
            SemanticTokenTypes.function, SemanticTokenTypes.event
        ];
        expect(tokens.ranges).toHaveLength(expected.length);
        expected.forEach((tokenType, rangeIndex) => expectSemanticToken(tokens, { rangeIndex, tokenType }));
        expect(new Set([SemanticTokenTypes.interface, SemanticTokenTypes.event, SemanticTokenTypes.function, SemanticTokenTypes.class, SemanticTokenTypes.struct]).size).toBe(5);
    });

    test('keywords, texts and comments are left to the TextMate grammar', async () => {
        const tokens = await highlight('// commentaar\nhoofdstuk H "Titel"');
        expect(tokens.tokens.map(t => t.text)).toEqual(['H']);
    });

    test('declarations are marked as such, and a lapsed funding rule as deprecated wherever it is named', async () => {
        const text = 'financiering SOO "SOO" { termijn incidenteel geldig tot 2020-01-01 }\nbeslisboom B "b" { advies A "a" { zie SOO } }';
        const document = await parseDocument(services, text);
        const provider = services.lsp.SemanticTokenProvider!;
        const { data } = await provider.semanticHighlight(document, { textDocument: { uri: document.uri.toString() } });
        const modifiersOf = (mask: number) => Object.entries(provider.tokenModifiers).filter(([, bit]) => (mask & bit) !== 0).map(([name]) => name);
        const decoded: Array<{ text: string; modifiers: string[] }> = [];
        let line = 0;
        let char = 0;
        for (let i = 0; i < data.length; i += 5) {
            line += data[i];
            char = data[i] === 0 ? char + data[i + 1] : data[i + 1];
            const offset = document.textDocument.offsetAt({ line, character: char });
            decoded.push({ text: text.slice(offset, offset + data[i + 2]), modifiers: modifiersOf(data[i + 4]) });
        }
        expect(decoded).toEqual([
            { text: 'SOO', modifiers: [SemanticTokenModifiers.declaration, SemanticTokenModifiers.deprecated] },
            { text: 'B', modifiers: [SemanticTokenModifiers.declaration] },
            { text: 'A', modifiers: [SemanticTokenModifiers.declaration] },
            { text: 'SOO', modifiers: [SemanticTokenModifiers.deprecated] }
        ]);
    });
});
