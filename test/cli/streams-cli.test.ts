import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { handreikingBin as bin } from '../support/cli.js';

/** How the command line behaves at the ends of its streams, and when called with nothing at all. */

const made: string[] = [];
afterAll(() => {
    for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

/** A guide with 3 000 errors: far more output than a pipe holds (64 KB), so `head` closes it mid-way. */
function manyErrors(count = 3000): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hrk-streams-'));
    made.push(dir);
    const lines = Array.from({ length: count }, (_, i) => `partij P${i} "P" { betrokken bij Onbekend${i} }`);
    fs.writeFileSync(path.join(dir, 'veel.hrk'), lines.join('\n') + '\n');
    return dir;
}

/** Runs a bash pipeline with $H standing for the CLI; returns its stderr and the CLI's own exit code. */
function pipeline(script: string, cwd: string) {
    const r = spawnSync('bash', ['-c', `H() { "${process.execPath}" "${bin}" "$@"; }\n${script}\necho "cli=\${PIPESTATUS[0]}" >&2`], { cwd, encoding: 'utf-8' });
    const status = /cli=(\d+)\n$/.exec(r.stderr);
    return { stdout: r.stdout, stderr: r.stderr.replace(/cli=\d+\n$/, ''), cli: status ? Number(status[1]) : undefined };
}

describe('the ends of the output streams', () => {
    test('check … | head -1: the first line, then a quiet end (no EPIPE stack trace); the exit code is still that of the check', () => {
        const dir = manyErrors();
        const r = pipeline('H check . | head -1', dir);
        expect(r.stdout).toBe('veel.hrk:1:31 fout HRK002 ‘Onbekend0’ is geen bekende typologie. Er is nog geen typologie met die naam: maak hem aan of controleer de spelling.\n');
        expect(r.stderr).toBe('');
        expect(r.cli).toBe(1);

        const json = pipeline('H check . --format json | head -2', dir);
        expect([json.stdout, json.stderr, json.cli]).toEqual(['{\n  "formatVersion": 1,\n', '', 1]);
        const both = pipeline('H check . 2>&1 | head -1', dir);
        expect([both.stderr, both.cli]).toEqual(['', 1]);
    });

    test('an output that cannot be written (a full disk) is not a success: exit 2 and a message on stderr', () => {
        const dir = manyErrors();
        const r = pipeline('H check . > /dev/full', dir);
        expect(r.stderr).toBe('Kan de uitvoer niet schrijven: ENOSPC: no space left on device, write. De uitvoer is onvolledig.\n');
        expect(r.cli).toBe(2);
    });
});

describe('a pipe that does not wait', () => {
    test('when the pipe is non-blocking and full (EAGAIN), the rest of the output still arrives, whole and in order', async () => {
        // The CLI writes with fs.writeSync (language/cli/terminal-output.ts). Here a preload first
        // makes the pipe non-blocking, as another process's stream on the same pipe would (libuv's
        // uv_pipe_open), and makes a folder when a write is first refused with EAGAIN; the test
        // reads nothing until then, so the pipe fills.
        const dir = manyErrors(6000);
        const preload = path.join(dir, 'niet-wachten.cjs');
        const refused = path.join(dir, 'geweigerd');
        fs.writeFileSync(preload, `const fs = require('node:fs');
new (require('node:net').Socket)({ fd: 1, readable: false, writable: true });
const writeSync = fs.writeSync;
fs.writeSync = function (...args) {
    try { return writeSync.apply(this, args); } catch (error) { if (error.code === 'EAGAIN') fs.mkdirSync(process.env.HRK_REFUSED, { recursive: true }); throw error; }
};
`);
        const expected = spawnSync(process.execPath, [bin, 'check', '.'], { cwd: dir, encoding: 'utf-8', maxBuffer: 64 * 1024 * 1024 });
        expect(expected.stdout.length).toBeGreaterThan(512 * 1024);
        const child = spawn(process.execPath, ['--require', preload, bin, 'check', '.'], { cwd: dir, env: { ...process.env, HRK_REFUSED: refused } });
        child.stdout.pause();
        const closed = new Promise<number | null>(resolve => child.on('close', resolve));
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
        let exited = false;
        child.on('exit', () => { exited = true; });
        while (!fs.existsSync(refused) && !exited) await new Promise(resolve => setTimeout(resolve, 20));
        expect(fs.existsSync(refused)).toBe(true);
        const chunks: Buffer[] = [];
        child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
        child.stdout.resume();
        expect([await closed, stderr]).toEqual([expected.status, expected.stderr]);
        expect(Buffer.concat(chunks).toString('utf-8') === expected.stdout).toBe(true);
    });
});

describe('called with nothing', () => {
    test('handreiking with no arguments prints the usage on stderr and exits 2', () => {
        const r = spawnSync(process.execPath, [bin], { encoding: 'utf-8' });
        expect(r.status).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr).toMatch(/^Usage: handreiking \[options\] \[command\]\n/);
        for (const command of ['check', 'test', 'export']) expect(r.stderr).toContain(`\n  ${command} [options]`);
    });

    test('asking for help is a success: --help and help exit 0 with the usage on stdout', () => {
        for (const args of [['--help'], ['help'], ['help', 'export']]) {
            const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf-8' });
            expect(r.status, args.join(' ')).toBe(0);
            expect(r.stdout, args.join(' ')).toMatch(/^Usage: handreiking /);
            expect(r.stderr).toBe('');
        }
    });
});
