import type { Lang } from '../i18n/locale.js';
import type { GuideDrawing } from '../export/guide-drawings.js';
import { megabytes } from '../i18n/unread-source.js';

type GuideMermaidReason = Extract<GuideDrawing, { kind: 'mermaid' }>['reason'];

/** Texts of the command line itself (the checks' messages and the scenarios' failures live in i18n/). */
const nl = {
    pathMissing: (p: string) => `Pad bestaat niet: ${p}`,
    pathUnreadable: (p: string, reden: string) => `Kan ${p} niet lezen: ${reden}`,
    notHrk: (p: string) => `${p} is geen .hrk-bestand. Geef .hrk-bestanden of mappen op.`,
    noFiles: (paths: string) => `Geen .hrk-bestanden gevonden in ${paths}.`,
    notAllRead: (n: number) => `Niet geëxporteerd: ${n === 1 ? '1 bestand kon' : `${n} bestanden konden`} niet gelezen worden (zie hierboven). De bestaande uitvoer is niet aangeraakt.`,
    severityError: 'fout',
    severityWarning: 'waarschuwing',
    severityInfo: 'info',
    severityHint: 'hint',
    balanceTitle: 'Herkomst van de inhoud (na overerving):',
    balanceHeader: ['inhoud', 'handreiking', 'bron', 'gereconstrueerd', 'illustratief', 'zonder herkomst', 'totaal'] as readonly string[],
    balanceKinds: {
        tree: 'beslisbomen', question: 'vragen', advice: 'adviezen', step: 'stappen', typology: 'typologieën',
        value: 'kenmerkwaarden', activity: 'activiteiten', funding: 'financieringen', applicability: 'toepasbaarheid (voor)',
        condition: 'voorwaarden', calculation: 'berekeningen', rule: 'rekenregels', stakeholder: 'partijen', chapter: 'hoofdstukken',
        description: 'toelichtingen'
    } as Record<string, string>,
    balanceTotal: 'totaal',
    summary: (files: number, errors: number, warnings: number) =>
        `${files} ${files === 1 ? 'bestand' : 'bestanden'} gecontroleerd: ${errors} ${errors === 1 ? 'fout' : 'fouten'}, ${warnings} ${warnings === 1 ? 'waarschuwing' : 'waarschuwingen'}.`,
    badLang: (v: string) => `Onbekende taal ‘${v}’: kies nl of en.`,
    badFormat: (v: string) => `Onbekend formaat ‘${v}’: kies text of json.`,
    badDate: (v: string) => `‘${v}’ is geen datum: schrijf JJJJ-MM-DD.`,
    unknownOption: (o: string) => `Onbekende optie ${o}. Zie ‘handreiking --help’.`,
    unknownCommand: (c: string) => `Onbekend commando ${c}. Zie ‘handreiking --help’.`,
    missingArgument: (a: string) => `Er ontbreekt een waarde: ${a}. Zie ‘handreiking --help’.`,
    usageError: (m: string) => `Verkeerd gebruik: ${m}. Zie ‘handreiking --help’.`,
    scenariosWord: "Scenario's",
    noScenarios: "Geen scenario's gevonden.",
    outputIsFile: (o: string) => `Uitvoermap ${o} is een bestand. Kies een map met -o.`,
    outputIsFolder: (o: string) => `${o} is een map; geef een bestandsnaam of een map met -o.`,
    outputUnwritable: (o: string, reden: string) => `Kan niet schrijven naar ${o}: ${reden}. De bestaande bestanden zijn niet aangeraakt.`,
    outputIsLink: (doel: string) => `dit is een symbolische koppeling (naar ${doel}). Een export schrijft niet door een koppeling heen en vervangt hem ook niet: geef met -o het echte bestand op, of verwijder de koppeling`,
    outputEmpty: 'Bij -o staat geen pad. Geef een uitvoermap of bestand op, bijvoorbeeld -o uitvoer.',
    outputPartlyWritten: (o: string, reden: string, al: readonly string[]) =>
        `Kan niet schrijven naar ${o}: ${reden}. Deze export had al ${al.length === 1 ? '1 bestand' : `${al.length} bestanden`} vervangen (${al.join(', ')}); de andere bestaande bestanden zijn niet aangeraakt. Elk bestand is heel: het oude of het nieuwe.`,
    exportRefused: (n: number) => `Niet geëxporteerd: de handreiking heeft ${n} ${n === 1 ? 'fout' : 'fouten'}. Los ${n === 1 ? 'die' : 'ze'} op, of exporteer toch met --force.`,
    exported: (what: string, where: string) => `${what} geschreven: ${where}`,
    themeOnlyHtml: '--thema geldt alleen voor export html.',
    themeUnreadable: (p: string, reden: string) => `Kan de huisstijl ${p} niet lezen: ${reden}.`,
    themeNotRegular: (p: string) => `De huisstijl ${p} is geen gewoon bestand.`,
    themeMissing: (p: string) => `De huisstijl ${p} bestaat niet.`,
    themeTooLarge: (p: string, max: number) => `De huisstijl ${p} is te groot: hoogstens ${megabytes(max, 'nl')}.`,
    themeNotUtf8: (p: string) => `De huisstijl ${p} is geen UTF-8-tekst.`,
    themeRefused: (p: string, n: number) => `Niet geëxporteerd: de huisstijl ${p} heeft ${n === 1 ? '1 probleem' : `${n} problemen`} (zie hierboven). Er is niets geschreven.`,
    themeApplied: (p: string, n: number, lightOnly: boolean) => `Huisstijl ${p}: ${n === 1 ? '1 token' : `${n} tokens`} toegepast.`
        + (lightOnly ? ' De gids is alleen licht: de huisstijl zet kleuren en heeft geen donkere waarden.' : ''),
    guidePredrawn: (n: number, bytes: number) =>
        `De schema's (${n}) zijn bij het exporteren getekend in Chromium: de pagina heeft geen Mermaid nodig (${megabytes(bytes, 'nl')}).`,
    guideMermaid: (reason: GuideMermaidReason, bytes: number, detail?: string) => {
        const size = megabytes(bytes, 'nl');
        switch (reason) {
            case 'asked': return `De schema's worden in de browser van de lezer getekend met Mermaid (--mermaid-in-pagina); de pagina is ${size}.`;
            case 'no-browser': return `Chromium is niet gevonden: de schema's worden in de browser van de lezer getekend met Mermaid (de pagina is ${size} en laadt trager). Installeer Chromium (Debian/Ubuntu: sudo apt-get install chromium) of wijs hem aan met HANDREIKING_CHROMIUM=/pad/naar/chromium om ze bij het exporteren te tekenen.`;
            case 'browser-failed': return `Chromium kon de schema's niet tekenen${detail ? ` (${detail})` : ''}: ze worden in de browser van de lezer getekend met Mermaid (de pagina is ${size}).`;
            default: return `De schema's worden in de browser van de lezer getekend met Mermaid; de pagina is ${size}.`;
        }
    },
    badExportFormat: (f: string, formats: readonly string[]) => `Onbekend exportformaat ‘${f}’: kies ${formats.slice(0, -1).join(', ')} of ${formats.at(-1)}.`,
    browserMissing: 'Voor SVG en PNG is Chromium nodig, maar die is niet gevonden. Installeer hem (Debian/Ubuntu: sudo apt-get install chromium) of wijs hem aan met de omgevingsvariabele HANDREIKING_CHROMIUM=/pad/naar/chromium.',
    browserFailed: (m: string) => `Chromium kon niet starten: ${m}`,
    outputStreamFailed: (reden: string) => `Kan de uitvoer niet schrijven: ${reden}. De uitvoer is onvolledig.`,
    treeTooLarge: (boom: string, wat: string) => `Beslisboom ‘${boom}’ is te groot om te tekenen: ${wat}.`,
    treeTooLargeForPng: (boom: string, wat: string) => `Beslisboom ‘${boom}’ is te groot voor PNG: ${wat}.`,
    tooLargeHint: 'Er is niets geschreven. Een grote boom bekijkt u in het voorbeeld in VS Code (dat tekent de omgeving van de cursor), of exporteer hem als Mermaid-tekst: handreiking export mermaid. De grenzen staan in docs/cli.md.',
    pngTooLargeHint: 'Er is niets geschreven. Exporteer als SVG (handreiking export svg) of als Mermaid-tekst (handreiking export mermaid). De grenzen staan in docs/cli.md.',
    drawFailed: (boom: string, reden: string, al: readonly string[]) =>
        `Beslisboom ‘${boom}’ kon niet getekend worden: ${reden}. ` + (al.length === 0
            ? 'Er is niets geschreven; de bestaande bestanden zijn niet aangeraakt.'
            : `Deze export had al ${al.length === 1 ? '1 bestand' : `${al.length} bestanden`} geschreven of vervangen (${al.join(', ')}); de rest is niet geschreven en de andere bestaande bestanden zijn niet aangeraakt.`),
    internal: (m: string) => `Interne fout: ${m}`
};

const en: typeof nl = {
    pathMissing: p => `Path does not exist: ${p}`,
    pathUnreadable: (p, reden) => `Cannot read ${p}: ${reden}`,
    notHrk: p => `${p} is not a .hrk file. Give .hrk files or folders.`,
    noFiles: paths => `No .hrk files found in ${paths}.`,
    notAllRead: n => `Not exported: ${n === 1 ? '1 file' : `${n} files`} could not be read (see above). The existing output was not touched.`,
    severityError: 'error',
    severityWarning: 'warning',
    severityInfo: 'info',
    severityHint: 'hint',
    balanceTitle: 'Provenance of the content (after inheritance):',
    balanceHeader: ['content', 'guide', 'source', 'reconstructed', 'illustrative', 'unmarked', 'total'],
    balanceKinds: {
        tree: 'decision trees', question: 'questions', advice: 'advices', step: 'steps', typology: 'typologies',
        value: 'characteristic values', activity: 'activities', funding: 'funding rules', applicability: 'applicability (voor)',
        condition: 'conditions', calculation: 'calculations', rule: 'calculation rules', stakeholder: 'stakeholders', chapter: 'chapters',
        description: 'descriptions'
    },
    balanceTotal: 'total',
    summary: (files, errors, warnings) =>
        `Checked ${files} ${files === 1 ? 'file' : 'files'}: ${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}.`,
    badLang: v => `Unknown language ‘${v}’: choose nl or en.`,
    badFormat: v => `Unknown format ‘${v}’: choose text or json.`,
    badDate: v => `‘${v}’ is not a date: write YYYY-MM-DD.`,
    unknownOption: o => `Unknown option ${o}. See ‘handreiking --help’.`,
    unknownCommand: c => `Unknown command ${c}. See ‘handreiking --help’.`,
    missingArgument: a => `A value is missing: ${a}. See ‘handreiking --help’.`,
    usageError: m => `Wrong usage: ${m}. See ‘handreiking --help’.`,
    scenariosWord: 'Scenarios',
    noScenarios: 'No scenarios found.',
    outputIsFile: o => `Output folder ${o} is a file. Choose a folder with -o.`,
    outputIsFolder: o => `${o} is a folder; give a file name or a folder with -o.`,
    outputUnwritable: (o, reden) => `Cannot write to ${o}: ${reden}. Existing files were not touched.`,
    outputIsLink: doel => `it is a symbolic link (to ${doel}). An export neither writes through a link nor replaces it: give the real file with -o, or remove the link`,
    outputEmpty: '-o has no path. Give an output folder or file, for example -o uitvoer.',
    outputPartlyWritten: (o, reden, al) =>
        `Cannot write to ${o}: ${reden}. This export had already replaced ${al.length === 1 ? '1 file' : `${al.length} files`} (${al.join(', ')}); the other existing files were not touched. Every file is whole: the old or the new one.`,
    exportRefused: n => `Not exported: the guide has ${n} ${n === 1 ? 'error' : 'errors'}. Fix ${n === 1 ? 'it' : 'them'}, or export anyway with --force.`,
    exported: (what, where) => `${what} written: ${where}`,
    themeOnlyHtml: '--thema applies to export html only.',
    themeUnreadable: (p, reden) => `Cannot read the house style ${p}: ${reden}.`,
    themeNotRegular: p => `The house style ${p} is not a regular file.`,
    themeMissing: p => `The house style ${p} does not exist.`,
    themeTooLarge: (p, max) => `The house style ${p} is too large: at most ${megabytes(max, 'en')}.`,
    themeNotUtf8: p => `The house style ${p} is not UTF-8 text.`,
    themeRefused: (p, n) => `Not exported: the house style ${p} has ${n === 1 ? '1 problem' : `${n} problems`} (see above). Nothing was written.`,
    themeApplied: (p, n, lightOnly) => `House style ${p}: ${n === 1 ? '1 token' : `${n} tokens`} applied.`
        + (lightOnly ? ' The guide is light only: the house style sets colours and has no dark values.' : ''),
    guidePredrawn: (n, bytes) => `The diagrams (${n}) were drawn at export time in Chromium: the page needs no Mermaid (${megabytes(bytes, 'en')}).`,
    guideMermaid: (reason, bytes, detail) => {
        const size = megabytes(bytes, 'en');
        switch (reason) {
            case 'asked': return `The diagrams are drawn in the reader's browser with Mermaid (--mermaid-in-pagina); the page is ${size}.`;
            case 'no-browser': return `Chromium was not found: the diagrams are drawn in the reader's browser with Mermaid (the page is ${size} and loads more slowly). Install Chromium (Debian/Ubuntu: sudo apt-get install chromium) or point to it with HANDREIKING_CHROMIUM=/path/to/chromium to draw them at export time.`;
            case 'browser-failed': return `Chromium could not draw the diagrams${detail ? ` (${detail})` : ''}: they are drawn in the reader's browser with Mermaid (the page is ${size}).`;
            default: return `The diagrams are drawn in the reader's browser with Mermaid; the page is ${size}.`;
        }
    },
    badExportFormat: (f, formats) => `Unknown export format ‘${f}’: choose ${formats.slice(0, -1).join(', ')} or ${formats.at(-1)}.`,
    browserMissing: 'SVG and PNG need Chromium, which was not found. Install it (Debian/Ubuntu: sudo apt-get install chromium) or point to it with the environment variable HANDREIKING_CHROMIUM=/path/to/chromium.',
    browserFailed: m => `Chromium could not start: ${m}`,
    outputStreamFailed: reden => `Cannot write the output: ${reden}. The output is incomplete.`,
    treeTooLarge: (boom, wat) => `Decision tree ‘${boom}’ is too large to draw: ${wat}.`,
    treeTooLargeForPng: (boom, wat) => `Decision tree ‘${boom}’ is too large for PNG: ${wat}.`,
    tooLargeHint: 'Nothing was written. View a large tree in the VS Code preview (it draws the surroundings of the cursor), or export it as Mermaid text: handreiking export mermaid. The limits are in docs/cli.md.',
    pngTooLargeHint: 'Nothing was written. Export as SVG (handreiking export svg) or as Mermaid text (handreiking export mermaid). The limits are in docs/cli.md.',
    drawFailed: (boom, reden, al) =>
        `Decision tree ‘${boom}’ could not be drawn: ${reden}. ` + (al.length === 0
            ? 'Nothing was written; existing files were not touched.'
            : `This export had already written or replaced ${al.length === 1 ? '1 file' : `${al.length} files`} (${al.join(', ')}); the rest was not written and the other existing files were not touched.`),
    internal: m => `Internal error: ${m}`
};

export type CliMessages = typeof nl;

export function cliMessages(lang: Lang): CliMessages {
    return lang === 'en' ? en : nl;
}
