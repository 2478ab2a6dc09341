import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as fsp from 'node:fs/promises';
import { afterAll, afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { writeFileAtomic } from '../../language/cli/write-atomic.js';
import { lock, type Lock } from './lock.js';
import { handreikingAsync } from '../support/cli.js';

/**
 * "No lost work" for exports: every file is written beside its target and renamed over it, so a
 * failure leaves the previous file whole and no temporary file behind; a folder that cannot be
 * written is refused before anything is written (exit 2, a Dutch message on stderr). The tests run
 * as root, so "cannot be written" is made with `chattr +i` or a read-only bind mount (lock.ts).
 */

// The unit tests below make writeFile and rename fail on purpose; the real ones by default.
vi.mock('node:fs/promises', async importOriginal => {
    const actual = await importOriginal<typeof import('node:fs/promises')>();
    return { ...actual, open: vi.fn(actual.open), rename: vi.fn(actual.rename) };
});
// Two tests fix the "random" name of the temporary file (from the global Web Crypto), to plant a
// link at it first.
const randomValues = vi.spyOn(globalThis.crypto, 'getRandomValues');
/** The next temporary name's random part is `bytes`. */
function guessNextName(bytes: Buffer): void {
    randomValues.mockImplementationOnce(<T extends ArrayBufferView | null>(array: T): T => {
        new Uint8Array((array as ArrayBufferView).buffer).set(bytes);
        return array;
    });
}

// The extension's writer, against a stand-in `vscode` whose file system is the real one.
const ui = vi.hoisted(() => ({ errors: [] as string[], infos: [] as string[], saveTo: '', folder: '' }));
vi.mock('vscode', async () => {
    const real = await vi.importActual<typeof import('node:fs/promises')>('node:fs/promises');
    const nodePath = await vi.importActual<typeof import('node:path')>('node:path');
    class Uri {
        readonly scheme = 'file';
        constructor(readonly path: string) {}
        get fsPath(): string { return this.path; }
        with(change: { path?: string }): Uri { return new Uri(change.path ?? this.path); }
        toString(): string { return `file://${this.path}`; }
        static file(p: string): Uri { return new Uri(p); }
        static joinPath(base: Uri, ...parts: string[]): Uri { return new Uri(nodePath.join(base.path, ...parts)); }
    }
    const format = (text: string, ...args: unknown[]) => text.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]));
    return {
        Uri,
        l10n: { t: format },
        window: {
            showSaveDialog: async () => Uri.file(ui.saveTo),
            showOpenDialog: async () => [Uri.file(ui.folder)],
            showErrorMessage: async (m: string) => { ui.errors.push(m); },
            showInformationMessage: async (m: string) => { ui.infos.push(m); },
            showWarningMessage: async (m: string) => { ui.errors.push(m); }
        },
        workspace: {
            workspaceFolders: undefined,
            asRelativePath: (u: Uri) => nodePath.basename(u.path),
            fs: {
                // Files on disk are written with node:fs (exclusively, files/temporary-file.ts), not through here.
                writeFile: async () => { throw new Error('not used for file: targets'); },
                rename: async (from: Uri, to: Uri) => {
                    if ((await real.stat(to.path).catch(() => undefined))?.isDirectory()) throw new Error(`EISDIR: ${to.path} is a folder`);
                    await real.rename(from.path, to.path);
                },
                delete: (u: Uri) => real.rm(u.path)
            }
        }
    };
});

const root = path.resolve(__dirname, '../..');
const made: string[] = [];
const locks: Lock[] = [];

function temp(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hrk-lost-'));
    made.push(dir);
    return dir;
}

afterEach(() => {
    for (const l of locks.splice(0)) l.release();
    vi.mocked(fsp.open).mockReset().mockImplementation(realOpen);
    vi.mocked(fsp.rename).mockReset().mockImplementation(realRename);
    randomValues.mockReset();
});
afterAll(() => {
    for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

let realOpen: typeof fsp.open;
let realRename: typeof fsp.rename;
beforeEach(async () => {
    const actual = await vi.importActual<typeof import('node:fs/promises')>('node:fs/promises');
    realOpen = actual.open;
    realRename = actual.rename;
    ui.errors.length = 0;
    ui.infos.length = 0;
});

/** The next temporary file created beside `name` fills the disk after one byte. */
function failWriteOf(name: string): void {
    vi.mocked(fsp.open).mockImplementation(async (temporary, flags, mode) => {
        const handle = await realOpen(temporary, flags, mode);
        if (path.basename(String(temporary)).startsWith(`.${name}.`)) {
            handle.writeFile = async data => {
                await handle.write(String(data).slice(0, 1));
                throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
            };
        }
        return handle;
    });
}

/** Every file under `dir` (hidden ones too) with its bytes, by relative path. */
function snapshot(dir: string): Record<string, string> {
    const result: Record<string, string> = {};
    const walk = (d: string) => {
        for (const e of fs.readdirSync(d, { withFileTypes: true })) {
            const full = path.join(d, e.name);
            if (e.isDirectory()) walk(full);
            else result[path.relative(dir, full)] = fs.readFileSync(full).toString('base64');
        }
    };
    walk(dir);
    return result;
}

const guide = (advice: string) => ({
    'bomen.hrk': `beslisboom Eerste "Eerste boom" {
    vraag V "Gaat het goed?" {
        ja  -> A
        nee -> B
    }
    advies A "${advice}"
    advies B "Vraag hulp"
}

beslisboom Tweede "Tweede boom" {
    advies C "Klaar"
}
`
});

function workspace(advice: string): string {
    const dir = temp();
    fs.mkdirSync(path.join(dir, 'bron'));
    for (const [name, text] of Object.entries(guide(advice))) fs.writeFileSync(path.join(dir, 'bron', name), text);
    return dir;
}

function changeGuide(dir: string, advice: string): void {
    for (const [name, text] of Object.entries(guide(advice))) fs.writeFileSync(path.join(dir, 'bron', name), text);
}

const exports = [
    ['json', 'handreiking.json'],
    ['html', 'handreiking.html'],
    ['mermaid', 'Eerste.mmd']
] as const;

describe('the CLI, exporting into a folder that cannot be written', () => {
    test('refuses with exit 2 and a Dutch message, and leaves every previous file byte for byte', async () => {
        const dir = workspace('Ga door');
        for (const [format] of exports) expect((await handreikingAsync(['export', format, 'bron', '-o', 'uit'], dir)).code, format).toBe(0);
        const before = snapshot(path.join(dir, 'uit'));
        expect(Object.keys(before).sort()).toEqual(['Eerste.mmd', 'Tweede.mmd', 'financiering-overzicht.mmd', 'handreiking.html', 'handreiking.json']);

        changeGuide(dir, 'Ga door, nu anders');
        const l = lock(path.join(dir, 'uit'));
        locks.push(l);
        for (const [format] of exports) {
            const r = await handreikingAsync(['export', format, 'bron', '-o', 'uit'], dir);
            expect(r.code, `${format} (${l.how})`).toBe(2);
            expect(r.stderr, format).toMatch(/^Kan niet schrijven naar uit: .+\. De bestaande bestanden zijn niet aangeraakt\.\n$/);
            expect(r.stdout, format).not.toContain('geschreven');
        }
        expect(snapshot(path.join(dir, 'uit'))).toEqual(before);

        // Proof that only the lock was in the way: unlocked, the same exports change the files.
        l.release();
        locks.length = 0;
        for (const [format, file] of exports) {
            expect((await handreikingAsync(['export', format, 'bron', '-o', 'uit'], dir)).code, format).toBe(0);
            expect(snapshot(path.join(dir, 'uit'))[file], file).not.toBe(before[file]);
        }
    });

    test('a file that cannot be replaced: the write happens, the rename fails, the old file stays and the temporary one goes', async () => {
        const dir = workspace('Ga door');
        expect((await handreikingAsync(['export', 'json', 'bron', '-o', 'uit'], dir)).code).toBe(0);
        const before = snapshot(path.join(dir, 'uit'));
        changeGuide(dir, 'Ga door, nu anders');
        locks.push(lock(path.join(dir, 'uit', 'handreiking.json')));
        const r = await handreikingAsync(['export', 'json', 'bron', '-o', 'uit'], dir);
        expect(r.code).toBe(2);
        expect(r.stderr).toContain(`Kan niet schrijven naar ${path.join(dir, 'uit', 'handreiking.json')}: `);
        expect(r.stderr).toContain('De bestaande bestanden zijn niet aangeraakt.');
        expect(snapshot(path.join(dir, 'uit'))).toEqual(before);
    });

    test('a target name taken by a folder (no privileges needed): exit 2, the folder and its contents untouched, no temporary file', async () => {
        const dir = workspace('Ga door');
        fs.mkdirSync(path.join(dir, 'uit', 'handreiking.json'), { recursive: true });
        fs.writeFileSync(path.join(dir, 'uit', 'handreiking.json', 'eigen-werk.txt'), 'niet kwijtraken');
        const before = snapshot(path.join(dir, 'uit'));
        const r = await handreikingAsync(['export', 'json', 'bron', '-o', 'uit'], dir);
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(/^Kan niet schrijven naar .*handreiking\.json: .+\. De bestaande bestanden zijn niet aangeraakt\.\n$/);
        expect(snapshot(path.join(dir, 'uit'))).toEqual(before);
    });

    test('several files, one of them locked: each file is the old or the new one, whole, and the message says which were replaced', async () => {
        const dir = workspace('Ga door');
        expect((await handreikingAsync(['export', 'mermaid', 'bron', '-o', 'uit'], dir)).code).toBe(0);
        const before = snapshot(path.join(dir, 'uit'));
        changeGuide(dir, 'Ga door, nu anders');
        locks.push(lock(path.join(dir, 'uit', 'Tweede.mmd')));
        const r = await handreikingAsync(['export', 'mermaid', 'bron', '-o', 'uit'], dir);
        expect(r.code).toBe(2);
        expect(r.stderr).toContain('Deze export had al 1 bestand vervangen (Eerste.mmd); de andere bestaande bestanden zijn niet aangeraakt.');
        const after = snapshot(path.join(dir, 'uit'));
        expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
        expect(after['Eerste.mmd']).not.toBe(before['Eerste.mmd']);
        expect(Buffer.from(after['Eerste.mmd'], 'base64').toString()).toContain('Ga door, nu anders');
        expect(after['Tweede.mmd']).toBe(before['Tweede.mmd']);
        expect(after['financiering-overzicht.mmd']).toBe(before['financiering-overzicht.mmd']);
    });
});

describe('writeFileAtomic (language/cli/write-atomic.ts)', () => {
    function folderWithOldFile(): { dir: string; file: string } {
        const dir = temp();
        const file = path.join(dir, 'gids.html');
        fs.writeFileSync(file, 'het vorige bestand');
        return { dir, file };
    }

    test('replaces the file and leaves nothing else behind', async () => {
        const { dir, file } = folderWithOldFile();
        await writeFileAtomic(file, 'nieuw');
        expect(fs.readFileSync(file, 'utf-8')).toBe('nieuw');
        expect(fs.readdirSync(dir)).toEqual(['gids.html']);
    });

    test('a failure between write and rename leaves the old file intact and removes the temporary file', async () => {
        const { dir, file } = folderWithOldFile();
        let temporary = '';
        vi.mocked(fsp.rename).mockImplementationOnce(async from => {
            temporary = String(from);
            // The new text is complete on disk at this moment: only the rename is left.
            expect(fs.readFileSync(temporary, 'utf-8')).toBe('nieuw');
            throw Object.assign(new Error('EIO: i/o error, rename'), { code: 'EIO' });
        });
        await expect(writeFileAtomic(file, 'nieuw')).rejects.toThrow('EIO');
        expect(path.dirname(temporary)).toBe(dir);
        expect(fs.readFileSync(file, 'utf-8')).toBe('het vorige bestand');
        expect(fs.readdirSync(dir)).toEqual(['gids.html']);
    });

    test('a write that stops half-way (a full disk) leaves the old file intact and no temporary file', async () => {
        const { dir, file } = folderWithOldFile();
        vi.mocked(fsp.open).mockImplementationOnce(async (temporary, flags, mode) => {
            const handle = await realOpen(temporary, flags, mode);
            handle.writeFile = async data => {
                await handle.write(String(data).slice(0, 2));
                throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
            };
            return handle;
        });
        await expect(writeFileAtomic(file, 'nieuw en lang')).rejects.toThrow('ENOSPC');
        expect(fs.readFileSync(file, 'utf-8')).toBe('het vorige bestand');
        expect(fs.readdirSync(dir)).toEqual(['gids.html']);
    });

    test('for real: a file root cannot replace makes the rename fail after the write, and nothing is lost', async () => {
        const { dir, file } = folderWithOldFile();
        locks.push(lock(file));
        await expect(writeFileAtomic(file, 'nieuw')).rejects.toThrow(/EPERM|EBUSY|EROFS/);
        expect(vi.mocked(fsp.open)).toHaveBeenCalledTimes(1);
        expect(vi.mocked(fsp.rename)).toHaveBeenCalledTimes(1);
        expect(fs.readFileSync(file, 'utf-8')).toBe('het vorige bestand');
        expect(fs.readdirSync(dir)).toEqual(['gids.html']);
    });

    test('the temporary file is created exclusively: a link planted at its very name is not followed, another name is taken', async () => {
        const { dir, file } = folderWithOldFile();
        const victim = path.join(temp(), 'van-iemand-anders.txt');
        fs.writeFileSync(victim, 'niet overschrijven');
        // Suppose the first random name were guessed: a link waits there.
        const guessed = Buffer.alloc(12, 0xab);
        guessNextName(guessed);
        const planted = path.join(dir, `.gids.html.${guessed.toString('hex')}.tmp`);
        fs.symlinkSync(victim, planted);
        await writeFileAtomic(file, 'nieuw');
        expect(fs.readFileSync(victim, 'utf-8')).toBe('niet overschrijven');
        expect(fs.readFileSync(file, 'utf-8')).toBe('nieuw');
        expect(fs.readlinkSync(planted)).toBe(victim);
        expect(vi.mocked(fsp.open).mock.calls.map(c => [path.basename(String(c[0])) === path.basename(planted), c[1]])).toEqual([[true, 'wx'], [false, 'wx']]);
        expect(fs.readdirSync(dir).sort()).toEqual([path.basename(planted), 'gids.html'].sort());
    });

    test('a replaced file keeps its owner, group and mode; the new content is never readable by others on the way', async () => {
        const { dir, file } = folderWithOldFile();
        fs.chownSync(file, 4321, 4322);
        fs.chmodSync(file, 0o640);
        let modeWhileWriting = -1;
        vi.mocked(fsp.open).mockImplementationOnce(async (temporary, flags, mode) => {
            const handle = await realOpen(temporary, flags, mode);
            modeWhileWriting = fs.statSync(String(temporary)).mode & 0o777;
            return handle;
        });
        await writeFileAtomic(file, 'nieuw');
        const after = fs.statSync(file);
        expect([after.uid, after.gid, after.mode & 0o777]).toEqual([4321, 4322, 0o640]);
        expect(modeWhileWriting).toBe(0o600 & ~process.umask());
        expect(fs.readFileSync(file, 'utf-8')).toBe('nieuw');
        expect(fs.readdirSync(dir)).toEqual(['gids.html']);
    });

    test('a crash between write and rename leaves the old file intact (only a hidden temporary file, randomly named, remains)', async () => {
        const { dir, file } = folderWithOldFile();
        // A child process that writes and is killed before it can rename (its rename never returns).
        const child = spawn(process.execPath, ['--input-type=module', '-e', `
import fsp from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
fsp.rename = () => new Promise(() => { process.stdout.write('written\\n'); });
syncBuiltinESMExports();
const { writeFileAtomic } = await import(${JSON.stringify(pathToFileURL(path.join(root, 'out/language/cli/write-atomic.js')).href)});
await writeFileAtomic(${JSON.stringify(file)}, 'nieuw');
`]);
        await new Promise<void>((resolve, reject) => {
            child.stdout.on('data', d => { if (String(d).includes('written')) resolve(); });
            child.on('exit', code => reject(new Error(`exited early with ${code}`)));
        });
        child.kill('SIGKILL');
        await new Promise(resolve => child.on('exit', resolve));
        expect(fs.readFileSync(file, 'utf-8')).toBe('het vorige bestand');
        const left = fs.readdirSync(dir).filter(n => n !== 'gids.html');
        expect(left).toHaveLength(1);
        expect(left[0]).toMatch(/^\.gids\.html\.[0-9a-f]{24}\.tmp$/);
        expect(fs.readFileSync(path.join(dir, left[0]), 'utf-8')).toBe('nieuw');
    });
});

describe('the extension\'s export writer (extension/src/commands/write-files.ts)', () => {
    test('a failed write of one of several files changes none of them and leaves no temporary file', async () => {
        const { writeExport } = await import('../../extension/src/commands/write-files.js');
        const dir = temp();
        for (const name of ['a.svg', 'b.svg', 'c.svg']) fs.writeFileSync(path.join(dir, name), `oud ${name}`);
        ui.folder = dir;
        failWriteOf('c.svg');
        const written = await writeExport(['a.svg', 'b.svg', 'c.svg'].map(name => ({ name, content: `nieuw ${name}` })), { single: false });
        expect(written).toBeUndefined();
        expect(ui.errors).toEqual(['Export failed: ENOSPC: no space left on device, write. Existing files were not touched.']);
        expect(fs.readdirSync(dir).sort()).toEqual(['a.svg', 'b.svg', 'c.svg']);
        for (const name of ['a.svg', 'b.svg', 'c.svg']) expect(fs.readFileSync(path.join(dir, name), 'utf-8')).toBe(`oud ${name}`);
    });

    test('a target taken by a folder: nothing replaced, nothing left behind; all written when the way is free', async () => {
        const { writeExport } = await import('../../extension/src/commands/write-files.js');
        const dir = temp();
        fs.writeFileSync(path.join(dir, 'a.svg'), 'oud a');
        fs.mkdirSync(path.join(dir, 'b.svg'));
        ui.folder = dir;
        expect(await writeExport([{ name: 'b.svg', content: 'nieuw b' }], { single: false })).toBeUndefined();
        expect(ui.errors[0]).toMatch(/^Export failed: EISDIR.*Existing files were not touched\.$/);
        expect(fs.readdirSync(dir).sort()).toEqual(['a.svg', 'b.svg']);
        fs.rmdirSync(path.join(dir, 'b.svg'));
        ui.saveTo = path.join(dir, 'a.svg');
        expect(await writeExport([{ name: 'a.svg', content: 'nieuw a' }], { single: true })).toHaveLength(1);
        expect(fs.readFileSync(path.join(dir, 'a.svg'), 'utf-8')).toBe('nieuw a');
        expect(fs.readdirSync(dir)).toEqual(['a.svg']);
    });

    test('its temporary files are created exclusively under random names: a planted link is not followed; a 0600 file stays 0600', async () => {
        const { writeExport } = await import('../../extension/src/commands/write-files.js');
        const dir = temp();
        const victim = path.join(temp(), 'van-iemand-anders.txt');
        fs.writeFileSync(victim, 'niet overschrijven');
        fs.writeFileSync(path.join(dir, 'a.svg'), 'oud a', { mode: 0o600 });
        fs.chmodSync(path.join(dir, 'a.svg'), 0o600);
        const guessed = Buffer.alloc(12, 0xcd);
        guessNextName(guessed);
        const planted = path.join(dir, `.a.svg.${guessed.toString('hex')}.tmp`);
        fs.symlinkSync(victim, planted);
        ui.folder = dir;
        expect(await writeExport([{ name: 'a.svg', content: 'nieuw a' }, { name: 'b.svg', content: 'nieuw b' }], { single: false })).toHaveLength(2);
        expect(fs.readFileSync(victim, 'utf-8')).toBe('niet overschrijven');
        expect(fs.readlinkSync(planted)).toBe(victim);
        expect(fs.readFileSync(path.join(dir, 'a.svg'), 'utf-8')).toBe('nieuw a');
        expect(fs.statSync(path.join(dir, 'a.svg')).mode & 0o777).toBe(0o600);
        expect(fs.readdirSync(dir).sort()).toEqual([path.basename(planted), 'a.svg', 'b.svg'].sort());
    });
});
