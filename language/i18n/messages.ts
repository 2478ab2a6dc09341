import type { Lang } from './locale.js';

/**
 * Every text the checker shows, in Dutch and English. A message tells the editor what is wrong
 * and what to do about it; names are quoted with ‘…’ so they stand out in the Problems view.
 */
const nl = {
    // HRK000: syntax
    syntaxExpected: (p: { verwacht: string; gevonden: string }) =>
        `Hier werd ${p.verwacht} verwacht, maar er staat ${p.gevonden}.`,
    syntaxExpectedOneOf: (p: { verwacht: string; gevonden: string }) =>
        `Hier werd een van deze verwacht: ${p.verwacht}; er staat ${p.gevonden}.`,
    syntaxEndOfFile: (p: { gevonden: string }) =>
        `Hier begint geen element: er staat ${p.gevonden}. Een element begint met ‘kenmerk’, ‘typologie’, ‘beslisboom’, ‘financiering’, ‘berekening’, ‘partij’, ‘hoofdstuk’ of ‘scenario’ (kleine letters); controleer de spelling, of verwijder de tekst.`,
    syntaxUnexpectedCharacter: (p: { teken: string }) =>
        `Het teken ${p.teken} hoort hier niet. Zet tekst tussen "aanhalingstekens" of verwijder het teken.`,
    syntaxAtLeastOne: (p: { verwacht: string; gevonden: string }) =>
        `Hier moet ten minste één ${p.verwacht} staan; er staat ${p.gevonden}.`,
    syntaxTooDeep: (p: { max: number }) =>
        `Haakjes mogen hoogstens ${p.max} diep genest worden; de haakjes vanaf hier worden niet gelezen. Schrijf de voorwaarde eenvoudiger.`,
    syntaxTooLong: (p: { max: number }) =>
        `Een voorwaarde mag hoogstens ${p.max} keer ‘en’ of ‘of’ hebben; de voorwaarde wordt vanaf hier niet gelezen. Schrijf de voorwaarde korter.`,
    syntaxAlsInExpression: () =>
        'Een ‘als’ midden in een formule staat tussen haakjes: bedrag + (als … dan … anders …).',
    syntaxDecimalPoint: () =>
        'Hier staat een punt in een getal. Een decimaal schrijft u met een komma, zoals 2,5; een punt staat alleen tussen groepen van drie cijfers, zoals 100.000.',
    syntaxRuleTooLong: (p: { max: number }) =>
        `Een regel van een berekening mag hoogstens ${p.max} rekentekens, vergelijkingen, ‘en’, ‘of’ en ‘als’ hebben; de regel wordt vanaf hier niet gelezen. Splits hem op in waarden met een naam (naam = …).`,
    tooManyOfCode: (p: { code: string; meer: number; max: number }) =>
        `Hier en verderop staan nog ${p.meer} meldingen ${p.code} in dit bestand; alleen de eerste ${p.max} worden getoond.`,
    syntaxRestNotRead: (p: { max: number }) =>
        `Na ${p.max} taalfouten wordt de rest van het bestand vanaf hier niet gelezen. Los de fouten hierboven eerst op.`,
    syntaxTooMany: (p: { meer: number; max: number }) =>
        `Hier en verderop staan nog ${p.meer} taalfouten van deze soort; alleen de eerste ${p.max} worden gemeld. Los de bovenste eerst op: vaak verdwijnen de andere dan vanzelf.`,
    endOfFile: () => 'het einde van het bestand',
    notUtf8: (p: { byte: string; regel: number; kolom: number }) =>
        `Het bestand is geen UTF-8-tekst: byte ${p.byte} op regel ${p.regel}, kolom ${p.kolom} is geen geldig UTF-8-teken. Sla het bestand op als UTF-8 (in Kladblok of Word: ‘Opslaan als’, codering UTF-8).`,
    binaryFile: () =>
        'Dit is geen tekstbestand (er staan binaire gegevens in). Een .hrk-bestand is platte tekst: open het in VS Code of een teksteditor, of verwijder het uit de map.',
    utf16File: () =>
        'UTF-16: sla het bestand op als UTF-8. Dit bestand is als UTF-16 opgeslagen (Kladblok noemt dat ‘Unicode’) en is daarom niet gelezen; kies bij ‘Opslaan als’ de codering UTF-8.',

    // HRK001
    duplicateName: (p: { naam: string; soort: string; waar: string }) =>
        `De naam ‘${p.naam}’ is al gebruikt (${p.waar}). Namen van ${p.soort} moeten uniek zijn: kies een andere naam.`,
    duplicateNameElsewhere: () => 'ook gebruikt hier',
    inWorkspace: () => 'in deze handreiking',
    inTree: (p: { boom: string }) => `in beslisboom ‘${p.boom}’`,
    inFile: () => 'in dit bestand',
    kindTopLevel: () => 'kenmerken, typologieën, beslisbomen, financieringen, partijen en hoofdstukken',
    kindNode: () => 'knopen binnen een beslisboom',
    kindScenario: () => 'scenario’s in een bestand',

    // HRK002
    unresolved: (p: { naam: string; soort: string }) =>
        `‘${p.naam}’ is geen bekende ${p.soort}.`,
    unresolvedSuggest: (p: { voorstellen: string }) => ` Bedoelt u ${p.voorstellen}?`,
    unresolvedNone: (p: { soort: string }) => ` Er is nog geen ${p.soort} met die naam: maak hem aan of controleer de spelling.`,
    unresolvedLocalNode: (p: { naam: string; boom: string }) =>
        `‘${p.naam}’ is geen knoop van beslisboom ‘${p.boom}’. Pijlen (->) wijzen alleen naar knopen in dezelfde beslisboom; gebruik ‘zie Boom.Knoop’ om naar een andere boom te verwijzen.`,
    or: () => 'of',

    // HRK003
    propertyTwice: (p: { eigenschap: string; element: string }) =>
        `‘${p.eigenschap}’ staat twee keer in ‘${p.element}’, maar mag maar één keer voorkomen. Houd er één over (voeg teksten zo nodig samen).`,
    fundingWithoutTerm: (p: { naam: string }) =>
        `Financiering ‘${p.naam}’ heeft geen termijn. Voeg ‘termijn incidenteel’, ‘termijn meerjarig’ of ‘termijn structureel’ toe.`,

    // HRK010
    treeWithoutNodes: (p: { boom: string }) =>
        `Beslisboom ‘${p.boom}’ heeft nog geen knopen. Voeg een ‘vraag’, ‘stap’ of ‘advies’ toe.`,
    startUnknown: (p: { naam: string; boom: string; voorstellen: string }) =>
        `‘start ${p.naam}’ noemt geen knoop van beslisboom ‘${p.boom}’.${p.voorstellen}`,

    // HRK011
    unreachable: (p: { knoop: string; boom: string; start: string }) =>
        `Knoop ‘${p.knoop}’ is niet bereikbaar vanaf de start (‘${p.start}’) van beslisboom ‘${p.boom}’. Laat een antwoord, ‘daarna’ of stap ernaar wijzen, of verwijder de knoop.`,

    // HRK012
    cycle: (p: { lus: string; boom: string }) =>
        `Kringloop in beslisboom ‘${p.boom}’: ${p.lus}. Een beslisboom mag niet terugkeren naar een eerdere knoop; laat deze pijl naar een nieuwe knoop wijzen.`,

    // HRK013
    tooFewAnswers: (p: { vraag: string; aantal: number }) =>
        `Vraag ‘${p.vraag}’ heeft ${p.aantal === 0 ? 'geen antwoorden' : 'maar één antwoord'}. Een vraag heeft ten minste twee antwoorden nodig, bijvoorbeeld ‘ja -> …’ en ‘nee -> …’.`,
    repeatedAnswer: (p: { antwoord: string; vraag: string }) =>
        `Antwoord ${p.antwoord} staat twee keer bij vraag ‘${p.vraag}’. Geef elk antwoord één keer.`,
    jaWithoutNee: (p: { vraag: string; aanwezig: string; ontbreekt: string }) =>
        `Vraag ‘${p.vraag}’ heeft wel ‘${p.aanwezig}’ maar geen ‘${p.ontbreekt}’. Voeg ‘${p.ontbreekt} -> …’ toe.`,

    // HRK014
    allAnswersSame: (p: { vraag: string; doel: string }) =>
        `Alle antwoorden van vraag ‘${p.vraag}’ leiden naar ‘${p.doel}’: de vraag maakt geen verschil. Laat een antwoord ergens anders heen wijzen, of vervang de vraag door een stap.`,

    // HRK015
    stepWithoutNext: (p: { stap: string }) =>
        `Stap ‘${p.stap}’ heeft geen vervolg, dus dit pad eindigt zonder advies. Voeg ‘-> VolgendeKnoop’ toe achter de tekst van de stap, of maak er een ‘advies’ van.`,

    // HRK020
    missingCharacteristic: (p: { typologie: string; kenmerken: string }) =>
        `Typologie ‘${p.typologie}’ heeft geen waarde voor ${p.kenmerken}. Vul de waarde in, zodat de vergelijking en de financieringsregels kloppen.`,

    // HRK021
    valueNotOnScale: (p: { waarde: string; kenmerk: string; schaal: string }) =>
        `"${p.waarde}" staat niet op de schaal van kenmerk ‘${p.kenmerk}’. Kies een van: ${p.schaal}.`,
    characteristicTwice: (p: { kenmerk: string; typologie: string }) =>
        `Kenmerk ‘${p.kenmerk}’ krijgt twee keer een waarde in typologie ‘${p.typologie}’. Houd één waarde over.`,
    valueTwiceOnScale: (p: { waarde: string; kenmerk: string }) =>
        `"${p.waarde}" staat twee keer op de schaal van kenmerk ‘${p.kenmerk}’. Elke waarde mag één keer voorkomen.`,
    emptyScale: (p: { kenmerk: string }) =>
        `Kenmerk ‘${p.kenmerk}’ heeft nog geen waarden. Zet de mogelijke waarden op volgorde tussen de accolades, bijvoorbeeld { "klein", "groot" }.`,

    // HRK030
    fundingAppliesToNone: (p: { naam: string }) =>
        `Financiering ‘${p.naam}’ is op geen enkele typologie van toepassing. Controleer de voorwaarde achter ‘voor’.`,
    fundingWithoutScope: (p: { naam: string }) =>
        `Financiering ‘${p.naam}’ zegt niet voor welke typologieën ze geldt. Voeg ‘voor alle typologieen’, ‘voor Typologie1, Typologie2’ of ‘voor typologie waar …’ toe.`,

    // HRK031
    noStructuralFunding: (p: { typologie: string }) =>
        `Typologie ‘${p.typologie}’ heeft geen structurele financieringsbron: de financiering is niet sluitend. Voeg een financiering met ‘termijn structureel’ toe die voor deze typologie geldt.`,

    // HRK040
    scenarioUnknownTree: (p: { naam: string; voorstellen: string }) =>
        `Scenario noemt beslisboom ‘${p.naam}’, maar die bestaat niet.${p.voorstellen}`,
    scenarioUnknownQuestion: (p: { naam: string; boom: string; voorstellen: string }) =>
        `‘${p.naam}’ is geen vraag van beslisboom ‘${p.boom}’.${p.voorstellen}`,
    scenarioUnknownNode: (p: { naam: string; boom: string; voorstellen: string }) =>
        `‘${p.naam}’ is geen knoop van beslisboom ‘${p.boom}’.${p.voorstellen}`,
    scenarioUnknownAnswer: (p: { antwoord: string; vraag: string; mogelijk: string }) =>
        `Vraag ‘${p.vraag}’ heeft geen antwoord ${p.antwoord}. Mogelijke antwoorden: ${p.mogelijk}.`,
    scenarioExpectsChainedAdvice: (p: { naam: string; daarna: string }) =>
        `‘verwacht ${p.naam}’ kan nooit uitkomen: na dit advies gaat het pad verder (daarna -> ${p.daarna}). Verwacht het advies waar het pad eindigt.`,
    scenarioExpectsNonAdvice: (p: { naam: string }) =>
        `‘verwacht ${p.naam}’ noemt geen advies. Een scenario eindigt bij een advies: kies een advies van de beslisboom.`,
    scenarioQuestionTwice: (p: { vraag: string }) =>
        `Vraag ‘${p.vraag}’ wordt twee keer beantwoord in dit scenario. Een pad komt maar één keer langs een vraag.`,

    // HRK040: scenario `langs`
    scenarioPassesTwice: (p: { knoop: string }) =>
        `‘${p.knoop}’ staat twee keer achter ‘langs’. Een pad komt maar één keer langs een knoop: noem elke knoop één keer, in de volgorde van het pad.`,

    // HRK050
    expired: (p: { naam: string; datum: string; vandaag: string }) =>
        `Financiering ‘${p.naam}’ is vervallen: ze gold tot ${p.datum} (peildatum ${p.vandaag}). Controleer of de regeling nog bestaat en pas ‘geldig tot’ aan, of verwijder de financiering.`,
    invalidDate: (p: { datum: string }) =>
        `${p.datum} is geen bestaande datum. Schrijf jaar-maand-dag, bijvoorbeeld 2027-01-01.`,

    // HRK060
    contentWithoutHerkomst: (p: { soort: string; naam: string; knopen: number }) =>
        `${p.soort} ‘${p.naam}’${p.knopen > 0 ? ` (en ${p.knopen === 1 ? '1 knoop' : `${p.knopen} knopen`} erin)` : ''} zegt niet waar de inhoud vandaan komt. Zet bovenaan het blok (of bovenaan het bestand, voor alle elementen) ‘herkomst handreiking "…"’ (staat in de presentatie), ‘herkomst bron "…"’ (een openbare bron), ‘herkomst gereconstrueerd "reden"’ (onze lezing) of ‘herkomst illustratief’ (een verzonnen voorbeeld).`,
    kindBeslisboomHoofdletter: () => 'Beslisboom',
    kindTypologieHoofdletter: () => 'Typologie',
    kindFinancieringHoofdletter: () => 'Financiering',
    kindBerekeningHoofdletter: () => 'Berekening',
    kindPartijHoofdletter: () => 'Partij',
    kindHoofdstukHoofdletter: () => 'Hoofdstuk',

    // HRK061
    herkomstWithoutReason: () =>
        `‘herkomst gereconstrueerd’ heeft geen reden. Zeg waarom dit een reconstructie is, bijvoorbeeld: herkomst gereconstrueerd "de pijlen op de dia zijn niet eenduidig".`,
    herkomstWithoutSource: () =>
        `‘herkomst bron’ noemt geen bron. Zet de bron erachter, bijvoorbeeld: herkomst bron "https://wetten.overheid.nl/BWBR0045929".`,
    herkomstBlankText: (p: { soort: string }) =>
        `De tekst achter ‘herkomst ${p.soort}’ is leeg. Vul hem in (welke dia of welk deel van de presentatie), of laat de aanhalingstekens weg.`,
    herkomstFileNotFirst: () =>
        `Een herkomst voor het hele bestand staat bovenaan, vóór het eerste element. Hoort deze herkomst bij het element erboven? Zet hem dan als eerste in het blok van dat element: { herkomst … }.`,
    herkomstTwiceInFile: () =>
        `Dit bestand heeft al een herkomst voor het hele bestand; er mag er maar één zijn. Houd er één over, en geef elementen die anders zijn hun eigen herkomst.`,

    // HRK070–HRK077: calculations
    calcUnknownName: (p: { naam: string; berekening: string; voorstellen: string }) =>
        `‘${p.naam}’ is geen invoer of waarde van berekening ‘${p.berekening}’.${p.voorstellen || ` Voeg ‘invoer ${p.naam} "…"’ toe, of reken hem uit met ‘${p.naam} = …’.`}`,
    calcUnitMismatch: (p: { teken: string; links: string; rechts: string }) =>
        `Bij ‘${p.teken}’ moeten beide kanten dezelfde eenheid hebben, maar links staat ${p.links} en rechts ${p.rechts}. Zet de eenheid achter het getal (bijvoorbeeld 5 euro of 40 m2), of reken eerst om.`,
    calcUnitArguments: (p: { functie: string; eerste: string; deze: string }) =>
        `De delen van ‘${p.functie}’ moeten dezelfde eenheid hebben, maar het eerste is ${p.eerste} en dit is ${p.deze}.`,
    calcUnitBranches: (p: { dan: string; anders: string }) =>
        `Na ‘dan’ staat ${p.dan}, maar na ‘anders’ staat ${p.anders}: beide takken van een ‘als’ moeten dezelfde eenheid hebben.`,
    calcUnitOutcome: (p: { verklaard: string; berekend: string }) =>
        `De uitkomst is ‘in ${p.verklaard}’, maar de berekening geeft ${p.berekend}. Verbeter de eenheid achter ‘in’ of de berekening.`,
    calcPlainNumber: () => 'een getal zonder eenheid',
    calcThenNever: (p: { voorwaarde: string }) =>
        `De tak na ‘dan’ geldt nooit: ‘${p.voorwaarde}’ is hier nooit waar (let op de regels erboven). Verbeter de voorwaarde, of laat de ‘als’ weg.`,
    calcElseNever: (p: { voorwaarde: string }) =>
        `De tak na ‘anders’ geldt nooit: ‘${p.voorwaarde}’ is hier altijd waar (let op de regels erboven). Verbeter de voorwaarde, of laat de ‘als’ weg.`,
    calcNotApplicableNever: (p: { voorwaarde: string }) =>
        `‘niet van toepassing als ${p.voorwaarde}’ geldt nooit: de voorwaarde is nooit waar (let op de regels erboven). Verbeter de voorwaarde, of laat de regel weg.`,
    calcNotApplicableAlways: (p: { voorwaarde: string }) =>
        `‘${p.voorwaarde}’ is altijd waar: de berekening is dan nooit van toepassing en de uitkomst wordt nooit berekend. Verbeter de voorwaarde.`,
    calcMissingElse: (p: { voorwaarde: string }) =>
        `Deze ‘als’ heeft geen ‘anders’: als ‘${p.voorwaarde}’ niet waar is, heeft de berekening geen waarde. Voeg ‘anders …’ toe.`,
    calcDivisionByZero: (p: { deler: string }) =>
        `Hier wordt gedeeld door ‘${p.deler}’, en dat kan nul zijn. Zorg dat het nooit nul is, bijvoorbeeld met ‘niet van toepassing als ${p.deler} = 0’ erboven, of met ‘als ${p.deler} > 0 dan … anders …’.`,
    calcDivisionAlwaysZero: (p: { deler: string }) =>
        `Hier wordt gedeeld door ‘${p.deler}’, en dat is altijd nul. Delen door nul kan niet: verbeter de berekening.`,
    calcOutcomeWithoutUnit: (p: { titel: string }) =>
        `De uitkomst "${p.titel}" zegt niet in welke eenheid hij is. Zet ‘in euro’, ‘in m2’, ‘in euro per m2’ of, voor een getal zonder eenheid, ‘in getal’ achter de titel.`,
    calcCycle: (p: { berekening: string; lus: string }) =>
        `Kringloop in berekening ‘${p.berekening}’: ${p.lus}. Een waarde mag niet (via andere waarden) van zichzelf afhangen.`,
    calcOptionalOutside: (p: { naam: string }) =>
        `Invoer ‘${p.naam}’ is optioneel en mag daarom alleen direct in ‘minimum(…)’ of ‘maximum(…)’ staan, waar hij wegvalt als hij niet is ingevuld. Haal ‘optioneel’ weg, of gebruik hem alleen in minimum of maximum.`,
    calcOnlyOptional: (p: { functie: string }) =>
        `Alle delen van ‘${p.functie}’ zijn optionele invoer: is geen ervan ingevuld, dan is er geen uitkomst. Zet er een deel bij dat altijd een waarde heeft.`,
    calcBadDecimals: (p: { decimalen: string; max: number }) =>
        `‘afronden’ rondt af op een heel aantal decimalen, van 0 tot en met ${p.max}; ‘${p.decimalen}’ kan niet.`,
    calcWithoutOutcome: (p: { naam: string }) =>
        `Berekening ‘${p.naam}’ heeft geen uitkomst. Voeg ‘uitkomst "…" in euro = …’ toe.`,
    kindCalculationName: () => 'invoer en waarden binnen een berekening',
    inCalculation: (p: { berekening: string }) => `in berekening ‘${p.berekening}’`,

    // HRK040: calculation scenarios
    scenarioUnknownCalculation: (p: { naam: string; voorstellen: string }) =>
        `Scenario noemt berekening ‘${p.naam}’, maar die bestaat niet.${p.voorstellen}`,
    scenarioUnknownInput: (p: { naam: string; berekening: string; voorstellen: string }) =>
        `‘${p.naam}’ is geen invoer van berekening ‘${p.berekening}’.${p.voorstellen}`,
    scenarioInputTwice: (p: { invoer: string }) =>
        `Invoer ‘${p.invoer}’ krijgt twee keer een waarde in dit scenario. Geef elke invoer één waarde.`,
    scenarioInputMissing: (p: { invoer: string; titel: string }) =>
        `Het scenario geeft geen waarde voor invoer ‘${p.invoer}’ (${p.titel}), en die is niet optioneel. Voeg ‘${p.invoer}: …’ toe.`,

    // Token descriptions for syntax messages
    tokenName: () => 'een naam',
    tokenString: () => 'een tekst tussen "aanhalingstekens"',
    tokenDate: () => 'een datum (JJJJ-MM-DD)',
    tokenNumber: () => 'een getal',
    tokenKeyword: (p: { woord: string }) => `‘${p.woord}’`,

    // kinds, used in HRK002
    soortKenmerk: () => 'kenmerk',
    soortTypologie: () => 'typologie',
    soortBeslisboom: () => 'beslisboom',
    soortKnoop: () => 'knoop',
    soortVraag: () => 'vraag',
    soortFinanciering: () => 'financiering',
    soortBerekening: () => 'berekening',
    soortVerwijsbaar: () => 'beslisboom, knoop, hoofdstuk, typologie of financiering',
    soortOnbekend: () => 'naam'
};

export type Catalogue = typeof nl;

const en: Catalogue = {
    syntaxExpected: p => `Expected ${p.verwacht} here, but found ${p.gevonden}.`,
    syntaxExpectedOneOf: p => `Expected one of these here: ${p.verwacht}; found ${p.gevonden}.`,
    syntaxEndOfFile: p => `No element starts here: found ${p.gevonden}. An element starts with ‘kenmerk’, ‘typologie’, ‘beslisboom’, ‘financiering’, ‘berekening’, ‘partij’, ‘hoofdstuk’ or ‘scenario’ (lower case); check the spelling, or remove the text.`,
    syntaxUnexpectedCharacter: p => `The character ${p.teken} does not belong here. Put text between "quotes" or remove the character.`,
    syntaxAtLeastOne: p => `At least one ${p.verwacht} is needed here; found ${p.gevonden}.`,
    syntaxTooDeep: p => `Parentheses may be nested at most ${p.max} deep; the parentheses from here on are not read. Write the condition more simply.`,
    syntaxTooLong: p => `A condition may have at most ${p.max} ‘en’ or ‘of’; the condition is not read from here on. Write the condition more briefly.`,
    syntaxAlsInExpression: () => 'An ‘als’ inside a formula goes between parentheses: bedrag + (als … dan … anders …).',
    syntaxDecimalPoint: () => 'A point in a number. Write a decimal with a comma, as in 2,5; a point only stands between groups of three digits, as in 100.000.',
    syntaxRuleTooLong: p => `A rule of a calculation may have at most ${p.max} operators, comparisons, ‘en’, ‘of’ and ‘als’; the rule is not read from here on. Split it into named values (name = …).`,
    tooManyOfCode: p => `Here and further on are ${p.meer} more ${p.code} messages in this file; only the first ${p.max} are shown.`,
    syntaxRestNotRead: p => `After ${p.max} syntax errors, the rest of the file from here on is not read. Fix the errors above first.`,
    syntaxTooMany: p => `Here and further on are ${p.meer} more syntax errors of this kind; only the first ${p.max} are reported. Fix the first ones: the others often disappear with them.`,
    endOfFile: () => 'the end of the file',
    notUtf8: p => `The file is not UTF-8 text: byte ${p.byte} on line ${p.regel}, column ${p.kolom} is not a valid UTF-8 character. Save the file as UTF-8.`,
    binaryFile: () => 'This is not a text file (it contains binary data). A .hrk file is plain text: open it in VS Code or a text editor, or remove it from the folder.',
    utf16File: () => 'UTF-16: save the file as UTF-8. This file was saved as UTF-16 (Notepad calls it ‘Unicode’) and was therefore not read; choose the encoding UTF-8 under ‘Save as’.',

    duplicateName: p => `The name ‘${p.naam}’ is already used (${p.waar}). Names of ${p.soort} must be unique: choose another name.`,
    duplicateNameElsewhere: () => 'also used here',
    inWorkspace: () => 'in this guide',
    inTree: p => `in decision tree ‘${p.boom}’`,
    inFile: () => 'in this file',
    kindTopLevel: () => 'characteristics, typologies, decision trees, funding rules, stakeholders and chapters',
    kindNode: () => 'nodes within a decision tree',
    kindScenario: () => 'scenarios in a file',

    unresolved: p => `‘${p.naam}’ is not a known ${p.soort}.`,
    unresolvedSuggest: p => ` Did you mean ${p.voorstellen}?`,
    unresolvedNone: p => ` There is no ${p.soort} with that name yet: create it or check the spelling.`,
    unresolvedLocalNode: p => `‘${p.naam}’ is not a node of decision tree ‘${p.boom}’. Arrows (->) only point at nodes of the same tree; use ‘zie Tree.Node’ to refer to another tree.`,
    or: () => 'or',

    propertyTwice: p => `‘${p.eigenschap}’ appears twice in ‘${p.element}’ but may appear only once. Keep one (merge texts if needed).`,
    fundingWithoutTerm: p => `Funding rule ‘${p.naam}’ has no term. Add ‘termijn incidenteel’, ‘termijn meerjarig’ or ‘termijn structureel’.`,

    treeWithoutNodes: p => `Decision tree ‘${p.boom}’ has no nodes yet. Add a ‘vraag’, ‘stap’ or ‘advies’.`,
    startUnknown: p => `‘start ${p.naam}’ names no node of decision tree ‘${p.boom}’.${p.voorstellen}`,

    unreachable: p => `Node ‘${p.knoop}’ cannot be reached from the start (‘${p.start}’) of decision tree ‘${p.boom}’. Let an answer, ‘daarna’ or step point to it, or remove the node.`,

    cycle: p => `Cycle in decision tree ‘${p.boom}’: ${p.lus}. A decision tree must not return to an earlier node; point this arrow at a new node.`,

    tooFewAnswers: p => `Question ‘${p.vraag}’ has ${p.aantal === 0 ? 'no answers' : 'only one answer'}. A question needs at least two answers, for example ‘ja -> …’ and ‘nee -> …’.`,
    repeatedAnswer: p => `Answer ${p.antwoord} appears twice in question ‘${p.vraag}’. Give each answer once.`,
    jaWithoutNee: p => `Question ‘${p.vraag}’ has ‘${p.aanwezig}’ but no ‘${p.ontbreekt}’. Add ‘${p.ontbreekt} -> …’.`,

    allAnswersSame: p => `Every answer of question ‘${p.vraag}’ leads to ‘${p.doel}’: the question makes no difference. Point one answer elsewhere, or replace the question by a step.`,

    stepWithoutNext: p => `Step ‘${p.stap}’ has no next node, so this path ends without advice. Add ‘-> NextNode’ after the step's text, or make it an ‘advies’.`,

    missingCharacteristic: p => `Typology ‘${p.typologie}’ has no value for ${p.kenmerken}. Fill in the value so that the comparison and the funding rules are right.`,

    valueNotOnScale: p => `"${p.waarde}" is not on the scale of characteristic ‘${p.kenmerk}’. Choose one of: ${p.schaal}.`,
    characteristicTwice: p => `Characteristic ‘${p.kenmerk}’ is given a value twice in typology ‘${p.typologie}’. Keep one value.`,
    valueTwiceOnScale: p => `"${p.waarde}" appears twice on the scale of characteristic ‘${p.kenmerk}’. Each value may appear once.`,
    emptyScale: p => `Characteristic ‘${p.kenmerk}’ has no values yet. Put the possible values in order between the braces, for example { "klein", "groot" }.`,

    fundingAppliesToNone: p => `Funding rule ‘${p.naam}’ applies to no typology. Check the condition after ‘voor’.`,
    fundingWithoutScope: p => `Funding rule ‘${p.naam}’ does not say which typologies it applies to. Add ‘voor alle typologieen’, ‘voor Typology1, Typology2’ or ‘voor typologie waar …’.`,

    noStructuralFunding: p => `Typology ‘${p.typologie}’ has no structural funding source: the funding does not add up. Add a funding rule with ‘termijn structureel’ that applies to this typology.`,

    scenarioUnknownTree: p => `The scenario names decision tree ‘${p.naam}’, which does not exist.${p.voorstellen}`,
    scenarioUnknownQuestion: p => `‘${p.naam}’ is not a question of decision tree ‘${p.boom}’.${p.voorstellen}`,
    scenarioUnknownNode: p => `‘${p.naam}’ is not a node of decision tree ‘${p.boom}’.${p.voorstellen}`,
    scenarioUnknownAnswer: p => `Question ‘${p.vraag}’ has no answer ${p.antwoord}. Possible answers: ${p.mogelijk}.`,
    scenarioExpectsChainedAdvice: p => `‘verwacht ${p.naam}’ can never come true: the path goes on after this advice (daarna -> ${p.daarna}). Expect the advice where the path ends.`,
    scenarioExpectsNonAdvice: p => `‘verwacht ${p.naam}’ does not name an advice. A scenario ends at an advice: choose an advice of the decision tree.`,
    scenarioQuestionTwice: p => `Question ‘${p.vraag}’ is answered twice in this scenario. A path passes a question only once.`,
    scenarioPassesTwice: p => `‘${p.knoop}’ appears twice after ‘langs’. A path passes a node only once: name each node once, in the order of the path.`,

    expired: p => `Funding rule ‘${p.naam}’ has lapsed: it applied until ${p.datum} (reference date ${p.vandaag}). Check whether the scheme still exists and update ‘geldig tot’, or remove the funding rule.`,
    invalidDate: p => `${p.datum} is not an existing date. Write year-month-day, for example 2027-01-01.`,

    contentWithoutHerkomst: p => `${p.soort} ‘${p.naam}’${p.knopen > 0 ? ` (and ${p.knopen === 1 ? '1 node' : `${p.knopen} nodes`} in it)` : ''} does not say where its content comes from. At the top of the block (or at the top of the file, for every element) write ‘herkomst handreiking "…"’ (in the presentation), ‘herkomst bron "…"’ (a public source), ‘herkomst gereconstrueerd "reason"’ (our reading) or ‘herkomst illustratief’ (a made-up example).`,
    kindBeslisboomHoofdletter: () => 'Decision tree',
    kindTypologieHoofdletter: () => 'Typology',
    kindFinancieringHoofdletter: () => 'Funding rule',
    kindBerekeningHoofdletter: () => 'Calculation',
    kindPartijHoofdletter: () => 'Stakeholder',
    kindHoofdstukHoofdletter: () => 'Chapter',

    herkomstWithoutReason: () => `‘herkomst gereconstrueerd’ gives no reason. Say why this is a reconstruction, for example: herkomst gereconstrueerd "de pijlen op de dia zijn niet eenduidig".`,
    herkomstWithoutSource: () => `‘herkomst bron’ names no source. Write the source after it, for example: herkomst bron "https://wetten.overheid.nl/BWBR0045929".`,
    herkomstBlankText: p => `The text after ‘herkomst ${p.soort}’ is empty. Fill it in (which slide or part of the presentation), or leave out the quotes.`,
    herkomstFileNotFirst: () => `A herkomst for the whole file goes at the top, before the first element. Does this herkomst belong to the element above it? Then put it first in that element's block: { herkomst … }.`,
    herkomstTwiceInFile: () => `This file already has a herkomst for the whole file; there may be only one. Keep one, and give elements that differ their own herkomst.`,

    calcUnknownName: p => `‘${p.naam}’ is not an input or value of calculation ‘${p.berekening}’.${p.voorstellen || ` Add ‘invoer ${p.naam} "…"’, or compute it with ‘${p.naam} = …’.`}`,
    calcUnitMismatch: p => `Both sides of ‘${p.teken}’ must have the same unit, but the left is ${p.links} and the right ${p.rechts}. Write the unit after the number (for example 5 euro or 40 m2), or convert first.`,
    calcUnitArguments: p => `The parts of ‘${p.functie}’ must have the same unit, but the first is ${p.eerste} and this one ${p.deze}.`,
    calcUnitBranches: p => `After ‘dan’ comes ${p.dan}, but after ‘anders’ ${p.anders}: both branches of an ‘als’ must have the same unit.`,
    calcUnitOutcome: p => `The outcome is ‘in ${p.verklaard}’, but the calculation gives ${p.berekend}. Correct the unit after ‘in’ or the calculation.`,
    calcPlainNumber: () => 'a plain number',
    calcThenNever: p => `The branch after ‘dan’ never applies: ‘${p.voorwaarde}’ is never true here (mind the rules above). Correct the condition, or leave out the ‘als’.`,
    calcElseNever: p => `The branch after ‘anders’ never applies: ‘${p.voorwaarde}’ is always true here (mind the rules above). Correct the condition, or leave out the ‘als’.`,
    calcNotApplicableNever: p => `‘niet van toepassing als ${p.voorwaarde}’ never applies: the condition is never true (mind the rules above). Correct the condition, or remove the rule.`,
    calcNotApplicableAlways: p => `‘${p.voorwaarde}’ is always true: the calculation then never applies and its outcome is never computed. Correct the condition.`,
    calcMissingElse: p => `This ‘als’ has no ‘anders’: when ‘${p.voorwaarde}’ is not true, the calculation has no value. Add ‘anders …’.`,
    calcDivisionByZero: p => `This divides by ‘${p.deler}’, which can be zero. Make sure it never is, for example with ‘niet van toepassing als ${p.deler} = 0’ above, or with ‘als ${p.deler} > 0 dan … anders …’.`,
    calcDivisionAlwaysZero: p => `This divides by ‘${p.deler}’, which is always zero. Division by zero is impossible: correct the calculation.`,
    calcOutcomeWithoutUnit: p => `The outcome "${p.titel}" does not say its unit. Write ‘in euro’, ‘in m2’, ‘in euro per m2’ or, for a plain number, ‘in getal’ after the title.`,
    calcCycle: p => `Cycle in calculation ‘${p.berekening}’: ${p.lus}. A value must not depend on itself (through other values).`,
    calcOptionalOutside: p => `Input ‘${p.naam}’ is optional, so it may only stand directly in ‘minimum(…)’ or ‘maximum(…)’, where it drops out when not given. Remove ‘optioneel’, or use it only in minimum or maximum.`,
    calcOnlyOptional: p => `Every part of ‘${p.functie}’ is an optional input: when none is given there is no outcome. Add a part that always has a value.`,
    calcBadDecimals: p => `‘afronden’ rounds to a whole number of decimals from 0 to ${p.max}; ‘${p.decimalen}’ is not possible.`,
    calcWithoutOutcome: p => `Calculation ‘${p.naam}’ has no outcome. Add ‘uitkomst "…" in euro = …’.`,
    kindCalculationName: () => 'inputs and values within a calculation',
    inCalculation: p => `in calculation ‘${p.berekening}’`,

    scenarioUnknownCalculation: p => `The scenario names calculation ‘${p.naam}’, which does not exist.${p.voorstellen}`,
    scenarioUnknownInput: p => `‘${p.naam}’ is not an input of calculation ‘${p.berekening}’.${p.voorstellen}`,
    scenarioInputTwice: p => `Input ‘${p.invoer}’ is given a value twice in this scenario. Give each input one value.`,
    scenarioInputMissing: p => `The scenario gives no value for input ‘${p.invoer}’ (${p.titel}), which is not optional. Add ‘${p.invoer}: …’.`,

    tokenName: () => 'a name',
    tokenString: () => 'a text in "quotes"',
    tokenDate: () => 'a date (YYYY-MM-DD)',
    tokenNumber: () => 'a number',
    tokenKeyword: p => `‘${p.woord}’`,

    soortKenmerk: () => 'characteristic',
    soortTypologie: () => 'typology',
    soortBeslisboom: () => 'decision tree',
    soortKnoop: () => 'node',
    soortVraag: () => 'question',
    soortFinanciering: () => 'funding rule',
    soortBerekening: () => 'calculation',
    soortVerwijsbaar: () => 'decision tree, node, chapter, typology or funding rule',
    soortOnbekend: () => 'name'
};

export type MessageKey = keyof Catalogue;
export type MessageParams<K extends MessageKey> = Parameters<Catalogue[K]>[0];

const catalogues: Record<Lang, Catalogue> = { nl, en };

/** Formats message `key` in language `lang`. */
export function message<K extends MessageKey>(lang: Lang, key: K, ...params: Parameters<Catalogue[K]>): string {
    const fn = catalogues[lang][key] as (p?: unknown) => string;
    return fn(params[0]);
}

/** Joins names as ‘A’, ‘B’ of ‘C’ (or ‘A’, ‘B’ or ‘C’). */
export function listNames(lang: Lang, names: readonly string[]): string {
    const quoted = names.map(n => `‘${n}’`);
    if (quoted.length <= 1) return quoted.join('');
    return `${quoted.slice(0, -1).join(', ')} ${catalogues[lang].or()} ${quoted[quoted.length - 1]}`;
}
