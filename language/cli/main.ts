import { Command, CommanderError, Option } from 'commander';
import type { Taal } from '../i18n/locale.js';
import { isCalendarDate } from '../model/dates.js';
import { checkCommand } from './check-command.js';
import { exportCommand } from './export-command.js';
import { testCommand } from './test-command.js';
import { cliMessages } from './cli-messages.js';
import { ExitCode, UsageError } from './usage-error.js';

/** The language for messages before options are parsed: `--lang` wins, else Dutch. */
function languageFromArgv(argv: readonly string[]): Taal {
    const i = argv.findIndex(a => a === '--lang' || a.startsWith('--lang='));
    if (i < 0) return 'nl';
    const value = argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1];
    return value === 'en' ? 'en' : 'nl';
}

function parseTaal(value: string): Taal {
    if (value !== 'nl' && value !== 'en') throw new UsageError(cliMessages(languageFromArgv(process.argv)).badLang(value));
    return value;
}

function parseDate(value: string): string {
    if (!isCalendarDate(value)) {
        throw new UsageError(cliMessages(languageFromArgv(process.argv)).badDate(value));
    }
    return value;
}

/** An empty `-o` would quietly mean the current folder (path.resolve('')): almost surely a mistake. */
function parseOut(value: string): string {
    if (value === '') throw new UsageError(cliMessages(languageFromArgv(process.argv)).outputEmpty);
    return value;
}

export function buildProgram(out: (line: string) => void, setExit: (code: number) => void): Command {
    const program = new Command('handreiking')
        .description('Controleer en exporteer de Handreiking ontmoetingsruimten / check and export the Handreiking guide')
        .version('0.1.0')
        .exitOverride()
        .configureOutput({ writeErr: () => undefined, writeOut: text => process.stdout.write(text) });

    const langOption = () => new Option('--lang <taal>', 'taal van de meldingen: nl of en / language of messages').default('nl').argParser(parseTaal);

    program.command('check')
        .description('controleer .hrk-bestanden als één handreiking / check .hrk files as one guide')
        .argument('[paden...]', 'bestanden of mappen (standaard: de huidige map)')
        .addOption(new Option('--format <formaat>', 'uitvoer: text of json').default('text').argParser(v => {
            if (v !== 'text' && v !== 'json') throw new UsageError(cliMessages(languageFromArgv(process.argv)).badFormat(v));
            return v;
        }))
        .addOption(langOption())
        .option('--peildatum <JJJJ-MM-DD>', 'datum waarop ‘geldig tot’ wordt getoetst (standaard: vandaag)', parseDate)
        .action(async (paths: string[], opts: { format: 'text' | 'json'; lang: Taal; peildatum?: string }) => {
            setExit(await checkCommand(paths, { format: opts.format, taal: opts.lang, peildatum: opts.peildatum }, out));
        });

    program.command('test')
        .description('voer alle scenario’s uit / run every scenario')
        .argument('[paden...]', 'bestanden of mappen (standaard: de huidige map)')
        .addOption(langOption())
        .action(async (paths: string[], opts: { lang: Taal }) => {
            setExit(await testCommand(paths, { taal: opts.lang }, out));
        });

    program.command('export')
        .description('exporteer de handreiking / export the guide: json, mermaid, markdown, html, svg, png')
        .argument('<formaat>', 'json | mermaid | markdown | html | svg | png')
        .argument('[paden...]', 'bestanden of mappen (standaard: de huidige map)')
        .option('-o, --out <pad>', 'uitvoermap (of bestand voor json, html en markdown)', parseOut, 'uitvoer')
        .option('--force', 'exporteer ook als de handreiking fouten heeft', false)
        .option('--platte-tekst', 'svg: labels als gewone tekst (voor Office en Inkscape)', false)
        .option('--transparant', 'png: doorzichtige achtergrond in plaats van wit', false)
        .addOption(langOption())
        .option('--peildatum <JJJJ-MM-DD>', 'datum waarop ‘geldig tot’ wordt getoetst (standaard: vandaag)', parseDate)
        .action(async (format: string, paths: string[], opts: { out: string; force: boolean; lang: Taal; peildatum?: string; platteTekst: boolean; transparant: boolean }) => {
            const options = { out: opts.out, force: opts.force, taal: opts.lang, peildatum: opts.peildatum, plainText: opts.platteTekst, transparent: opts.transparant };
            setExit(await exportCommand(format, paths, options, out,
                line => process.stderr.write(line + '\n')));
        });

    return program;
}

/** Runs the CLI and returns its exit code: 0 clean, 1 problems in the guide, 2 bad usage. */
export async function run(argv: string[]): Promise<number> {
    const taal = languageFromArgv(argv);
    const t = cliMessages(taal);
    let exitCode: number = ExitCode.Ok;
    const program = buildProgram(line => process.stdout.write(line + '\n'), code => { exitCode = code; });
    try {
        await program.parseAsync(argv);
        return exitCode;
    } catch (err) {
        if (err instanceof UsageError) {
            process.stderr.write(err.message + '\n');
            return ExitCode.Usage;
        }
        if (err instanceof CommanderError) {
            if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return ExitCode.Ok;
            process.stderr.write(translateCommanderError(err, t) + '\n');
            return ExitCode.Usage;
        }
        process.stderr.write(t.internal(err instanceof Error ? err.stack ?? err.message : String(err)) + '\n');
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
