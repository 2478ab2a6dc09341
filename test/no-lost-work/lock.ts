import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Making a folder or file that cannot be written, in a way that holds for root: the tests run as
 * root here (and on CI), and root ignores `chmod`. Two ways that do hold, tried in turn:
 *
 * 1. `chattr +i` (the immutable attribute of ext2/3/4, XFS, Btrfs): nothing may create, delete or
 *    rename in an immutable folder, nor rename over an immutable file — root included (only
 *    CAP_LINUX_IMMUTABLE may take the attribute off again, with `chattr -i`). `access(W_OK)` says
 *    EPERM, which is what the CLI's early check sees.
 * 2. A read-only bind mount of the path onto itself (needs CAP_SYS_ADMIN): every write is EROFS,
 *    and renaming over a mount point is EBUSY.
 *
 * `probe` checks that the lock really holds before a test relies on it; if neither way works the
 * test fails with the reason instead of passing vacuously.
 */
export interface Lock {
    how: 'chattr +i' | 'read-only bind mount';
    release(): void;
}

function run(command: string, args: string[]): { ok: boolean; output: string } {
    const r = spawnSync(command, args, { encoding: 'utf-8' });
    return { ok: r.status === 0, output: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}`.trim() };
}

/** Whether a root process can still change `target`: create in it (folder) or rename over it (file). */
function writable(target: string): boolean {
    const isFolder = fs.statSync(target).isDirectory();
    const before = isFolder ? undefined : fs.readFileSync(target);
    const probe = isFolder ? path.join(target, `.probe-${process.pid}`) : path.join(path.dirname(target), `.probe-${process.pid}`);
    try {
        fs.writeFileSync(probe, before ?? 'x');
        // Renaming a copy over the file: if that works the file is not locked (and is unchanged).
        if (!isFolder) fs.renameSync(probe, target);
        return true;
    } catch {
        return false;
    } finally {
        fs.rmSync(probe, { force: true });
    }
}

export function lock(target: string): Lock {
    const tried: string[] = [];
    const chattr = run('chattr', ['+i', target]);
    if (chattr.ok) {
        if (!writable(target)) return { how: 'chattr +i', release: () => { run('chattr', ['-i', target]); } };
        run('chattr', ['-i', target]);
        tried.push('chattr +i: set, but the path stayed writable');
    } else {
        tried.push(`chattr +i: ${chattr.output}`);
    }
    const bind = run('mount', ['--bind', target, target]);
    if (bind.ok) {
        const ro = run('mount', ['-o', 'remount,ro,bind', target]);
        if (ro.ok && !writable(target)) return { how: 'read-only bind mount', release: () => { run('umount', [target]); } };
        run('umount', [target]);
        tried.push(`read-only bind mount: ${ro.ok ? 'mounted, but the path stayed writable' : ro.output}`);
    } else {
        tried.push(`bind mount: ${bind.output}`);
    }
    throw new Error(`Cannot make ${target} unwritable for root here (${tried.join('; ')}).`);
}
