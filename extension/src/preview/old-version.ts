import type { RevisionChoice } from '../../../language/review/git-revision.js';

/**
 * Reading an older version of the guide for "Vergelijk met …": the extension host runs git (only
 * on the desktop, where it can start programs; extension/src/git/node-old-versions.ts) and hands
 * the files to the language server, which compares. VS Code for the web has none.
 */
export interface OldVersions {
    /** HEAD, the local branches and the recent commits of the repository `folder` (a path) is in. */
    choices(folder: string): Promise<RevisionChoice[]>;
    /** The `.hrk` files of `revision` below `folder`, as text (paths relative to `folder`); `unreadable`: files that are not UTF-8 or were skipped. */
    read(folder: string, revision: string): Promise<{ commit: string; files: Array<{ file: string; text: string }>; unreadable: string[] }>;
}

export type { RevisionChoice };
