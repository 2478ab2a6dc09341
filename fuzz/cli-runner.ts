import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CliCase } from './bytes.js';
import type { Problem } from './harness.js';

/**
 * Runs `handreiking check --format json` on a case's files as a child process, as a user does: the
 * bytes go through the CLI's own reading and decoding. Measures the wall time and the peak memory
 * of the process (fuzz/peak-memory.mjs reports its maxRSS), and checks the outcome:
 * - the process ends by itself, with exit code 0 or 1 and nothing on stderr (no internal error, no
 *   stack trace);
 * - the JSON report is whole, every diagnostic is located in a file of the case, has an HRK code and
 *   a message, the error count matches and the exit code follows it;
 * - a file whose bytes are not UTF-8 is never read silently: it has a message about its encoding
 *   (not UTF-8, UTF-16 or binary), and a UTF-16 or binary file has only that one;
 * - within the time and memory bounds.
 */

export interface CliRunnerOptions {
    root: string;
    /** More than this is a problem of kind `slow`. */
    boundMs: number;
    /** More than this peak memory is a problem of kind `memory`. */
    memoryBoundMb: number;
    /** The process is killed after this. */
    killMs: number;
}

export interface CliOutcome {
    /** Wall time, as the user waits. */
    ms: number;
    /** Processor time of the process (user and system): what the wall time would be on an idle machine, roughly. */
    cpuMs: number;
    /** Peak resident memory of the process, in MB (0 when it did not report: killed or crashed). */
    maxRssMb: number;
    exitCode: number | null;
    diagnostics: number;
    codes: Record<string, number>;
    problems: Problem[];
}

interface Report {
    files: string[];
    errors: number;
    warnings: number;
    diagnostics: Array<{ file: string; line: number; column: number; endLine: number; endColumn: number; severity: string; code: string; message: string }>;
}

const encodingMessage = /Het bestand is geen UTF-8-tekst|The file is not UTF-8 text|^UTF-16: |Dit is geen tekstbestand|This is not a text file/;
const oneMessageOnly = /^UTF-16: |Dit is geen tekstbestand|This is not a text file/;

export function runCliCase(fuzzCase: CliCase, options: CliRunnerOptions): CliOutcome {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hrk-fuzz-cli-'));
    try {
        for (const [name, bytes] of Object.entries(fuzzCase.files)) fs.writeFileSync(path.join(dir, name), bytes);
        const args = [
            '--import', path.join(options.root, 'fuzz/peak-memory.mjs'),
            path.join(options.root, 'bin/handreiking.js'), 'check', '.', '--format', 'json', '--lang', fuzzCase.taal, '--peildatum', '2026-11-27'
        ];
        const started = performance.now();
        const result = spawnSync(process.execPath, args, {
            cwd: dir, encoding: 'utf-8', stdio: ['ignore', 'pipe', 'pipe', 'pipe'], timeout: options.killMs, maxBuffer: 1024 * 1024 * 1024
        });
        const ms = performance.now() - started;
        const problems: Problem[] = [];
        let exitReport: { maxRssKb: number; cpuMicros: number; code: number } | undefined;
        try {
            exitReport = JSON.parse(String(result.output[3] ?? '')) as { maxRssKb: number; cpuMicros: number; code: number };
        } catch {
            exitReport = undefined;
        }
        const maxRssMb = exitReport ? exitReport.maxRssKb / 1024 : 0;
        const stderr = result.stderr ?? '';
        if (result.error || !exitReport) {
            problems.push({ kind: 'escape', phase: 'cli', message: `no normal end (${result.error?.message ?? `signal ${result.signal ?? 'none'}`}): ${stderr.slice(0, 1000)}` });
        } else if (stderr !== '') {
            problems.push({ kind: 'escape', phase: 'cli', message: `stderr: ${stderr.slice(0, 1000)}` });
        }
        if (result.status !== null && result.status !== 0 && result.status !== 1) {
            problems.push({ kind: 'escape', phase: 'cli', message: `exit code ${result.status}` });
        }
        const codes: Record<string, number> = {};
        let diagnostics = 0;
        if (exitReport && result.status !== null) {
            const report = parseReport(result.stdout, problems);
            if (report) {
                diagnostics = report.diagnostics.length;
                for (const d of report.diagnostics) codes[d.code] = (codes[d.code] ?? 0) + 1;
                checkReport(report, fuzzCase, result.status, problems);
            }
        }
        if (ms > options.boundMs) problems.push({ kind: 'slow', phase: 'cli', message: `took ${Math.round(ms)} ms (bound ${options.boundMs} ms)` });
        if (maxRssMb > options.memoryBoundMb) problems.push({ kind: 'memory', phase: 'cli', message: `peak memory ${Math.round(maxRssMb)} MB (bound ${options.memoryBoundMb} MB)` });
        return { ms, cpuMs: exitReport ? exitReport.cpuMicros / 1000 : 0, maxRssMb, exitCode: result.status, diagnostics, codes, problems };
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

function parseReport(stdout: string, problems: Problem[]): Report | undefined {
    try {
        const report = JSON.parse(stdout) as Report;
        if (!Array.isArray(report.files) || !Array.isArray(report.diagnostics)) throw new Error('no files or diagnostics');
        return report;
    } catch (err) {
        problems.push({ kind: 'output', phase: 'cli', message: `the JSON report does not parse: ${(err as Error).message}; ${stdout.slice(0, 300)}` });
        return undefined;
    }
}

function checkReport(report: Report, fuzzCase: CliCase, exitCode: number, problems: Problem[]): void {
    const names = Object.keys(fuzzCase.files);
    for (const d of report.diagnostics) {
        const wrong =
            !names.includes(d.file) ? `in a file that is not in the case: ${d.file}` :
            !(Number.isInteger(d.line) && d.line >= 1 && Number.isInteger(d.column) && d.column >= 1) ? `at line ${d.line}, column ${d.column}` :
            d.endLine < d.line || (d.endLine === d.line && d.endColumn < d.column) ? 'ends before it starts' :
            !/^HRK\d{3}$/.test(d.code) ? `without an HRK code (${d.code})` :
            typeof d.message !== 'string' || d.message.trim() === '' ? 'without a message' :
            !['error', 'warning', 'info', 'hint'].includes(d.severity) ? `with severity ${d.severity}` : undefined;
        if (wrong) problems.push({ kind: 'diagnostic', phase: 'cli', message: `${d.code} ${wrong}: ${String(d.message).slice(0, 200)}` });
    }
    const errors = report.diagnostics.filter(d => d.severity === 'error').length;
    if (report.errors !== errors) problems.push({ kind: 'output', phase: 'cli', message: `errors says ${report.errors}, ${errors} listed` });
    if ((errors > 0) !== (exitCode === 1)) problems.push({ kind: 'output', phase: 'cli', message: `exit code ${exitCode} with ${errors} errors` });
    if (report.files.length !== names.length) problems.push({ kind: 'output', phase: 'cli', message: `${report.files.length} files checked of ${names.length}` });
    for (const [name, bytes] of Object.entries(fuzzCase.files)) {
        const own = report.diagnostics.filter(d => d.file === name);
        const encoding = own.filter(d => encodingMessage.test(d.message));
        if (!isUtf8(bytes) && encoding.length === 0) {
            problems.push({ kind: 'diagnostic', phase: 'cli', message: `${name} is not UTF-8, but has no message saying so (${own.length} others)` });
        }
        if (encoding.length > 1) problems.push({ kind: 'diagnostic', phase: 'cli', message: `${name} has ${encoding.length} messages about its encoding` });
        if (encoding.some(d => oneMessageOnly.test(d.message)) && own.length !== 1) {
            problems.push({ kind: 'diagnostic', phase: 'cli', message: `${name} is UTF-16 or binary, and has ${own.length} messages instead of one` });
        }
    }
}

/** The independent judge: the strict decoder of the platform (a UTF-8 BOM is allowed). */
function isUtf8(bytes: Buffer): boolean {
    try {
        new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
        return true;
    } catch {
        return false;
    }
}
