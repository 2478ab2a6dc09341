import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Lang } from '../i18n/locale.js';
import { provenanceBalance } from '../provenance/herkomst-balance.js';
import { cliMessages } from './cli-messages.js';
import { balanceTable } from './provenance-table.js';
import { loadWorkspace, reportUnread, type LoadedWorkspace } from './load-workspace.js';
import { ExitCode } from './usage-error.js';
import { compareText } from '../text/collation.js';

export interface CheckOptions {
    format: 'text' | 'json';
    lang: Lang;
    peildatum?: string;
    /** Print the balance of `herkomst` per kind of content, and list content without it. */
    herkomst?: boolean;
    /** Content without `herkomst` is a warning instead of a hint. */
    streng?: boolean;
}

/** One diagnostic as the CLI reports it; also the shape of `--format json`. */
export interface ReportedDiagnostic {
    file: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    severity: 'error' | 'warning' | 'info' | 'hint';
    code: string;
    message: string;
}

/** `out` takes one line of text, `outJson` the JSON document of `--format json`, `err` a line for stderr. */
export async function checkCommand(paths: string[], options: CheckOptions, out: (line: string) => void, outJson: (json: string) => void, err: (line: string) => void): Promise<number> {
    const workspace = await loadWorkspace(paths.length > 0 ? paths : ['.'], options);
    // Files that could not be read are named on stderr; the others are checked all the same.
    const someUnread = reportUnread(workspace, err);
    const all = reportedDiagnostics(workspace);
    const errors = all.filter(d => d.severity === 'error').length;
    const warnings = all.filter(d => d.severity === 'warning').length;
    // Hints (content without herkomst, unless --streng) would bury the errors and warnings of a
    // guide that does not use herkomst yet: they are counted in the JSON, and listed only with --herkomst.
    const hints = all.filter(d => d.severity === 'hint').length;
    const reported = options.herkomst ? all : all.filter(d => d.severity !== 'hint');
    const balance = options.herkomst ? provenanceBalance(workspace.services.handreiking.WorkspaceModel.elements()) : undefined;
    const t = cliMessages(options.lang);
    if (options.format === 'json') {
        outJson(JSON.stringify({
            formatVersion: 1,
            files: workspace.files.map(f => path.relative(process.cwd(), f) || f),
            errors,
            warnings,
            hints,
            diagnostics: reported,
            ...(balance ? { provenance: balance } : {})
        }, null, 2));
    } else {
        printDiagnostics(reported, options.lang, out);
        if (balance) balanceTable(balance, options.lang).forEach(line => out(line));
        out(t.summary(workspace.files.length, errors, warnings));
    }
    if (someUnread) return ExitCode.Usage;
    return errors > 0 ? ExitCode.Problems : ExitCode.Ok;
}

/** Every diagnostic of the workspace, sorted by file and position, with paths relative to the working folder. */
export function reportedDiagnostics(workspace: LoadedWorkspace): ReportedDiagnostic[] {
    const reported: ReportedDiagnostic[] = [];
    for (const document of workspace.documents) {
        const file = path.relative(process.cwd(), document.uri.fsPath) || document.uri.fsPath;
        for (const d of document.diagnostics ?? []) reported.push(toReported(file, d));
    }
    return reported.sort((a, b) => compareText(a.file, b.file) || a.line - b.line || a.column - b.column || compareText(a.code, b.code));
}

/** `file:line:col severity HRKnnn message`, one line each. */
export function printDiagnostics(reported: readonly ReportedDiagnostic[], lang: Lang, out: (line: string) => void): void {
    const t = cliMessages(lang);
    const word = { error: t.severityError, warning: t.severityWarning, info: t.severityInfo, hint: t.severityHint };
    for (const d of reported) out(`${d.file}:${d.line}:${d.column} ${word[d.severity]} ${d.code} ${d.message}`);
}

function toReported(file: string, d: Diagnostic): ReportedDiagnostic {
    const severity = d.severity === 1 ? 'error' : d.severity === 2 ? 'warning' : d.severity === 3 ? 'info' : 'hint';
    return {
        file,
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
        endLine: d.range.end.line + 1,
        endColumn: d.range.end.character + 1,
        severity,
        code: typeof d.code === 'string' ? d.code : String(d.code ?? ''),
        message: typeof d.message === 'string' ? d.message : d.message.value
    };
}
