import { afterEach, describe, test } from 'vitest';
import { expectHover } from 'langium/test';
import { clearAll, createTestServices } from '../../helpers.js';

const services = createTestServices();
const hover = expectHover(services);
afterEach(() => {
    services.i18n.Locale.lang = 'nl';
    return clearAll(services);
});

const guide = `kenmerk Schaal "Schaal" { "klein", "middel", "groot" }
kenmerk Gerichtheid "Gerichtheid" { "intern", "extern" }
/** Een kleine, intern gerichte ruimte. */
typologie <|>Huiskamer "De huiskamer" { Schaal = "klein" }
typologie Buurthuis "Het buurthuis" { Schaal = "groot" Gerichtheid = "extern" }
financiering Huur "Huur van de bewoners" { termijn structureel voor alle typologieen }
/** Rijksregeling. */
financiering <|>SOO "Stimuleringsregeling" {
    termijn incidenteel
    voor typologie waar Schaal >= "middel"
    geldig tot 2026-01-01
}
financiering Nergens "Nergens" { termijn meerjarig voor typologie waar Schaal = "middel" }
/** De boom. */
beslisboom <|>Boom "Een boom" {
    /** De eerste vraag. */
    vraag <|>Stabiel "Is de groep stabiel?" {
        ja  -> Hoe
        nee -> <|>Stop
    }
    vraag Hoe "Hoe vaak?" {
        antwoord "vaak"  -> Door
        antwoord "soms"  -> Door
        antwoord "nooit" -> Stop
    }
    advies Door "Ga door" { zie Boom.<|>Stabiel zie <|>Nergens zie B<|>oom.Stabiel }
    stap Stop "Stop de groep" -> Door
    advies Weg "Niet bereikbaar"
}
kenmerk <|>Extra "Extra" { "a" }
`;

/** The SOO contribution with two scenarios; markers on the calculation, its scenarios, an input, a value and a reference. */
const calculation = `berekening <|>SooBijdrage "Bijdrage uit de SOO" {
    herkomst bron "https://wetten.overheid.nl/BWBR0045929"
    invoer <|>oppervlakte "Oppervlakte" in m2
    invoer woningen "Woningen"
    invoer bouwkosten "Bouwkosten" in euro, optioneel
    niet van toepassing als woningen < 5 "minder dan 5 woningen"
    <|>plafond "Plafond" = als woningen <= 20 dan 100.000 euro anders 150.000 euro
    uitkomst "Bijdrage" in euro = minimum(2.500 euro per m2 * oppervlakte, plafond, bouwkosten)
}
scenario "<|>SOO: 45 m², 16 woningen" {
    berekening <|>SooBijdrage
    oppervlakte: 45
    woningen: 16
    verwacht 100.000
}
scenario "<|>SOO: 4 woningen" {
    berekening SooBijdrage
    oppervlakte: 30
    woningen: 4
    verwacht 75.000
}
`;

describe('hover on a calculation', () => {
    test('the calculation: its inputs and outcome, and what each scenario computes beside what it expects', async () => {
        await hover({
            text: calculation, index: 0,
            hover: [
                '**berekening** `SooBijdrage`',
                'Bijdrage uit de SOO',
                'Invoer: `oppervlakte` (m2), `woningen`, `bouwkosten` (euro, optioneel)',
                'Uitkomst: Bijdrage (euro)',
                '1 regel ‘niet van toepassing’',
                '| scenario | berekend | verwacht |\n|---|---|---|\n| SOO\\: 45 m²\\, 16 woningen | € 100 000 | € 100 000 |\n| SOO\\: 4 woningen | niet van toepassing \\(minder dan 5 woningen\\) | € 75 000 |',
                'Herkomst: **openbare bron**: https\\:\\/\\/wetten\\.overheid\\.nl\\/BWBR0045929'
            ].join('\n\n')
        });
    });

    test('a scenario: the outcome for its inputs, whether it is what it expects, and the values on the way', async () => {
        await hover({
            text: calculation, index: 3,
            hover: [
                '**scenario** “SOO\\: 45 m²\\, 16 woningen”',
                'Berekening `SooBijdrage`: **€ 100 000**',
                'Verwacht: € 100 000 (klopt)',
                'Met: Oppervlakte \\= 45 m², Woningen \\= 16',
                'Waarden: Plafond = € 100 000',
                'Zo berekend: Plafond \\(bij Woningen \\= 16\\)\\: € 100 000\\; € 2 500 per m² × 45 m² \\= € 112 500\\; Bouwkosten\\: niet ingevuld\\, telt niet mee\\; het kleinste → € 100 000'
            ].join('\n\n')
        });
        // The `berekening` line of the scenario shows the same: what this scenario computes.
        await hover({ text: calculation, index: 4, hover: /^\*\*scenario\*\* “SOO\\: 45 m²\\, 16 woningen”\n\nBerekening `SooBijdrage`: \*\*€ 100 000\*\*\n\nVerwacht: € 100 000 \(klopt\)/ });
        await hover({ text: calculation, index: 5, hover: /Berekening `SooBijdrage`: \*\*niet van toepassing \\\(minder dan 5 woningen\\\)\*\*\n\nVerwacht: € 75 000 \(klopt niet\)/ });
    });

    test('an input, a value and a reference to the calculation', async () => {
        await hover({ text: calculation, index: 1, hover: '**invoer** `oppervlakte` in berekening `SooBijdrage`\n\nOppervlakte\n\nEenheid: m2' });
        await hover({ text: calculation, index: 2, hover: '**waarde** `plafond` in berekening `SooBijdrage`\n\nPlafond\n\nEenheid: euro' });
        // A reference outside a scenario (an advice's `berekening X`) shows the calculation itself.
        await hover({ text: `${calculation}beslisboom B "B" { advies A "A" { berekening <|>SooBijdrage } }\n`, index: 6, hover: /^\*\*berekening\*\* `SooBijdrage`\n\nBijdrage uit de SOO/ });
    });

    test('in English', async () => {
        services.i18n.Locale.lang = 'en';
        await hover({ text: calculation, index: 3, hover: /Calculation `SooBijdrage`: \*\*€ 100\\,000\*\*\n\nExpected: € 100\\,000 \(matches\)\n\nWith: Oppervlakte \\= 45 m², Woningen \\= 16/ });
    });
});

describe('hover', () => {
    test('a question: kind, tree, text, documentation, answers and the paths through it', async () => {
        // Paths: Stabiel-ja-Hoe-vaak-Door, -soms-Door, -nooit-Stop-Door, Stabiel-nee-Stop-Door.
        await hover({
            text: guide, index: 3,
            hover: [
                '**vraag** `Stabiel` in beslisboom `Boom`',
                'Is de groep stabiel\\?',
                'De eerste vraag\\.',
                'Antwoorden: ja → `Hoe` · nee → `Stop`',
                'Via deze vraag lopen **4** van de 4 paden van de start naar een einde.'
            ].join('\n\n')
        });
    });

    test('a reference to a node: its kind and text', async () => {
        await hover({
            text: guide, index: 4,
            hover: '**stap** `Stop` in beslisboom `Boom`\n\nStop de groep\n\nDaarna: `Door`'
        });
    });

    test('a qualified reference Boom.Knoop: the node on its name, the tree on the tree part', async () => {
        await hover({ text: guide, index: 5, hover: /^\*\*vraag\*\* `Stabiel` in beslisboom `Boom`/ });
        await hover({ text: guide, index: 7, hover: /^\*\*beslisboom\*\* `Boom`\n\nEen boom/ });
    });

    test('a typology: its title, documentation, every declared characteristic and its funding sources', async () => {
        await hover({
            text: guide, index: 0,
            hover: [
                '**typologie** `Huiskamer`',
                'De huiskamer',
                'Een kleine\\, intern gerichte ruimte\\.',
                '| Kenmerken | |\n|---|---|\n| Schaal | klein |\n| Gerichtheid | (geen waarde) |\n| Extra | (geen waarde) |',
                // What its code lens says (the browser edition has no code lenses): Huur applies to every typology, SOO not to a small one.
                '1 financieringsbron \\(structureel\\: Huur\\)'
            ].join('\n\n')
        });
    });

    test('a funding rule: its term, the typologies it resolves to, and its validity', async () => {
        await hover({
            text: guide, index: 1,
            hover: [
                '**financiering** `SOO`',
                'Stimuleringsregeling',
                'Rijksregeling\\.',
                'Termijn: **incidenteel**',
                'Geldt voor: `Buurthuis`',
                'Geldig tot 2026-01-01 (vervallen)'
            ].join('\n\n')
        });
    });

    test('a funding rule that applies nowhere says so', async () => {
        await hover({ text: guide, index: 6, hover: /Termijn: \*\*meerjarig\*\*\n\nGeldt voor geen enkele typologie\./ });
    });

    test('a tree: its documentation and where it starts', async () => {
        await hover({ text: guide, index: 2, hover: '**beslisboom** `Boom`\n\nEen boom\n\nDe boom\\.\n\n5 knopen, start bij `Stabiel`' });
    });

    test('a characteristic: its scale in order', async () => {
        await hover({ text: guide, index: 8, hover: '**kenmerk** `Extra`\n\nExtra\n\nSchaal: “a”' });
    });

    test('an unreachable question says it is not reached', async () => {
        await hover({
            text: `beslisboom B "b" {\n    advies Start "s"\n    vraag <|>Los "l?" { ja -> Start nee -> Start }\n}`, index: 0,
            hover: /Deze knoop is niet bereikbaar vanaf de start\.$/
        });
    });

    test('texts with Markdown characters are shown as written', async () => {
        await hover({ text: 'hoofdstuk <|>H "*Niet* vet <b>"', index: 0, hover: '**hoofdstuk** `H`\n\n\\*Niet\\* vet \\<b\\>' });
    });

    describe('herkomst', () => {
        const marked = `herkomst illustratief
kenmerk Schaal "Schaal" { "klein", "groot" }
typologie <|>Huiskamer "De huiskamer" {
    herkomst gereconstrueerd "niet op de *dia*"
    Schaal = onbekend herkomst handreiking "dia 4"
}
beslisboom B "b" {
    advies <|>A "a"
    advies <|>C "c" { herkomst bron "https://wetten.overheid.nl/BWBR0045929" }
}
hoofdstuk <|>H "h" { <|>herkomst <|>gereconstrueerd "x" }
scenario "s" { beslisboom B <|>langs A verwacht A }
`;

        test('an element: the kind in words and its reason, as text (a link or emphasis in it is not made one)', async () => {
            await hover({ text: marked, index: 0, hover: /\n\nHerkomst: \*\*gereconstrueerd \(onze lezing, niet de tekst van de handreiking\)\*\*: niet op de \\\*dia\\\*$/ });
            await hover({ text: marked, index: 2, hover: /Herkomst: \*\*openbare bron\*\*: https\\:\\\/\\\/wetten\\\.overheid\\\.nl\\\/BWBR0045929$/ });
        });

        test('inherited from the tree or the file, it says so', async () => {
            await hover({ text: marked, index: 1, hover: /Herkomst: \*\*illustratief \(een verzonnen voorbeeld\)\*\* \(overgenomen van het blok of het bestand\)$/ });
        });

        test('a typology\'s values get a column with their herkomst; a value the guide does not know reads so', async () => {
            await hover({ text: marked, index: 0, hover: /\| Kenmerken \| \| herkomst \|\n\|---\|---\|---\|\n\| Schaal \| \(niet bekend\) \| handreiking: dia 4 \|/ });
        });

        test('the keywords explain themselves: herkomst, its kinds, langs', async () => {
            await hover({ text: marked, index: 4, hover: /^\*\*herkomst\*\* — waar de inhoud vandaan komt/ });
            await hover({ text: marked, index: 5, hover: /^\*\*herkomst gereconstrueerd "reden"\*\* — onze lezing/ });
            await hover({ text: marked, index: 6, hover: /^\*\*langs X, Y\*\* — in een scenario/ });
        });

        test('unmarked content gets no herkomst line (HRK060 points at it instead)', async () => {
            await hover({ text: 'hoofdstuk <|>H "h"', index: 0, hover: '**hoofdstuk** `H`\n\nh' });
        });
    });

    test('in English', async () => {
        services.i18n.Locale.lang = 'en';
        await hover({
            text: guide, index: 3,
            hover: /^\*\*question\*\* `Stabiel` in decision tree `Boom`[\s\S]*\*\*4\*\* of the 4 paths from the start to an end pass through this question\.$/
        });
    });
});
