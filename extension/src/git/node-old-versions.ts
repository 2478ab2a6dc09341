import { GitError, isInsideWorkTree, readRevision, recentRevisions, resolveCommit } from '../../../language/review/git-revision.js';
import type { OldVersions } from '../preview/old-version.js';

/** Older versions read with the `git` command (language/review/git-revision.ts), as `handreiking diff` reads them. */
export const nodeOldVersions: OldVersions = {
    async choices(folder) {
        if (!await isInsideWorkTree(folder)) throw new GitError('notRepository', folder);
        return recentRevisions(folder);
    },
    async read(folder, revision) {
        const commit = await resolveCommit(folder, revision);
        if (!commit) throw new GitError('unknownRevision', revision);
        const found = await readRevision(folder, commit, '.');
        const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
        const files: Array<{ file: string; text: string }> = [];
        const unreadable = found.skipped.map(s => s.file);
        for (const f of found.files) {
            try {
                files.push({ file: f.file, text: decoder.decode(f.bytes) });
            } catch {
                unreadable.push(f.file);
            }
        }
        return { commit, files, unreadable };
    }
};
