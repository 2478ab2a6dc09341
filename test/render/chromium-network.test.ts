import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findChromium, FULL_BROWSERS } from '../../language/render/find-browser.js';
import { handreikingBin as bin } from '../support/cli.js';

/**
 * "Nothing we run connects to the network", proved at the level of the operating system: the SVG,
 * PNG and HTML exports (the HTML guide's diagrams are drawn in the same browser) run under `strace -f`, which sees every socket call of the whole process tree —
 * Node, Chromium and each of its helper processes — including what the browser does on its own,
 * which a page's request events never show. Chromium launched with Playwright's defaults alone
 * looked up accounts.google.com and update.googleapis.com here (find-browser.ts has the flags).
 *
 * Allowed: Unix sockets and netlink (inter-process pipes, the interface list), loopback, and a UDP
 * `connect()` that sends nothing: Chromium's IPv6 reachability probe (a route look-up towards
 * 2001:4860:4860::8888, no packet). No DNS query, no TCP connection anywhere but loopback, and not a
 * byte sent on any non-loopback socket.
 *
 * Every installed browser the export could pick is traced (`chromium-headless-shell` is picked
 * first, `chromium` when it is the only one): a machine may have either.
 */

let dir: string;

beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hrk-net-'));
    fs.writeFileSync(path.join(dir, 'b.hrk'), 'beslisboom B "B" {\n    vraag V "Vraag?" { ja -> A nee -> C }\n    advies A "a"\n    advies C "c"\n}\n');
});
afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

interface Traced {
    code: number | null;
    stderr: string;
    lines: string[];
}

/** Runs `command` under strace and returns its socket calls (and writes, to catch a send by `write()`). */
function traced(command: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<Traced> {
    const log = path.join(dir, `strace-${Date.now()}-${Math.random().toString(36).slice(2)}.log`);
    // -yy annotates each descriptor with what it is (UDP:[local->peer], UNIX-STREAM:…, a path).
    const args = ['-f', '-yy', '-s', '48', '-e', 'trace=connect,sendto,sendmsg,sendmmsg,write', '-o', log, ...command];
    return new Promise((resolve, reject) => {
        const child = spawn('strace', args, { cwd, env });
        let stderr = '';
        child.stderr.on('data', d => { stderr += String(d); });
        child.on('error', reject);
        child.on('close', code => {
            const lines = fs.existsSync(log) ? fs.readFileSync(log, 'utf-8').split('\n') : [];
            fs.rmSync(log, { force: true });
            resolve({ code, stderr, lines });
        });
    });
}

const isLoopback = (address: string) => /^127\./.test(address) || address === '::1' || /^::ffff:127\./i.test(address);

/** The address a line's socket address names: `inet_addr("a")` or `inet_pton(AF_INET6, "a", …)`. */
function addressIn(line: string): { address: string; port: number } | undefined {
    const address = /inet_addr\("([^"]+)"\)/.exec(line)?.[1] ?? /inet_pton\(AF_INET6?, "([^"]+)"/.exec(line)?.[1];
    const port = Number(/sin6?_port=htons\((\d+)\)/.exec(line)?.[1] ?? NaN);
    return address !== undefined ? { address, port } : undefined;
}

/** The peer of an annotated internet socket (`UDP:[192.0.2.2:4000->10.0.0.1:53]`); '' when not connected. */
function peerOf(annotation: string): string {
    const peer = /->(.+)\]$/.exec(annotation)?.[1] ?? '';
    return peer.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
}

interface Findings {
    /** DNS queries, TCP connects and sent data that leave the machine. */
    violations: string[];
    /** UDP connects to a non-loopback address (a route look-up; allowed only if nothing is sent). */
    udpProbes: string[];
    /** Calls on Unix sockets: evidence that the trace saw the processes talk at all. */
    unixCalls: number;
}

function findings(lines: readonly string[]): Findings {
    const result: Findings = { violations: [], udpProbes: [], unixCalls: 0 };
    for (const line of lines) {
        const call = /^\d+\s+(connect|sendto|sendmsg|sendmmsg|write)\((\d+)<([^>]*)>/.exec(line);
        if (!call) continue;
        const [, name, , annotation] = call;
        if (/^UNIX/.test(annotation)) result.unixCalls++;
        const internet = /^(UDP|TCP)(v6)?:/.exec(annotation);
        const target = addressIn(line);
        if (name === 'connect') {
            if (!internet || !target || isLoopback(target.address)) continue;
            if (target.port === 53 || internet[1] === 'TCP') result.violations.push(line);
            else result.udpProbes.push(line);
            continue;
        }
        // A send: through an address in the call, or on a connected internet socket.
        if (target && !isLoopback(target.address)) result.violations.push(line);
        else if (internet && !target) {
            const peer = peerOf(annotation);
            if (!peer || !isLoopback(peer)) result.violations.push(line);
        }
    }
    return result;
}

describe('the export’s Chromium makes no network connection (strace of the whole process tree)', () => {
    test('the trace does see a process that reaches out: a DNS look-up and a TCP connect are found', async () => {
        // The control: the same trace and the same rules catch the thing they are meant to catch.
        const script = "require('net').connect(9, '192.0.2.1').on('error', () => {}); require('dns').lookup('hrk-test.example', () => {}); setTimeout(() => process.exit(0), 300);";
        const run = await traced([process.execPath, '-e', script], dir);
        expect(run.code).toBe(0);
        const found = findings(run.lines);
        expect(found.violations.some(l => l.includes('192.0.2.1'))).toBe(true);
    }, 30_000);

    // The browser the export picks here (the headless shell when it is installed), and the full
    // browser it picks on a machine without the shell (HANDREIKING_CHROMIUM names it for the export).
    const installed = [...new Set([findChromium({}), findChromium({}, FULL_BROWSERS)])].filter(browser => browser !== undefined);

    test('at least one Chromium the export would use is installed', () => {
        expect(installed.length).toBeGreaterThan(0);
    });

    // The HTML guide draws its diagrams in the same Chromium before it writes the page.
    for (const browser of installed) {
        for (const format of ['svg', 'png', 'html'] as const) {
            test(`export ${format} with ${path.basename(browser)}: no DNS query, no connection but loopback, nothing sent off the machine`, async () => {
                const out = path.join(dir, `uit-${path.basename(browser)}-${format}`);
                const run = await traced([process.execPath, bin, 'export', format, '.', '-o', out], dir, { ...process.env, HANDREIKING_CHROMIUM: browser });
                expect(run.stderr).not.toMatch(/Interne fout|strace:.*(denied|not permitted)/);
                expect(run.code).toBe(0);
                const written = format === 'html' ? path.join(out, 'handreiking.html') : path.join(out, `B.${format}`);
                expect(fs.existsSync(written)).toBe(true);
                if (format === 'html') expect(fs.readFileSync(written, 'utf-8')).toContain('<meta name="hrk-diagrams" content="predrawn">');
                const found = findings(run.lines);
                // The trace covered the browser: Node and Chromium talk over Unix sockets and pipes.
                expect(found.unixCalls).toBeGreaterThan(0);
                expect(found.violations).toEqual([]);
                // What remains is documented: UDP route probes, to public addresses, with nothing sent.
                for (const probe of found.udpProbes) expect(probe).toMatch(/UDP(v6)?:/);
            }, 120_000);
        }
    }
});
