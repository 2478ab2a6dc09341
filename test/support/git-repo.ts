import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempDir } from './temp-dir.js';

/**
 * Real git repositories in temporary folders, for the tests of `handreiking diff`. Hermetic: no
 * global or system git configuration is read, commits are not signed, and author and committer are
 * fixed, so the tests run the same on a clean machine as on a developer's.
 */

const env = {
    ...process.env,
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Redactie',
    GIT_AUTHOR_EMAIL: 'redactie@example.invalid',
    GIT_COMMITTER_NAME: 'Redactie',
    GIT_COMMITTER_EMAIL: 'redactie@example.invalid',
    GIT_AUTHOR_DATE: '2026-11-27T12:00:00+01:00',
    GIT_COMMITTER_DATE: '2026-11-27T12:00:00+01:00'
};

export function git(cwd: string, args: string[]): string {
    const r = spawnSync('git', ['-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', '-c', 'core.autocrlf=false', ...args], { cwd, env, encoding: 'utf-8' });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${r.stderr}`);
    return r.stdout;
}

export class GitRepo {
    private constructor(readonly dir: string) {}

    /** A new repository with one commit holding `files` (name → content). */
    static create(prefix: string, files: Record<string, string>, message = 'eerste versie'): GitRepo {
        const repo = new GitRepo(tempDir(prefix));
        git(repo.dir, ['init', '-q']);
        repo.commit(message, files);
        return repo;
    }

    /** Writes `files` into the working copy (`null` removes a file), without committing. */
    write(files: Record<string, string | null>): void {
        for (const [name, content] of Object.entries(files)) {
            const file = path.join(this.dir, name);
            if (content === null) {
                fs.rmSync(file, { force: true });
                continue;
            }
            fs.mkdirSync(path.dirname(file), { recursive: true });
            fs.writeFileSync(file, content);
        }
    }

    /** Writes `files` and commits everything; returns the commit id. */
    commit(message: string, files: Record<string, string | null> = {}): string {
        this.write(files);
        git(this.dir, ['add', '-A']);
        git(this.dir, ['commit', '-q', '--allow-empty', '-m', message]);
        return git(this.dir, ['rev-parse', 'HEAD']).trim();
    }

    tag(name: string): void {
        git(this.dir, ['tag', name]);
    }

    /** A new branch from here, checked out. */
    branch(name: string): void {
        git(this.dir, ['checkout', '-q', '-b', name]);
    }
}
