import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Taal } from '../i18n/locale.js';
import { cliMessages } from './cli-messages.js';
import { loadWorkspace, reportUnread, type LoadedWorkspace } from './load-workspace.js';
import { ExitCode } from './usage-error.js';

export interface CheckOptions {
    format: 'text' | 'json';
    taal: Taal;
    peildatum?: string;
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

export async function checkCommand(paths: string[], options: CheckOptions, out: (line: string) => void): Promise<number> {
    const workspace = await loadWorkspace(paths.length > 0 ? paths : ['.'], options);
    // Files that could not be read are named on stderr; the others are checked all the same.
    const someUnread = reportUnread(workspace, line => process.stderr.write(line + '\n'));
    const reported = reportedDiagnostics(workspace);
    const errors = reported.filter(d => d.severity === 'error').length;
    const warnings = reported.filter(d => d.severity === 'warning').length;
    if (options.format === 'json') {
        out(JSON.stringify({
            formatVersion: 1,
            files: workspace.files.map(f => path.relative(process.cwd(), f) || f),
            errors,
            warnings,
            diagnostics: reported
        }, null, 2));
    } else {
        printDiagnostics(reported, options.taal, out);
        out(cliMessages(options.taal).summary(workspace.files.length, errors, warnings));
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
    return reported.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code));
}

/** `file:line:col severity HRKnnn message`, one line each. */
export function printDiagnostics(reported: readonly ReportedDiagnostic[], taal: Taal, out: (line: string) => void): void {
    const t = cliMessages(taal);
    const word = { error: t.severityError, warning: t.severityWarning, info: t.severityInfo, hint: t.severityInfo };
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
