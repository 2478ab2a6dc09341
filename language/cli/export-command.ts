import * as path from 'node:path';
import { exportWorkspaceJson } from '../generation/json/export-json.js';
import { describeExcess } from '../generation/mermaid/diagram-limits.js';
import { DiagramsTooLargeError, RendererUnavailableError, TreeNotDrawnError } from '../export/export-errors.js';
import type { GuideDrawing } from '../export/guide-drawings.js';
import { exportFormats, isExportFormat, singleFileExtension } from '../export/export-formats.js';
import { loadExport } from '../export/load-export.js';
import type { ExportOptions } from '../export/exported-file.js';
import type { Lang } from '../i18n/locale.js';
import type { DiagramRenderer } from '../render/diagram-renderer.js';
import { errorLine } from '../render/error-line.js';
import { parseTheme, type GuideTheme } from '../generation/html/guide-theme.js';
import { themeSetsColours } from '../generation/html/guide-tokens.js';
import { readSourceFile } from '../files/read-source.js';
import { printDiagnostics, reportedDiagnostics } from './check-command.js';
import { cliMessages, type CliMessages } from './cli-messages.js';
import { loadWorkspace, reportUnread } from './load-workspace.js';
import { OutputTarget } from './output-target.js';
import { ExitCode, UsageError } from './usage-error.js';

export interface ExportCommandOptions {
    out: string;
    force: boolean;
    lang: Lang;
    peildatum?: string;
    /** SVG: plain text labels instead of HTML ones (for Office and Inkscape). */
    plainText: boolean;
    /** PNG: a transparent background instead of white. */
    transparent: boolean;
    /** HTML: draw the diagrams in the reader's browser with Mermaid instead of at export time. */
    inPageMermaid?: boolean;
    /** HTML: a house style (`--thema huisstijl.css`). */
    theme?: string;
}

/**
 * `handreiking export <format> [paths] -o <out>`: refuses a guide with errors unless `--force`,
 * checks the output before doing any work, and writes every file the export gives (export/)
 * atomically, as it comes.
 */
export async function exportCommand(format: string, paths: string[], options: ExportCommandOptions, out: (line: string) => void, err: (line: string) => void): Promise<number> {
    const t = cliMessages(options.lang);
    if (!isExportFormat(format)) throw new UsageError(t.badExportFormat(format, Object.keys(exportFormats)));
    const info = exportFormats[format];
    if (options.theme !== undefined && format !== 'html') throw new UsageError(t.themeOnlyHtml);
    // The house style first: a refused one writes nothing, and says so before the guide is read.
    const theme = options.theme !== undefined ? await readTheme(options.theme, options.lang, err) : undefined;
    if (theme === null) return ExitCode.Usage;
    const workspace = await loadWorkspace(paths.length > 0 ? paths : ['.'], { lang: options.lang, peildatum: options.peildatum });
    // A guide with a file left out is not the guide: nothing is written, not even with --force.
    if (reportUnread(workspace, err)) {
        err(t.notAllRead(workspace.unread.length));
        return ExitCode.Usage;
    }
    const errors = reportedDiagnostics(workspace).filter(d => d.severity === 'error');
    if (errors.length > 0 && !options.force) {
        printDiagnostics(errors, options.lang, err);
        err(t.exportRefused(errors.length));
        return ExitCode.Problems;
    }
    const target = await OutputTarget.prepare(options.out, singleFileExtension(format), options.lang);
    const json = exportWorkspaceJson(workspace.services, process.cwd());
    const files = await loadExport(format);
    const drawsAtExport = info.drawn || (format === 'html' && !options.inPageMermaid);
    const bar = drawsAtExport && process.stderr.isTTY && json.trees.length > 1
        ? (await import('./progress-bar.js')).progressBar(format.toUpperCase())
        : undefined;
    const written: string[] = [];
    const drawings: Array<{ drawing: GuideDrawing; bytes: number }> = [];
    try {
        const exportOptions: ExportOptions = {
            ...commandLineHost(t), lang: options.lang, plainText: options.plainText, transparent: options.transparent,
            inPageMermaid: options.inPageMermaid ?? false, progress: bar?.update, ...(theme ? { theme } : {})
        };
        for await (const file of files(json, exportOptions)) {
            written.push(await target.write(file.name, file.content));
            if (file.drawing) drawings.push({ drawing: file.drawing, bytes: Buffer.byteLength(file.content) });
        }
    } catch (problem) {
        if (problem instanceof DiagramsTooLargeError) {
            for (const line of tooLargeLines(problem, options.lang)) err(line);
            return ExitCode.Problems;
        }
        if (problem instanceof TreeNotDrawnError) throw new UsageError(t.drawFailed(problem.tree, problem.reason, written.map(f => path.basename(f))));
        throw problem;
    } finally {
        bar?.stop();
    }
    for (const file of written) out(t.exported(info.title[options.lang], file));
    for (const { drawing, bytes } of drawings) {
        out(drawing.kind === 'predrawn' ? t.guidePredrawn(drawing.diagrams, bytes) : t.guideMermaid(drawing.reason, bytes, drawing.detail));
    }
    if (theme && options.theme !== undefined) out(t.themeApplied(options.theme, theme.values.size, themeSetsColours(theme.values)));
    return ExitCode.Ok;
}

/**
 * What the exports need from the command line: the HTML guide's scripts from node_modules and out/,
 * and Chromium for SVG and PNG and to draw the HTML guide's diagrams. Both are loaded only when asked for; what cannot be found is a
 * problem with the installation (exit 2), said in the user's language where we write the text.
 */
function commandLineHost(t: CliMessages): Pick<ExportOptions, 'guideAssets' | 'launchRenderer' | 'launchPageRenderer'> {
    return {
        async guideAssets() {
            try {
                return await (await import('../generation/html/guide-assets.js')).loadGuideAssets();
            } catch (err) {
                throw new UsageError((err as Error).message);
            }
        },
        async launchRenderer(): Promise<DiagramRenderer> {
            const { BrowserMissingError, MermaidRenderer } = await import('../render/mermaid-renderer.js');
            try {
                return await MermaidRenderer.launch();
            } catch (err) {
                if (err instanceof BrowserMissingError) throw new UsageError(t.browserMissing);
                throw new UsageError(t.browserFailed(errorLine(err)));
            }
        },
        // The HTML guide does without: it then draws in the reader's browser, and says why.
        async launchPageRenderer() {
            const { BrowserMissingError, MermaidRenderer } = await import('../render/mermaid-renderer.js');
            try {
                return await MermaidRenderer.launch();
            } catch (err) {
                if (err instanceof BrowserMissingError) throw new RendererUnavailableError('no-browser');
                throw new RendererUnavailableError('browser-failed', errorLine(err));
            }
        }
    };
}

/** The largest house style that is read: a few kilobytes is what one needs. */
const MAX_THEME_BYTES = 256 * 1024;

/**
 * Reads and checks a house style; null when it is refused (its problems, each with its place, and
 * the refusal are written to `err`).
 */
async function readTheme(file: string, lang: Lang, err: (line: string) => void): Promise<GuideTheme | null> {
    const t = cliMessages(lang);
    const outcome = await readSourceFile(file, MAX_THEME_BYTES);
    if (!outcome.ok) {
        throw new UsageError(outcome.reason === 'notRegular' ? t.themeNotRegular(file)
            : outcome.reason === 'tooLarge' ? t.themeTooLarge(file, MAX_THEME_BYTES)
                : /ENOENT/.test(outcome.message) ? t.themeMissing(file) : t.themeUnreadable(file, outcome.message));
    }
    let text: string;
    try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(outcome.bytes);
    } catch {
        throw new UsageError(t.themeNotUtf8(file));
    }
    const result = parseTheme(text, lang);
    if (result.ok) return result.theme;
    for (const problem of result.problems) err(`${file}:${problem.line}:${problem.column}: ${problem.message}`);
    err(t.themeRefused(file, result.problems.length));
    return null;
}

/**
 * Every tree over a limit on its own line, then what to do instead. Lines, not one text with line
 * breaks: the terminal output shows a line break inside a line as `\n` (terminal-text.ts).
 */
function tooLargeLines(problem: DiagramsTooLargeError, lang: Lang): string[] {
    const t = cliMessages(lang);
    const lines = problem.trees.map(({ tree, excess }) => problem.limits === 'png'
        ? t.treeTooLargeForPng(tree, describeExcess(excess, lang))
        : t.treeTooLarge(tree, describeExcess(excess, lang)));
    return [...lines, problem.limits === 'png' ? t.pngTooLargeHint : t.tooLargeHint];
}
