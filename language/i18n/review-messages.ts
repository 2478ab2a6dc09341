import type { Lang } from './locale.js';

/**
 * The texts of `handreiking diff` and of the coverage report, in Dutch and English. Names and texts
 * arrive already quoted for the output (‘Naam’ and “tekst” in a terminal, code spans and escaped text
 * in Markdown), so one table serves both.
 */
const nl = {
    // ---- diff: header and summary
    title: 'Handreiking: wat deze wijziging doet',
    workingCopy: 'werkkopie',
    files: (n: number) => `${n} ${n === 1 ? 'bestand' : 'bestanden'}`,
    versions: (oud: string, nieuw: string) => `${oud} → ${nieuw}`,
    summary: (structure: number, behaviour: number) =>
        `${structure} ${structure === 1 ? 'wijziging' : 'wijzigingen'} in de structuur, ${behaviour} in het gedrag.`,
    nothingChanged: 'Geen wijzigingen voor een lezer.',
    structureHeading: 'Structuur',
    behaviourHeading: 'Gedrag',
    notCompared: (boom: string, grens: string) => `${boom}: meer dan ${grens} paden in een van de versies; de paden zijn niet vergeleken.`,
    moreChanges: (n: number) => `… en nog ${n} ${n === 1 ? 'pad' : 'paden'} (alles staat in --format json)`,

    // ---- element kinds
    type: {
        tree: 'Beslisboom', typology: 'Typologie', characteristic: 'Kenmerk', funding: 'Financiering', calculation: 'Berekening',
        stakeholder: 'Partij', chapter: 'Hoofdstuk', scenario: 'Scenario', node: 'Knoop'
    } as Record<string, string>,
    nodeKind: { question: 'vraag', advice: 'advies', step: 'stap' } as Record<string, string>,
    nodeKindWithArticle: { question: 'een vraag', advice: 'een advies', step: 'een stap' } as Record<string, string>,
    added: 'nieuw',
    removed: 'verwijderd',
    renamedFrom: (oud: string) => `hernoemd, was ${oud}`,

    // ---- structure lines
    nodeAdded: (soort: string, naam: string, tekst: string) =>
        `${({ question: 'nieuwe vraag', advice: 'nieuw advies', step: 'nieuwe stap' } as Record<string, string>)[soort] ?? soort} ${naam}: ${tekst}`,
    nodeRemoved: (soort: string, naam: string, tekst: string) =>
        `${({ question: 'vraag', advice: 'advies', step: 'stap' } as Record<string, string>)[soort] ?? soort} ${naam} verwijderd: ${tekst}`,
    nodeRenamed: (soort: string, naam: string, oud: string, how: 'text' | 'position') =>
        `${soort} ${naam} heette ${oud} (herkend aan ${how === 'text' ? 'de tekst' : 'de plaats in de boom'})`,
    reworded: (soort: string, naam: string, oud: string, nieuw: string) => `${soort} ${naam} anders verwoord: was ${oud}, nu ${nieuw}`,
    kindChanged: (naam: string, oud: string, nieuw: string) => `${naam} is nu ${nieuw} (was ${oud})`,
    nodeField: (soort: string, naam: string, wat: string, verschil: string) => `${soort} ${naam}, ${wat}: ${verschil}`,
    elementField: (wat: string, verschil: string) => `${wat}: ${verschil}`,
    wasNow: (oud: string, nieuw: string) => `was ${oud}, nu ${nieuw}`,
    listChange: (erbij: string[], eraf: string[]) => [
        ...(erbij.length > 0 ? [`erbij ${erbij.join(', ')}`] : []),
        ...(eraf.length > 0 ? [`eraf ${eraf.join(', ')}`] : [])
    ].join('; '),
    reordered: 'zelfde, in een andere volgorde',
    notSet: 'niet ingevuld',
    none: '(geen)',
    unknownValue: 'onbekend',
    answerAdded: (soort: string, naam: string, pijl: string, doel: string) => `${soort} ${naam}: nieuw ${pijl} → ${doel}`,
    answerRemoved: (soort: string, naam: string, pijl: string, doel: string) => `${soort} ${naam}: ${pijl} → ${doel} is weg`,
    rewired: (soort: string, naam: string, pijl: string, oud: string, nieuw: string) => `${soort} ${naam}, ${pijl}: wees naar ${oud}, nu naar ${nieuw}`,
    arrowAnswer: (label: string) => `antwoord ${label}`,
    arrowThen: 'daarna',
    arrowNext: 'pijl',
    appliesNow: (financiering: string, typologie: string) => `${financiering} geldt nu ook voor ${typologie}`,
    appliesNoLonger: (financiering: string, typologie: string) => `${financiering} geldt niet meer voor ${typologie}`,
    provenance: (soort: string, tekst?: string) => tekst !== undefined ? `${soort} ${tekst}` : soort,
    provenanceKind: { guide: 'handreiking', source: 'bron', reconstructed: 'gereconstrueerd', illustrative: 'illustratief', unmarked: 'zonder herkomst' } as Record<string, string>,
    field: {
        title: 'titel', text: 'tekst', kind: 'soort', description: 'toelichting', documentation: 'beschrijving (/** … */)', start: 'start',
        examples: 'voorbeelden', links: 'zie', typology: 'typologie', value: 'waarde', scale: 'schaal', activities: 'activiteiten',
        comparable: 'vergelijkbaar', term: 'termijn', rule: 'voor', validUntil: 'geldig tot', via: 'via', conditions: 'voorwaarden',
        sources: 'bronnen', involvedIn: 'betrokken bij', roles: 'rollen', strengths: 'krachten', pitfalls: 'valkuilen',
        workingGroup: 'werkgroep', tree: 'beslisboom', answers: 'antwoorden', passes: 'langs', expected: 'verwacht', provenance: 'herkomst',
        calculation: 'berekening', inputs: 'invoer', inputTitle: 'titel van invoer', valueTitle: 'titel van waarde', notApplicable: 'niet van toepassing als',
        outcome: 'uitkomst', outcomeTitle: 'titel van de uitkomst', unit: 'eenheid van de uitkomst'
    } as Record<string, string>,
    /** Before the name of a calculation's named value: “waarde ‘plafond’”. */
    namedValue: 'waarde',
    provenanceOf: {
        description: 'herkomst van de toelichting', value: 'herkomst van de waarde', activities: 'herkomst van de activiteiten',
        conditions: 'herkomst van de voorwaarden', rule: 'herkomst van ‘voor’',
        notApplicable: 'herkomst van ‘niet van toepassing’', outcome: 'herkomst van de uitkomst'
    } as Record<string, string>,

    // ---- behaviour lines
    scenarioEnd: (naam: string, oud: string, nieuw: string) => `scenario ${naam}: eindigde ${oud}, nu ${nieuw}`,
    scenarioPassFail: (naam: string, wat: string) => `scenario ${naam}: ${wat}`,
    nowFails: 'slaagde, faalt nu',
    // A scenario of a calculation: what it gave, after "gaf" / "nu".
    scenarioOutcome: (naam: string, oud: string, nieuw: string) => `scenario ${naam}: gaf ${oud}, nu ${nieuw}`,
    noCalculation: 'geen uitkomst: de berekening bestaat in deze versie niet',
    nowPasses: 'faalde, slaagt nu',
    // Where a walk ends, after "eindigde" / "nu" / "eindigt".
    atAdvice: (waar: string) => `bij ${waar}`,
    atQuestion: (vraag: string) => `zonder antwoord bij vraag ${vraag}`,
    atDeadEnd: (knoop: string) => `doodlopend bij ${knoop}`,
    atCycle: (knoop: string) => `in een kringloop bij ${knoop}`,
    noTree: 'zonder beslisboom (die bestaat in deze versie niet)',
    pathChanged: (pad: string, oud: string, nieuw: string) => `pad ${pad}: eindigde ${oud}, nu ${nieuw}`,
    pathNewAdvice: (pad: string, nieuw: string, oud: string) => `pad ${pad}: nieuw advies ${nieuw} (eindigde ${oud})`,
    pathPasses: (pad: string, erbij: string[], eraf: string[]) => `pad ${pad}: ` + [
        ...(eraf.length > 0 ? [`komt niet meer langs ${eraf.join(', ')}`] : []),
        ...(erbij.length > 0 ? [`komt nu langs ${erbij.join(', ')}`] : [])
    ].join(' en ') + ' (zelfde einde)',
    pathAdded: (pad: string, waar: string) => `nieuw pad ${pad}: eindigt ${waar}`,
    pathRemoved: (pad: string, waar: string) => `pad ${pad} bestaat niet meer (eindigde ${waar})`,
    noQuestions: '(zonder vragen)',

    // ---- errors of diff
    notARepository: (arg: string, map: string) =>
        `‘${arg}’ is geen bestand of map, en ${map} is geen git-repository: ‘${arg}’ kan dus ook geen versie zijn. Geef een map, een .hrk-bestand of een git-revisie (zoals HEAD~1 of main) in een git-repository.`,
    unknownRevision: (arg: string) =>
        `Onbekende versie ‘${arg}’: geen bestand of map, en git kent geen revisie met die naam. Controleer de naam (git log --oneline toont de revisies).`,
    badRevision: (arg: string) => `‘${arg}’ kan geen git-revisie zijn (een revisie begint niet met ‘-’).`,
    gitMissing: 'Het programma git is niet gevonden. Installeer git, of vergelijk twee mappen of bestanden.',
    gitFailed: (wat: string, reden: string) => `git kon ${wat} niet lezen: ${reden}`,
    versionDoesNotParse: (versie: string, n: number) =>
        `De versie ${versie} kan niet gelezen worden: ${n} ${n === 1 ? 'fout' : 'fouten'} in de tekst. Er is niets vergeleken.`,
    versionUnread: (versie: string) => `De versie ${versie} kan niet helemaal gelezen worden (zie hierboven). Er is niets vergeleken.`,
    versionLabel: (label: string) => `‘${label}’`,
    notUtf8: 'Het bestand is niet in UTF-8 opgeslagen.',
    tooLarge: (p: string) => `${p} is groter dan 16 MB en is niet gelezen.`,
    symlinkInRevision: (p: string) => `${p} is in deze versie een symbolische koppeling en is niet gelezen.`,
    badDiffFormat: (v: string) => `Onbekend formaat ‘${v}’: kies text, markdown of json.`,
    summaryFailed: 'De samenvatting kon niet gemaakt worden door een interne fout; het venster Uitvoer (Handreiking) laat zien waarom.',

    // ---- coverage
    coverageHeading: 'Dekking door de scenario’s:',
    coverageTree: (boom: string, antwoorden: string, vragen: string, adviezen: string) =>
        `${boom}: antwoorden ${antwoorden}, vragen ${vragen}, adviezen ${adviezen}`,
    coverageFigure: (percent: string, gedekt: number, totaal: number) => `${percent} (${gedekt} van ${totaal})`,
    uncoveredAnswer: (vraag: string, antwoord: string, pad: string) => `niet gedekt: ${vraag} ${antwoord} — kortste pad: ${pad}`,
    uncoveredAdvice: (advies: string, pad: string) => `niet gedekt: advies ${advies} — kortste pad: ${pad}`,
    uncoveredNoPath: (wat: string) => `niet gedekt: ${wat} — geen pad vanaf de start`,
    coverageBelow: (boom: string, percent: string, min: string) => `${boom}: ${percent} van de antwoorden gedekt, minder dan de vereiste ${min}.`,
    coverageSummaryWord: 'Dekking',
    badMinimum: (v: string) => `‘${v}’ is geen percentage: geef een getal van 0 tot en met 100, bijvoorbeeld --min-dekking 90.`,
};

const en: typeof nl = {
    title: 'Handreiking: what this change does',
    workingCopy: 'working copy',
    files: n => `${n} ${n === 1 ? 'file' : 'files'}`,
    versions: (oud, nieuw) => `${oud} → ${nieuw}`,
    summary: (structure, behaviour) =>
        `${structure} ${structure === 1 ? 'change' : 'changes'} in structure, ${behaviour} in behaviour.`,
    nothingChanged: 'No changes for a reader.',
    structureHeading: 'Structure',
    behaviourHeading: 'Behaviour',
    notCompared: (boom, grens) => `${boom}: more than ${grens} paths in one of the versions; the paths were not compared.`,
    moreChanges: n => `… and ${n} more ${n === 1 ? 'path' : 'paths'} (all of them are in --format json)`,
    type: {
        tree: 'Decision tree', typology: 'Typology', characteristic: 'Characteristic', funding: 'Funding', calculation: 'Calculation',
        stakeholder: 'Stakeholder', chapter: 'Chapter', scenario: 'Scenario', node: 'Node'
    },
    nodeKind: { question: 'question', advice: 'advice', step: 'step' },
    nodeKindWithArticle: { question: 'a question', advice: 'an advice', step: 'a step' },
    added: 'new',
    removed: 'removed',
    renamedFrom: oud => `renamed, was ${oud}`,
    nodeAdded: (soort, naam, tekst) => `new ${soort === 'question' ? 'question' : soort === 'advice' ? 'advice' : 'step'} ${naam}: ${tekst}`,
    nodeRemoved: (soort, naam, tekst) => `${soort === 'question' ? 'question' : soort === 'advice' ? 'advice' : 'step'} ${naam} removed: ${tekst}`,
    nodeRenamed: (soort, naam, oud, how) => `${soort} ${naam} was called ${oud} (recognised by ${how === 'text' ? 'its text' : 'its place in the tree'})`,
    reworded: (soort, naam, oud, nieuw) => `${soort} ${naam} reworded: was ${oud}, now ${nieuw}`,
    kindChanged: (naam, oud, nieuw) => `${naam} is now ${nieuw} (was ${oud})`,
    nodeField: (soort, naam, wat, verschil) => `${soort} ${naam}, ${wat}: ${verschil}`,
    elementField: (wat, verschil) => `${wat}: ${verschil}`,
    wasNow: (oud, nieuw) => `was ${oud}, now ${nieuw}`,
    listChange: (erbij, eraf) => [
        ...(erbij.length > 0 ? [`added ${erbij.join(', ')}`] : []),
        ...(eraf.length > 0 ? [`removed ${eraf.join(', ')}`] : [])
    ].join('; '),
    reordered: 'the same, in another order',
    notSet: 'not set',
    none: '(none)',
    unknownValue: 'unknown',
    answerAdded: (soort, naam, pijl, doel) => `${soort} ${naam}: new ${pijl} → ${doel}`,
    answerRemoved: (soort, naam, pijl, doel) => `${soort} ${naam}: ${pijl} → ${doel} is gone`,
    rewired: (soort, naam, pijl, oud, nieuw) => `${soort} ${naam}, ${pijl}: led to ${oud}, now to ${nieuw}`,
    arrowAnswer: label => `answer ${label}`,
    arrowThen: 'daarna',
    arrowNext: 'arrow',
    appliesNow: (financiering, typologie) => `${financiering} now also applies to ${typologie}`,
    appliesNoLonger: (financiering, typologie) => `${financiering} no longer applies to ${typologie}`,
    provenance: (soort, tekst) => tekst !== undefined ? `${soort} ${tekst}` : soort,
    provenanceKind: { guide: 'guide', source: 'source', reconstructed: 'reconstructed', illustrative: 'illustrative', unmarked: 'unmarked' },
    field: {
        title: 'title', text: 'text', kind: 'kind', description: 'description', documentation: 'documentation (/** … */)', start: 'start',
        examples: 'examples', links: 'see also', typology: 'typology', value: 'value', scale: 'scale', activities: 'activities',
        comparable: 'comparable', term: 'term', rule: 'applies to', validUntil: 'valid until', via: 'via', conditions: 'conditions',
        sources: 'sources', involvedIn: 'involved in', roles: 'roles', strengths: 'strengths', pitfalls: 'pitfalls',
        workingGroup: 'working group', tree: 'decision tree', answers: 'answers', passes: 'passes', expected: 'expected', provenance: 'provenance',
        calculation: 'calculation', inputs: 'inputs', inputTitle: 'title of input', valueTitle: 'title of value', notApplicable: 'not applicable if',
        outcome: 'outcome', outcomeTitle: 'title of the outcome', unit: 'unit of the outcome'
    },
    namedValue: 'value',
    provenanceOf: {
        description: 'provenance of the description', value: 'provenance of the value', activities: 'provenance of the activities',
        conditions: 'provenance of the conditions', rule: 'provenance of ‘voor’',
        notApplicable: 'provenance of ‘niet van toepassing’', outcome: 'provenance of the outcome'
    },
    scenarioEnd: (naam, oud, nieuw) => `scenario ${naam}: ended ${oud}, now ${nieuw}`,
    scenarioPassFail: (naam, wat) => `scenario ${naam}: ${wat}`,
    nowFails: 'passed, now fails',
    scenarioOutcome: (naam, oud, nieuw) => `scenario ${naam}: gave ${oud}, now ${nieuw}`,
    noCalculation: 'no outcome: this version has no calculation of that name',
    nowPasses: 'failed, now passes',
    atAdvice: waar => `at ${waar}`,
    atQuestion: vraag => `without an answer at question ${vraag}`,
    atDeadEnd: knoop => `at a dead end at ${knoop}`,
    atCycle: knoop => `in a cycle at ${knoop}`,
    noTree: 'without a decision tree (this version has none of that name)',
    pathChanged: (pad, oud, nieuw) => `path ${pad}: ended ${oud}, now ${nieuw}`,
    pathNewAdvice: (pad, nieuw, oud) => `path ${pad}: new advice ${nieuw} (ended ${oud})`,
    pathPasses: (pad, erbij, eraf) => `path ${pad}: ` + [
        ...(eraf.length > 0 ? [`no longer passes ${eraf.join(', ')}`] : []),
        ...(erbij.length > 0 ? [`now passes ${erbij.join(', ')}`] : [])
    ].join(' and ') + ' (same end)',
    pathAdded: (pad, waar) => `new path ${pad}: ends ${waar}`,
    pathRemoved: (pad, waar) => `path ${pad} is gone (ended ${waar})`,
    noQuestions: '(no questions)',
    notARepository: (arg, map) =>
        `‘${arg}’ is not a file or folder, and ${map} is not a git repository, so ‘${arg}’ cannot be a version either. Give a folder, a .hrk file or a git revision (such as HEAD~1 or main) in a git repository.`,
    unknownRevision: arg =>
        `Unknown version ‘${arg}’: not a file or folder, and git knows no revision of that name. Check the name (git log --oneline shows the revisions).`,
    badRevision: arg => `‘${arg}’ cannot be a git revision (a revision does not start with ‘-’).`,
    gitMissing: 'The program git was not found. Install git, or compare two folders or files.',
    gitFailed: (wat, reden) => `git could not read ${wat}: ${reden}`,
    versionDoesNotParse: (versie, n) => `Version ${versie} cannot be read: ${n} ${n === 1 ? 'error' : 'errors'} in the text. Nothing was compared.`,
    versionUnread: versie => `Version ${versie} cannot be read completely (see above). Nothing was compared.`,
    versionLabel: label => `‘${label}’`,
    notUtf8: 'The file is not saved as UTF-8.',
    tooLarge: p => `${p} is larger than 16 MB and was not read.`,
    symlinkInRevision: p => `${p} is a symbolic link in this version and was not read.`,
    badDiffFormat: v => `Unknown format ‘${v}’: choose text, markdown or json.`,
    summaryFailed: 'The summary could not be made because of an internal error; the Output view (Handreiking) shows why.',
    coverageHeading: 'Coverage by the scenarios:',
    coverageTree: (boom, antwoorden, vragen, adviezen) => `${boom}: answers ${antwoorden}, questions ${vragen}, advices ${adviezen}`,
    coverageFigure: (percent, gedekt, totaal) => `${percent} (${gedekt} of ${totaal})`,
    uncoveredAnswer: (vraag, antwoord, pad) => `not covered: ${vraag} ${antwoord} — shortest path: ${pad}`,
    uncoveredAdvice: (advies, pad) => `not covered: advice ${advies} — shortest path: ${pad}`,
    uncoveredNoPath: wat => `not covered: ${wat} — no path from the start`,
    coverageBelow: (boom, percent, min) => `${boom}: ${percent} of the answers covered, less than the required ${min}.`,
    coverageSummaryWord: 'Coverage',
    badMinimum: v => `‘${v}’ is not a percentage: give a number from 0 to 100, for example --min-dekking 90.`,
};

export type ReviewTexts = typeof nl;

export function reviewTexts(lang: Lang): ReviewTexts {
    return lang === 'en' ? en : nl;
}
