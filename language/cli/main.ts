import { Command, CommanderError, Option } from 'commander';
import type { Lang } from '../i18n/locale.js';
import { exportFormats } from '../export/export-formats.js';
import { isCalendarDate } from '../model/dates.js';
import { checkCommand } from './check-command.js';
import { diffCommand, type DiffFormat } from './diff-command.js';
import { reviewTexts } from '../i18n/review-messages.js';
import { exportCommand } from './export-command.js';
import { testCommand } from './test-command.js';
import { cliMessages } from './cli-messages.js';
import { TerminalOutput } from './terminal-output.js';
import { ExitCode, UsageError } from './usage-error.js';

/** The language for messages before options are parsed: `--lang` wins, else Dutch. */
function languageFromArgv(argv: readonly string[]): Lang {
    const i = argv.findIndex(a => a === '--lang' || a.startsWith('--lang='));
    if (i < 0) return 'nl';
    const value = argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1];
    return value === 'en' ? 'en' : 'nl';
}

function parseLang(value: string): Lang {
    if (value !== 'nl' && value !== 'en') throw new UsageError(cliMessages(languageFromArgv(process.argv)).badLang(value));
    return value;
}

function parseDate(value: string): string {
    if (!isCalendarDate(value)) {
        throw new UsageError(cliMessages(languageFromArgv(process.argv)).badDate(value));
    }
    return value;
}

function parsePercent(value: string): number {
    const n = Number(value.replace(',', '.'));
    if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100) throw new UsageError(reviewTexts(languageFromArgv(process.argv)).badMinimum(value));
    return n;
}

/** An empty `-o` would quietly mean the current folder (path.resolve('')): almost surely a mistake. */
function parseOut(value: string): string {
    if (value === '') throw new UsageError(cliMessages(languageFromArgv(process.argv)).outputEmpty);
    return value;
}

export function buildProgram(output: TerminalOutput, setExit: (code: number) => void): Command {
    const lines = (text: string) => text.replace(/\n$/, '').split('\n');
    const program = new Command('handreiking')
        .description('Controleer en exporteer de Handreiking ontmoetingsruimten / check and export the Handreiking guide')
        .version('0.1.0')
        .exitOverride()
        // Help goes where commander sends it (stderr when it is shown for a missing command); its
        // error messages are translated in run() instead.
        .configureOutput({
            writeOut: text => lines(text).forEach(output.out),
            writeErr: text => lines(text).forEach(output.err),
            outputError: () => undefined
        });

    const langOption = () => new Option('--lang <taal>', 'taal van de meldingen: nl of en / language of messages').default('nl').argParser(parseLang);

    program.command('check')
        .description('controleer .hrk-bestanden als één handreiking / check .hrk files as one guide')
        .argument('[paden...]', 'bestanden of mappen (standaard: de huidige map)')
        .addOption(new Option('--format <formaat>', 'uitvoer: text of json').default('text').argParser(v => {
            if (v !== 'text' && v !== 'json') throw new UsageError(cliMessages(languageFromArgv(process.argv)).badFormat(v));
            return v;
        }))
        .addOption(langOption())
        .option('--peildatum <JJJJ-MM-DD>', 'datum waarop ‘geldig tot’ wordt getoetst (standaard: vandaag)', parseDate)
        .option('--herkomst', 'toon de balans van de herkomst per soort inhoud, en de inhoud zonder herkomst / show the provenance balance', false)
        .option('--streng', 'inhoud zonder herkomst is een waarschuwing in plaats van een hint / unmarked content is a warning', false)
        .action(async (paths: string[], opts: { format: 'text' | 'json'; lang: Lang; peildatum?: string; herkomst: boolean; streng: boolean }) => {
            const options = { format: opts.format, lang: opts.lang, peildatum: opts.peildatum, herkomst: opts.herkomst, streng: opts.streng };
            setExit(await checkCommand(paths, options, output.out, output.json, output.err));
        });

    program.command('test')
        .description('voer alle scenario’s uit / run every scenario')
        .argument('[paden...]', 'bestanden of mappen (standaard: de huidige map)')
        .addOption(langOption())
        .addOption(new Option('--format <formaat>', 'uitvoer: text of json').default('text').argParser(v => {
            if (v !== 'text' && v !== 'json') throw new UsageError(cliMessages(languageFromArgv(process.argv)).badFormat(v));
            return v;
        }))
        .option('--dekking', 'toon per beslisboom welke antwoorden, vragen en adviezen de scenario’s bereiken / show coverage', false)
        .option('--min-dekking <procent>', 'faal als een beslisboom minder procent van zijn antwoorden dekt; zet --dekking aan / fail below this coverage', parsePercent)
        .action(async (paths: string[], opts: { lang: Lang; format: 'text' | 'json'; dekking: boolean; minDekking?: number }) => {
            const options = { lang: opts.lang, format: opts.format, dekking: opts.dekking, ...(opts.minDekking !== undefined ? { minDekking: opts.minDekking } : {}) };
            setExit(await testCommand(paths, options, output.out, output.err, output.json));
        });

    program.command('export')
        .description(`exporteer de handreiking / export the guide: ${Object.keys(exportFormats).join(', ')}`)
        .argument('<formaat>', Object.keys(exportFormats).join(' | '))
        .argument('[paden...]', 'bestanden of mappen (standaard: de huidige map)')
        .option('-o, --out <pad>', 'uitvoermap (of bestand voor json, html en markdown)', parseOut, 'uitvoer')
        .option('--force', 'exporteer ook als de handreiking fouten heeft', false)
        .option('--platte-tekst', 'svg: labels als gewone tekst (voor Office en Inkscape)', false)
        .option('--transparant', 'png: doorzichtige achtergrond in plaats van wit', false)
        .option('--mermaid-in-pagina', 'html: laat de browser van de lezer de schema\'s tekenen met Mermaid in plaats van ze bij het exporteren te tekenen', false)
        .option('--thema <bestand>', 'html: een huisstijl, een CSS-bestand met alleen design tokens (:root { --hrk-…: … }), zie docs/publiceren.md')
        .addOption(langOption())
        .option('--peildatum <JJJJ-MM-DD>', 'datum waarop ‘geldig tot’ wordt getoetst (standaard: vandaag)', parseDate)
        .action(async (format: string, paths: string[], opts: { out: string; force: boolean; lang: Lang; peildatum?: string; platteTekst: boolean; transparant: boolean; mermaidInPagina: boolean; thema?: string }) => {
            const options = {
                out: opts.out, force: opts.force, lang: opts.lang, peildatum: opts.peildatum, plainText: opts.platteTekst, transparent: opts.transparant,
                inPageMermaid: opts.mermaidInPagina, ...(opts.thema !== undefined ? { theme: opts.thema } : {})
            };
            setExit(await exportCommand(format, paths, options, output.out, output.err));
        });

    program.command('diff')
        .description('wat een wijziging doet met de handreiking: structuur en gedrag / what a change does to the guide')
        .argument('<oud>', 'een map, een .hrk-bestand of een git-revisie (HEAD~1, main, een tag)')
        .argument('[nieuw]', 'idem; zonder: de werkkopie')
        .addOption(new Option('--format <formaat>', 'uitvoer: text, markdown of json').default('text').argParser(v => {
            if (v !== 'text' && v !== 'markdown' && v !== 'json') throw new UsageError(reviewTexts(languageFromArgv(process.argv)).badDiffFormat(v));
            return v;
        }))
        .option('--pad <pad>', 'de map of het bestand van de handreiking in elke git-revisie en in de werkkopie / the guide\'s folder in every version', '.')
        .addOption(langOption())
        .action(async (oud: string, nieuw: string | undefined, opts: { format: DiffFormat; lang: Lang; pad: string }) => {
            setExit(await diffCommand(oud, nieuw, { format: opts.format, lang: opts.lang, pad: opts.pad }, output.out, output.json, output.err));
        });

    return program;
}

/** Runs the CLI and returns its exit code: 0 clean, 1 problems in the guide, 2 bad usage. */
export async function run(argv: string[]): Promise<number> {
    const output = new TerminalOutput();
    const t = cliMessages(languageFromArgv(argv));
    const code = await runCommand(argv, output, t);
    // A stream reports a failed write a tick later: let the last ones arrive.
    await new Promise(resolve => setImmediate(resolve));
    const failure = output.writeFailure;
    if (failure) {
        output.err(t.outputStreamFailed(failure.message));
        return ExitCode.Usage;
    }
    return code;
}

async function runCommand(argv: string[], output: TerminalOutput, t: ReturnType<typeof cliMessages>): Promise<number> {
    let exitCode: number = ExitCode.Ok;
    const program = buildProgram(output, code => { exitCode = code; });
    try {
        await program.parseAsync(argv);
        return exitCode;
    } catch (err) {
        if (err instanceof UsageError) {
            output.err(err.message);
            return ExitCode.Usage;
        }
        if (err instanceof CommanderError) {
            if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return ExitCode.Ok;
            // Help asked for (`handreiking help`) is a success; help shown because no command was given is not.
            if (err.code === 'commander.help') return err.exitCode === 0 ? ExitCode.Ok : ExitCode.Usage;
            output.err(translateCommanderError(err, t));
            return ExitCode.Usage;
        }
        const error = err instanceof Error ? err : new Error(String(err));
        output.err(t.internal(error.message));
        for (const frame of (error.stack ?? '').split('\n').filter(line => /^\s+at /.test(line))) output.err(frame);
        return ExitCode.Usage;
    }
}

function translateCommanderError(err: CommanderError, t: ReturnType<typeof cliMessages>): string {
    const quoted = /'([^']*)'/.exec(err.message)?.[1] ?? '';
    switch (err.code) {
        case 'commander.unknownOption': return t.unknownOption(quoted);
        case 'commander.unknownCommand': return t.unknownCommand(quoted);
        case 'commander.optionMissingArgument':
        case 'commander.missingArgument': return t.missingArgument(quoted);
        default: {
            // An argParser that threw a UsageError is wrapped by commander; keep our text.
            const inner: unknown = (err as unknown as { nestedError?: unknown }).nestedError;
            if (inner instanceof UsageError) return inner.message;
            return t.usageError(err.message.replace(/^error: /, ''));
        }
    }
}
