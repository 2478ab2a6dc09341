import { spawn, spawnSync } from 'node:child_process';
import * as path from 'node:path';

/**
 * The command line as a user runs it, for the tests: `bin/handreiking.js` started by this Node in
 * a folder of the test's choosing, its output read whole.
 */

export const projectRoot = path.resolve(__dirname, '../..');
export const handreikingBin = path.join(projectRoot, 'bin/handreiking.js');

export interface CliRun {
    /** The exit code; null when a signal ended the command. */
    code: number | null;
    stdout: string;
    stderr: string;
}

/** Runs `handreiking …args` in `cwd` and waits for it to end. */
export function handreiking(args: readonly string[], cwd: string = projectRoot, env: NodeJS.ProcessEnv = process.env): CliRun {
    const result = spawnSync(process.execPath, [handreikingBin, ...args], { cwd, env, encoding: 'utf-8' });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * The same without blocking the test's process: for commands that run side by side or while a page
 * is tested. `whileRunning`, when given, is called every 10 ms until the command ends, to watch what
 * it does meanwhile (the files it writes).
 */
export function handreikingAsync(args: readonly string[], cwd: string = projectRoot, env: NodeJS.ProcessEnv = process.env, whileRunning?: () => void): Promise<CliRun> {
    return new Promise(resolve => {
        const child = spawn(process.execPath, [handreikingBin, ...args], { cwd, env });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', d => { stdout += String(d); });
        child.stderr.on('data', d => { stderr += String(d); });
        const timer = whileRunning ? setInterval(whileRunning, 10) : undefined;
        child.on('close', code => {
            clearInterval(timer);
            resolve({ code, stdout, stderr });
        });
    });
}
