import { afterEach, describe, expect, test } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { clearAll, createTestServices, textAt, validator, withCode } from '../helpers.js';

const services = createTestServices();
const validate = validator(services);
afterEach(() => clearAll(services));

/**
 * A small, clean guide that each case extends: one characteristic, one typology with structural
 * funding, so that workspace-wide checks stay quiet unless the case provokes them.
 */
const base = `
kenmerk Schaal "Schaal" { "klein", "middel", "groot" }
typologie Huiskamer "Huiskamer" { Schaal = "klein" }
financiering Huur "Huur van de bewoners" { termijn structureel voor alle typologieen }
`;

/** The same guide with every element saying where it comes from, for the cases about herkomst. */
const markedBase = `
kenmerk Schaal "Schaal" { "klein", "middel", "groot" }
typologie Huiskamer "Huiskamer" { herkomst illustratief Schaal = "klein" }
financiering Huur "Huur van de bewoners" { herkomst illustratief termijn structureel voor alle typologieen }
`;

const tree = (body: string) => `${base}
beslisboom Boom "Boom" {
${body}
}`;

/** A calculation named Bijdrage with `body` in its block. */
const calc = (body: string) => `${base}
berekening Bijdrage "Bijdrage" {
${body}
}`;

/** The calculation of calc() with a scenario after it. */
const calcScenario = (body: string, scenario: string) => `${calc(body)}
scenario "s" {
${scenario}
}`;

interface Case {
    code: string;
    what: string;
    severity: DiagnosticSeverity;
    /** Input that reports the code. */
    reports: string;
    /** The source text the diagnostic must point at (the name or keyword, not the element). */
    at: string;
    message: RegExp;
    /** The same input, corrected: does not report the code. */
    twin: string;
}

const E = DiagnosticSeverity.Error;
const W = DiagnosticSeverity.Warning;
const H = DiagnosticSeverity.Hint;

const cases: Case[] = [
    {
        code: 'HRK000', what: 'syntax error, in Dutch', severity: E,
        reports: tree(`vraag V "v?" { ja -> A nee A }\nadvies A "a"`), at: 'A', message: /Hier werd ‘->’ verwacht, maar er staat ‘A’/,
        twin: tree(`vraag V "v?" { ja -> A nee -> B }\nadvies A "a"\nadvies B "b"`)
    },
    {
        code: 'HRK000', what: 'a decimal point in a number says to write a comma', severity: E,
        reports: calc(`invoer w "w"\nuitkomst "u" in getal = w * 1.5`), at: '.', message: /^Hier staat een punt in een getal\. Een decimaal schrijft u met een komma, zoals 2,5/,
        twin: calc(`invoer w "w"\nuitkomst "u" in getal = w * 1,5`)
    },
    {
        code: 'HRK000', what: 'an als inside a formula without parentheses', severity: E,
        reports: calc(`invoer w "w"\nuitkomst "u" in getal = w + als w < 3 dan 1 anders 2`), at: 'als', message: /^Een ‘als’ midden in een formule staat tussen haakjes/,
        twin: calc(`invoer w "w"\nuitkomst "u" in getal = w + (als w < 3 dan 1 anders 2)`)
    },
    {
        code: 'HRK001', what: 'duplicate top-level name across kinds', severity: E,
        reports: base + `hoofdstuk Huiskamer "Hoofdstuk"`, at: 'Huiskamer', message: /naam ‘Huiskamer’ is al gebruikt/,
        twin: base + `hoofdstuk HuiskamerHoofdstuk "Hoofdstuk"`
    },
    {
        code: 'HRK001', what: 'duplicate node name within a tree', severity: E,
        reports: tree(`vraag V "v?" { ja -> A nee -> A2 }\nadvies A "a"\nadvies A2 "b"\nadvies A "c"`), at: 'A', message: /beslisboom ‘Boom’/,
        twin: tree(`vraag V "v?" { ja -> A nee -> A2 }\nadvies A "a"\nadvies A2 "b"`)
    },
    {
        code: 'HRK001', what: 'duplicate scenario name in a file', severity: E,
        reports: tree(`vraag V "v?" { ja -> A nee -> B }\nadvies A "a"\nadvies B "b"`) + `
scenario "s" { beslisboom Boom V: ja verwacht A }
scenario "s" { beslisboom Boom V: nee verwacht B }`, at: '"s"', message: /‘s’ is al gebruikt/,
        twin: tree(`vraag V "v?" { ja -> A nee -> B }\nadvies A "a"\nadvies B "b"`) + `
scenario "s" { beslisboom Boom V: ja verwacht A }
scenario "t" { beslisboom Boom V: nee verwacht B }`
    },
    {
        code: 'HRK002', what: 'unresolved reference naming the closest name', severity: E,
        reports: base + `partij Gemeente "Gemeente" { betrokken bij Huiskmaer }`, at: 'Huiskmaer', message: /‘Huiskmaer’ is geen bekende typologie\. Bedoelt u ‘Huiskamer’\?/,
        twin: base + `partij Gemeente "Gemeente" { betrokken bij Huiskamer }`
    },
    {
        code: 'HRK002', what: 'arrow to a node of no tree', severity: E,
        reports: tree(`vraag V "v?" { ja -> Advies1 nee -> Adviez2 }\nadvies Advies1 "a"\nadvies Advies2 "b"`), at: 'Adviez2', message: /geen knoop van beslisboom ‘Boom’.*Bedoelt u ‘Advies2’/,
        twin: tree(`vraag V "v?" { ja -> Advies1 nee -> Advies2 }\nadvies Advies1 "a"\nadvies Advies2 "b"`)
    },
    {
        code: 'HRK003', what: 'a property written twice', severity: E,
        reports: tree(`advies A "a" { toelichting "een" toelichting "twee" }`), at: 'toelichting', message: /‘toelichting’ staat twee keer in ‘A’/,
        twin: tree(`advies A "a" { toelichting "een en twee" }`)
    },
    {
        code: 'HRK003', what: 'funding without term', severity: E,
        reports: base + `financiering Fonds "Fonds" { voor Huiskamer }`, at: 'Fonds', message: /heeft geen termijn/,
        twin: base + `financiering Fonds "Fonds" { termijn incidenteel voor Huiskamer }`
    },
    {
        code: 'HRK010', what: 'tree without nodes', severity: E,
        reports: base + `beslisboom Leeg "Leeg" { }`, at: 'Leeg', message: /heeft nog geen knopen/,
        twin: base + `beslisboom Leeg "Leeg" { advies A "a" }`
    },
    {
        code: 'HRK010', what: 'start naming no node of the tree', severity: E,
        reports: tree(`start Begn\nadvies Begin "a"`), at: 'Begn', message: /‘start Begn’ noemt geen knoop van beslisboom ‘Boom’\. Bedoelt u ‘Begin’\?/,
        twin: tree(`start Begin\nadvies Begin "a"`)
    },
    {
        code: 'HRK011', what: 'unreachable node, naming the tree', severity: W,
        reports: tree(`vraag V "v?" { ja -> A nee -> B }\nadvies A "a"\nadvies B "b"\nadvies Los "los"`), at: 'Los', message: /‘Los’ is niet bereikbaar vanaf de start \(‘V’\) van beslisboom ‘Boom’/,
        twin: tree(`vraag V "v?" { ja -> A nee -> Los }\nadvies A "a"\nadvies Los "los"`)
    },
    {
        code: 'HRK012', what: 'cycle, naming the loop', severity: E,
        reports: tree(`vraag V "v?" { ja -> W nee -> A }\nvraag W "w?" { ja -> V nee -> A }\nadvies A "a"`), at: 'V', message: /Kringloop in beslisboom ‘Boom’: V → W → V/,
        twin: tree(`vraag V "v?" { ja -> W nee -> A }\nvraag W "w?" { ja -> B nee -> A }\nadvies A "a"\nadvies B "b"`)
    },
    {
        code: 'HRK012', what: 'a chain that returns through daarna', severity: E,
        reports: tree(`stap S "s" -> A\nadvies A "a" { daarna -> S }`), at: 'S', message: /S → A → S/,
        twin: tree(`stap S "s" -> A\nadvies A "a"`)
    },
    {
        code: 'HRK013', what: 'question with one answer', severity: E,
        reports: tree(`vraag V "v?" { antwoord "x" -> A }\nadvies A "a"`), at: 'V', message: /heeft maar één antwoord/,
        twin: tree(`vraag V "v?" { antwoord "x" -> A antwoord "y" -> B }\nadvies A "a"\nadvies B "b"`)
    },
    {
        code: 'HRK013', what: 'repeated answer', severity: E,
        reports: tree(`vraag V "v?" { antwoord "x" -> A antwoord "x" -> B }\nadvies A "a"\nadvies B "b"`), at: '"x"', message: /Antwoord "x" staat twee keer/,
        twin: tree(`vraag V "v?" { antwoord "x" -> A antwoord "z" -> B }\nadvies A "a"\nadvies B "b"`)
    },
    {
        code: 'HRK013', what: 'ja without nee', severity: E,
        reports: tree(`vraag V "v?" { ja -> A antwoord "soms" -> B }\nadvies A "a"\nadvies B "b"`), at: 'ja', message: /heeft wel ‘ja’ maar geen ‘nee’/,
        twin: tree(`vraag V "v?" { ja -> A nee -> B antwoord "soms" -> B }\nadvies A "a"\nadvies B "b"`)
    },
    {
        code: 'HRK014', what: 'all answers to the same node', severity: W,
        reports: tree(`vraag V "v?" { ja -> A nee -> A }\nadvies A "a"`), at: 'V', message: /Alle antwoorden van vraag ‘V’ leiden naar ‘A’/,
        twin: tree(`vraag V "v?" { ja -> A nee -> B }\nadvies A "a"\nadvies B "b"`)
    },
    {
        code: 'HRK015', what: 'step without next node', severity: E,
        reports: tree(`stap S "doe iets"`), at: 'S', message: /Stap ‘S’ heeft geen vervolg/,
        twin: tree(`stap S "doe iets" -> A\nadvies A "a"`)
    },
    {
        code: 'HRK020', what: 'typology without a value for a declared characteristic', severity: W,
        reports: base + `kenmerk Buiten "Buitenruimte" { "geen", "aanwezig" }`, at: 'Huiskamer', message: /geen waarde voor ‘Buiten’/,
        twin: base.replace('Schaal = "klein"', 'Schaal = "klein" Buiten = "geen"') + `kenmerk Buiten "Buitenruimte" { "geen", "aanwezig" }`
    },
    {
        code: 'HRK021', what: 'value not on the scale', severity: E,
        reports: base.replace('"klein" }', '"kleinschalig" }'), at: '"kleinschalig"', message: /"kleinschalig" staat niet op de schaal van kenmerk ‘Schaal’\. Kies een van: "klein", "middel", "groot"/,
        twin: base
    },
    {
        code: 'HRK021', what: 'characteristic set twice', severity: E,
        reports: base.replace('Schaal = "klein"', 'Schaal = "klein" Schaal = "groot"'), at: 'Schaal', message: /krijgt twee keer een waarde/,
        twin: base
    },
    {
        code: 'HRK021', what: 'value in a funding condition not on the scale', severity: E,
        reports: base + `financiering Wmo "Wmo" { termijn structureel voor typologie waar Schaal >= "reusachtig" }`, at: '"reusachtig"', message: /niet op de schaal/,
        twin: base + `financiering Wmo "Wmo" { termijn structureel voor typologie waar Schaal <= "middel" }`
    },
    {
        code: 'HRK030', what: 'funding that applies to no typology', severity: W,
        reports: base + `financiering Wmo "Wmo" { termijn structureel voor typologie waar Schaal = "groot" }`, at: 'voor', message: /op geen enkele typologie van toepassing/,
        twin: base + `financiering Wmo "Wmo" { termijn structureel voor typologie waar Schaal = "groot" of (Schaal = "klein" en Schaal != "middel") }`
    },
    {
        code: 'HRK030', what: 'funding without voor', severity: W,
        reports: base + `financiering Wmo "Wmo" { termijn structureel }`, at: 'Wmo', message: /zegt niet voor welke typologieën/,
        twin: base + `financiering Wmo "Wmo" { termijn structureel voor Huiskamer }`
    },
    {
        code: 'HRK031', what: 'typology without structural funding', severity: W,
        reports: base.replace('termijn structureel', 'termijn incidenteel'), at: 'Huiskamer', message: /geen structurele financieringsbron: de financiering is niet sluitend/,
        twin: base
    },
    {
        code: 'HRK040', what: 'scenario naming an unknown tree', severity: E,
        reports: tree(`advies A "a"`) + `scenario "s" { beslisboom Bom verwacht A }`, at: 'Bom', message: /beslisboom ‘Bom’, maar die bestaat niet\. Bedoelt u ‘Boom’\?/,
        twin: tree(`advies A "a"`) + `scenario "s" { beslisboom Boom verwacht A }`
    },
    {
        code: 'HRK040', what: 'scenario naming an unknown question', severity: E,
        reports: tree(`vraag V "v?" { ja -> A nee -> B }\nadvies A "a"\nadvies B "b"`) + `scenario "s" { beslisboom Boom X: ja verwacht A }`, at: 'X', message: /‘X’ is geen vraag van beslisboom ‘Boom’/,
        twin: tree(`vraag V "v?" { ja -> A nee -> B }\nadvies A "a"\nadvies B "b"`) + `scenario "s" { beslisboom Boom V: ja verwacht A }`
    },
    {
        code: 'HRK040', what: 'scenario giving an answer the question does not offer', severity: E,
        reports: tree(`vraag V "v?" { ja -> A nee -> B }\nadvies A "a"\nadvies B "b"`) + `scenario "s" { beslisboom Boom V: "misschien" verwacht A }`, at: '"misschien"', message: /Vraag ‘V’ heeft geen antwoord "misschien"\. Mogelijke antwoorden: ja, nee/,
        twin: tree(`vraag V "v?" { ja -> A nee -> B }\nadvies A "a"\nadvies B "b"`) + `scenario "s" { beslisboom Boom V: nee verwacht B }`
    },
    {
        code: 'HRK040', what: 'scenario expecting an unknown node', severity: E,
        reports: tree(`advies A "a"`) + `scenario "s" { beslisboom Boom verwacht Onbekend }`, at: 'Onbekend', message: /‘Onbekend’ is geen knoop van beslisboom ‘Boom’/,
        twin: tree(`advies A "a"`) + `scenario "s" { beslisboom Boom verwacht A }`
    },
    {
        code: 'HRK040', what: 'scenario expecting an advice the path goes on from', severity: E,
        reports: tree(`advies A "a" { daarna -> B }\nadvies B "b"`) + `scenario "s" { beslisboom Boom verwacht A }`, at: 'A', message: /‘verwacht A’ kan nooit uitkomen: na dit advies gaat het pad verder \(daarna -> B\)/,
        twin: tree(`advies A "a" { daarna -> B }\nadvies B "b"`) + `scenario "s" { beslisboom Boom verwacht B }`
    },
    {
        code: 'HRK040', what: 'langs naming a node of no tree', severity: E,
        reports: tree(`advies A "a" { daarna -> B }\nadvies B "b"`) + `scenario "s" { beslisboom Boom langs Aa verwacht B }`, at: 'Aa', message: /‘Aa’ is geen knoop van beslisboom ‘Boom’\. Bedoelt u ‘A’/,
        twin: tree(`advies A "a" { daarna -> B }\nadvies B "b"`) + `scenario "s" { beslisboom Boom langs A verwacht B }`
    },
    {
        code: 'HRK040', what: 'langs naming a node twice', severity: E,
        reports: tree(`stap S "s" -> A\nadvies A "a" { daarna -> B }\nadvies B "b"`) + `scenario "s" { beslisboom Boom langs S, A, S verwacht B }`, at: 'S', message: /‘S’ staat twee keer achter ‘langs’/,
        twin: tree(`stap S "s" -> A\nadvies A "a" { daarna -> B }\nadvies B "b"`) + `scenario "s" { beslisboom Boom langs S, A verwacht B }`
    },
    {
        code: 'HRK003', what: 'herkomst written twice at the top of a block', severity: E,
        reports: tree(`advies A "a" { herkomst illustratief herkomst handreiking "dia 3" }`), at: 'herkomst handreiking "dia 3"', message: /‘herkomst’ staat twee keer in ‘A’/,
        twin: tree(`advies A "a" { herkomst handreiking "dia 3" }`)
    },
    {
        code: 'HRK003', what: 'a second herkomst for the whole file', severity: E,
        reports: `herkomst illustratief\nherkomst handreiking "dia 3"\n` + base, at: 'herkomst handreiking "dia 3"', message: /al een herkomst voor het hele bestand/,
        twin: `herkomst handreiking "dia 3"\n` + base
    },
    {
        code: 'HRK050', what: 'geldig tot that is no date', severity: E,
        reports: base + `financiering Soo "SOO" { termijn incidenteel voor Huiskamer geldig tot 2027-02-30 }`, at: '2027-02-30', message: /2027-02-30 is geen bestaande datum/,
        twin: base + `financiering Soo "SOO" { termijn incidenteel voor Huiskamer geldig tot 2027-02-28 }`
    },
    {
        code: 'HRK050', what: 'geldig tot in the past', severity: W,
        reports: base + `financiering Soo "SOO" { termijn incidenteel voor Huiskamer geldig tot 2026-01-01 }`, at: '2026-01-01', message: /is vervallen: ze gold tot 2026-01-01 \(peildatum 2026-11-27\)/,
        twin: base + `financiering Soo "SOO" { termijn incidenteel voor Huiskamer geldig tot 2027-01-01 }`
    },
    {
        code: 'HRK060', what: 'content that does not say where it comes from (a hint), at its name', severity: H,
        reports: markedBase + `hoofdstuk Inleiding "Inleiding"`, at: 'Inleiding', message: /^Hoofdstuk ‘Inleiding’ zegt niet waar de inhoud vandaan komt/,
        twin: markedBase + `hoofdstuk Inleiding "Inleiding" { herkomst handreiking "dia 1" }`
    },
    {
        code: 'HRK060', what: 'a tree, counting its unmarked nodes', severity: H,
        reports: markedBase + `beslisboom Boom "Boom" {\nvraag V "v?" { ja -> B nee -> C }\nadvies B "b" { herkomst illustratief }\nadvies C "c"\n}`,
        at: 'Boom', message: /^Beslisboom ‘Boom’ \(en 2 knopen erin\) zegt niet/,
        twin: markedBase + `beslisboom Boom "Boom" {\nherkomst gereconstrueerd "de pijlen zijn niet eenduidig"\nvraag V "v?" { ja -> B nee -> C }\nadvies B "b" { herkomst illustratief }\nadvies C "c"\n}`
    },
    {
        code: 'HRK070', what: 'a name in a calculation that is no input or value of it, with the closest names', severity: E,
        reports: calc(`invoer oppervlakte "o" in m2\nuitkomst "u" in m2 = oppervlakt`), at: 'oppervlakt',
        message: /^‘oppervlakt’ is geen invoer of waarde van berekening ‘Bijdrage’\. Bedoelt u ‘oppervlakte’\?$/,
        twin: calc(`invoer oppervlakte "o" in m2\nuitkomst "u" in m2 = oppervlakte`)
    },
    {
        code: 'HRK070', what: 'an unknown name without a close one says how to add it', severity: E,
        reports: calc(`invoer w "w"\nuitkomst "u" in getal = plafond`), at: 'plafond',
        message: /geen invoer of waarde van berekening ‘Bijdrage’\. Voeg ‘invoer plafond "…"’ toe, of reken hem uit met ‘plafond = …’\./,
        twin: calc(`invoer w "w"\nplafond = 5\nuitkomst "u" in getal = plafond`)
    },
    {
        code: 'HRK071', what: 'adding m² to euro', severity: E,
        reports: calc(`invoer a "a" in euro\ninvoer b "b" in m2\nuitkomst "u" in euro = a + b`), at: 'a + b',
        message: /^Bij ‘\+’ moeten beide kanten dezelfde eenheid hebben, maar links staat ‘euro’ en rechts ‘m2’/,
        twin: calc(`invoer a "a" in euro\ninvoer b "b" in m2\nuitkomst "u" in euro = a + 2500 euro per m2 * b`)
    },
    {
        code: 'HRK071', what: 'comparing a surface with a plain number', severity: E,
        reports: calc(`invoer b "b" in m2\nniet van toepassing als b < 20\nuitkomst "u" in m2 = b`), at: '<',
        message: /^Bij ‘<’ moeten beide kanten dezelfde eenheid hebben, maar links staat ‘m2’ en rechts een getal zonder eenheid/,
        twin: calc(`invoer b "b" in m2\nniet van toepassing als b < 20 m2\nuitkomst "u" in m2 = b`)
    },
    {
        code: 'HRK071', what: 'an outcome in euro that computes m²', severity: E,
        reports: calc(`invoer b "b" in m2\nuitkomst "u" in euro = b`), at: 'euro', message: /^De uitkomst is ‘in euro’, maar de berekening geeft ‘m2’/,
        twin: calc(`invoer b "b" in m2\nuitkomst "u" in euro = 2500 euro per m2 * b`)
    },
    {
        code: 'HRK071', what: 'the branches of an als in different units', severity: E,
        reports: calc(`invoer w "w"\nuitkomst "u" in euro = als w > 20 dan 150000 euro anders 100000`), at: '100000',
        message: /^Na ‘dan’ staat ‘euro’, maar na ‘anders’ staat een getal zonder eenheid/,
        twin: calc(`invoer w "w"\nuitkomst "u" in euro = als w > 20 dan 150000 euro anders 100000 euro`)
    },
    {
        code: 'HRK071', what: 'the parts of minimum in different units', severity: E,
        reports: calc(`invoer a "a" in euro\ninvoer b "b" in m2\nuitkomst "u" in euro = minimum(a, b)`), at: 'b',
        message: /^De delen van ‘minimum’ moeten dezelfde eenheid hebben, maar het eerste is ‘euro’ en dit is ‘m2’/,
        twin: calc(`invoer a "a" in euro\ninvoer b "b" in m2\nuitkomst "u" in euro = minimum(a, 2500 euro per m2 * b)`)
    },
    {
        code: 'HRK072', what: 'a dan that can never apply after niet van toepassing', severity: W,
        reports: calc(`invoer w "w"\nniet van toepassing als w < 5\nuitkomst "u" in getal = als w < 3 dan 1 anders 2`), at: '1',
        message: /^De tak na ‘dan’ geldt nooit: ‘w < 3’ is hier nooit waar/,
        twin: calc(`invoer w "w"\nniet van toepassing als w < 5\nuitkomst "u" in getal = als w < 10 dan 1 anders 2`)
    },
    {
        code: 'HRK072', what: 'an anders that can never apply in a chain', severity: W,
        reports: calc(`invoer w "w"\nuitkomst "u" in getal = als w <= 20 dan 1 anders als w > 10 dan 2 anders 3`), at: '3',
        message: /^De tak na ‘anders’ geldt nooit: ‘w > 10’ is hier altijd waar/,
        twin: calc(`invoer w "w"\nuitkomst "u" in getal = als w <= 20 dan 1 anders als w > 50 dan 2 anders 3`)
    },
    {
        code: 'HRK072', what: 'a niet van toepassing that can never apply', severity: W,
        reports: calc(`invoer w "w"\nniet van toepassing als w < 5\nniet van toepassing als w < 3\nuitkomst "u" in getal = w`), at: 'w < 3',
        message: /^‘niet van toepassing als w < 3’ geldt nooit/,
        twin: calc(`invoer w "w"\nniet van toepassing als w < 5\nniet van toepassing als w > 100\nuitkomst "u" in getal = w`)
    },
    {
        code: 'HRK072', what: 'a niet van toepassing that always applies', severity: W,
        reports: calc(`invoer w "w"\nniet van toepassing als w < 5\nniet van toepassing als w >= 5 of w < 0\nuitkomst "u" in getal = w`), at: 'w >= 5 of w < 0',
        message: /^‘w >= 5 of w < 0’ is altijd waar: de berekening is dan nooit van toepassing/,
        twin: calc(`invoer w "w"\nniet van toepassing als w < 5\nniet van toepassing als w >= 500 of w < 0\nuitkomst "u" in getal = w`)
    },
    {
        code: 'HRK073', what: 'an als without anders', severity: E,
        reports: calc(`invoer w "w"\nuitkomst "u" in euro = als w <= 20 dan 100000 euro`), at: 'als',
        message: /^Deze ‘als’ heeft geen ‘anders’: als ‘w <= 20’ niet waar is, heeft de berekening geen waarde/,
        twin: calc(`invoer w "w"\nuitkomst "u" in euro = als w <= 20 dan 100000 euro anders 150000 euro`)
    },
    {
        code: 'HRK074', what: 'a division by an input that can be zero', severity: E,
        reports: calc(`invoer bedrag "b" in euro\ninvoer w "w"\nuitkomst "u" in euro = bedrag / w`), at: 'w',
        message: /^Hier wordt gedeeld door ‘w’, en dat kan nul zijn\. Zorg dat het nooit nul is, bijvoorbeeld met ‘niet van toepassing als w = 0’/,
        twin: calc(`invoer bedrag "b" in euro\ninvoer w "w"\nniet van toepassing als w < 1 "geen woningen"\nuitkomst "u" in euro = bedrag / w`)
    },
    {
        code: 'HRK074', what: 'a division guarded by an als in the same value', severity: E,
        reports: calc(`invoer bedrag "b" in euro\ninvoer w "w"\nperWoning = bedrag / (w - 1)\nuitkomst "u" in euro = perWoning`), at: '(w - 1)',
        message: /^Hier wordt gedeeld door ‘\(w - 1\)’, en dat kan nul zijn/,
        twin: calc(`invoer bedrag "b" in euro\ninvoer w "w"\nperWoning = als w > 1 dan bedrag / (w - 1) anders 0 euro\nuitkomst "u" in euro = perWoning`)
    },
    {
        code: 'HRK074', what: 'a division by zero itself', severity: E,
        reports: calc(`invoer bedrag "b" in euro\nuitkomst "u" in euro = bedrag / 0`), at: '0', message: /^Hier wordt gedeeld door ‘0’, en dat is altijd nul/,
        twin: calc(`invoer bedrag "b" in euro\nuitkomst "u" in euro = bedrag / 2`)
    },
    {
        code: 'HRK075', what: 'an uitkomst without unit', severity: E,
        reports: calc(`invoer w "w"\nuitkomst "Aantal" = w`), at: 'uitkomst',
        message: /^De uitkomst "Aantal" zegt niet in welke eenheid hij is\. Zet ‘in euro’, ‘in m2’, ‘in euro per m2’ of, voor een getal zonder eenheid, ‘in getal’/,
        twin: calc(`invoer w "w"\nuitkomst "Aantal" in getal = w`)
    },
    {
        code: 'HRK076', what: 'values that depend on each other', severity: E,
        reports: calc(`invoer w "w"\na = b + 1\nb = a * 2\nuitkomst "u" in getal = a`), at: 'a', message: /^Kringloop in berekening ‘Bijdrage’: a → b → a\./,
        twin: calc(`invoer w "w"\na = b + 1\nb = w * 2\nuitkomst "u" in getal = a`)
    },
    {
        code: 'HRK076', what: 'a value that uses itself', severity: E,
        reports: calc(`invoer w "w"\na = a + w\nuitkomst "u" in getal = a`), at: 'a', message: /: a → a\./,
        twin: calc(`invoer w "w"\na = w + w\nuitkomst "u" in getal = a`)
    },
    {
        code: 'HRK077', what: 'an optional input outside minimum and maximum', severity: E,
        reports: calc(`invoer k "k" in euro, optioneel\nuitkomst "u" in euro = k * 2`), at: 'k', message: /^Invoer ‘k’ is optioneel en mag daarom alleen direct in ‘minimum\(…\)’ of ‘maximum\(…\)’ staan/,
        twin: calc(`invoer k "k" in euro, optioneel\nuitkomst "u" in euro = minimum(k, 100000 euro) * 2`)
    },
    {
        code: 'HRK077', what: 'a minimum of optional inputs only', severity: E,
        reports: calc(`invoer k "k" in euro, optioneel\ninvoer l "l" in euro, optioneel\nuitkomst "u" in euro = minimum(k, l)`), at: 'minimum',
        message: /^Alle delen van ‘minimum’ zijn optionele invoer/,
        twin: calc(`invoer k "k" in euro, optioneel\ninvoer l "l" in euro\nuitkomst "u" in euro = minimum(k, l)`)
    },
    {
        code: 'HRK077', what: 'afronden to more decimals than allowed', severity: E,
        reports: calc(`invoer w "w"\nuitkomst "u" in getal = afronden(w / 3, 11)`), at: '11', message: /^‘afronden’ rondt af op een heel aantal decimalen, van 0 tot en met 10; ‘11’ kan niet/,
        twin: calc(`invoer w "w"\nuitkomst "u" in getal = afronden(w / 3, 2)`)
    },
    {
        code: 'HRK003', what: 'a calculation without uitkomst', severity: E,
        reports: calc(`invoer w "w"`), at: 'Bijdrage', message: /^Berekening ‘Bijdrage’ heeft geen uitkomst/,
        twin: calc(`invoer w "w"\nuitkomst "u" in getal = w`)
    },
    {
        code: 'HRK003', what: 'a calculation with two uitkomst', severity: E,
        reports: calc(`invoer w "w"\nuitkomst "u" in getal = w\nuitkomst "v" in getal = w`), at: 'uitkomst "v" in getal = w', message: /‘uitkomst’ staat twee keer in ‘Bijdrage’/,
        twin: calc(`invoer w "w"\nuitkomst "u" in getal = w`)
    },
    {
        code: 'HRK001', what: 'an input and a value with one name in a calculation', severity: E,
        reports: calc(`invoer w "w"\nw = 5\nuitkomst "u" in getal = w`), at: 'w', message: /^De naam ‘w’ is al gebruikt \(in berekening ‘Bijdrage’\)/,
        twin: calc(`invoer w "w"\nv = 5\nuitkomst "u" in getal = w + v`)
    },
    {
        code: 'HRK002', what: 'a funding rule that names an unknown calculation', severity: E,
        reports: calc(`invoer w "w"\nuitkomst "u" in getal = w`) + `\nfinanciering Soo "SOO" { termijn incidenteel voor Huiskamer berekening Bijdrag }`, at: 'Bijdrag',
        message: /^‘Bijdrag’ is geen bekende berekening\. Bedoelt u ‘Bijdrage’\?/,
        twin: calc(`invoer w "w"\nuitkomst "u" in getal = w`) + `\nfinanciering Soo "SOO" { termijn incidenteel voor Huiskamer berekening Bijdrage }`
    },
    {
        code: 'HRK040', what: 'a scenario that names an unknown calculation (and nothing about its inputs)', severity: E,
        reports: calcScenario(`invoer w "w"\nuitkomst "u" in getal = w`, `berekening Bijdrag\nw: 5\nverwacht 5`), at: 'Bijdrag',
        message: /^Scenario noemt berekening ‘Bijdrag’, maar die bestaat niet\. Bedoelt u ‘Bijdrage’\?/,
        twin: calcScenario(`invoer w "w"\nuitkomst "u" in getal = w`, `berekening Bijdrage\nw: 5\nverwacht 5`)
    },
    {
        code: 'HRK040', what: 'a scenario with an unknown input', severity: E,
        reports: calcScenario(`invoer woningen "w"\nuitkomst "u" in getal = woningen`, `berekening Bijdrage\nwoningen: 5\nwoninge: 5\nverwacht 5`), at: 'woninge',
        message: /^‘woninge’ is geen invoer van berekening ‘Bijdrage’\. Bedoelt u ‘woningen’\?/,
        twin: calcScenario(`invoer woningen "w"\nuitkomst "u" in getal = woningen`, `berekening Bijdrage\nwoningen: 5\nverwacht 5`)
    },
    {
        code: 'HRK040', what: 'a scenario without a value for an input that is not optional', severity: E,
        reports: calcScenario(`invoer w "Aantal woningen"\ninvoer k "k" in euro, optioneel\nuitkomst "u" in getal = w`, `berekening Bijdrage\nverwacht 5`), at: 'Bijdrage',
        message: /^Het scenario geeft geen waarde voor invoer ‘w’ \(Aantal woningen\), en die is niet optioneel\. Voeg ‘w: …’ toe\./,
        twin: calcScenario(`invoer w "Aantal woningen"\ninvoer k "k" in euro, optioneel\nuitkomst "u" in getal = w`, `berekening Bijdrage\nw: 5\nverwacht 5`)
    },
    {
        code: 'HRK040', what: 'a scenario that gives an input twice', severity: E,
        reports: calcScenario(`invoer w "w"\nuitkomst "u" in getal = w`, `berekening Bijdrage\nw: 5\nw: 6\nverwacht 5`), at: 'w',
        message: /^Invoer ‘w’ krijgt twee keer een waarde in dit scenario/,
        twin: calcScenario(`invoer w "w"\nuitkomst "u" in getal = w`, `berekening Bijdrage\nw: 5\nverwacht 5`)
    },
    {
        code: 'HRK060', what: 'a calculation that does not say where it comes from', severity: H,
        reports: markedBase + `berekening B "B" {\ninvoer w "w"\nuitkomst "u" in getal = w\n}`, at: 'B', message: /^Berekening ‘B’ zegt niet waar de inhoud vandaan komt/,
        twin: markedBase + `berekening B "B" {\nherkomst bron "https://wetten.overheid.nl/BWBR0045929"\ninvoer w "w"\nuitkomst "u" in getal = w\n}`
    },
    {
        code: 'HRK061', what: 'gereconstrueerd without a reason', severity: E,
        reports: base + `hoofdstuk Inleiding "Inleiding" { herkomst gereconstrueerd }`, at: 'gereconstrueerd', message: /‘herkomst gereconstrueerd’ heeft geen reden/,
        twin: base + `hoofdstuk Inleiding "Inleiding" { herkomst gereconstrueerd "de dia is onleesbaar" }`
    },
    {
        code: 'HRK061', what: 'gereconstrueerd with a reason that says nothing (the quick fix\'s "…")', severity: E,
        reports: base + `hoofdstuk Inleiding "Inleiding" { herkomst gereconstrueerd "…" }`, at: '"…"', message: /heeft geen reden/,
        twin: base + `hoofdstuk Inleiding "Inleiding" { herkomst gereconstrueerd "onze lezing" }`
    },
    {
        code: 'HRK061', what: 'bron without a source', severity: E,
        reports: base + `hoofdstuk Inleiding "Inleiding" { herkomst bron }`, at: 'bron', message: /‘herkomst bron’ noemt geen bron/,
        twin: base + `hoofdstuk Inleiding "Inleiding" { herkomst bron "https://wetten.overheid.nl/BWBR0045929" }`
    },
    {
        code: 'HRK061', what: 'a citation left empty', severity: E,
        reports: base + `hoofdstuk Inleiding "Inleiding" { herkomst handreiking "" }`, at: '""', message: /tekst achter ‘herkomst handreiking’ is leeg/,
        twin: base + `hoofdstuk Inleiding "Inleiding" { herkomst handreiking }`
    },
    {
        code: 'HRK061', what: 'the file\'s herkomst below an element', severity: E,
        reports: base + `herkomst handreiking "dia 3"`, at: 'herkomst handreiking "dia 3"', message: /staat bovenaan, vóór het eerste element/,
        twin: `herkomst handreiking "dia 3"\n` + base
    }
];

describe('every check reports its code at the right place, and its twin does not', () => {
    test.each(cases.map(c => [`${c.code}: ${c.what}`, c] as const))('%s', async (_, c) => {
        const reported = await validate(c.reports);
        const found = withCode(reported.diagnostics, c.code);
        expect(found.length, `diagnostics: ${JSON.stringify(reported.diagnostics.map(d => `${d.code} ${d.message}`))}`).toBeGreaterThanOrEqual(1);
        const d = found.find(x => c.message.test(x.message as string));
        expect(d, `no ${c.code} message matches ${c.message}: ${found.map(x => x.message).join(' | ')}`).toBeDefined();
        expect(d!.severity).toBe(c.severity);
        expect(textAt(reported.document, d!)).toBe(c.at);
        await clearAll(services);

        const clean = await validate(c.twin);
        expect(withCode(clean.diagnostics, c.code).map(x => x.message)).toEqual([]);
        expect(clean.diagnostics.filter(x => x.severity === E).map(x => `${x.code} ${x.message}`)).toEqual([]);
    });
});

describe('messages in English', () => {
    afterEach(() => { services.i18n.Locale.lang = 'nl'; });

    test('a check and a linking error speak English when the language is English', async () => {
        services.i18n.Locale.lang = 'en';
        const result = await validate(tree(`vraag V "v?" { ja -> A nee -> A }\nadvies A "a"`) + `scenario "s" { beslisboom Bom verwacht A }`);
        const hrk014 = withCode(result.diagnostics, 'HRK014')[0];
        expect(hrk014.message).toMatch(/^Every answer of question ‘V’ leads to ‘A’/);
        const hrk040 = withCode(result.diagnostics, 'HRK040')[0];
        expect(hrk040.message).toMatch(/names decision tree ‘Bom’, which does not exist\. Did you mean ‘Boom’\?/);
    });

    test('the checks of a calculation speak English too', async () => {
        services.i18n.Locale.lang = 'en';
        const result = await validate(calc(`invoer a "a" in euro\ninvoer b "b" in m2\nuitkomst "u" in euro = a + b / 0`));
        expect(withCode(result.diagnostics, 'HRK071')[0].message).toMatch(/^Both sides of ‘\+’ must have the same unit, but the left is ‘euro’ and the right ‘m2’/);
        expect(withCode(result.diagnostics, 'HRK074')[0].message).toMatch(/^This divides by ‘0’, which is always zero/);
    });

    test('syntax errors speak English too', async () => {
        services.i18n.Locale.lang = 'en';
        // A fresh parse: parser messages are made while parsing.
        const result = await validate(`beslisboom B "b" { vraag V "v" { ja A } }`);
        expect(withCode(result.diagnostics, 'HRK000')[0].message).toMatch(/^Expected ‘->’ here, but found ‘A’/);
    });
});

describe('diagnostic details', () => {
    test('duplicates across files point at the other definition', async () => {
        const result = await validate(base + `kenmerk Huiskamer "dubbel" { "a" }`);
        const dups = withCode(result.diagnostics, 'HRK001');
        expect(dups).toHaveLength(2);
        for (const d of dups) expect(d.relatedInformation?.length).toBe(1);
    });

    test('a cycle is reported once, at the arrow that closes it', async () => {
        const result = await validate(tree(`start A\nstap A "a" -> B\nstap B "b" -> C\nstap C "c" -> A`));
        const cycles = withCode(result.diagnostics, 'HRK012');
        expect(cycles).toHaveLength(1);
        expect(cycles[0].message).toContain('A → B → C → A');
        expect(cycles[0].range.start.line).toBe(result.document.textDocument.getText().split('\n').findIndex(l => l.includes('stap C')));
    });

    test('a scenario with an unknown tree gets one error, not one per answer', async () => {
        const result = await validate(tree(`vraag V "v?" { ja -> A nee -> B }\nadvies A "a"\nadvies B "b"`) + `scenario "s" { beslisboom Bom V: ja verwacht A }`);
        expect(withCode(result.diagnostics, 'HRK040').map(d => textAt(result.document, d))).toEqual(['Bom']);
    });

    test('a misspelt keyword between elements says which keywords start an element', async () => {
        const result = await validate(base + `hoofdstk Een "een"`);
        expect(withCode(result.diagnostics, 'HRK000')[0].message).toMatch(/^Hier begint geen element: er staat ‘hoofdstk’\. Een element begint met ‘kenmerk’/);
    });

    test('an unknown start does not also make every node unreachable', async () => {
        const result = await validate(tree(`start X\nadvies A "a"\nadvies B "b"`));
        expect(withCode(result.diagnostics, 'HRK010')).toHaveLength(1);
        expect(withCode(result.diagnostics, 'HRK011')).toHaveLength(0);
    });

    test('HRK050 is not reported before the date, and is from the date on', async () => {
        const soo = (d: string) => base + `financiering Soo "SOO" { termijn incidenteel voor Huiskamer geldig tot ${d} }`;
        expect(withCode((await validate(soo('2026-11-28'))).diagnostics, 'HRK050')).toHaveLength(0);
        await clearAll(services);
        expect(withCode((await validate(soo('2026-11-27'))).diagnostics, 'HRK050')).toHaveLength(1);
    });
});
