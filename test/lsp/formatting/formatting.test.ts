import * as fs from 'node:fs';
import { afterEach, describe, expect, test } from 'vitest';
import { expectFormatting, parseDocument } from 'langium/test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { clearAll, createTestServices, exampleFiles } from '../../helpers.js';

const services = createTestServices();
const formatting = expectFormatting(services);
afterEach(() => clearAll(services));

/** Formats once and checks the result, then formats the result and checks nothing changes. */
async function formatsTo(before: string, after: string): Promise<void> {
    await formatting({ before, after });
    await formatting({ before: after, after });
}

async function format(text: string, options = { tabSize: 4, insertSpaces: true }): Promise<string> {
    const document = await parseDocument(services, text);
    const edits = await services.lsp.Formatter!.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options });
    return TextDocument.applyEdits(document.textDocument, edits);
}

describe('formatter', () => {
    test('a calculation: one rule per line, functions against their (, a minus against its number, continuation lines one level deeper', async () => {
        await formatsTo(`berekening Soo "Bijdrage" {
  herkomst bron "x"
      invoer oppervlakte   "Oppervlak" in m2
  invoer bouwkosten "Bouwkosten" in euro , optioneel
  niet van toepassing als oppervlakte<0 m2 "negatief"
  plafond   "Plafond"=als oppervlakte <= 20 m2 dan 100.000 euro
        anders 175.000 euro
  uitkomst "Bijdrage" in euro = minimum ( 2500 euro per m2*oppervlakte , plafond,bouwkosten ) + ( 1 - -3 ) * 0 euro
}
scenario "S" { berekening Soo
     oppervlakte : -45
  verwacht   100.000
}
`, `berekening Soo "Bijdrage" {
    herkomst bron "x"
    invoer oppervlakte "Oppervlak" in m2
    invoer bouwkosten "Bouwkosten" in euro, optioneel
    niet van toepassing als oppervlakte < 0 m2 "negatief"
    plafond "Plafond" = als oppervlakte <= 20 m2 dan 100.000 euro
        anders 175.000 euro
    uitkomst "Bijdrage" in euro = minimum(2500 euro per m2 * oppervlakte, plafond, bouwkosten) + (1 - -3) * 0 euro
}
scenario "S" {
    berekening Soo
    oppervlakte: -45
    verwacht 100.000
}
`);
    });

    test('indents blocks, puts one space between tokens and keeps every comment where it is', async () => {
        await formatsTo(`// Kop van het bestand
kenmerk Schaal "Schaal"{"klein" ,"middel","groot"}
   kenmerk Gerichtheid "Gerichtheid" {
 "intern",
         "extern" }


/** Documentatie van de typologie. */
typologie Huiskamer   "Huiskamer" { Schaal="klein"  Gerichtheid = "intern" }
financiering Huur "Huur" {
termijn structureel
     voor typologie waar ( Schaal >= "klein" of Gerichtheid= "extern" )en Schaal != "groot"   // staart
  geldig   tot 2030-01-01
  via "a" , "b",
      "c"
}
beslisboom Boom "Boom" {
  start V
      toelichting "x"

        /** Documentatie van V
         *  over twee regels */
    vraag V "Stabiel?" { ja -> A nee -> B }
  advies A "Ga door"
  advies B "Stop" { daarna -> A zie Boom . V }
      /* los */ stap S "s"
  -> A
}
scenario "s" { beslisboom Boom V : ja verwacht A }
`, `// Kop van het bestand
kenmerk Schaal "Schaal" { "klein", "middel", "groot" }
kenmerk Gerichtheid "Gerichtheid" {
    "intern",
    "extern"
}


/** Documentatie van de typologie. */
typologie Huiskamer "Huiskamer" { Schaal = "klein" Gerichtheid = "intern" }
financiering Huur "Huur" {
    termijn structureel
    voor typologie waar (Schaal >= "klein" of Gerichtheid = "extern") en Schaal != "groot"   // staart
    geldig tot 2030-01-01
    via "a", "b",
        "c"
}
beslisboom Boom "Boom" {
    start V
    toelichting "x"

    /** Documentatie van V
     *  over twee regels */
    vraag V "Stabiel?" { ja -> A nee -> B }
    advies A "Ga door"
    advies B "Stop" { daarna -> A zie Boom.V }
    /* los */ stap S "s"
        -> A
}
scenario "s" { beslisboom Boom V: ja verwacht A }
`);
    });

    test('aligns the arrows of the answers within one question, and keeps comments beside them', async () => {
        await formatsTo(`beslisboom Boom "Boom" {
    vraag V "Hoe vaak?" {
        antwoord "vaak" -> A // meestal
      antwoord "heel zelden"->B
        ja->A
           nee    -> B
        // los commentaar

    }
    advies A "a"
    advies B "b"
}
`, `beslisboom Boom "Boom" {
    vraag V "Hoe vaak?" {
        antwoord "vaak"        -> A // meestal
        antwoord "heel zelden" -> B
        ja                     -> A
        nee                    -> B
        // los commentaar
    }
    advies A "a"
    advies B "b"
}
`);
    });

    test('the usual ja/nee pair: two spaces after ja', async () => {
        await formatsTo('beslisboom B "b" {\n    vraag V "v?" {\n        ja -> A\n        nee -> A2\n    }\n    advies A "a"\n    advies A2 "b"\n}\n',
            'beslisboom B "b" {\n    vraag V "v?" {\n        ja  -> A\n        nee -> A2\n    }\n    advies A "a"\n    advies A2 "b"\n}\n');
    });

    test('a block written on one line stays on one line; a multi-line block gets one item per line', async () => {
        await formatsTo(`hoofdstuk H "Hoofdstuk" {werkgroep "WG1"}
partij P "Partij" { rol "r"
kracht "k" valkuil "v" }
`, `hoofdstuk H "Hoofdstuk" { werkgroep "WG1" }
partij P "Partij" {
    rol "r"
    kracht "k"
    valkuil "v"
}
`);
    });

    test('keeps at most one blank line between elements and between items', async () => {
        await formatsTo('kenmerk A "a" { "x" }\n\n\n\nkenmerk B "b" { "y" }\nbeslisboom T "t" {\n    start X\n\n\n\n    advies X "x"\n}\n',
            'kenmerk A "a" { "x" }\n\nkenmerk B "b" { "y" }\nbeslisboom T "t" {\n    start X\n\n    advies X "x"\n}\n');
    });

    test('indents with tabs when the editor does', async () => {
        expect(await format('beslisboom T "t" {\n  advies X "x" {\n  toelichting "t"\n  }\n}\n', { tabSize: 4, insertSpaces: false }))
            .toBe('beslisboom T "t" {\n\tadvies X "x" {\n\t\ttoelichting "t"\n\t}\n}\n');
    });

    test('formats only the selected lines', async () => {
        await formatting({
            before: 'kenmerk A "a"{"x"}\nkenmerk B "b"{"y"}\nkenmerk C "c"{"z"}\n',
            range: { start: { line: 1, character: 0 }, end: { line: 1, character: 18 } },
            after: 'kenmerk A "a"{"x"}\nkenmerk B "b" { "y" }\nkenmerk C "c"{"z"}\n'
        });
    });

    test('herkomst: the file\'s at column 0, a block\'s on its own first line, a line\'s on that line', async () => {
        await formatsTo(`   herkomst handreiking "dia 1"
kenmerk K "k" { "a" }
typologie T "T" {   herkomst gereconstrueerd "r"
K = "a"    herkomst   bron "b"
  activiteiten "x", "y"  herkomst illustratief
    toelichting "t" herkomst illustratief }
scenario "s" { beslisboom B
langs A ,  C
verwacht C }
`, `herkomst handreiking "dia 1"
kenmerk K "k" { "a" }
typologie T "T" {
    herkomst gereconstrueerd "r"
    K = "a" herkomst bron "b"
    activiteiten "x", "y" herkomst illustratief
    toelichting "t" herkomst illustratief
}
scenario "s" {
    beslisboom B
    langs A, C
    verwacht C
}
`);
    });

    test('leaves a document with a syntax error alone', async () => {
        const broken = 'kenmerk A "a"{"x"}\nbeslisboom B "b" { vraag V "v?" { ja A } }\n';
        expect(await format(broken)).toBe(broken);
    });

    test('changes only whitespace in every example, and a second run changes nothing', async () => {
        for (const file of exampleFiles()) {
            const text = fs.readFileSync(file, 'utf-8');
            const formatted = await format(text);
            expect(formatted.replace(/\s+/g, ''), file).toBe(text.replace(/\s+/g, ''));
            expect(await format(formatted), file).toBe(formatted);
            await clearAll(services);
        }
    });

    test('leaves a hand-formatted example as it is', async () => {
        const quickscan = fs.readFileSync(exampleFiles().find(f => f.endsWith('quickscan.hrk'))!, 'utf-8');
        expect(await format(quickscan)).toBe(quickscan);
    });
});
