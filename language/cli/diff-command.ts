import * as fs from 'node:fs';
import * as path from 'node:path';
import type { HandreikingJson } from '../generation/json/handreiking-json.js';
import { exportWorkspaceJson } from '../generation/json/export-json.js';
import type { Lang } from '../i18n/locale.js';
import { reviewTexts } from '../i18n/review-messages.js';
import { compareGuides } from '../review/compare-guides.js';
import { GitError, isInsideWorkTree, readRevision, resolveCommit } from '../review/git-revision.js';
import { parseVersion, syntaxErrorsOf, versionProblem, type VersionProblem } from '../review/parse-version.js';
import { reviewMarkdown, reviewText } from '../review/render-review.js';
import type { VersionJson } from '../review/review-json.js';
import { cliMessages } from './cli-messages.js';
import { loadWorkspace, reportUnread } from './load-workspace.js';
import { decodeSource } from '../files/read-source.js';
import { ExitCode, UsageError } from './usage-error.js';

export type DiffFormat = 'text' | 'markdown' | 'json';

export interface DiffOptions {
    format: DiffFormat;
    lang: Lang;
    /** The guide's folder (or file) in every version, relative to the working folder; default `.`. */
    pad: string;
}

/** A side of the comparison as given: a folder or file on disk, a git revision, or the working copy. */
type Side =
    | { kind: 'folder' | 'file' | 'workingCopy'; label: string; where: string }
    | { kind: 'revision'; label: string; commit: string };

interface LoadedVersion {
    json: HandreikingJson;
    version: VersionJson;
}

/**
 * `handreiking diff <oud> [<nieuw>]`: what a change does to the guide. Each side is a folder, a
 * `.hrk` file or a git revision; without `<nieuw>`, the working copy. Exit 0 when nothing changed
 * for a reader, 1 when something did, 2 for usage errors and versions that cannot be read.
 */
export async function diffCommand(oud: string, nieuw: string | undefined, options: DiffOptions,
    out: (line: string) => void, outJson: (json: string) => void, err: (line: string) => void): Promise<number> {
    const cwd = process.cwd();
    const oldSide = await resolveSide(oud, cwd, options);
    const newSide = nieuw !== undefined ? await resolveSide(nieuw, cwd, options) : workingCopy(options);
    const before = await loadVersion(oldSide, cwd, options, err);
    if (!before) return ExitCode.Usage;
    const after = await loadVersion(newSide, cwd, options, err);
    if (!after) return ExitCode.Usage;
    const review = compareGuides(before.json, after.json, { old: before.version, new: after.version });
    switch (options.format) {
        case 'json': outJson(JSON.stringify(review, null, 2)); break;
        case 'markdown': reviewMarkdown(review, options.lang).replace(/\n$/, '').split('\n').forEach(line => out(line)); break;
        default: reviewText(review, options.lang).forEach(line => out(line));
    }
    return review.changed ? ExitCode.Problems : ExitCode.Ok;
}

function workingCopy(options: DiffOptions): Side {
    return { kind: 'workingCopy', label: options.pad, where: options.pad };
}

/** A path that exists is a folder or file; anything else must be a revision of the repository here. */
async function resolveSide(arg: string, cwd: string, options: DiffOptions): Promise<Side> {
    const t = reviewTexts(options.lang);
    if (arg !== '' && fs.existsSync(path.resolve(cwd, arg))) {
        return { kind: fs.statSync(path.resolve(cwd, arg)).isDirectory() ? 'folder' : 'file', label: arg, where: arg };
    }
    try {
        if (arg === '' || arg.startsWith('-')) throw new UsageError(t.badRevision(arg));
        if (!await isInsideWorkTree(cwd)) throw new UsageError(t.notARepository(arg, path.relative(process.cwd(), cwd) || '.'));
        const commit = await resolveCommit(cwd, arg);
        if (!commit) throw new UsageError(t.unknownRevision(arg));
        return { kind: 'revision', label: arg, commit };
    } catch (error) {
        throw asUsageError(error, options.lang, arg);
    }
}

function asUsageError(error: unknown, lang: Lang, what: string): unknown {
    if (!(error instanceof GitError)) return error;
    const t = reviewTexts(lang);
    switch (error.problem) {
        case 'noGit': return new UsageError(t.gitMissing);
        case 'badRevision': return new UsageError(t.badRevision(what));
        case 'unknownRevision': return new UsageError(t.unknownRevision(what));
        default: return new UsageError(t.gitFailed(`‘${what}’`, error.message));
    }
}

/** Reads one side into its JSON; undefined (after saying why on `err`) when it cannot be compared. */
async function loadVersion(side: Side, cwd: string, options: DiffOptions, err: (line: string) => void): Promise<LoadedVersion | undefined> {
    const t = reviewTexts(options.lang);
    const label = t.versionLabel(side.label);
    if (side.kind === 'revision') {
        let revision;
        try {
            revision = await readRevision(cwd, side.commit, options.pad);
        } catch (error) {
            throw asUsageError(error, options.lang, side.label);
        }
        for (const s of revision.skipped) err(s.reason === 'tooLarge' ? t.tooLarge(s.file) : t.symlinkInRevision(s.file));
        if (revision.skipped.length > 0) {
            err(t.versionUnread(label));
            return undefined;
        }
        const sources = revision.files.map(f => {
            const decoded = decodeSource(f.bytes, options.lang);
            return { file: f.file, text: decoded.text, ...(decoded.problem ? { problem: decoded.problem } : {}) };
        });
        const parsed = await parseVersion(sources, cwd, options.lang);
        if (!reportSyntaxErrors(parsed.syntaxErrors, label, options.lang, err)) return undefined;
        return { json: parsed.json, version: { label: side.label, kind: 'revision', commit: side.commit, files: revision.files.length } };
    }
    const workspace = await loadWorkspace([side.where], { lang: options.lang });
    if (reportUnread(workspace, err)) {
        err(t.versionUnread(label));
        return undefined;
    }
    const problems: VersionProblem[] = workspace.documents.flatMap(document => syntaxErrorsOf(document.diagnostics ?? [])
        .map(d => versionProblem(path.relative(cwd, document.uri.fsPath).split(path.sep).join('/'), d)));
    if (!reportSyntaxErrors(problems, label, options.lang, err)) return undefined;
    return { json: exportWorkspaceJson(workspace.services, cwd), version: { label: side.label, kind: side.kind, files: workspace.files.length } };
}

/** Prints a version's syntax errors as `check` does, on stderr; true when there were none. */
function reportSyntaxErrors(problems: readonly VersionProblem[], label: string, lang: Lang, err: (line: string) => void): boolean {
    if (problems.length === 0) return true;
    const word = cliMessages(lang).severityError;
    err(reviewTexts(lang).versionDoesNotParse(label, problems.length));
    for (const p of problems) err(`${p.file}:${p.line}:${p.column} ${word} HRK000 ${p.message}`);
    return false;
}
