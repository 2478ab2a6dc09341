import { afterEach, describe, expect, test } from 'vitest';
import { expectCompletion } from 'langium/test';
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionList } from 'vscode-languageserver';
import { clearAll, createTestServices } from '../../helpers.js';

const services = createTestServices();
const complete = expectCompletion(services);
afterEach(() => {
    services.i18n.Locale.lang = 'nl';
    return clearAll(services);
});

const guide = `kenmerk Schaal "Schaal" { "klein", "middel", "groot" }
kenmerk Gerichtheid "Gerichtheid" { "intern", "extern" }
typologie Huiskamer "Huiskamer" { Schaal = "klein" Gerichtheid = "intern" }
financiering Huur "Huur van de bewoners" { termijn structureel voor alle typologieen }
hoofdstuk SociaalBeheer "Inrichten sociaal beheer"
beslisboom Boom "Boom" {
    vraag Stabiel "Is de groep stabiel?" { ja -> Door nee -> Stop }
    vraag Hoe "Hoe vaak?" { antwoord "vaak" -> Door antwoord "nooit" -> Stop }
    advies Door "Ga door"
    advies Stop "Stop" { daarna -> Door }
}
`;

const labels = (list: CompletionList) => list.items.map(i => i.label);
const item = (list: CompletionList, label: string, kind?: CompletionItemKind): CompletionItem => {
    const found = list.items.find(i => i.label === label && (kind === undefined || i.kind === kind));
    if (!found) throw new Error(`no completion item ${label} in ${labels(list).join(', ')}`);
    return found;
};

describe('completion', () => {
    test('after -> in a tree: the nodes of that tree only, with their kind and text', async () => {
        await complete({
            text: guide + `beslisboom Ander "Ander" {\n    vraag V "v?" { ja -> <|> }\n    advies Eigen "Eigen advies"\n}`,
            index: 0,
            assert: list => {
                expect(labels(list)).toEqual(['Eigen']);
                expect(item(list, 'Eigen')).toMatchObject({ kind: CompletionItemKind.Event, detail: 'advies · Eigen advies' });
            }
        });
    });

    test('after daarna ->: the other nodes of the tree, not the advice itself', async () => {
        await complete({
            text: guide.replace('daarna -> Door', 'daarna -> <|>'),
            index: 0,
            assert: list => expect(labels(list).sort()).toEqual(['Door', 'Hoe', 'Stabiel'])
        });
    });

    test('after a step\'s ->: the other nodes of the tree, not the step itself', async () => {
        await complete({
            text: guide.replace('advies Door "Ga door"', 'advies Door "Ga door"\n    stap Bel "Bel de corporatie" -> <|>'),
            index: 0,
            assert: list => expect(labels(list).sort()).toEqual(['Door', 'Hoe', 'Stabiel', 'Stop'])
        });
    });

    test('after zie: chapters, typologies and funding rules first, then trees and nodes', async () => {
        await complete({
            text: guide.replace('advies Door "Ga door"', 'advies Door "Ga door" { zie <|> }'),
            index: 0,
            assert: list => {
                const sorted = [...list.items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? '')).map(i => i.label);
                expect(sorted.slice(0, 3)).toEqual(['SociaalBeheer', 'Huiskamer', 'Huur']);
                expect(sorted).toContain('Boom');
                expect(sorted).toContain('Stabiel');
                // The tree's own nodes are offered by their short name, not also as Boom.Stabiel.
                expect(sorted).not.toContain('Boom.Stabiel');
                expect(item(list, 'Huur')).toMatchObject({ kind: CompletionItemKind.Struct, detail: 'financiering · Huur van de bewoners' });
            }
        });
    });

    test('after voor: the keywords alle and typologie, and the typologies', async () => {
        await complete({
            text: guide + 'financiering Nieuw "n" { termijn incidenteel voor <|> }',
            index: 0,
            assert: list => {
                expect(labels(list).sort()).toEqual(['Huiskamer', 'alle', 'typologie']);
                expect(item(list, 'alle')).toMatchObject({ kind: CompletionItemKind.Keyword, detail: 'sleutelwoord' });
            }
        });
    });

    test('after Kenmerk =: the values on that characteristic’s scale, in scale order, then onbekend', async () => {
        await complete({
            text: guide + 'typologie Nieuw "n" { Gerichtheid = "intern" Schaal = <|> }',
            index: 0,
            expectedItems: ['"klein"', '"middel"', '"groot"', 'onbekend']
        });
    });

    test('inside a started value, the value replaces the typed text including the opening quote', async () => {
        const text = guide + 'typologie Nieuw "n" { Schaal = "mi<|> }';
        await complete({
            text,
            index: 0,
            assert: list => {
                const middel = item(list, '"middel"');
                const line = guide.split('\n').length - 1;
                const quote = 'typologie Nieuw "n" { Schaal = '.length;
                expect(middel.textEdit).toEqual({ newText: '"middel"', range: { start: { line, character: quote }, end: { line, character: quote + 3 } } });
            }
        });
    });

    test('in a condition of a funding rule, too', async () => {
        await complete({
            text: guide + 'financiering F "f" { termijn incidenteel voor typologie waar Gerichtheid != <|> }',
            index: 0,
            expectedItems: ['"intern"', '"extern"']
        });
    });

    test('in a scenario: a yes/no question’s own answers, with where they lead', async () => {
        await complete({
            text: guide + 'scenario "s" { beslisboom Boom Stabiel: <|> verwacht Door }',
            index: 0,
            assert: list => {
                expect(labels(list).sort()).toEqual(['ja', 'nee']);
                expect(item(list, 'nee').detail).toBe('antwoord van Stabiel → Stop');
            }
        });
    });

    test('in a scenario: a question’s own labelled answers, and no ja/nee it does not have', async () => {
        await complete({
            text: guide + 'scenario "s" { beslisboom Boom Hoe: <|> verwacht Door }',
            index: 0,
            expectedItems: ['"vaak"', '"nooit"']
        });
    });

    test('after verwacht: the advices where a path ends', async () => {
        await complete({
            text: guide + 'scenario "s" { beslisboom Boom Stabiel: ja verwacht <|> }',
            index: 0,
            // Stop goes on to Door (daarna), so a walk never ends there.
            expectedItems: ['Door']
        });
    });

    test('after herkomst: the four kinds', async () => {
        await complete({
            text: guide + 'hoofdstuk H "H" { herkomst <|> }',
            index: 0,
            assert: list => expect(labels(list).sort()).toEqual(['bron', 'gereconstrueerd', 'handreiking', 'illustratief'])
        });
    });

    test('after langs in a scenario: the nodes of the scenario\'s tree', async () => {
        await complete({
            text: guide + 'beslisboom Ander "Ander" { advies Eigen "e" }\nscenario "s" { beslisboom Boom langs <|> verwacht Door }',
            index: 0,
            assert: list => expect(labels(list).sort()).toEqual(['Door', 'Hoe', 'Stabiel', 'Stop'])
        });
    });

    test('keywords in context: inside a typology', async () => {
        await complete({
            text: guide + 'typologie Nieuw "n" { <|> }',
            index: 0,
            assert: list => {
                const keywords = list.items.filter(i => i.kind === CompletionItemKind.Keyword).map(i => i.label).sort();
                expect(keywords).toEqual(['activiteiten', 'herkomst', 'toelichting', 'vergelijkbaar']);
                expect(labels(list)).toContain('Schaal');
            }
        });
    });

    describe('snippets', () => {
        const snippet = (list: CompletionList, label: string) => item(list, label, CompletionItemKind.Snippet);

        test('a snippet for every element where an element may start', async () => {
            await complete({
                text: guide + '<|>',
                index: 0,
                assert: list => {
                    const snippets = list.items.filter(i => i.kind === CompletionItemKind.Snippet).map(i => i.label).sort();
                    expect(snippets).toEqual(['berekening', 'beslisboom', 'financiering', 'hoofdstuk', 'kenmerk', 'partij', 'scenario', 'scenario berekening', 'typologie']);
                    for (const s of list.items.filter(i => i.kind === CompletionItemKind.Snippet)) {
                        expect(s.insertTextFormat).toBe(InsertTextFormat.Snippet);
                        expect(s.detail).toBeTruthy();
                    }
                }
            });
        });

        test('a typology with every declared characteristic and its scale as a choice', async () => {
            await complete({
                text: guide + '<|>',
                index: 0,
                assert: list => expect(snippet(list, 'typologie').textEdit?.newText).toBe(
                    'typologie ${1:Naam} "${2:Titel}" {\n\tSchaal = "${3|klein,middel,groot|}"\n\tGerichtheid = "${4|intern,extern|}"\n}')
            });
        });

        test('a tree with a start and a yes/no question whose branches are advices', async () => {
            await complete({
                text: guide + '<|>',
                index: 0,
                assert: list => expect(snippet(list, 'beslisboom').textEdit?.newText).toBe([
                    'beslisboom ${1:Naam} "${2:Titel}" {',
                    '\tstart ${3:Vraag}',
                    '',
                    '\tvraag ${3} "${4:Vraag?}" {',
                    '\t\tja  -> ${5:AdviesJa}',
                    '\t\tnee -> ${6:AdviesNee}',
                    '\t}',
                    '\tadvies ${5} "${7:Advies}"',
                    '\tadvies ${6} "${8:Advies}"',
                    '}'
                ].join('\n'))
            });
        });

        test('a funding rule with its term as a choice, and a scenario naming the existing trees', async () => {
            await complete({
                text: guide + '<|>',
                index: 0,
                assert: list => {
                    expect(snippet(list, 'financiering').textEdit?.newText).toBe(
                        'financiering ${1:Naam} "${2:Titel}" {\n\ttermijn ${3|structureel,meerjarig,incidenteel|}\n\tvoor ${4:alle typologieen}\n}');
                    expect(snippet(list, 'scenario').textEdit?.newText).toContain('beslisboom ${2|Boom|}');
                    expect(snippet(list, 'berekening').textEdit?.newText).toBe(
                        'berekening ${1:Naam} "${2:Titel}" {\n\tinvoer ${3:Invoer} "${4:Titel}" in ${5|euro,m2,euro per m2,getal|}\n\tuitkomst "${6:Titel}" in ${7|euro,m2,euro per m2,getal|} = ${8:${3}}\n}');
                    expect(snippet(list, 'scenario berekening').textEdit?.newText).toBe(
                        'scenario "${1:beschrijving}" {\n\tberekening ${2:Naam}\n\t${3:Invoer}: ${4:0}\n\tverwacht ${5:0}\n}');
                }
            });
        });

        test('inside a tree: a yes/no question with both branches, an advice and a step', async () => {
            await complete({
                text: guide.replace('    advies Door', '    <|>\n    advies Door'),
                index: 0,
                assert: list => {
                    const snippets = list.items.filter(i => i.kind === CompletionItemKind.Snippet).map(i => i.label).sort();
                    expect(snippets).toEqual(['advies', 'stap', 'vraag antwoord', 'vraag ja/nee']);
                    expect(snippet(list, 'vraag ja/nee').textEdit?.newText).toBe(
                        'vraag ${1:Naam} "${2:Vraag?}" {\n\tja  -> ${3:AdviesJa}\n\tnee -> ${4:AdviesNee}\n}');
                }
            });
        });

        test('no element snippets where no element may start', async () => {
            await complete({
                text: guide + 'typologie Nieuw "n" { <|> }',
                index: 0,
                assert: list => expect(list.items.filter(i => i.kind === CompletionItemKind.Snippet)).toEqual([])
            });
        });
    });

    test('details and snippet descriptions follow the display language', async () => {
        services.i18n.Locale.lang = 'en';
        await complete({
            text: guide + '<|>',
            index: 0,
            assert: list => {
                expect(item(list, 'typologie', CompletionItemKind.Snippet).detail).toBe('Typology with a value for every characteristic');
                expect(item(list, 'typologie', CompletionItemKind.Snippet).textEdit?.newText).toMatch(/^typologie \$\{1:Name\} "\$\{2:Title\}"/);
                expect(item(list, 'typologie', CompletionItemKind.Keyword).detail).toBe('keyword');
            }
        });
    });
});
