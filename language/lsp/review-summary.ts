import * as path from 'node:path';
import { AstUtils, URI } from 'langium';
import { jsonContext } from '../generation/json/export-json.js';
import type { HandreikingJson } from '../generation/json/handreiking-json.js';
import { toHandreikingJson } from '../generation/json/to-json.js';
import type { HandreikingServices } from '../handreiking-module.js';
import { reviewTexts } from '../i18n/review-messages.js';
import { compareGuides } from '../review/compare-guides.js';
import { GitError, isInsideWorkTree, readRevision, resolveCommit } from '../review/git-revision.js';
import { decodeRevisionFile, parseVersion, syntaxErrorsOf, versionProblem, type VersionProblem } from '../review/parse-version.js';
import { reviewMarkdown } from '../review/render-review.js';
import type { ReviewSummary } from './protocol.js';

/** The working copy of one folder, read from the language server's documents (under its lock). */
export interface WorkingCopy {
    json: HandreikingJson;
    files: number;
    syntaxErrors: VersionProblem[];
}

/** The documents of the workspace that lie in `folder`, as the JSON of one guide. */
export function workingCopyOf(services: HandreikingServices, folder: URI): WorkingCopy {
    const prefix = folder.toString().replace(/\/?$/, '/');
    const inFolder = (uri: URI) => uri.toString().startsWith(prefix);
    const documents = services.shared.workspace.LangiumDocuments.all.filter(d => inFolder(d.uri)).toArray();
    const elements = services.handreiking.WorkspaceModel.elements().filter(e => inFolder(AstUtils.getDocument(e).uri));
    const syntaxErrors = documents.flatMap(d => syntaxErrorsOf(d.diagnostics ?? [])
        .map(x => versionProblem(path.relative(folder.fsPath, d.uri.fsPath).split(path.sep).join('/'), x)));
    return { json: toHandreikingJson(elements, jsonContext(services, folder.fsPath)), files: documents.length, syntaxErrors };
}

/**
 * What `handreiking diff HEAD --format markdown` prints in `folder`, with the editor's documents
 * as the working copy; or why it cannot be made (no git, no repository, a version with syntax
 * errors), in the server's language.
 */
export async function reviewSummary(services: HandreikingServices, folder: URI, workingCopy: WorkingCopy): Promise<ReviewSummary> {
    const lang = services.i18n.Locale.lang;
    const t = reviewTexts(lang);
    const cwd = folder.fsPath;
    const problems = (label: string, list: readonly VersionProblem[]) =>
        ({ error: [t.versionDoesNotParse(label, list.length), ...list.slice(0, 10).map(p => `${p.file}:${p.line}:${p.column} ${p.message}`)].join('\n') });
    try {
        if (!await isInsideWorkTree(cwd)) return { error: t.notARepository('HEAD', cwd) };
        const commit = await resolveCommit(cwd, 'HEAD');
        if (!commit) return { error: t.unknownRevision('HEAD') };
        const revision = await readRevision(cwd, commit, '.');
        if (revision.skipped.length > 0) {
            return { error: [t.versionUnread(t.versionLabel('HEAD')), ...revision.skipped.map(s => s.reason === 'tooLarge' ? t.tooLarge(s.file) : t.symlinkInRevision(s.file))].join('\n') };
        }
        const before = await parseVersion(revision.files.map(f => decodeRevisionFile(f.file, f.bytes, t.notUtf8)), cwd, lang);
        if (before.syntaxErrors.length > 0) return problems(t.versionLabel('HEAD'), before.syntaxErrors);
        if (workingCopy.syntaxErrors.length > 0) return problems(t.workingCopy, workingCopy.syntaxErrors);
        const review = compareGuides(before.json, workingCopy.json, {
            old: { label: 'HEAD', kind: 'revision', commit, files: revision.files.length },
            new: { label: '.', kind: 'workingCopy', files: workingCopy.files }
        });
        return { markdown: reviewMarkdown(review, lang) };
    } catch (error) {
        if (error instanceof GitError) return { error: error.problem === 'noGit' ? t.gitMissing : t.gitFailed('HEAD', error.message) };
        throw error;
    }
}

/**
 * The older version "Vergelijk met …" compares the preview with (its files as the extension read
 * them from git, below the workspace folder `root`) as JSON, or why it cannot be compared.
 */
export async function oldVersionJson(services: HandreikingServices, files: ReadonlyArray<{ file: string; text: string }>, root: URI, label: string):
    Promise<{ json: HandreikingJson } | { error: string }> {
    const lang = services.i18n.Locale.lang;
    const t = reviewTexts(lang);
    const version = await parseVersion(files, root.fsPath, lang);
    if (version.syntaxErrors.length === 0) return { json: version.json };
    return { error: [t.versionDoesNotParse(t.versionLabel(label), version.syntaxErrors.length),
        ...version.syntaxErrors.slice(0, 10).map(p => `${p.file}:${p.line}:${p.column} ${p.message}`)].join('\n') };
}
