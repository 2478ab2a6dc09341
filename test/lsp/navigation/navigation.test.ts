import { afterEach, describe, expect, test } from 'vitest';
import { expectFindReferences, expectGoToDefinition } from 'langium/test';
import { clearAll, createTestServices, validateFiles } from '../../helpers.js';

const services = createTestServices();
const definition = expectGoToDefinition(services);
const references = expectFindReferences(services);
afterEach(() => clearAll(services));

/**
 * Every kind of reference the language has, each marked `<|>`, and every declaration name marked
 * `<|…|>` (ranges are numbered in text order).
 */
const guide = `kenmerk <|Schaal|> "Schaal" { "klein", "groot" }
typologie <|Buurthuis|> "Het buurthuis" { <|>Schaal = "groot" }
financiering <|Huur|> "Huur" { termijn structureel voor <|>Buurthuis }
financiering <|Fonds|> "Fonds" { termijn meerjarig voor typologie waar <|>Schaal >= "klein" }
hoofdstuk <|SociaalBeheer|> "Sociaal beheer"
partij <|Gemeente|> "Gemeente" { betrokken bij <|>Buurthuis }
beslisboom <|Boom|> "Boom" {
    start <|>Stabiel
    vraag <|Stabiel|> "Stabiel?" { ja -> <|>Klaar nee -> Verder }
    advies <|Klaar|> "Klaar" { zie <|>SociaalBeheer zie <|>Huur zie <|>Boom typologie <|>Buurthuis }
    stap <|Verder|> "Verder" -> <|>Klaar { zie <|>Ander.Elders zie Ander.<|>Elders }
}
beslisboom <|Ander|> "Ander" {
    advies <|Elders|> "Elders" { daarna -> <|>Slot zie <|>Stabiel }
    advies <|Slot|> "Slot"
}
scenario "s" { beslisboom <|>Boom <|>Stabiel: ja verwacht <|>Klaar }
`;

// Range numbers: 0 Schaal, 1 Buurthuis, 2 Huur, 3 Fonds, 4 SociaalBeheer, 5 Gemeente, 6 Boom, 7 Stabiel,
// 8 Klaar, 9 Verder, 10 Ander, 11 Elders, 12 Slot.
const cases: Array<{ what: string; index: number; rangeIndex: number }> = [
    { what: 'a characteristic in a typology', index: 0, rangeIndex: 0 },
    { what: 'a typology in a list after voor', index: 1, rangeIndex: 1 },
    { what: 'a characteristic in a condition', index: 2, rangeIndex: 0 },
    { what: 'a typology after betrokken bij', index: 3, rangeIndex: 1 },
    { what: 'the start of a tree', index: 4, rangeIndex: 7 },
    { what: 'an answer’s arrow', index: 5, rangeIndex: 8 },
    { what: 'zie a chapter', index: 6, rangeIndex: 4 },
    { what: 'zie a funding rule', index: 7, rangeIndex: 2 },
    { what: 'zie a tree', index: 8, rangeIndex: 6 },
    { what: 'an advice’s typologie', index: 9, rangeIndex: 1 },
    { what: 'a step’s next node', index: 10, rangeIndex: 8 },
    { what: 'the tree part of Boom.Knoop: the tree', index: 11, rangeIndex: 10 },
    { what: 'the node part of Boom.Knoop: the node in the other tree', index: 12, rangeIndex: 11 },
    { what: 'daarna', index: 13, rangeIndex: 12 },
    // Index 14, `zie Stabiel` inside Ander, does not resolve: see the test below.
    { what: 'a scenario’s tree', index: 15, rangeIndex: 6 },
    { what: 'a scenario’s question (in the scenario’s tree)', index: 16, rangeIndex: 7 },
    { what: 'a scenario’s verwacht', index: 17, rangeIndex: 8 }
];

describe('go to definition, for every kind of reference', () => {
    for (const c of cases) {
        test(c.what, async () => {
            await definition({ text: guide, index: c.index, rangeIndex: c.rangeIndex });
        });
    }

    test('zie with a bare node name only reaches nodes of its own tree', async () => {
        // `zie Stabiel` inside Ander: Stabiel is a node of Boom, so it does not resolve (HRK002).
        const plain = guide.replace(/<\|>|<\||\|>/g, '');
        const docs = await validateFiles(services, { 'a.hrk': plain });
        const errors = docs.get('a.hrk')!.diagnostics!.filter(d => d.code === 'HRK002');
        expect(errors.map(d => plain.slice(docs.get('a.hrk')!.textDocument.offsetAt(d.range.start), docs.get('a.hrk')!.textDocument.offsetAt(d.range.end)))).toEqual(['Stabiel']);
    });

    test('across files', async () => {
        const docs = await validateFiles(services, {
            'a.hrk': 'hoofdstuk SociaalBeheer "Sociaal beheer"',
            'b.hrk': 'beslisboom B "b" { advies A "a" { zie SociaalBeheer } }'
        });
        const b = docs.get('b.hrk')!;
        const offset = b.textDocument.getText().indexOf('SociaalBeheer') + 2;
        const links = await services.lsp.DefinitionProvider!.getDefinition(b, { textDocument: { uri: b.uri.toString() }, position: b.textDocument.positionAt(offset) });
        expect(links).toHaveLength(1);
        expect(links![0].targetUri).toBe('file:///ws/a.hrk');
        expect(links![0].targetSelectionRange).toEqual({ start: { line: 0, character: 10 }, end: { line: 0, character: 23 } });
    });
});

describe('find references', () => {
    test('of a node: its declaration, arrows, the scenario and Boom.Knoop elsewhere', async () => {
        await references({
            text: `beslisboom Boom "Boom" {
    start <|Stabiel|>
    vraag <|<|>Stabiel|> "s?" { ja -> A nee -> A2 }
    advies A "a"
    advies A2 "b"
}
beslisboom Ander "Ander" {
    advies X "x" { zie <|Boom.Stabiel|> }
    vraag Stabiel "Een andere Stabiel" { ja -> X nee -> X }
}
scenario "s" { beslisboom Boom <|Stabiel|>: ja verwacht A }`,
            includeDeclaration: true
        });
    });

    test('of a typology, without its declaration', async () => {
        await references({
            text: `typologie <|>Buurthuis "b" { }
financiering F "f" { termijn structureel voor <|Buurthuis|> }
partij P "p" { betrokken bij <|Buurthuis|> }
beslisboom B "b" { advies A "a" { typologie <|Buurthuis|> zie <|Buurthuis|> } }`,
            includeDeclaration: false
        });
    });
});
