import type { Lang } from '../i18n/locale.js';

/**
 * The texts of the editor features (completion, hover, quick fixes, rename, code lens, inlay
 * hints) in Dutch and English, beside the checker's catalogue in i18n/messages.ts. Code written by
 * the editor (keywords, inserted lines) stays Dutch in both languages; only the UI around it changes.
 */
const nl = {
    // Kinds of elements, as the editor calls them
    kindKenmerk: () => 'kenmerk',
    kindTypologie: () => 'typologie',
    kindBeslisboom: () => 'beslisboom',
    kindVraag: () => 'vraag',
    kindAdvies: () => 'advies',
    kindStap: () => 'stap',
    kindFinanciering: () => 'financiering',
    kindPartij: () => 'partij',
    kindHoofdstuk: () => 'hoofdstuk',
    kindScenario: () => 'scenario',
    none: () => 'geen',

    // Completion
    keywordDetail: () => 'sleutelwoord',
    valueDetail: (p: { kenmerk: string }) => `waarde op de schaal van ${p.kenmerk}`,
    answerDetail: (p: { vraag: string; doel: string }) => `antwoord van ${p.vraag} → ${p.doel}`,
    snippetKenmerk: () => 'Kenmerk met een schaal van waarden',
    snippetTypologie: () => 'Typologie met een waarde voor elk kenmerk',
    snippetBeslisboom: () => 'Beslisboom met een start, een ja/nee-vraag en twee adviezen',
    snippetFinanciering: () => 'Financieringsbron met termijn en toepassing',
    snippetPartij: () => 'Partij in het sociaal beheer',
    snippetHoofdstuk: () => 'Hoofdstuk om naar te verwijzen',
    snippetScenario: () => 'Scenario: bij deze antwoorden hoort dit advies',
    snippetVraagJaNee: () => 'Ja/nee-vraag met beide takken',
    snippetVraagAntwoorden: () => 'Vraag met eigen antwoorden',
    snippetAdvies: () => 'Advies: een uitkomst van de boom',
    snippetStap: () => 'Stap met een volgende knoop',
    placeholderName: () => 'Naam',
    placeholderTitle: () => 'Titel',
    placeholderQuestion: () => 'Vraag?',
    placeholderAdvice: () => 'Advies',
    placeholderStep: () => 'Wat er gedaan wordt',
    placeholderNext: () => 'Volgende',
    placeholderValue: () => 'waarde',
    placeholderLow: () => 'laag',
    placeholderHigh: () => 'hoog',
    placeholderScenario: () => 'beschrijving',
    placeholderRole: () => 'rol',
    placeholderWorkgroup: () => 'WG1',
    placeholderJa: () => 'AdviesJa',
    placeholderNee: () => 'AdviesNee',
    placeholderAnswer: () => 'antwoord',

    // Hover
    hoverInTree: (p: { boom: string }) => `in beslisboom \`${p.boom}\``,
    hoverAnswers: () => 'Antwoorden',
    hoverNext: (p: { naam: string }) => `Daarna: \`${p.naam}\``,
    hoverEnd: () => 'Einde van een pad.',
    hoverPaths: (p: { via: number; totaal: number }) =>
        `Via deze vraag ${p.via === 1 ? 'loopt' : 'lopen'} **${p.via}** van de ${p.totaal} ${p.totaal === 1 ? 'pad' : 'paden'} van de start naar een einde.`,
    hoverUnreachable: () => 'Deze knoop is niet bereikbaar vanaf de start.',
    hoverCharacteristics: () => 'Kenmerken',
    hoverNoValue: () => '(geen waarde)',
    hoverUnknownValue: () => '(niet bekend)',
    hoverScale: () => 'Schaal',
    hoverTerm: (p: { termijn: string }) => `Termijn: **${p.termijn}**`,
    hoverAppliesTo: (p: { lijst: string }) => `Geldt voor: ${p.lijst}`,
    hoverAppliesToNone: () => 'Geldt voor geen enkele typologie.',
    hoverValidUntil: (p: { datum: string; vervallen: boolean }) => `Geldig tot ${p.datum}${p.vervallen ? ' (vervallen)' : ''}`,
    hoverTreeSummary: (p: { knopen: number; start: string }) => `${p.knopen} ${p.knopen === 1 ? 'knoop' : 'knopen'}, start bij \`${p.start}\``,
    hoverScenario: (p: { boom: string; verwacht: string }) => `Beslisboom \`${p.boom}\`, verwacht \`${p.verwacht}\``,
    hoverScenarioPasses: (p: { langs: string }) => `Langs: ${p.langs}`,
    hoverHerkomst: () => 'Herkomst',
    hoverHerkomstSoort: (p: { soort: string }) => ({
        handreiking: 'uit de handreiking (de presentatie)',
        bron: 'openbare bron',
        gereconstrueerd: 'gereconstrueerd (onze lezing, niet de tekst van de handreiking)',
        illustratief: 'illustratief (een verzonnen voorbeeld)'
    } as Record<string, string>)[p.soort] ?? p.soort,
    hoverHerkomstInherited: () => 'overgenomen van het blok of het bestand',
    hoverHerkomstColumn: () => 'herkomst',
    keywordHerkomst: () => '**herkomst** — waar de inhoud vandaan komt. Bovenaan een bestand of blok geldt hij voor alles erin; achter een regel (een waarde, `toelichting`, `voor`, `voorwaarde`, `activiteiten`) alleen voor die regel.',
    keywordHandreiking: () => '**herkomst handreiking "…"** — dit staat in de presentatie van de handreiking; noem de dia of het onderdeel.',
    keywordBron: () => '**herkomst bron "…"** — een openbare bron (een webadres of de naam van een regeling).',
    keywordGereconstrueerd: () => '**herkomst gereconstrueerd "reden"** — onze lezing, niet de tekst van de handreiking; de reden is verplicht.',
    keywordIllustratief: () => '**herkomst illustratief** — een voorbeeld dat verzonnen is om het idee te laten zien.',
    keywordLangs: () => '**langs X, Y** — in een scenario: het pad komt langs deze knopen, in deze volgorde, voordat het bij `verwacht` eindigt.',

    // Quick fixes: each title ends with the text it inserts
    fixCreateNode: (p: { soort: string; naam: string; tekst: string }) => `Maak ${p.soort} ‘${p.naam}’ aan: ${p.tekst}`,
    fixAddAnswer: (p: { antwoord: string; regel: string; advies: string }) => `Voeg ‘${p.antwoord}’ toe: ${p.regel}, met ${p.advies}`,
    fixFillCharacteristics: (p: { regels: string }) => `Vul de ontbrekende kenmerken in: ${p.regels}`,
    fixRemoveNode: (p: { naam: string; kop: string }) => `Verwijder onbereikbare knoop ‘${p.naam}’: ${p.kop}`,
    fixReplaceName: (p: { van: string; naar: string }) => `Vervang ‘${p.van}’ door ‘${p.naar}’`,
    fixReplaceValue: (p: { van: string; naar: string }) => `Vervang ${p.van} door ${p.naar}`,
    fixUpdateDate: (p: { regel: string }) => `Verleng tot een jaar na vandaag: ${p.regel}`,
    fixAddHerkomst: (p: { naam: string; regel: string }) => `Geef ‘${p.naam}’ een herkomst: ${p.regel}`,
    fixAddFileHerkomst: (p: { regel: string }) => `Geef het hele bestand een herkomst: ${p.regel}`,
    actionScenarioForPath: (p: { pad: string }) => `Maak een scenario voor dit pad: ${p.pad}`,

    // Rename
    renameInvalid: (p: { naam: string }) => `‘${p.naam}’ is geen geldige naam: een naam begint met een letter of _ en bevat verder alleen letters, cijfers en _.`,
    renameKeyword: (p: { naam: string }) => `‘${p.naam}’ is een sleutelwoord en kan geen naam zijn.`,
    renameTakenTopLevel: (p: { naam: string; soort: string }) => `De naam ‘${p.naam}’ is al gebruikt door een ${p.soort} in deze handreiking. Kies een andere naam.`,
    renameTakenInTree: (p: { naam: string; boom: string }) => `De naam ‘${p.naam}’ is al gebruikt in beslisboom ‘${p.boom}’. Kies een andere naam.`,
    renameCaptured: (p: { naam: string; boom: string }) => `In beslisboom ‘${p.boom}’ zou ‘zie ${p.naam}’ dan naar een andere knoop of een ander element wijzen. Kies een andere naam.`,

    // Code lens
    lensDiagram: () => 'Toon diagram',
    lensWalk: () => 'Doorlopen',
    lensScenarios: (p: { aantal: number }) => p.aantal === 1 ? '1 scenario' : `${p.aantal} scenario's`,
    lensFunding: (p: { aantal: number; structureel: string }) =>
        `${p.aantal} ${p.aantal === 1 ? 'financieringsbron' : 'financieringsbronnen'} (structureel: ${p.structureel})`
};

export type LspCatalogue = typeof nl;

/** The texts that take no parameters, such as the words for the kinds of elements. */
export type PlainText = { [K in keyof LspCatalogue]: Parameters<LspCatalogue[K]>['length'] extends 0 ? K : never }[keyof LspCatalogue];

const en: LspCatalogue = {
    kindKenmerk: () => 'characteristic',
    kindTypologie: () => 'typology',
    kindBeslisboom: () => 'decision tree',
    kindVraag: () => 'question',
    kindAdvies: () => 'advice',
    kindStap: () => 'step',
    kindFinanciering: () => 'funding rule',
    kindPartij: () => 'stakeholder',
    kindHoofdstuk: () => 'chapter',
    kindScenario: () => 'scenario',
    none: () => 'none',

    keywordDetail: () => 'keyword',
    valueDetail: p => `value on the scale of ${p.kenmerk}`,
    answerDetail: p => `answer of ${p.vraag} → ${p.doel}`,
    snippetKenmerk: () => 'Characteristic with a scale of values',
    snippetTypologie: () => 'Typology with a value for every characteristic',
    snippetBeslisboom: () => 'Decision tree with a start, a yes/no question and two advices',
    snippetFinanciering: () => 'Funding rule with term and scope',
    snippetPartij: () => 'Stakeholder in social management',
    snippetHoofdstuk: () => 'Chapter to refer to',
    snippetScenario: () => 'Scenario: these answers lead to this advice',
    snippetVraagJaNee: () => 'Yes/no question with both branches',
    snippetVraagAntwoorden: () => 'Question with labelled answers',
    snippetAdvies: () => 'Advice: an outcome of the tree',
    snippetStap: () => 'Step with a next node',
    placeholderName: () => 'Name',
    placeholderTitle: () => 'Title',
    placeholderQuestion: () => 'Question?',
    placeholderAdvice: () => 'Advice',
    placeholderStep: () => 'What is done',
    placeholderNext: () => 'Next',
    placeholderValue: () => 'value',
    placeholderLow: () => 'low',
    placeholderHigh: () => 'high',
    placeholderScenario: () => 'description',
    placeholderRole: () => 'role',
    placeholderWorkgroup: () => 'WG1',
    placeholderJa: () => 'AdviceYes',
    placeholderNee: () => 'AdviceNo',
    placeholderAnswer: () => 'answer',

    hoverInTree: p => `in decision tree \`${p.boom}\``,
    hoverAnswers: () => 'Answers',
    hoverNext: p => `Next: \`${p.naam}\``,
    hoverEnd: () => 'End of a path.',
    hoverPaths: p => `**${p.via}** of the ${p.totaal} ${p.totaal === 1 ? 'path' : 'paths'} from the start to an end ${p.via === 1 ? 'passes' : 'pass'} through this question.`,
    hoverUnreachable: () => 'This node cannot be reached from the start.',
    hoverCharacteristics: () => 'Characteristics',
    hoverNoValue: () => '(no value)',
    hoverUnknownValue: () => '(not known)',
    hoverScale: () => 'Scale',
    hoverTerm: p => `Term: **${p.termijn}**`,
    hoverAppliesTo: p => `Applies to: ${p.lijst}`,
    hoverAppliesToNone: () => 'Applies to no typology.',
    hoverValidUntil: p => `Valid until ${p.datum}${p.vervallen ? ' (lapsed)' : ''}`,
    hoverTreeSummary: p => `${p.knopen} ${p.knopen === 1 ? 'node' : 'nodes'}, starts at \`${p.start}\``,
    hoverScenario: p => `Decision tree \`${p.boom}\`, expects \`${p.verwacht}\``,
    hoverScenarioPasses: p => `Passes: ${p.langs}`,
    hoverHerkomst: () => 'Provenance',
    hoverHerkomstSoort: p => ({
        handreiking: 'from the guide (the presentation)',
        bron: 'public source',
        gereconstrueerd: 'reconstructed (our reading, not the guide\'s text)',
        illustratief: 'illustrative (a made-up example)'
    } as Record<string, string>)[p.soort] ?? p.soort,
    hoverHerkomstInherited: () => 'taken from the block or the file',
    hoverHerkomstColumn: () => 'provenance',
    keywordHerkomst: () => '**herkomst** — where the content comes from. At the top of a file or block it applies to everything in it; after a line (a value, `toelichting`, `voor`, `voorwaarde`, `activiteiten`) to that line only.',
    keywordHandreiking: () => '**herkomst handreiking "…"** — the guide\'s presentation says so; name the slide or part.',
    keywordBron: () => '**herkomst bron "…"** — a public source (a web address or the name of a regulation).',
    keywordGereconstrueerd: () => '**herkomst gereconstrueerd "reason"** — our reading, not the guide\'s text; the reason is required.',
    keywordIllustratief: () => '**herkomst illustratief** — an example made up to show the idea.',
    keywordLangs: () => '**langs X, Y** — in a scenario: the path passes these nodes, in this order, before it ends at `verwacht`.',

    fixCreateNode: p => `Create ${p.soort} ‘${p.naam}’: ${p.tekst}`,
    fixAddAnswer: p => `Add ‘${p.antwoord}’: ${p.regel}, with ${p.advies}`,
    fixFillCharacteristics: p => `Fill in the missing characteristics: ${p.regels}`,
    fixRemoveNode: p => `Remove unreachable node ‘${p.naam}’: ${p.kop}`,
    fixReplaceName: p => `Replace ‘${p.van}’ with ‘${p.naar}’`,
    fixReplaceValue: p => `Replace ${p.van} with ${p.naar}`,
    fixUpdateDate: p => `Extend to one year from today: ${p.regel}`,
    fixAddHerkomst: p => `Give ‘${p.naam}’ a provenance: ${p.regel}`,
    fixAddFileHerkomst: p => `Give the whole file a provenance: ${p.regel}`,
    actionScenarioForPath: p => `Create a scenario for this path: ${p.pad}`,

    renameInvalid: p => `‘${p.naam}’ is not a valid name: a name starts with a letter or _ and contains only letters, digits and _.`,
    renameKeyword: p => `‘${p.naam}’ is a keyword and cannot be a name.`,
    renameTakenTopLevel: p => `The name ‘${p.naam}’ is already used by a ${p.soort} in this guide. Choose another name.`,
    renameTakenInTree: p => `The name ‘${p.naam}’ is already used in decision tree ‘${p.boom}’. Choose another name.`,
    renameCaptured: p => `In decision tree ‘${p.boom}’, ‘zie ${p.naam}’ would then point at another node or element. Choose another name.`,

    lensDiagram: () => 'Show diagram',
    lensWalk: () => 'Walk through',
    lensScenarios: p => p.aantal === 1 ? '1 scenario' : `${p.aantal} scenarios`,
    lensFunding: p => `${p.aantal} ${p.aantal === 1 ? 'funding source' : 'funding sources'} (structural: ${p.structureel})`
};

const catalogues: Record<Lang, LspCatalogue> = { nl, en };

/** The editor texts in language `lang`. */
export function lspTexts(lang: Lang): LspCatalogue {
    return catalogues[lang];
}
