import type { HandreikingJson } from '../generation/json/handreiking-json.js';
import { exportWorkspaceJson, serializeJson } from '../generation/json/export-json.js';
import type { Lang } from '../i18n/locale.js';
import { printDiagnostics, reportedDiagnostics } from './check-command.js';
import { cliMessages } from './cli-messages.js';
import { loadWorkspace } from './load-workspace.js';
import { OutputTarget } from './output-target.js';
import { ExitCode, ExportProblem, UsageError } from './usage-error.js';

export interface ExportOptions {
    out: string;
    force: boolean;
    lang: Lang;
    peildatum?: string;
    /** SVG: plain text labels instead of HTML ones (for Office and Inkscape). */
    plainText: boolean;
    /** PNG: a transparent background instead of white. */
    transparent: boolean;
}

/** What one export format does with the workspace's JSON; returns the files written. */
export interface ExportFormat {
    /** Extension when `-o` may name a single file (json, html); undefined for one file per tree. */
    singleFileExtension?: string;
    /** What is written, for the "written:" line. */
    describe(lang: Lang): string;
    write(json: HandreikingJson, target: OutputTarget, options: ExportOptions, progress: (line: string) => void): Promise<string[]>;
}

// Formats load their modules only when used: the browser-backed ones pull in playwright.
const formats = new Map<string, () => Promise<ExportFormat>>([
    ['json', async () => jsonFormat],
    ['mermaid', async () => (await import('./formats/mermaid-format.js')).mermaidExportFormat],
    ['markdown', async () => (await import('./formats/mermaid-format.js')).markdownExportFormat],
    ['html', async () => (await import('../generation/html/html-export-format.js')).htmlExportFormat],
    ['svg', async () => (await import('./formats/image-formats.js')).svgExportFormat],
    ['png', async () => (await import('./formats/image-formats.js')).pngExportFormat]
]);

const jsonFormat: ExportFormat = {
    singleFileExtension: '.json',
    describe: lang => (lang === 'en' ? 'JSON' : 'JSON'),
    async write(json, target) {
        return [await target.write('handreiking.json', serializeJson(json))];
    }
};

/**
 * `handreiking export <format> [paths] -o <out>`: refuses a guide with errors unless `--force`,
 * checks the output before doing any work, and writes every file atomically.
 */
export async function exportCommand(format: string, paths: string[], options: ExportOptions, out: (line: string) => void, err: (line: string) => void): Promise<number> {
    const t = cliMessages(options.lang);
    const load = formats.get(format);
    if (!load) throw new UsageError(t.badExportFormat(format));
    const exporter = await load();
    const workspace = await loadWorkspace(paths.length > 0 ? paths : ['.'], { lang: options.lang, peildatum: options.peildatum });
    const errors = reportedDiagnostics(workspace).filter(d => d.severity === 'error');
    if (errors.length > 0 && !options.force) {
        printDiagnostics(errors, options.lang, err);
        err(t.exportRefused(errors.length));
        return ExitCode.Problems;
    }
    const target = await OutputTarget.prepare(options.out, exporter.singleFileExtension, options.lang);
    const json = exportWorkspaceJson(workspace.services, process.cwd());
    let written: string[];
    try {
        written = await exporter.write(json, target, options, err);
    } catch (problem) {
        if (!(problem instanceof ExportProblem)) throw problem;
        err(problem.message);
        return ExitCode.Problems;
    }
    for (const file of written) out(t.exported(exporter.describe(options.lang), file));
    return ExitCode.Ok;
}
