import * as fs from 'node:fs';
import { EmptyFileSystem, type AstNode, type Module } from 'langium';
import { parseHelper } from 'langium/test';
import { createServicesForGrammar } from 'langium/grammar';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { createHandreikingServices, type HandreikingServices } from '../../language/handreiking-module.js';
import {
    isAdvies, isAls, isAlleTypologieen, isBerekening, isBeslisboom, isEnOf, isFinanciering, isGetalwaarde, isHaakjes, isHoofdstuk, isKenmerk,
    isMinimumMaximum, isPartij, isRekenEnOf, isRekensom, isScenario, isStap, isTegengesteld, isTypologie, isTypologieLijst, isTypologieVoorwaarde,
    isVergelijking, isVraag, type Gids
} from '../../language/generated/ast.js';
import { HandreikingLanguageMetaData } from '../../language/generated/module.js';
import { exampleFiles } from '../helpers.js';

/** Every construct of the language in one file (kept in sync with docs/language.md). */
const everything = `
/** Schaal van de ruimte. */
kenmerk Schaal "Schaal" { "zeer klein", "klein", "middelgroot", "groot", "zeer groot" }
kenmerk Gerichtheid "Gerichtheid" { "intern", "extern" }

/** Een kleine ruimte. */
typologie Koffiehonk "'t Koffieho(n)k" {
    Schaal = "zeer klein"
    Gerichtheid = "intern"
    activiteiten "koffie", "kaarten"
    vergelijkbaar "Symfonieflat", "Huuskamer"
    toelichting "Kleinschalig."
}
typologie Buurthuis "Het buurthuis" { Schaal = "zeer groot" Gerichtheid = "extern" }

/** Stroomschema. */
beslisboom Bewonersbeheer "Revitalisatie: bewonersbeheer" {
    start Stabiel
    toelichting "Uit de werkgroep."
    /** Eerste vraag. */
    vraag Stabiel "Is de bewonersbeheergroep stabiel?" {
        ja  -> Doel
        nee -> Voedsel
        toelichting "Stabiel = al een jaar dezelfde mensen."
    }
    vraag Voedsel "Wordt er eten bereid?" {
        antwoord "structureel"        -> Hygienecode
        antwoord "incidenteel"        -> Checklist
        antwoord "alleen voorverpakt" -> Privé
    }
    advies Hygienecode "Werk met de hygiënecode" {
        voorbeeld "Hygiënecode voor vrijwilligers"
        voorbeeld "Tweede voorbeeld"
        zie SociaalBeheer
        zie Bewonersbeheer.Checklist
        zie Dagbesteding
        zie Koffiehonk
        typologie Koffiehonk
        daarna -> Checklist
        toelichting "Bij structurele bereiding."
    }
    advies Checklist "Gebruik de checklist"
    advies Privé "Geen actie nodig" { }
    stap Doel "Doel en doelgroepen formuleren" -> Checklist { toelichting "Stap 1." zie Bewonersbeheer }
}

financiering HuurBewoners "Huur van de bewoners" {
    termijn structureel
    voor alle typologieen
    via "verdisconteren via WWS", "verrekenen in de servicekosten"
}
financiering SOO "SOO" {
    termijn incidenteel
    voor Koffiehonk, Buurthuis
    voorwaarde "Minstens de helft van de bewoners is 55+"
    voorwaarde "Bouw nog niet gestart"
    bron "https://wetten.overheid.nl/BWBR0045929"
    geldig tot 2027-01-01
}
financiering Dagbesteding "Collectieve dagbesteding vanuit de WMO" {
    termijn meerjarig
    voor typologie waar Schaal >= "groot" en Gerichtheid = "extern" of (Schaal <= "klein" en Gerichtheid != "extern")
}

partij Gemeente "Gemeente" {
    betrokken bij Buurthuis, Koffiehonk
    rol "Financiert opbouwwerk"
    rol "Verleent subsidie"
    kracht "Verbindt met welzijn"
    valkuil "Subsidie is kortlopend"
    toelichting "De gemeente."
}

hoofdstuk SociaalBeheer "Inrichten sociaal beheer" { werkgroep "WG1" toelichting "Hoofdstuk 3." }
hoofdstuk Quickscan "Quickscan"

scenario "Structureel eten leidt tot de hygiënecode" {
    beslisboom Bewonersbeheer
    Stabiel: nee
    Voedsel: "structureel"
    verwacht Checklist
}
`;

/** Every place a herkomst may stand, `onbekend`, and a scenario's `langs` (docs/language.md, "herkomst"). */
const provenance = `herkomst handreiking "dia Financiën"
kenmerk Schaal "Schaal" { "klein", "groot" }
typologie T "T" {
    herkomst gereconstrueerd "reden"
    Schaal = onbekend herkomst handreiking "dia 4"
    activiteiten "a", "b" herkomst illustratief
    vergelijkbaar "c"
    toelichting "t" herkomst bron "https://example.org"
}
beslisboom B "B" {
    herkomst illustratief
    start V
    toelichting "b" herkomst handreiking
    vraag V "v?" { herkomst handreiking "dia 7" ja -> A nee -> S toelichting "v" herkomst illustratief }
    advies A "a" { herkomst bron "x" toelichting "a" herkomst gereconstrueerd "r" daarna -> Z }
    stap S "s" -> Z { herkomst illustratief toelichting "s" herkomst illustratief }
    advies Z "z"
}
financiering F "F" {
    herkomst bron "https://wetten.overheid.nl/BWBR0045929"
    termijn structureel
    voor typologie waar Schaal = "klein" herkomst gereconstrueerd "r"
    voorwaarde "v" herkomst bron "y"
    toelichting "f" herkomst illustratief
}
partij P "P" { herkomst gereconstrueerd "r" rol "r" toelichting "p" herkomst illustratief }
hoofdstuk H "H" { herkomst handreiking werkgroep "w" toelichting "h" herkomst illustratief }
scenario "s" { beslisboom B V: ja langs A, Z verwacht Z }
`;

/** Every construct of a calculation, and both scenario forms of a calculation (docs/language.md, "berekening"). */
const calculations = `
/** De bijdrage. */
berekening SooBijdrage "Bijdrage uit de SOO" {
    herkomst bron "https://wetten.overheid.nl/BWBR0045929"
    invoer oppervlakte "Bruto vloeroppervlak" in m2
    invoer woningen "Aantal woningen"
    invoer prijs "Prijs" in euro per m2
    invoer bouwkosten "Bouwkosten" in euro, optioneel
    invoer aantal "Aantal" in getal
    niet van toepassing als woningen < 5 "minder dan 5 woningen" herkomst bron "artikel 3"
    niet van toepassing als (woningen > 1.000 of oppervlakte <= 0 m2) en woningen != 7
    plafond "Plafond van de bijdrage" = als woningen <= 20 dan 100.000 euro anders als woningen <= 50 dan 150000 euro anders 175.000,50 euro herkomst bron "artikel 4"
    x = (2 + 3) * 4 - -1 + afronden(oppervlakte / 3 m2, 2) + afronden(2,5) + maximum(1, 2, 3)
    uitkomst "Bijdrage" in euro = minimum(2500 euro per m2 * oppervlakte, plafond, bouwkosten) herkomst gereconstrueerd "r"
    toelichting "t"
}
financiering SOO "SOO" { termijn incidenteel voor alle typologieen berekening SooBijdrage }
beslisboom B "B" { advies A "a" { berekening SooBijdrage } }
scenario "SOO: 45 m², 16 woningen" {
    berekening SooBijdrage
    oppervlakte: 45
    woningen: 16
    prijs: 2,5
    aantal: -3
    verwacht 100.000
}
scenario "SOO: 4 woningen" {
    berekening SooBijdrage
    oppervlakte: 30
    woningen: 4
    verwacht niet van toepassing
}
`;

describe('parsing every construct', () => {
    const services = createHandreikingServices(EmptyFileSystem).Handreiking;
    const parse = parseHelper<Gids>(services);

    test('parses without lexer or parser errors and builds the expected tree', async () => {
        const doc = await parse(everything);
        expect(doc.parseResult.lexerErrors).toEqual([]);
        expect(doc.parseResult.parserErrors).toEqual([]);
        const e = doc.parseResult.value.elementen;
        expect(e.map(x => x.$type)).toEqual([
            'Kenmerk', 'Kenmerk', 'Typologie', 'Typologie', 'Beslisboom', 'Financiering', 'Financiering', 'Financiering',
            'Partij', 'Hoofdstuk', 'Hoofdstuk', 'Scenario'
        ]);
        const schaal = e.find(isKenmerk)!;
        expect(schaal.waarden).toEqual(['zeer klein', 'klein', 'middelgroot', 'groot', 'zeer groot']);

        const koffiehonk = e.find(isTypologie)!;
        expect(koffiehonk.titel).toBe("'t Koffieho(n)k");
        expect(koffiehonk.waarden.map(w => [w.kenmerk.$refText, w.waarde])).toEqual([['Schaal', 'zeer klein'], ['Gerichtheid', 'intern']]);
        expect(koffiehonk.activiteiten).toEqual(['koffie', 'kaarten']);
        expect(koffiehonk.vergelijkbaar).toEqual(['Symfonieflat', 'Huuskamer']);

        const boom = e.find(isBeslisboom)!;
        expect(boom.start?.$refText).toBe('Stabiel');
        expect(boom.toelichting).toBe('Uit de werkgroep.');
        const [stabiel, voedsel, hygiene, , prive, doel] = boom.knopen;
        if (!isVraag(stabiel) || !isVraag(voedsel) || !isAdvies(hygiene) || !isAdvies(prive) || !isStap(doel)) throw new Error('kinds');
        expect(stabiel.antwoorden.map(a => [a.soort, a.doel.$refText])).toEqual([['ja', 'Doel'], ['nee', 'Voedsel']]);
        expect(stabiel.toelichting).toEqual(['Stabiel = al een jaar dezelfde mensen.']);
        expect(voedsel.antwoorden.map(a => a.label)).toEqual(['structureel', 'incidenteel', 'alleen voorverpakt']);
        expect(hygiene.voorbeelden).toHaveLength(2);
        expect(hygiene.zie.map(z => z.$refText)).toEqual(['SociaalBeheer', 'Bewonersbeheer.Checklist', 'Dagbesteding', 'Koffiehonk']);
        expect(hygiene.typologie[0].$refText).toBe('Koffiehonk');
        expect(hygiene.daarna[0].$refText).toBe('Checklist');
        expect(prive.name).toBe('Privé');
        expect(doel.volgende?.$refText).toBe('Checklist');
        expect(doel.zie[0].$refText).toBe('Bewonersbeheer');
        // The documentation comment belongs to the element it precedes.
        expect(services.documentation.CommentProvider.getComment(stabiel)).toBe('/** Eerste vraag. */');

        const [huur, soo, dagbesteding] = e.filter(isFinanciering);
        expect(isAlleTypologieen(huur.voor[0])).toBe(true);
        expect(huur.via).toHaveLength(2);
        expect(isTypologieLijst(soo.voor[0])).toBe(true);
        expect(soo.geldigTot).toEqual(['2027-01-01']);
        expect(soo.voorwaarden).toHaveLength(2);
        expect(soo.bronnen).toEqual(['https://wetten.overheid.nl/BWBR0045929']);
        const voor = dagbesteding.voor[0];
        if (!isTypologieVoorwaarde(voor)) throw new Error('condition');
        // `en` binds tighter than `of`: (A en B) of (C en D)
        const top = voor.conditie;
        if (!isEnOf(top)) throw new Error('binary');
        expect(top.operator).toBe('of');
        // Typed as the operand rule (Basisconditie), but `en` nests an EnOf here: read it as the
        // product code does, as any node.
        const left: AstNode = top.left;
        expect(isEnOf(left) && left.operator).toBe('en');
        expect(isHaakjes(top.right)).toBe(true);
        if (!isEnOf(left) || !isVergelijking(left.left)) throw new Error('comparison');
        expect([left.left.kenmerk.$refText, left.left.operator, left.left.waarde]).toEqual(['Schaal', '>=', 'groot']);

        const partij = e.find(isPartij)!;
        expect(partij.rollen).toHaveLength(2);
        expect(partij.betrokkenBij.map(b => b.$refText)).toEqual(['Buurthuis', 'Koffiehonk']);
        const hoofdstukken = e.filter(isHoofdstuk);
        expect(hoofdstukken[0].werkgroep).toEqual(['WG1']);
        expect(hoofdstukken[1].titel).toBe('Quickscan');

        const scenario = e.find(isScenario)!;
        expect(scenario.name).toBe('Structureel eten leidt tot de hygiënecode');
        expect(scenario.stappen.map(s => [s.vraag.$refText, s.soort ?? s.label])).toEqual([['Stabiel', 'nee'], ['Voedsel', 'structureel']]);
    });

    test('herkomst at the top of the file and of every block, behind every line that may carry one; onbekend; langs', async () => {
        const doc = await parse(provenance);
        expect(doc.parseResult.lexerErrors).toEqual([]);
        expect(doc.parseResult.parserErrors).toEqual([]);
        const gids = doc.parseResult.value;
        expect(gids.herkomst.map(h => [h.soort, h.tekst])).toEqual([['handreiking', 'dia Financiën']]);
        const own = gids.elementen.flatMap(e => 'herkomst' in e && Array.isArray(e.herkomst) ? e.herkomst.map(h => `${e.name}:${h.soort}`) : []);
        expect(own).toEqual(['T:gereconstrueerd', 'B:illustratief', 'F:bron', 'P:gereconstrueerd', 'H:handreiking']);
        const lines = gids.elementen.flatMap(e => 'regelHerkomst' in e ? e.regelHerkomst.map(h => `${e.name}:${h.soort}`) : []);
        expect(lines).toEqual(['T:illustratief', 'T:bron', 'B:handreiking', 'F:gereconstrueerd', 'F:bron', 'F:illustratief', 'P:illustratief', 'H:illustratief']);
        const typologie = gids.elementen.find(isTypologie)!;
        expect([typologie.waarden[0]!.onbekend, typologie.waarden[0]!.waarde]).toEqual([true, undefined]);
        expect(typologie.waarden[0]!.herkomst?.tekst).toBe('dia 4');
        const boom = gids.elementen.find(isBeslisboom)!;
        expect(boom.knopen.map(k => k.herkomst.map(h => h.soort).join() + '/' + k.regelHerkomst.map(h => h.soort).join()))
            .toEqual(['handreiking/illustratief', 'bron/gereconstrueerd', 'illustratief/illustratief', '/']);
        expect(gids.elementen.find(isScenario)!.langs.map(l => l.$refText)).toEqual(['A', 'Z']);
    });

    test('herkomst where it may not stand is a syntax error: after zie, in a characteristic, in a scenario, twice behind a line', async () => {
        for (const text of [
            'beslisboom B "b" { advies A "a" { zie B herkomst illustratief } }',
            'kenmerk K "k" herkomst illustratief { "a" }',
            'kenmerk K "k" { herkomst illustratief "a" }',
            'scenario "s" { herkomst illustratief beslisboom B verwacht A }',
            'kenmerk K "k" { "a" }\ntypologie T "t" { K = "a" herkomst illustratief herkomst handreiking }',
            'hoofdstuk H "h" { werkgroep "w" herkomst illustratief }'
        ]) {
            const doc = await parse(text);
            expect(doc.parseResult.parserErrors.length, text).toBeGreaterThan(0);
        }
    });

    test('calculations: inputs, niet van toepassing, values, the outcome, units, precedence, numbers as the Dutch write them', async () => {
        const doc = await parse(calculations);
        expect(doc.parseResult.lexerErrors).toEqual([]);
        expect(doc.parseResult.parserErrors).toEqual([]);
        const [berekening, financiering, boom, scenario, nvt] = doc.parseResult.value.elementen;
        if (!isBerekening(berekening) || !isFinanciering(financiering) || !isBeslisboom(boom) || !isScenario(scenario) || !isScenario(nvt)) throw new Error('kinds');
        expect(berekening.invoer.map(i => [i.name, i.eenheid?.getal ? 'getal' : [i.eenheid?.teller, i.eenheid?.noemer].filter(Boolean).join(' per '), i.optioneel]))
            .toEqual([['oppervlakte', 'm2', false], ['woningen', '', false], ['prijs', 'euro per m2', false], ['bouwkosten', 'euro', true], ['aantal', 'getal', false]]);
        expect(berekening.nietVanToepassing.map(n => [n.reden, n.herkomst?.tekst])).toEqual([['minder dan 5 woningen', 'artikel 3'], [undefined, undefined]]);
        const second = berekening.nietVanToepassing[1].conditie;
        // `en` binds tighter than `of`, parentheses first: ((a of b) en c).
        expect(isRekenEnOf(second) && second.operator).toBe('en');
        expect(berekening.waarden.map(w => w.name)).toEqual(['plafond', 'x']);
        // A title is optional; the `niet van toepassing` above, which has no reason, does not take it for one.
        expect(berekening.waarden.map(w => w.titel)).toEqual(['Plafond van de bijdrage', undefined]);
        const plafond = berekening.waarden[0].waarde;
        // Langium's inferred types leave a number out of the branches' union: widen to AstNode to test.
        if (!isAls(plafond) || !isAls(plafond.anders)) throw new Error('als chain');
        const dan: AstNode = plafond.dan;
        const anders: AstNode | undefined = plafond.anders.anders;
        if (!isGetalwaarde(dan) || !isGetalwaarde(anders)) throw new Error('als chain');
        expect([dan.getal, anders.getal]).toEqual(['100.000', '175.000,50']);
        expect(berekening.waarden[0].herkomst?.tekst).toBe('artikel 4');
        // * and / before + and -, each left to right: ((((2 + 3) * 4) - -1) + afronden(…)) + …
        const x = berekening.waarden[1].waarde;
        const left = (n: AstNode | undefined): AstNode | undefined => isRekensom(n) ? n.left : undefined;
        const sums = [x, left(x), left(left(x)), left(left(left(x)))];
        expect(sums.map(n => isRekensom(n) ? n.operator : undefined)).toEqual(['+', '+', '+', '-']);
        const innermost = sums[3];
        expect(isRekensom(innermost) && isTegengesteld(innermost.right)).toBe(true);
        if (!isRekensom(x)) throw new Error('sum');
        expect(isMinimumMaximum(x.right) && x.right.argumenten).toHaveLength(3);
        const uitkomst = berekening.uitkomst[0];
        expect([uitkomst.titel, uitkomst.eenheid?.teller, uitkomst.herkomst?.soort]).toEqual(['Bijdrage', 'euro', 'gereconstrueerd']);
        expect(financiering.berekening.map(r => r.$refText)).toEqual(['SooBijdrage']);
        expect(isAdvies(boom.knopen[0]) && boom.knopen[0].berekening.map(r => r.$refText)).toEqual(['SooBijdrage']);
        expect(scenario.berekening?.$refText).toBe('SooBijdrage');
        expect(scenario.invoer.map(i => [i.invoer.$refText, i.waarde.negatief, i.waarde.waarde])).toEqual([
            ['oppervlakte', false, '45'], ['woningen', false, '16'], ['prijs', false, '2,5'], ['aantal', true, '3']
        ]);
        expect([scenario.uitkomst?.waarde, scenario.nietVanToepassing]).toEqual(['100.000', false]);
        expect([nvt.uitkomst, nvt.nietVanToepassing]).toEqual([undefined, true]);
    });

    test('a number with a decimal point, and minimum of one argument (2,5 is a number), are syntax errors', async () => {
        for (const text of [
            'berekening B "b" { uitkomst "u" in getal = 1.5 }',
            'berekening B "b" { uitkomst "u" in getal = minimum(2,5) }',
            'berekening B "b" { uitkomst "u" in getal = 2 + als 1 < 2 dan 1 anders 2 }'
        ]) {
            const doc = await parse(text);
            expect(doc.parseResult.parserErrors.length + doc.parseResult.lexerErrors.length, text).toBeGreaterThan(0);
        }
    });

    test('the words of a calculation are reserved too', async () => {
        for (const word of ['berekening', 'invoer', 'uitkomst', 'als', 'dan', 'anders', 'in', 'per', 'euro', 'm2', 'getal', 'optioneel', 'minimum', 'afronden']) {
            const doc = await parse(`hoofdstuk ${word} "x"`);
            expect(doc.parseResult.parserErrors.length, word).toBeGreaterThan(0);
        }
    });

    test('the reserved words ja, nee, en, of, voor and alle cannot be names', async () => {
        for (const word of ['ja', 'nee', 'en', 'of', 'voor', 'alle']) {
            const doc = await parse(`hoofdstuk ${word} "x"`);
            expect(doc.parseResult.parserErrors.length, word).toBeGreaterThan(0);
        }
    });
});

describe('the grammar is unambiguous', () => {
    const logged: string[] = [];
    const spy = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => { logged.push(args.join(' ')); });
    const warn = vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => { logged.push(args.join(' ')); });
    afterAll(() => { spy.mockRestore(); warn.mockRestore(); });

    // Development mode runs Chevrotain's grammar validations and lets the ALL(*) lookahead
    // report ambiguities it meets while parsing; production mode (the shipped one) skips both.
    const development: Module<HandreikingServices, object> = {
        LanguageMetaData: () => ({ ...HandreikingLanguageMetaData, mode: 'development' })
    };

    test('no definition errors and no ambiguity reports on every construct and every example', async () => {
        const services = createHandreikingServices(EmptyFileSystem, { language: development as never }).Handreiking;
        expect(services.LanguageMetaData.mode).toBe('development');
        expect(services.parser.LangiumParser.definitionErrors).toEqual([]);
        const inputs = [everything, provenance, calculations, ...exampleFiles().map(f => fs.readFileSync(f, 'utf-8'))];
        for (const input of inputs) {
            const result = services.parser.LangiumParser.parse(input);
            expect(result.parserErrors).toEqual([]);
        }
        expect(logged.filter(l => /ambigu/i.test(l))).toEqual([]);
    });

    test('control: the same detection reports a grammar that is ambiguous', async () => {
        logged.length = 0;
        const ambiguous = await createServicesForGrammar({ grammar: `grammar Amb
            entry M: (a+=A | b+=B)*;
            A: name=ID;
            B: name=ID;
            hidden terminal WS: /\\s+/;
            terminal ID: /[a-z]+/;` });
        ambiguous.parser.LangiumParser.parse('abc def');
        expect(logged.filter(l => /ambigu/i.test(l)).length).toBeGreaterThan(0);
    });
});
