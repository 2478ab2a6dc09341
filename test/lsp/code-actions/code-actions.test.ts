import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { EmptyFileSystem, type LangiumDocument } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import { testCodeAction, validationHelper } from 'langium/test';
import { CodeAction, type CodeActionParams, type Command } from 'vscode-languageserver';
import { createHandreikingServices } from '../../../language/handreiking-module.js';
import { HandreikingCodeActionProvider } from '../../../language/lsp/code-actions/handreiking-code-action-provider.js';
import { clearAll, TEST_TODAY } from '../../helpers.js';

/**
 * Some diagnostics offer more than one fix (correct the name, or create the node as an advice or
 * a question). `testCodeAction` applies the one fix it is given, so the tests narrow the real
 * provider's answer to the fix under test by its title; `titles()` checks the full offer.
 */
class ChosenFix implements CodeActionProvider {
    choose: (action: CodeAction) => boolean = () => true;
    constructor(readonly inner: CodeActionProvider) {}

    async getCodeActions(document: LangiumDocument, params: CodeActionParams): Promise<Array<Command | CodeAction> | undefined> {
        const all = await this.inner.getCodeActions(document, params);
        const kept = all?.filter(a => CodeAction.is(a) && this.choose(a));
        return kept && kept.length > 0 ? kept : undefined;
    }
}

const services = createHandreikingServices(EmptyFileSystem, {
    language: { lsp: { CodeActionProvider: s => new ChosenFix(new HandreikingCodeActionProvider(s)) } }
}).Handreiking;
services.i18n.Clock.fix(TEST_TODAY);
const provider = services.lsp.CodeActionProvider as ChosenFix;
const fix = testCodeAction(services);

/** Only the fix whose title starts with `prefix`. */
function choose(prefix: string): void {
    provider.choose = a => a.title.startsWith(prefix);
}

/** Every fix title the provider offers for the only diagnostic with data.code `code`, in order. */
async function offered(input: string, code: string): Promise<string[]> {
    provider.choose = () => true;
    const validation = await validationHelper(services)(input);
    const diagnostics = validation.diagnostics.filter(d => (d.data as { code?: string } | undefined)?.code === code);
    expect(diagnostics).toHaveLength(1);
    const actions = await provider.inner.getCodeActions(validation.document, {
        textDocument: { uri: validation.document.textDocument.uri }, range: diagnostics[0].range, context: { diagnostics }
    });
    return (actions ?? []).map(a => a.title);
}

beforeEach(() => { provider.choose = () => true; });
afterEach(() => {
    services.i18n.Locale.lang = 'nl';
    return clearAll(services);
});

const base = `kenmerk Schaal "Schaal" { "klein", "middelgroot", "groot" }
kenmerk Gerichtheid "Gerichtheid" { "intern", "extern" }
typologie Huiskamer "Huiskamer" { Schaal = "klein" Gerichtheid = "intern" }
financiering Huur "Huur" { termijn structureel voor alle typologieen }
`;

const LINKING = 'linking-error';

describe('quick fixes: a name that does not resolve', () => {
    const tree = base + `beslisboom Boom "Boom" {
    vraag Stabiel "Is de groep stabiel?" {
        ja  -> Door
        nee -> Buurtbemiddeling
    }
    advies Door "Ga door" // einde
}`;

    test('offers the missing node as an advice and as a question, each title showing the inserted line', async () => {
        expect(await offered(tree, LINKING)).toEqual([
            'Maak advies ‘Buurtbemiddeling’ aan: advies Buurtbemiddeling "…"',
            'Maak vraag ‘Buurtbemiddeling’ aan: vraag Buurtbemiddeling "…" { }'
        ]);
    });

    test('creates the missing node as an advice, below the node that points to it', async () => {
        choose('Maak advies');
        await fix(tree, LINKING, tree.replace('    advies Door', '    advies Buurtbemiddeling "…"\n    advies Door'));
    });

    test('creates the missing node as a question', async () => {
        choose('Maak vraag');
        await fix(tree, LINKING, tree.replace('    advies Door', '    vraag Buurtbemiddeling "…" { }\n    advies Door'));
    });

    test('corrects a misspelt arrow to the closest node, offered first', async () => {
        const misspelt = tree.replace('Buurtbemiddeling', 'Dorr');
        expect((await offered(misspelt, LINKING))[0]).toBe('Vervang ‘Dorr’ door ‘Door’');
        choose('Vervang');
        await fix(misspelt, LINKING, misspelt.replace('nee -> Dorr', 'nee -> Door'));
    });

    test('creates a node that `start` names', async () => {
        const input = base + 'beslisboom Boom "Boom" {\n    start Begin\n    toelichting "t"\n}';
        choose('Maak advies');
        await fix(input, LINKING, base + 'beslisboom Boom "Boom" {\n    start Begin\n    toelichting "t"\n    advies Begin "…"\n}');
    });

    test('corrects a misspelt typology, chapter or funding rule (zie) to the closest name', async () => {
        const input = base + 'hoofdstuk SociaalBeheer "Sociaal beheer"\nbeslisboom Boom "Boom" {\n    advies A "a" { zie SociaalBeheeer }\n}';
        expect(await offered(input, LINKING)).toEqual(['Vervang ‘SociaalBeheeer’ door ‘SociaalBeheer’']);
        await fix(input, LINKING, input.replace('zie SociaalBeheeer', 'zie SociaalBeheer'));
    });

    test('corrects a misspelt question in a scenario', async () => {
        const input = base + 'beslisboom Boom "Boom" {\n    vraag Stabiel "s?" { ja -> A nee -> B }\n    advies A "a"\n    advies B "b"\n}\nscenario "s" { beslisboom Boom Stabeil: ja verwacht A }';
        await fix(input, LINKING, input.replace('Stabeil:', 'Stabiel:'));
    });

    test('offers nothing for an unknown name with nothing close, outside a tree', async () => {
        await fix(base + 'partij P "p" { betrokken bij Onbekend }', LINKING, undefined);
    });
});

describe('quick fixes: HRK060, content without herkomst', () => {
    test('offers a herkomst line of each kind for the element, first in its block, and one for the whole file', async () => {
        const input = 'typologie T "T" {\n    toelichting "t"\n}\n';
        expect(await offered(input, 'HRK060')).toEqual([
            'Geef ‘T’ een herkomst: herkomst gereconstrueerd "…"',
            'Geef ‘T’ een herkomst: herkomst handreiking "…"',
            'Geef ‘T’ een herkomst: herkomst bron "…"',
            'Geef ‘T’ een herkomst: herkomst illustratief',
            'Geef het hele bestand een herkomst: herkomst gereconstrueerd "…"',
            'Geef het hele bestand een herkomst: herkomst handreiking "…"'
        ]);
        choose('Geef ‘T’ een herkomst: herkomst gereconstrueerd');
        await fix(input, 'HRK060', 'typologie T "T" {\n    herkomst gereconstrueerd "…"\n    toelichting "t"\n}\n');
    });

    test('in a block on one line it stays on that line; a chapter without a block gets one', async () => {
        choose('Geef ‘T’ een herkomst: herkomst illustratief');
        await fix('partij T "T" { rol "r" }', 'HRK060', 'partij T "T" { herkomst illustratief rol "r" }');
        choose('Geef ‘H’ een herkomst: herkomst handreiking');
        await fix('hoofdstuk H "H"', 'HRK060', 'hoofdstuk H "H" { herkomst handreiking "…" }');
    });

    test('the file\'s herkomst goes at the top, above the first element and its documentation', async () => {
        choose('Geef het hele bestand een herkomst: herkomst handreiking');
        await fix('/** Doc. */\nhoofdstuk H "H"\n', 'HRK060', 'herkomst handreiking "…"\n\n/** Doc. */\nhoofdstuk H "H"\n');
    });

    test('the "…" it leaves must be filled in: the fixed text reports HRK061 until it is', async () => {
        const fixed = 'hoofdstuk H "H" { herkomst gereconstrueerd "…" }';
        const validation = await validationHelper(services)(fixed);
        expect(validation.diagnostics.map(d => d.code)).toEqual(['HRK061']);
    });
});

describe('quick fixes: the checks', () => {
    test('HRK013: adds the missing nee, leading to a new advice', async () => {
        const input = base + `beslisboom Boom "Boom" {
    vraag Stabiel "Is de groep stabiel?" {
        ja -> Door
        antwoord "soms" -> Door
    }
    advies Door "Ga door"
}`;
        expect(await offered(input, 'HRK013')).toEqual(['Voeg ‘nee’ toe: nee -> StabielNee, met advies StabielNee "…"']);
        await fix(input, 'HRK013', base + `beslisboom Boom "Boom" {
    vraag Stabiel "Is de groep stabiel?" {
        ja -> Door
        antwoord "soms" -> Door
        nee -> StabielNee
    }
    advies StabielNee "…"
    advies Door "Ga door"
}`);
    });

    test('HRK013: adds the missing ja inside a question written on one line, with a name not yet used', async () => {
        const input = base + 'beslisboom Boom "Boom" {\n    vraag V "v?" { nee -> VJa }\n    advies VJa "a"\n}';
        await fix(input, 'HRK013', base + 'beslisboom Boom "Boom" {\n    vraag V "v?" { nee -> VJa ja -> VJa2 }\n    advies VJa2 "…"\n    advies VJa "a"\n}');
    });

    test('HRK011: removes the unreachable node with its documentation comment', async () => {
        const input = base + `beslisboom Boom "Boom" {
    vraag V "v?" { ja -> A nee -> B }
    advies A "a"
    /** Niet meer nodig. */
    advies Weg "Een oud advies" {
        voorbeeld "x"
    }
    advies B "b"
}`;
        expect(await offered(input, 'HRK011')).toEqual(['Verwijder onbereikbare knoop ‘Weg’: advies Weg "Een oud advies"']);
        await fix(input, 'HRK011', base + `beslisboom Boom "Boom" {
    vraag V "v?" { ja -> A nee -> B }
    advies A "a"
    advies B "b"
}`);
    });

    test('HRK020: fills in the missing characteristics with the first value of their scale', async () => {
        const input = base + `typologie Buurthuis "Buurthuis" {
    activiteiten "dagbesteding"
}`;
        expect(await offered(input, 'HRK020')).toEqual(['Vul de ontbrekende kenmerken in: Schaal = "klein", Gerichtheid = "intern"']);
        await fix(input, 'HRK020', base + `typologie Buurthuis "Buurthuis" {
    activiteiten "dagbesteding"
    Schaal = "klein"
    Gerichtheid = "intern"
}`);
    });

    test('HRK020: in a typology written on one line, on that line', async () => {
        const input = base + 'typologie Buurthuis "Buurthuis" { Schaal = "groot" }';
        await fix(input, 'HRK020', base + 'typologie Buurthuis "Buurthuis" { Schaal = "groot" Gerichtheid = "intern" }');
    });

    test('HRK021: replaces a value not on the scale by the closest one that is', async () => {
        const input = base + 'typologie Buurthuis "Buurthuis" { Schaal = "middel groot" Gerichtheid = "extern" }';
        expect(await offered(input, 'HRK021')).toEqual(['Vervang "middel groot" door "middelgroot"']);
        await fix(input, 'HRK021', input.replace('"middel groot"', '"middelgroot"'));
    });

    test('HRK040: replaces a scenario answer the question does not offer by the closest one', async () => {
        const input = base + `beslisboom Boom "Boom" {
    vraag V "v?" { antwoord "vaak" -> A antwoord "nooit" -> B }
    advies A "a"
    advies B "b"
}
scenario "s" { beslisboom Boom V: "vak" verwacht A }`;
        expect(await offered(input, 'HRK040')).toEqual(['Vervang "vak" door "vaak"']);
        await fix(input, 'HRK040', input.replace('V: "vak"', 'V: "vaak"'));
    });

    test('HRK050: moves an expired geldig tot to one year after today', async () => {
        const input = base + 'financiering SOO "SOO" {\n    termijn incidenteel\n    voor Huiskamer\n    geldig tot 2026-01-01\n}';
        expect(await offered(input, 'HRK050')).toEqual(['Verleng tot een jaar na vandaag: geldig tot 2027-11-27']);
        await fix(input, 'HRK050', input.replace('2026-01-01', '2027-11-27'));
    });

    test('no fix where none is clear (HRK014: every answer leads to the same node)', async () => {
        await fix(base + 'beslisboom Boom "Boom" {\n    vraag V "v?" { ja -> A nee -> A }\n    advies A "a"\n}', 'HRK014', undefined);
    });

    test('titles follow the display language; the inserted text stays Dutch', async () => {
        services.i18n.Locale.lang = 'en';
        const input = base + 'beslisboom Boom "Boom" {\n    vraag V "v?" { ja -> A nee -> Nieuw }\n    advies A "a"\n}';
        expect(await offered(input, LINKING)).toEqual([
            'Create advice ‘Nieuw’: advies Nieuw "…"',
            'Create question ‘Nieuw’: vraag Nieuw "…" { }'
        ]);
    });
});
