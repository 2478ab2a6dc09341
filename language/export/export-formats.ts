import type { Lang } from '../i18n/locale.js';

/** What a host needs to know about a format before exporting (the export itself: load-export.ts). */
interface ExportFormatInfo {
    /** The extension of the one file the format writes, which `-o` may name; absent for a file per tree. */
    singleFileExtension?: string;
    /** What the files are, for "written:" lines. */
    title: Readonly<Record<Lang, string>>;
    /** Drawn by a browser: only a host with a renderer (the command line) exports it. */
    drawn: boolean;
    /** The files are bytes, not text. */
    binary: boolean;
}

/**
 * Every export format, in one list for the command line (`handreiking export <format>`), the
 * language server (`handreiking/export`) and the extension's commands. Only facts: importing this
 * list loads no generator.
 */
export const exportFormats = {
    json: { singleFileExtension: '.json', title: { nl: 'JSON', en: 'JSON' }, drawn: false, binary: false },
    mermaid: { title: { nl: 'Mermaid', en: 'Mermaid' }, drawn: false, binary: false },
    markdown: { singleFileExtension: '.md', title: { nl: 'Typologietabel (Markdown)', en: 'Typology table (Markdown)' }, drawn: false, binary: false },
    html: { singleFileExtension: '.html', title: { nl: 'HTML-gids', en: 'HTML guide' }, drawn: false, binary: false },
    svg: { title: { nl: 'SVG', en: 'SVG' }, drawn: true, binary: false },
    png: { title: { nl: 'PNG', en: 'PNG' }, drawn: true, binary: true }
} as const satisfies Record<string, ExportFormatInfo>;

export type ExportFormatName = keyof typeof exportFormats;

/** The formats a host without a browser exports (the language server). SVG and PNG are drawn. */
export type TextExportFormat = { [F in ExportFormatName]: typeof exportFormats[F]['drawn'] extends false ? F : never }[ExportFormatName];

/** What a format's files hold: bytes for PNG, text for the others. */
export type ContentOf<F extends ExportFormatName> = typeof exportFormats[F]['binary'] extends true ? Uint8Array : string;

export function isExportFormat(name: string): name is ExportFormatName {
    return Object.prototype.hasOwnProperty.call(exportFormats, name);
}

/** The single file's extension of a format, or undefined when it writes a file per tree. */
export function singleFileExtension(format: ExportFormatName): string | undefined {
    const info: ExportFormatInfo = exportFormats[format];
    return info.singleFileExtension;
}
