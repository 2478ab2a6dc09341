/**
 * Reading the `.hrk` files of a git revision through the `git` command: `rev-parse` to name the
 * commit, `ls-tree` to list its files, `cat-file` for each file's bytes. Every call is `execFile`
 * with an argument array (no shell), the revision is resolved to a commit id before it is used
 * anywhere else, and `--end-of-options` keeps a revision from being read as an option.
 */

import { compareText } from '../text/collation.js';

/** A file of a revision: its path relative to the folder git ran in (with `/`), and its bytes. */
export interface RevisionFile {
    file: string;
    bytes: Buffer;
}

/** A file of the revision that was not read, and why. */
export interface SkippedFile {
    file: string;
    reason: 'tooLarge' | 'symlink';
}

export interface Revision {
    /** The full commit id. */
    commit: string;
    files: RevisionFile[];
    skipped: SkippedFile[];
}

export type GitProblem = 'noGit' | 'notRepository' | 'unknownRevision' | 'badRevision' | 'failed';

export class GitError extends Error {
    constructor(readonly problem: GitProblem, message: string) {
        super(message);
    }
}

/** Files larger than this are not read, as on disk (the CLI's limit for one `.hrk` file). */
export const MAX_REVISION_FILE_BYTES = 16 * 1024 * 1024;

/** Folders skipped in a revision as on disk: tools' output, dependencies, hidden folders. */
const skippedFolders = new Set(['node_modules', 'out', 'dist']);

interface GitResult {
    stdout: Buffer;
    stderr: string;
}

function git(cwd: string, args: readonly string[], maxBuffer = 1024 * 1024): Promise<GitResult> {
    return new Promise((resolve, reject) => {
        // Loaded here, not at the top: every command of the CLI imports this module, few run git.
        process.getBuiltinModule('node:child_process').execFile('git', args, {
            cwd, encoding: 'buffer', maxBuffer, windowsHide: true,
            // Never ask for credentials or open a pager; the answers are read by a program.
            env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', GIT_OPTIONAL_LOCKS: '0' }
        }, (error, stdout, stderr) => {
            if (error) {
                const code = (error as NodeJS.ErrnoException).code;
                if (code === 'ENOENT') reject(new GitError('noGit', 'git not found'));
                else reject(Object.assign(error, { stderr: stderr.toString('utf-8').trim() }));
                return;
            }
            resolve({ stdout, stderr: stderr.toString('utf-8') });
        });
    });
}

/** Whether `cwd` lies in a git work tree. Throws GitError('noGit') when there is no git. */
export async function isInsideWorkTree(cwd: string): Promise<boolean> {
    try {
        const { stdout } = await git(cwd, ['rev-parse', '--is-inside-work-tree']);
        return stdout.toString('utf-8').trim() === 'true';
    } catch (error) {
        if (error instanceof GitError) throw error;
        return false;
    }
}

/** The commit a revision names (`HEAD~1`, `main`, a tag, a commit id), or undefined when git knows none. */
export async function resolveCommit(cwd: string, revision: string): Promise<string | undefined> {
    if (revision.startsWith('-') || revision === '') throw new GitError('badRevision', revision);
    try {
        const { stdout } = await git(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`]);
        const commit = stdout.toString('utf-8').trim();
        return /^[0-9a-f]{40,64}$/.test(commit) ? commit : undefined;
    } catch (error) {
        if (error instanceof GitError) throw error;
        return undefined;
    }
}

/**
 * The `.hrk` files of `commit` below `pathspec` (a folder or file relative to `cwd`), with paths
 * relative to `cwd`. Links and files over 16 MB are listed as skipped, not read.
 */
export async function readRevision(cwd: string, commit: string, pathspec = '.'): Promise<Revision> {
    let listing: GitResult;
    try {
        // -z: names exactly as stored, NUL-separated; --long: with each blob's size.
        listing = await git(cwd, ['ls-tree', '-r', '-z', '--long', commit, '--', pathspec], 256 * 1024 * 1024);
    } catch (error) {
        throw failed(error, commit);
    }
    const entries = listing.stdout.toString('utf-8').split('\0').filter(line => line.length > 0).map(parseEntry);
    const wanted = entries.filter(e => e !== undefined && e.file.endsWith('.hrk') && !inSkippedFolder(e.file)) as TreeEntry[];
    const files: RevisionFile[] = [];
    const skipped: SkippedFile[] = [];
    const toRead: TreeEntry[] = [];
    for (const entry of wanted) {
        if (entry.mode === '120000') skipped.push({ file: entry.file, reason: 'symlink' });
        else if (entry.type !== 'blob') continue;
        else if (entry.size > MAX_REVISION_FILE_BYTES) skipped.push({ file: entry.file, reason: 'tooLarge' });
        else toRead.push(entry);
    }
    // A few at a time: one git process per file, without starting hundreds at once.
    const results: RevisionFile[] = new Array(toRead.length);
    let next = 0;
    const worker = async () => {
        while (next < toRead.length) {
            const i = next++;
            const entry = toRead[i];
            try {
                const { stdout } = await git(cwd, ['cat-file', 'blob', entry.object], MAX_REVISION_FILE_BYTES + 1024);
                results[i] = { file: entry.file, bytes: stdout };
            } catch (error) {
                throw failed(error, `${commit.slice(0, 7)}:${entry.file}`);
            }
        }
    };
    await Promise.all(Array.from({ length: Math.min(8, toRead.length) }, worker));
    files.push(...results);
    files.sort((a, b) => compareText(a.file, b.file));
    return { commit, files, skipped };
}

interface TreeEntry {
    mode: string;
    type: string;
    object: string;
    size: number;
    file: string;
}

/** One line of `git ls-tree --long`: `<mode> SP <type> SP <object> SP+ <size> TAB <path>`. */
function parseEntry(line: string): TreeEntry | undefined {
    const tab = line.indexOf('\t');
    if (tab < 0) return undefined;
    const [mode, type, object, size] = line.slice(0, tab).split(/ +/);
    // Git writes paths with `/` on every system.
    const file = line.slice(tab + 1);
    return { mode, type, object, size: size === '-' ? 0 : Number(size), file };
}

function inSkippedFolder(file: string): boolean {
    const parts = file.split('/').slice(0, -1);
    return parts.some(p => skippedFolders.has(p) || (p.startsWith('.') && p !== '.' && p !== '..'));
}

function failed(error: unknown, what: string): GitError {
    if (error instanceof GitError) return error;
    const stderr = (error as { stderr?: string }).stderr;
    return new GitError('failed', `${what}: ${stderr || (error instanceof Error ? error.message : String(error))}`);
}

/** A revision to compare with, as a reader picks one: a branch, or a recent commit. */
export interface RevisionChoice {
    /** What git is given: a branch name or a full commit id. */
    revision: string;
    kind: 'branch' | 'commit';
    /** The branch name, or the commit's short id. */
    label: string;
    /** The commit's subject line and date (a commit), or the commit it points at (a branch). */
    detail: string;
}

/**
 * The local branches and the `count` latest commits of HEAD, for "Vergelijk met …". Names come
 * from git as data (`for-each-ref --format`, `log --format` with NUL-separated fields), never from
 * a shell.
 */
export async function recentRevisions(cwd: string, count = 20): Promise<RevisionChoice[]> {
    try {
        const refs = await git(cwd, ['for-each-ref', '--sort=-committerdate', '--count=20', '--format=%(refname:short)%00%(objectname:short)', 'refs/heads']);
        const log = await git(cwd, ['log', `--max-count=${count}`, '--format=%H%x00%h%x00%cs%x00%s', 'HEAD', '--']);
        const branches = refs.stdout.toString('utf-8').split('\n').filter(l => l.length > 0).map(line => {
            const [name, short] = line.split('\0');
            return { revision: name, kind: 'branch' as const, label: name, detail: short ?? '' };
        });
        const commits = log.stdout.toString('utf-8').split('\n').filter(l => l.length > 0).map(line => {
            const [commit, short, date, subject] = line.split('\0');
            return { revision: commit, kind: 'commit' as const, label: short, detail: `${date} ${subject ?? ''}`.trim() };
        });
        return [...branches, ...commits];
    } catch (error) {
        throw failed(error, 'HEAD');
    }
}
