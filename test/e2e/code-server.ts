import { execFile, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/**
 * code-server (VS Code 1.139 in the browser) for the end-to-end test: the install made by
 * scripts/e2e/install-code-server.sh, the packaged .vsix, and one server process group that is
 * always stopped again.
 */

const run = promisify(execFile);

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Where scripts/e2e/install-code-server.sh puts code-server: the user's cache, shared by every clone. */
export const codeServerDir = process.env.CODE_SERVER_DIR
    ?? path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'handreiking', 'code-server');
const codeServerBin = path.join(codeServerDir, 'node_modules', '.bin');
export const vsixPath = path.join(projectRoot, 'handreiking.vsix');

/** Every file the .vsix is made from; the package is rebuilt when one is newer than it. */
const packageInputs = ['dist', 'package.json', 'package.nls.json', 'package.nls.nl.json', 'l10n', 'extension/README.md', 'extension/media', 'CHANGELOG.md', 'LICENSE'];

export function codeServerInstalled(): boolean {
    return fs.existsSync(path.join(codeServerDir, '.installed')) && fs.existsSync(path.join(codeServerBin, 'code-server'));
}

function newestMtime(file: string): number {
    const full = path.join(projectRoot, file);
    if (!fs.existsSync(full)) return 0;
    const stat = fs.statSync(full);
    if (!stat.isDirectory()) return stat.mtimeMs;
    return Math.max(stat.mtimeMs, ...fs.readdirSync(full).map(name => newestMtime(path.join(file, name))));
}

/**
 * The .vsix to test: the file named by HANDREIKING_E2E_VSIX, or handreiking.vsix in the project
 * root, packaged again when it is missing or older than what goes into it. `npm run package`
 * bundles first: vsce runs the `vscode:prepublish` script (`npm run bundle`).
 */
export async function ensureVsix(log: (line: string) => void): Promise<string> {
    // A package made elsewhere (e.g. a CI artifact) is tested as it is.
    const given = process.env.HANDREIKING_E2E_VSIX;
    if (given) {
        if (!fs.existsSync(given)) throw new Error(`HANDREIKING_E2E_VSIX: no such file: ${given}`);
        log(`using ${given} (HANDREIKING_E2E_VSIX)`);
        return path.resolve(given);
    }
    const built = fs.existsSync(vsixPath) ? fs.statSync(vsixPath).mtimeMs : 0;
    const newest = Math.max(...packageInputs.map(newestMtime));
    if (built > 0 && built >= newest) {
        log(`using ${path.relative(projectRoot, vsixPath)}`);
        return vsixPath;
    }
    log(built === 0 ? 'packaging the extension (no .vsix yet)' : 'packaging the extension (handreiking.vsix is older than dist/ or the manifest)');
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    await run(npm, ['run', 'package'], { cwd: projectRoot, maxBuffer: 64 * 1024 * 1024 });
    if (!fs.existsSync(vsixPath)) throw new Error('npm run package made no handreiking.vsix');
    return vsixPath;
}

/**
 * The environment for code-server: Node 24 from the install first on PATH, and its config, data
 * and logs in `home` (by default it writes ~/.config/code-server and ~/.local/share/code-server),
 * its temporary files too (VS Code leaves its IPC sockets, vscode-ipc-*.sock and vscode-git-*.sock,
 * in the temporary folder): the test removes `home` at the end.
 */
function environment(home: string): NodeJS.ProcessEnv {
    const tmp = path.join(home, 'tmp');
    fs.mkdirSync(tmp, { recursive: true });
    return {
        ...process.env,
        PATH: `${codeServerBin}${path.delimiter}${process.env.PATH ?? ''}`,
        XDG_CONFIG_HOME: path.join(home, 'config'),
        XDG_DATA_HOME: path.join(home, 'data'),
        XDG_CACHE_HOME: path.join(home, 'cache'),
        TMPDIR: tmp,
        // Options meant for the test's own Node 22 are not for code-server's Node 24.
        NODE_OPTIONS: undefined
    };
}

export interface CodeServerDirs {
    /** Holds the folders below; removed by the caller. */
    root: string;
    userData: string;
    extensions: string;
    home: string;
}

/** VS Code's user settings every run here starts with: no start page, trust prompt, AI, updates or telemetry. */
const QUIET_SETTINGS = {
    'workbench.startupEditor': 'none',
    'security.workspace.trust.enabled': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'chat.disableAIFeatures': true,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none'
};

/**
 * A new code-server profile in a new temporary folder (`prefix` names it): empty user data and
 * extensions, and the user settings above with `settings` over them. The caller removes `root`.
 */
export function newProfile(prefix: string, settings: Record<string, unknown>): CodeServerDirs {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    const dirs: CodeServerDirs = { root, userData: path.join(root, 'user-data'), extensions: path.join(root, 'extensions'), home: path.join(root, 'home') };
    fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
    fs.mkdirSync(dirs.extensions, { recursive: true });
    fs.writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 4));
    return dirs;
}

export async function installExtension(vsix: string, dirs: CodeServerDirs): Promise<string> {
    const { stdout, stderr } = await run(path.join(codeServerBin, 'code-server'), [
        '--user-data-dir', dirs.userData,
        '--extensions-dir', dirs.extensions,
        '--install-extension', vsix,
        '--force'
    ], { env: environment(dirs.home), timeout: 120_000 });
    return `${stdout}${stderr}`.trim();
}

/** A port that was free a moment ago (code-server is told to bind it right after). */
export function freePort(): Promise<number> {
    return new Promise((resolve, reject) => {
        const server = net.createServer();
        server.unref();
        server.on('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const address = server.address();
            server.close(() => typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')));
        });
    });
}

export interface RunningCodeServer {
    url: string;
    port: number;
    process: ChildProcess;
    /** Everything code-server printed so far (for failure messages). */
    output(): string;
    stop(): Promise<void>;
}

export interface StartOptions {
    dirs: CodeServerDirs;
    folder: string;
    locale?: string;
}

/**
 * Starts code-server in its own process group (it starts the extension host, our language server
 * and a pty host as children) and waits until it answers on /healthz.
 */
export async function startCodeServer(options: StartOptions): Promise<RunningCodeServer> {
    const { dirs } = options;
    let lastError: unknown;
    for (let attempt = 1; attempt <= 3; attempt++) {
        const port = await freePort();
        const args = [
            '--auth', 'none',
            '--bind-addr', `127.0.0.1:${port}`,
            '--disable-telemetry',
            '--disable-update-check',
            '--disable-workspace-trust',
            '--disable-getting-started-override',
            '--config', path.join(dirs.home, 'code-server.yaml'),
            '--user-data-dir', dirs.userData,
            '--extensions-dir', dirs.extensions,
            ...(options.locale ? ['--locale', options.locale] : []),
            options.folder
        ];
        const child = spawn(path.join(codeServerBin, 'code-server'), args, {
            env: environment(dirs.home),
            detached: true,
            stdio: ['ignore', 'pipe', 'pipe']
        });
        let output = '';
        child.stdout?.on('data', chunk => { output += String(chunk); });
        child.stderr?.on('data', chunk => { output += String(chunk); });
        // 'close': code-server has exited and its output pipes are shut, which its children share.
        const closed = new Promise<void>(resolve => child.on('close', () => resolve()));
        const server: RunningCodeServer = {
            url: `http://127.0.0.1:${port}/`,
            port,
            process: child,
            output: () => output,
            stop: () => stopProcessGroup(child, closed)
        };
        try {
            await waitForHealth(server, 60_000);
            return server;
        } catch (err) {
            lastError = new Error(`code-server did not start (attempt ${attempt}): ${(err as Error).message}\n${output}`);
            await server.stop();
        }
    }
    throw lastError;
}

/**
 * Waits for code-server's "HTTP server listening on …" line (it logs it once its routes are
 * registered), then asks /healthz once: it must answer.
 */
async function waitForHealth(server: RunningCodeServer, timeout: number): Promise<void> {
    const child = server.process;
    await new Promise<void>((resolve, reject) => {
        const listening = () => { if (/HTTP server listening on /.test(server.output())) done(); };
        const exited = (code: number | null, signal: NodeJS.Signals | null) => done(new Error(`code-server exited (${code ?? signal})`));
        const timer = setTimeout(() => done(new Error(`code-server did not say it was listening within ${timeout / 1000} s`)), timeout);
        const done = (err?: Error) => {
            clearTimeout(timer);
            child.stdout?.off('data', listening);
            child.stderr?.off('data', listening);
            child.off('exit', exited);
            if (err) reject(err);
            else resolve();
        };
        child.stdout?.on('data', listening);
        child.stderr?.on('data', listening);
        child.on('exit', exited);
        if (child.exitCode !== null || child.signalCode !== null) exited(child.exitCode, child.signalCode);
        else listening();
    });
    const response = await fetch(`${server.url}healthz`, { signal: AbortSignal.timeout(30_000) });
    if (!response.ok) throw new Error(`${server.url}healthz answered ${response.status}`);
}

/**
 * SIGTERM to the whole group code-server leads; once code-server has closed (or after 10 s),
 * SIGKILL to whatever of the group is left.
 */
async function stopProcessGroup(child: ChildProcess, closed: Promise<void>): Promise<void> {
    const pid = child.pid;
    if (pid === undefined) return;
    const alive = () => {
        try {
            process.kill(-pid, 0);
            return true;
        } catch {
            return false;
        }
    };
    const signal = (name: NodeJS.Signals) => {
        try {
            process.kill(-pid, name);
        } catch {
            // Already gone.
        }
    };
    signal('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([closed, new Promise<void>(resolve => { timer = setTimeout(resolve, 10_000); })]);
    clearTimeout(timer);
    if (alive()) signal('SIGKILL');
}
