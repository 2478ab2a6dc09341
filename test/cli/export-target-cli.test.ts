import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { handreiking, handreikingBin as bin } from '../support/cli.js';

/**
 * Where an export's bytes land, tried as someone sharing the output folder would: names planted in
 * advance, a link at the target, an existing file with narrow permissions, an empty `-o`.
 */

const made: string[] = [];
afterAll(() => {
    for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

/** A folder with a small clean guide in `bron/` and an output folder `uit/`. */
function workspace(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hrk-target-'));
    made.push(dir);
    fs.mkdirSync(path.join(dir, 'bron'));
    fs.mkdirSync(path.join(dir, 'uit'));
    fs.writeFileSync(path.join(dir, 'bron', 'boom.hrk'), 'beslisboom Boom "Boom" {\n    advies A "Klaar"\n}\n');
    return dir;
}

describe('the temporary file of an export', () => {
    test('links planted at the predictable temporary names (.name.PID.time.tmp) do not redirect the export', async () => {
        const dir = workspace();
        const victim = path.join(dir, 'van-iemand-anders.txt');
        fs.writeFileSync(victim, 'niet overschrijven');
        // The shell waits for a line, then becomes the CLI: the CLI's pid is known before it starts.
        const child = spawn('sh', ['-c', 'read go && exec "$0" "$@"', process.execPath, bin, 'export', 'json', 'bron', '-o', 'uit'], { cwd: dir });
        let stderr = '';
        child.stderr.on('data', d => { stderr += String(d); });
        const closed = new Promise<number | null>(resolve => child.on('close', resolve));
        // Every name the old scheme could pick in the next minute, each a link to the victim.
        const start = Date.now();
        for (let ms = start; ms < start + 60_000; ms++) {
            fs.symlinkSync(victim, path.join(dir, 'uit', `.handreiking.json.${child.pid}.${ms.toString(36)}.tmp`));
        }
        child.stdin.end('\n');
        expect(await closed, stderr).toBe(0);
        expect(fs.readFileSync(victim, 'utf-8')).toBe('niet overschrijven');
        const target = path.join(dir, 'uit', 'handreiking.json');
        expect(fs.lstatSync(target).isFile()).toBe(true);
        expect(JSON.parse(fs.readFileSync(target, 'utf-8')).trees[0].id).toBe('Boom');
        // Nothing of ours is left beside the planted links.
        expect(fs.readdirSync(path.join(dir, 'uit')).filter(n => !n.includes(`.${child.pid}.`))).toEqual(['handreiking.json']);
    }, 120_000);
});

describe('the target of an export', () => {
    test('a file with mode 0600 keeps it when the export replaces it; a new file gets the usual mode', () => {
        const dir = workspace();
        const target = path.join(dir, 'uit', 'gids.html');
        fs.writeFileSync(target, 'oud', { mode: 0o600 });
        fs.chmodSync(target, 0o600);
        const r = handreiking(['export', 'html', 'bron', '-o', 'uit/gids.html'], dir);
        expect(r.code, r.stderr).toBe(0);
        expect(fs.readFileSync(target, 'utf-8')).toContain('<!DOCTYPE html>');
        expect(fs.statSync(target).mode & 0o777).toBe(0o600);

        const fresh = handreiking(['export', 'json', 'bron', '-o', 'uit'], dir);
        expect(fresh.code, fresh.stderr).toBe(0);
        expect(fs.statSync(path.join(dir, 'uit', 'handreiking.json')).mode & 0o777).toBe(0o666 & ~process.umask());
    });

    test('-o naming a link is refused with exit 2: the link and the file it points to stay as they were', () => {
        const dir = workspace();
        const real = path.join(dir, 'echt.html');
        fs.writeFileSync(real, 'het echte bestand');
        const link = path.join(dir, 'uit', 'link.html');
        fs.symlinkSync(real, link);
        const r = handreiking(['export', 'html', 'bron', '-o', 'uit/link.html'], dir);
        expect(r.code).toBe(2);
        expect(r.stderr).toBe(`Kan niet schrijven naar uit/link.html: dit is een symbolische koppeling (naar ${real}). `
            + 'Een export schrijft niet door een koppeling heen en vervangt hem ook niet: geef met -o het echte bestand op, of verwijder de koppeling. '
            + 'De bestaande bestanden zijn niet aangeraakt.\n');
        expect(r.stdout).toBe('');
        expect(fs.readlinkSync(link)).toBe(real);
        expect(fs.readFileSync(real, 'utf-8')).toBe('het echte bestand');
        expect(fs.readdirSync(path.join(dir, 'uit'))).toEqual(['link.html']);

        // The way the message says works: the real file is replaced.
        expect(handreiking(['export', 'html', 'bron', '-o', real], dir).code).toBe(0);
        expect(fs.readFileSync(real, 'utf-8')).toContain('<!DOCTYPE html>');
    });

    test('a link among the files of a folder export (one per tree) is refused too, in English with --lang en', () => {
        const dir = workspace();
        const elsewhere = path.join(dir, 'elders.mmd');
        fs.writeFileSync(elsewhere, 'blijft');
        fs.symlinkSync(elsewhere, path.join(dir, 'uit', 'Boom.mmd'));
        const r = handreiking(['export', 'mermaid', 'bron', '-o', 'uit', '--lang', 'en'], dir);
        expect(r.code).toBe(2);
        expect(r.stderr).toContain(`Cannot write to ${path.join(dir, 'uit', 'Boom.mmd')}: it is a symbolic link (to ${elsewhere}). An export neither writes through a link nor replaces it`);
        expect(fs.readFileSync(elsewhere, 'utf-8')).toBe('blijft');
        expect(fs.lstatSync(path.join(dir, 'uit', 'Boom.mmd')).isSymbolicLink()).toBe(true);
    });

    test('a folder given with -o may be a link: the files go into the folder it points to', () => {
        const dir = workspace();
        fs.symlinkSync(path.join(dir, 'uit'), path.join(dir, 'snelkoppeling'));
        const r = handreiking(['export', 'json', 'bron', '-o', 'snelkoppeling'], dir);
        expect(r.code, r.stderr).toBe(0);
        expect(fs.lstatSync(path.join(dir, 'uit', 'handreiking.json')).isFile()).toBe(true);
    });

    test('-o with an empty path is a usage error (exit 2, Dutch message); nothing is written', () => {
        const dir = workspace();
        const r = handreiking(['export', 'json', 'bron', '-o', ''], dir);
        expect(r.code).toBe(2);
        expect(r.stderr).toBe('Bij -o staat geen pad. Geef een uitvoermap of bestand op, bijvoorbeeld -o uitvoer.\n');
        expect(r.stdout).toBe('');
        expect(fs.readdirSync(dir).sort()).toEqual(['bron', 'uit']);
        expect(fs.readdirSync(path.join(dir, 'uit'))).toEqual([]);
        expect(handreiking(['export', 'json', 'bron', '--out=', '--lang', 'en'], dir).stderr)
            .toBe('-o has no path. Give an output folder or file, for example -o uitvoer.\n');
    });
});
