import { afterEach, describe, expect, test } from 'vitest';
import { expectFoldings, expectSymbols, expectWorkspaceSymbols } from 'langium/test';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { clearAll, createTestServices, validateFiles } from '../../helpers.js';

const services = createTestServices();
const symbols = expectSymbols(services);
const foldings = expectFoldings(services);
const workspaceSymbols = expectWorkspaceSymbols(services.shared);
afterEach(() => clearAll(services));

const guide = `kenmerk Schaal "Omvang" { "klein", "groot" }
typologie Huiskamer "De huiskamer" { Schaal = "klein" }
financiering Huur "Huur van de bewoners" { termijn structureel voor alle typologieen }
partij Gemeente "Gemeente"
hoofdstuk SociaalBeheer "Inrichten sociaal beheer"
beslisboom Boom "Revitalisatie" {
    vraag Stabiel "Is de groep stabiel?" { ja -> Door nee -> Stap1 }
    advies Door "Ga door"
    stap Stap1 "Zoek nieuwe trekkers" -> Door
}
scenario "nee leidt tot door" { beslisboom Boom Stabiel: nee verwacht Door }
`;

const kindName = (kind: SymbolKind) => Object.entries(SymbolKind).find(([, v]) => v === kind)?.[0];

/** `name (Kind) detail`, children indented. */
function outline(items: DocumentSymbol[], depth = 0): string[] {
    return items.flatMap(s => [`${'  '.repeat(depth)}${s.name} (${kindName(s.kind)})${s.detail ? ` ${s.detail}` : ''}`, ...outline(s.children ?? [], depth + 1)]);
}

describe('outline and breadcrumbs', () => {
    test('every element with its kind and title; trees hold their nodes, characteristics their scale, typologies their values', async () => {
        await symbols({
            text: guide,
            assert: list => {
                expect(outline(list)).toEqual([
                    'Schaal (Enum) Omvang',
                    '  klein (EnumMember)',
                    '  groot (EnumMember)',
                    'Huiskamer (Class) De huiskamer',
                    '  Schaal (Property) klein',
                    'Huur (Struct) structureel · Huur van de bewoners',
                    'Gemeente (Object) Gemeente',
                    'SociaalBeheer (Module) Inrichten sociaal beheer',
                    'Boom (Namespace) Revitalisatie',
                    '  Stabiel (Interface) Is de groep stabiel?',
                    '  Door (Event) Ga door',
                    '  Stap1 (Function) Zoek nieuwe trekkers → Door',
                    'nee leidt tot door (Method) Boom → Door'
                ]);
            }
        });
    });

    test('a symbol’s selection range is its name, inside its range (breadcrumbs follow the cursor)', async () => {
        await symbols({
            text: guide,
            assert: list => {
                const boom = list.find(s => s.name === 'Boom')!;
                expect(boom.selectionRange).toEqual({ start: { line: 5, character: 11 }, end: { line: 5, character: 15 } });
                expect(boom.range).toEqual({ start: { line: 5, character: 0 }, end: { line: 9, character: 1 } });
                const stabiel = boom.children![0];
                expect(stabiel.range.start.line).toBe(6);
                expect(stabiel.selectionRange.start.character).toBe(10);
            }
        });
    });
});

describe('workspace symbols', () => {
    test('top-level elements and Boom.Knoop across files, with their kinds', async () => {
        await validateFiles(services, { 'a.hrk': guide, 'b.hrk': 'beslisboom Ander "Ander" { advies Slot "Slot" }' });
        await workspaceSymbols({
            query: '',
            assert: found => {
                const names = found.map(s => `${s.name} (${kindName(s.kind)})`).sort();
                expect(names).toEqual([
                    'Ander (Namespace)', 'Ander.Slot (Event)', 'Boom (Namespace)', 'Boom.Door (Event)', 'Boom.Stabiel (Interface)',
                    'Boom.Stap1 (Function)', 'Gemeente (Object)', 'Huiskamer (Class)', 'Huur (Struct)', 'Schaal (Enum)', 'SociaalBeheer (Module)'
                ]);
                expect(found.find(s => s.name === 'Ander.Slot')?.location).toMatchObject({ uri: 'file:///ws/b.hrk' });
            }
        });
    });
});

describe('folding', () => {
    test('every block over more lines folds, up to its closing brace; a multi-line comment folds', async () => {
        await foldings({
            text: `<|/** Documentatie
 *  over drie
 */|>
<|beslisboom Boom "Boom" {
    <|vraag V "v?" {
        ja  -> A
        nee -> A2
    }|>
    advies A "a"
    <|advies A2 "b" {
        toelichting "t"
    }|>
}|>
<|typologie T "t" {
    activiteiten "a",
        "b"
}|>
<|financiering F "f" {
    termijn structureel
    voor typologie waar (Schaal = "x"
        of Schaal = "y"
        of Schaal = "z")
}|>
<|scenario "s" {
    beslisboom Boom
    V: ja
    verwacht A
}|>
kenmerk K "k" { "a" }
`,
            assert: (found, ranges) => {
                // Each fold runs from the block's first line to the line before its closing brace;
                // the comment's fold ends on the line before its last. A condition spanning lines does not fold.
                expect(found.map(f => [f.startLine, f.endLine])).toEqual([[0, 1], [3, 11], [4, 6], [9, 10], [13, 15], [17, 21], [23, 26]]);
                expect(ranges).toHaveLength(7);
            }
        });
    });
});
