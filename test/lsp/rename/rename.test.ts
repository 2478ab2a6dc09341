import { afterEach, describe, expect, test } from 'vitest';
import type { LangiumDocument } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ResponseError } from 'vscode-languageserver';
import type { Gids } from '../../../language/generated/ast.js';
import { clearAll, createTestServices, validateFiles } from '../../helpers.js';

const services = createTestServices();
afterEach(() => clearAll(services));

const typen = `kenmerk Schaal "Schaal" { "klein", "groot" }
typologie Buurthuis "Het buurthuis" { Schaal = "groot" }
financiering Huur "Huur" { termijn structureel voor Buurthuis }
financiering Fonds "Fonds" { termijn meerjarig voor typologie waar Schaal >= "klein" }
hoofdstuk SociaalBeheer "Inrichten sociaal beheer"
partij Gemeente "Gemeente" { betrokken bij Buurthuis }
beslisboom Eerste "Eerste" {
    vraag Stabiel "Stabiel?" { ja -> Klaar nee -> Verder }
    advies Klaar "Klaar" { zie SociaalBeheer zie Tweede.Stabiel zie Buurthuis zie Tweede }
    advies Verder "Verder" { zie Stabiel zie Huur typologie Buurthuis }
}
`;
const bomen = `beslisboom Tweede "Tweede" {
    start Stabiel
    vraag Stabiel "Ook stabiel?" { ja -> Klaar nee -> Weg }
    stap Klaar "Ook klaar" -> Weg { zie Eerste.Stabiel zie Tweede.Weg }
    advies Weg "Weg"
}
scenario "s" { beslisboom Tweede Stabiel: nee verwacht Weg }
`;

type Docs = Map<string, LangiumDocument<Gids>>;

async function workspace(): Promise<Docs> {
    return validateFiles(services, { 'typen.hrk': typen, 'bomen.hrk': bomen });
}

/** Renames the element at the `nth` occurrence of `at` in `file` and returns every file's whole text afterwards. */
async function rename(docs: Docs, file: string, at: string, newName: string, nth = 0): Promise<Record<string, string>> {
    const document = docs.get(file)!;
    const position = positionOf(document, at, nth);
    const edit = await services.lsp.RenameProvider!.rename(document, { textDocument: { uri: document.uri.toString() }, position, newName });
    const texts: Record<string, string> = {};
    for (const [name, doc] of docs) {
        const edits = edit?.changes?.[doc.uri.toString()] ?? [];
        texts[name] = TextDocument.applyEdits(doc.textDocument, edits);
    }
    return texts;
}

function positionOf(document: LangiumDocument, at: string, nth = 0) {
    const text = document.textDocument.getText();
    let offset = -1;
    for (let i = 0; i <= nth; i++) offset = text.indexOf(at, offset + 1);
    if (offset < 0) throw new Error(`${at} not found`);
    return document.textDocument.positionAt(offset + 1);
}

/** The renamed texts as a workspace again: it must link and check without errors. */
async function expectClean(texts: Record<string, string>): Promise<void> {
    await clearAll(services);
    const docs = await validateFiles(services, texts);
    for (const doc of docs.values()) expect(doc.diagnostics?.filter(d => d.severity === 1)).toEqual([]);
}

async function refusal(docs: Docs, file: string, at: string, newName: string, nth = 0): Promise<string> {
    const error = await rename(docs, file, at, newName, nth).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseError);
    return (error as ResponseError<void>).message;
}

describe('rename across files', () => {
    test('the workspace is clean to start with', async () => {
        await expectClean({ 'typen.hrk': typen, 'bomen.hrk': bomen });
    });

    test('a node: its arrows, start, scenario step, and Boom.Knoop in the other file (only the part after the dot)', async () => {
        const texts = await rename(await workspace(), 'bomen.hrk', 'Stabiel "Ook', 'Vast');
        expect(texts['bomen.hrk']).toBe(`beslisboom Tweede "Tweede" {
    start Vast
    vraag Vast "Ook stabiel?" { ja -> Klaar nee -> Weg }
    stap Klaar "Ook klaar" -> Weg { zie Eerste.Stabiel zie Tweede.Weg }
    advies Weg "Weg"
}
scenario "s" { beslisboom Tweede Vast: nee verwacht Weg }
`);
        expect(texts['typen.hrk']).toBe(typen.replace('zie Tweede.Stabiel', 'zie Tweede.Vast'));
        await expectClean(texts);
    });

    test('a node named after langs in a scenario is renamed there too', async () => {
        const withLangs = bomen.replace('scenario "s" { beslisboom Tweede Stabiel: nee verwacht Weg }', 'scenario "s" { beslisboom Tweede Stabiel: ja langs Klaar verwacht Weg }');
        await clearAll(services);
        const docs = await validateFiles(services, { 'typen.hrk': typen, 'bomen.hrk': withLangs });
        const texts = await rename(docs, 'bomen.hrk', 'Klaar "Ook', 'Gereed');
        expect(texts['bomen.hrk']).toContain('scenario "s" { beslisboom Tweede Stabiel: ja langs Gereed verwacht Weg }');
        await expectClean(texts);
    });

    test('a node from a qualified reference in another file (cursor on the node part)', async () => {
        const texts = await rename(await workspace(), 'typen.hrk', 'Stabiel zie Buurthuis', 'Vast');
        expect(texts['typen.hrk']).toBe(typen.replace('zie Tweede.Stabiel', 'zie Tweede.Vast'));
        expect(texts['bomen.hrk']).toBe(bomen.replace('start Stabiel', 'start Vast').replace('vraag Stabiel', 'vraag Vast').replace('Tweede Stabiel:', 'Tweede Vast:'));
    });

    test('a tree: its name, the scenario, zie, and the Boom. part of every qualified reference', async () => {
        // The cursor is on the tree part of `Tweede.Stabiel`.
        const texts = await rename(await workspace(), 'typen.hrk', 'Tweede.Stabiel', 'Revitalisatie');
        expect(texts['typen.hrk']).toBe(typen.replace('zie Tweede.Stabiel', 'zie Revitalisatie.Stabiel').replace('zie Tweede }', 'zie Revitalisatie }'));
        expect(texts['bomen.hrk']).toBe(`beslisboom Revitalisatie "Tweede" {
    start Stabiel
    vraag Stabiel "Ook stabiel?" { ja -> Klaar nee -> Weg }
    stap Klaar "Ook klaar" -> Weg { zie Eerste.Stabiel zie Revitalisatie.Weg }
    advies Weg "Weg"
}
scenario "s" { beslisboom Revitalisatie Stabiel: nee verwacht Weg }
`);
        await expectClean(texts);
    });

    test('a typology: voor, betrokken bij, zie and an advice’s typologie', async () => {
        const texts = await rename(await workspace(), 'typen.hrk', 'Buurthuis "Het', 'Wijkcentrum');
        expect(texts['typen.hrk']).toBe(typen.replaceAll('Buurthuis', 'Wijkcentrum'));
        expect(texts['bomen.hrk']).toBe(bomen);
        await expectClean(texts);
    });

    test('a characteristic: in typologies and in conditions', async () => {
        const texts = await rename(await workspace(), 'typen.hrk', 'Schaal >=', 'Omvang');
        expect(texts['typen.hrk']).toBe(typen.replace('kenmerk Schaal', 'kenmerk Omvang').replace('Schaal = "groot"', 'Omvang = "groot"').replace('Schaal >=', 'Omvang >='));
        await expectClean(texts);
    });

    test('a funding rule', async () => {
        const texts = await rename(await workspace(), 'typen.hrk', 'Huur typologie', 'HuurBewoners');
        expect(texts['typen.hrk']).toBe(typen.replace('financiering Huur ', 'financiering HuurBewoners ').replace('zie Huur ', 'zie HuurBewoners '));
    });

    test('prepareRename gives the name (or name part) under the cursor; keywords and texts cannot be renamed', async () => {
        const docs = await workspace();
        const document = docs.get('typen.hrk')!;
        const prepare = (at: string) => services.lsp.RenameProvider!.prepareRename(document, { textDocument: { uri: document.uri.toString() }, position: positionOf(document, at) });
        const range = await prepare('Tweede.Stabiel');
        expect(document.textDocument.getText(range!)).toBe('Tweede');
        expect(await prepare('beslisboom Eerste')).toBeUndefined();
        expect(await prepare('"Gemeente"')).toBeUndefined();
    });
});

describe('rename refuses a name that', () => {
    test('another top-level element has, of any kind', async () => {
        expect(await refusal(await workspace(), 'typen.hrk', 'Buurthuis "Het', 'SociaalBeheer'))
            .toBe('De naam ‘SociaalBeheer’ is al gebruikt door een hoofdstuk in deze handreiking. Kies een andere naam.');
    });

    test('another node of the same tree has (but not one of another tree)', async () => {
        const docs = await workspace();
        expect(await refusal(docs, 'bomen.hrk', 'Klaar "Ook', 'Weg')).toBe('De naam ‘Weg’ is al gebruikt in beslisboom ‘Tweede’. Kies een andere naam.');
        const texts = await rename(docs, 'bomen.hrk', 'Klaar "Ook', 'Verder');
        expect(texts['bomen.hrk']).toContain('stap Verder "Ook klaar"');
    });

    test('would make an existing zie point elsewhere', async () => {
        // Tree Eerste has a node Stabiel; `zie SociaalBeheer` there would become `zie Stabiel`.
        expect(await refusal(await workspace(), 'typen.hrk', 'SociaalBeheer "', 'Stabiel'))
            .toBe('In beslisboom ‘Eerste’ zou ‘zie Stabiel’ dan naar een andere knoop of een ander element wijzen. Kies een andere naam.');
    });

    test('is a keyword or not a name', async () => {
        const docs = await workspace();
        expect(await refusal(docs, 'typen.hrk', 'Gemeente "', 'vraag')).toBe('‘vraag’ is een sleutelwoord en kan geen naam zijn.');
        expect(await refusal(docs, 'typen.hrk', 'Gemeente "', 'Ge-meente')).toMatch(/^‘Ge-meente’ is geen geldige naam/);
    });

    test('in English', async () => {
        services.i18n.Locale.lang = 'en';
        try {
            expect(await refusal(await workspace(), 'bomen.hrk', 'Klaar "Ook', 'Weg')).toBe('The name ‘Weg’ is already used in decision tree ‘Tweede’. Choose another name.');
        } finally {
            services.i18n.Locale.lang = 'nl';
        }
    });
});

describe('rename in a calculation', () => {
    const berekening = `berekening Soo "Bijdrage" {
    invoer woningen "Woningen"
    plafond = als woningen <= 20 dan 100 anders 150
    uitkomst "u" in getal = plafond + woningen
}
financiering F "F" { termijn structureel voor alle typologieen berekening Soo }
scenario "s" { berekening Soo woningen: 16 verwacht 116 }
`;

    test('an input: in the rules and in the scenarios; the calculation: in the funding rule and the scenarios', async () => {
        const docs = await validateFiles(services, { 'b.hrk': berekening });
        const renamed = await rename(docs, 'b.hrk', 'woningen "', 'aantal');
        expect(renamed['b.hrk']).toBe(berekening.replace(/woningen/g, 'aantal'));
        const calc = await rename(docs, 'b.hrk', 'Soo "', 'SooBijdrage');
        expect(calc['b.hrk']).toBe(berekening.replace(/\bSoo\b/g, 'SooBijdrage'));
        await expectClean(renamed);
    });

    test('a name taken in the calculation is refused; the same name elsewhere in the guide is fine', async () => {
        const docs = await validateFiles(services, { 'b.hrk': berekening, 't.hrk': 'hoofdstuk Aantal "a"' });
        expect(await refusal(docs, 'b.hrk', 'plafond =', 'woningen')).toBe('De naam ‘woningen’ is al gebruikt in berekening ‘Soo’. Kies een andere naam.');
        const renamed = await rename(docs, 'b.hrk', 'plafond =', 'Aantal');
        expect(renamed['b.hrk']).toBe(berekening.replace(/plafond/g, 'Aantal'));
    });
});
