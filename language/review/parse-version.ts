import * as path from 'node:path';
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { exportWorkspaceJson } from '../generation/json/export-json.js';
import type { HandreikingJson } from '../generation/json/handreiking-json.js';
import { createHandreikingCoreServices } from '../handreiking-core-module.js';
import type { Lang } from '../i18n/locale.js';
import { IssueCodes } from '../validation/codes.js';

/**
 * A version of a guide that is not on disk (a git revision) read into its JSON export, with the
 * services every host uses. Its files get the paths they have on disk below `root`, so sources in
 * both versions name the same files; nothing is read from disk.
 */

export interface VersionSource {
    /** Relative to `root`, with `/`. */
    file: string;
    text: string;
    /** A problem with the bytes themselves (not UTF-8), reported first. */
    problem?: Diagnostic;
}

/** A syntax error (HRK000) of a version, located. */
export interface VersionProblem {
    file: string;
    line: number;
    column: number;
    message: string;
}

export interface ParsedVersion {
    json: HandreikingJson;
    /** Syntax errors: a version with any cannot be compared (its elements would be half read). */
    syntaxErrors: VersionProblem[];
}

export async function parseVersion(sources: readonly VersionSource[], root: string, lang: Lang): Promise<ParsedVersion> {
    const { shared, Handreiking } = createHandreikingCoreServices(EmptyFileSystem);
    Handreiking.i18n.Locale.lang = lang;
    const documents: LangiumDocument[] = [];
    const problems = new Map<LangiumDocument, Diagnostic>();
    for (const source of sources) {
        const document = shared.workspace.LangiumDocumentFactory.fromString(source.text, URI.file(path.join(root, source.file)));
        shared.workspace.LangiumDocuments.addDocument(document);
        documents.push(document);
        if (source.problem) problems.set(document, source.problem);
    }
    // Lexing, parsing and linking are enough to export: the checks are `handreiking check`'s job.
    await shared.workspace.DocumentBuilder.build(documents, { validation: { categories: ['built-in'] } });
    const syntaxErrors: VersionProblem[] = [];
    for (const document of documents) {
        const file = path.relative(root, document.uri.fsPath).split(path.sep).join('/');
        const problem = problems.get(document);
        const diagnostics = [...(problem ? [problem] : []), ...(document.diagnostics ?? [])];
        for (const d of syntaxErrorsOf(diagnostics)) {
            syntaxErrors.push(versionProblem(file, d));
        }
    }
    return { json: exportWorkspaceJson(Handreiking, root), syntaxErrors };
}

/**
 * The bytes of a file of a revision as text, for a host without the command line's reader: a BOM
 * dropped, strict UTF-8, and otherwise one HRK000 at the start saying the file is not UTF-8.
 */
export function decodeRevisionFile(file: string, bytes: Uint8Array, notUtf8: string): VersionSource {
    const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
    try {
        return { file, text: new TextDecoder('utf-8', { fatal: true }).decode(body) };
    } catch {
        const at = { line: 0, character: 0 };
        return { file, text: '', problem: { range: { start: at, end: at }, severity: 1, code: IssueCodes.Syntax, message: notUtf8, source: 'handreiking' } };
    }
}

/** A syntax error as a located message. */
export function versionProblem(file: string, d: Diagnostic): VersionProblem {
    return { file, line: d.range.start.line + 1, column: d.range.start.character + 1, message: typeof d.message === 'string' ? d.message : d.message.value };
}

/** The diagnostics that say the text could not be read as the language (HRK000). */
export function syntaxErrorsOf(diagnostics: readonly Diagnostic[]): Diagnostic[] {
    return diagnostics.filter(d => d.code === IssueCodes.Syntax && d.severity === 1);
}
