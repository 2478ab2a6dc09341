import type { Taal } from '../i18n/locale.js';

/** Texts of the command line itself (the checks' messages live in i18n/messages.ts). */
const nl = {
    pathMissing: (p: string) => `Pad bestaat niet: ${p}`,
    pathUnreadable: (p: string, reden: string) => `Kan ${p} niet lezen: ${reden}`,
    notHrk: (p: string) => `${p} is geen .hrk-bestand. Geef .hrk-bestanden of mappen op.`,
    noFiles: (paths: string) => `Geen .hrk-bestanden gevonden in ${paths}.`,
    severityError: 'fout',
    severityWarning: 'waarschuwing',
    severityInfo: 'info',
    summary: (files: number, errors: number, warnings: number) =>
        `${files} ${files === 1 ? 'bestand' : 'bestanden'} gecontroleerd: ${errors} ${errors === 1 ? 'fout' : 'fouten'}, ${warnings} ${warnings === 1 ? 'waarschuwing' : 'waarschuwingen'}.`,
    badLang: (v: string) => `Onbekende taal ‘${v}’: kies nl of en.`,
    badFormat: (v: string) => `Onbekend formaat ‘${v}’: kies text of json.`,
    badDate: (v: string) => `‘${v}’ is geen datum: schrijf JJJJ-MM-DD.`,
    unknownOption: (o: string) => `Onbekende optie ${o}. Zie ‘handreiking --help’.`,
    unknownCommand: (c: string) => `Onbekend commando ${c}. Zie ‘handreiking --help’.`,
    missingArgument: (a: string) => `Er ontbreekt een waarde: ${a}. Zie ‘handreiking --help’.`,
    usageError: (m: string) => `Verkeerd gebruik: ${m}. Zie ‘handreiking --help’.`,
    internal: (m: string) => `Interne fout: ${m}`
};

const en: typeof nl = {
    pathMissing: p => `Path does not exist: ${p}`,
    pathUnreadable: (p, reden) => `Cannot read ${p}: ${reden}`,
    notHrk: p => `${p} is not a .hrk file. Give .hrk files or folders.`,
    noFiles: paths => `No .hrk files found in ${paths}.`,
    severityError: 'error',
    severityWarning: 'warning',
    severityInfo: 'info',
    summary: (files, errors, warnings) =>
        `Checked ${files} ${files === 1 ? 'file' : 'files'}: ${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}.`,
    badLang: v => `Unknown language ‘${v}’: choose nl or en.`,
    badFormat: v => `Unknown format ‘${v}’: choose text or json.`,
    badDate: v => `‘${v}’ is not a date: write YYYY-MM-DD.`,
    unknownOption: o => `Unknown option ${o}. See ‘handreiking --help’.`,
    unknownCommand: c => `Unknown command ${c}. See ‘handreiking --help’.`,
    missingArgument: a => `A value is missing: ${a}. See ‘handreiking --help’.`,
    usageError: m => `Wrong usage: ${m}. See ‘handreiking --help’.`,
    internal: m => `Internal error: ${m}`
};

export type CliMessages = typeof nl;

export function cliMessages(taal: Taal): CliMessages {
    return taal === 'en' ? en : nl;
}
