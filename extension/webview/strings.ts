import type { Lang } from '../../language/i18n/locale.js';
import { linkKindWords } from '../../language/i18n/link-kinds.js';
import type { CoverageFigure } from '../../language/review/coverage.js';

/**
 * The webview's own texts. A webview has no l10n API: the extension serves the page with
 * `<html lang="nl">` or `lang="en"`, and the page picks its table from that.
 */

// The language type is the toolkit's one (i18n/locale.ts); the webview's modules take it from here.
export type { Lang };

const nl = {
    /** The language of these strings, for the texts shared with the HTML guide (provenance). */
    lang: 'nl' as Lang,
    treePicker: 'Beslisboom',
    typologies: 'Typologieën',
    funding: 'Financiering',
    walk: 'Doorlopen',
    zoomIn: 'Inzoomen',
    zoomOut: 'Uitzoomen',
    fit: 'Passend maken',
    exportSvg: 'SVG',
    exportPng: 'PNG',
    exportMermaid: 'Mermaid',
    copy: 'Kopieer',
    exportSvgTitle: 'Bewaar het diagram als SVG',
    exportPngTitle: 'Bewaar het diagram als PNG',
    exportMermaidTitle: 'Bewaar de Mermaid-tekst',
    copyTitle: 'Kopieer de Mermaid-tekst naar het klembord',
    noTrees: 'Dit bestand heeft geen beslisbomen.',
    noData: 'Nog geen voorbeeld: wacht op de eerste controle van het bestand.',
    noFunding: 'Er zijn geen financieringsregels.',
    errorBanner: (message: string, line: number) => `Fout op regel ${line}: ${message}`,
    errorBannerKept: 'Het laatste goede diagram blijft staan tot de fout is opgelost.',
    moreErrors: (count: number) => count === 1 ? '(en nog 1 fout)' : `(en nog ${count} fouten)`,
    renderFailed: (message: string) => `Het diagram kon niet getekend worden: ${message}`,
    tooLarge: (what: string) => `Dit diagram is te groot om te tekenen: ${what}. Bewaar het als Mermaid-tekst (knop Mermaid) om het elders te bekijken.`,
    focusTooLarge: (left: number, total: number, what: string) =>
        `Grote boom: ${left} van de ${total} knopen weggelaten. Getekend: de omgeving van de cursor. De hele boom is te groot om te tekenen (${what}); bewaar hem als Mermaid-tekst met de knop Mermaid.`,
    pngTooLarge: (what: string) => `Te groot voor PNG: ${what}. Bewaar het diagram als SVG of als Mermaid-tekst.`,
    exportIncomplete: (problems: string) => `Niet geëxporteerd: niet elke beslisboom kon getekend worden. ${problems}`,
    focusNotice: (left: number, total: number) => `Grote boom: ${left} van de ${total} knopen weggelaten. Getekend: de omgeving van de cursor.`,
    showAll: 'Toon alles',
    allShown: (total: number) => `Alle ${total} knopen getekend; tekenen kan even duren.`,
    showFocus: 'Toon alleen de omgeving',
    walkTitle: (title: string) => `Doorlopen: ${title}`,
    back: 'Terug',
    restart: 'Opnieuw',
    close: 'Sluiten',
    startFrom: 'Start vanaf deze vraag',
    startFromBeginning: '(het begin)',
    pathTaken: 'Gekozen pad',
    noSteps: 'Nog geen antwoorden.',
    advice: 'Advies',
    examples: 'Voorbeelden',
    links: 'Zie ook',
    saveScenario: 'Bewaar als scenario',
    scenarioOnlyFromStart: 'Alleen een doorloop vanaf het begin kan als scenario bewaard worden.',
    deadEnd: 'Hier loopt de boom dood: deze knoop heeft geen vervolg.',
    cycle: 'De boom komt hier terug bij een knoop die al doorlopen is.',
    unknownAnswer: 'Dit antwoord wordt hier niet meer aangeboden.',
    kinds: { question: 'Vraag', advice: 'Advies', step: 'Stap' },
    linkKinds: linkKindWords.nl,
    diagramLabel: 'Diagram',
    walkPanel: 'Doorloop',
    coverage: 'Dekking',
    coverageTitle: 'Toon welke antwoorden en adviezen geen scenario controleert',
    coverageSummary: (answers: CoverageFigure, advices: CoverageFigure) =>
        `dekking: ${answers.covered}/${answers.total} antwoorden, ${advices.covered}/${advices.total} adviezen`,
    coverageWaiting: 'dekking: wordt berekend…',
    coverageLegendAnswer: 'gestreepte pijl: geen scenario neemt dit antwoord',
    coverageLegendAdvice: 'grijs advies: geen scenario komt bij dit advies',
    notCovered: 'geen scenario komt hier'
};

export type Strings = typeof nl;

const en: Strings = {
    lang: 'en',
    treePicker: 'Decision tree',
    typologies: 'Typologies',
    funding: 'Funding',
    walk: 'Walk through',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    fit: 'Fit to view',
    exportSvg: 'SVG',
    exportPng: 'PNG',
    exportMermaid: 'Mermaid',
    copy: 'Copy',
    exportSvgTitle: 'Save the diagram as SVG',
    exportPngTitle: 'Save the diagram as PNG',
    exportMermaidTitle: 'Save the Mermaid text',
    copyTitle: 'Copy the Mermaid text to the clipboard',
    noTrees: 'This file has no decision trees.',
    noData: 'No preview yet: waiting for the first check of the file.',
    noFunding: 'There are no funding rules.',
    errorBanner: (message, line) => `Error on line ${line}: ${message}`,
    errorBannerKept: 'The last good diagram stays until the error is fixed.',
    moreErrors: count => count === 1 ? '(and 1 more error)' : `(and ${count} more errors)`,
    renderFailed: message => `The diagram could not be drawn: ${message}`,
    tooLarge: what => `This diagram is too large to draw: ${what}. Save it as Mermaid text (the Mermaid button) to view it elsewhere.`,
    focusTooLarge: (left, total, what) =>
        `Large tree: ${left} of ${total} nodes left out. Drawn: the surroundings of the cursor. The whole tree is too large to draw (${what}); save it as Mermaid text with the Mermaid button.`,
    pngTooLarge: what => `Too large for PNG: ${what}. Save the diagram as SVG or as Mermaid text.`,
    exportIncomplete: problems => `Not exported: not every decision tree could be drawn. ${problems}`,
    focusNotice: (left, total) => `Large tree: ${left} of ${total} nodes left out. Drawn: the surroundings of the cursor.`,
    showAll: 'Show all',
    allShown: total => `All ${total} nodes drawn; drawing may take a while.`,
    showFocus: 'Show the surroundings only',
    walkTitle: title => `Walk through: ${title}`,
    back: 'Back',
    restart: 'Restart',
    close: 'Close',
    startFrom: 'Start from this question',
    startFromBeginning: '(the beginning)',
    pathTaken: 'Path taken',
    noSteps: 'No answers yet.',
    advice: 'Advice',
    examples: 'Examples',
    links: 'See also',
    saveScenario: 'Save as scenario',
    scenarioOnlyFromStart: 'Only a walk from the beginning can be saved as a scenario.',
    deadEnd: 'The tree ends here: this node has no way on.',
    cycle: 'The tree comes back here to a node already passed.',
    unknownAnswer: 'This answer is no longer offered here.',
    kinds: { question: 'Question', advice: 'Advice', step: 'Step' },
    linkKinds: linkKindWords.en,
    diagramLabel: 'Diagram',
    walkPanel: 'Walkthrough',
    coverage: 'Coverage',
    coverageTitle: 'Show which answers and advices no scenario checks',
    coverageSummary: (answers, advices) => `coverage: ${answers.covered}/${answers.total} answers, ${advices.covered}/${advices.total} advices`,
    coverageWaiting: 'coverage: being computed…',
    coverageLegendAnswer: 'dashed arrow: no scenario takes this answer',
    coverageLegendAdvice: 'grey advice: no scenario reaches this advice',
    notCovered: 'no scenario comes here'
};

/** The page's language: `<html lang>`, Dutch unless it says English. */
export function pageLang(doc: Document): Lang {
    return doc.documentElement.lang.toLowerCase().startsWith('en') ? 'en' : 'nl';
}

export function stringsFor(lang: Lang): Strings {
    return lang === 'en' ? en : nl;
}
