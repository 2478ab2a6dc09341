/**
 * One `check` of a workspace in a fresh process, so that its peak memory is its own: the command
 * line's own loading (language/cli/load-workspace.ts: read, parse, link and validate with every
 * category, the slow workspace-wide checks included), timed from the creation of the services to
 * the last check, without Node's start-up (measured on its own, beside `node -e 0`).
 * `--parse-only` times only the parse of every file (one core, no linking or checks): the floor.
 * `--threads=N` parses with N threads beside the main one (0: one core).
 * Prints one JSON line: { ms, maxRssMB, files, diagnostics }.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadWorkspace } from '../language/cli/load-workspace.js';
import { createHandreikingServices } from '../language/handreiking-module.js';
import { EmptyFileSystem } from 'langium';

function hrkFiles(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e =>
        e.isDirectory() ? hrkFiles(path.join(dir, e.name)) : e.name.endsWith('.hrk') ? [path.join(dir, e.name)] : []);
}

const dir = process.argv[2];
const parseOnly = process.argv.includes('--parse-only');
// `--threads=0`: the whole check on one core, to compare with the default (a thread per further core).
const threadsArg = process.argv.find(a => a.startsWith('--threads='));
const threads = threadsArg ? Number(threadsArg.slice('--threads='.length)) : undefined;

if (parseOnly) {
    const texts = hrkFiles(dir).map(file => fs.readFileSync(file, 'utf-8'));
    const { Handreiking } = createHandreikingServices(EmptyFileSystem);
    const parser = Handreiking.parser.LangiumParser;
    const start = performance.now();
    for (const text of texts) parser.parse(text);
    const elapsed = performance.now() - start;
    process.stdout.write(JSON.stringify({ ms: elapsed, maxRssMB: process.resourceUsage().maxRSS / 1024, files: texts.length, diagnostics: 0 }) + '\n');
} else {
    const start = performance.now();
    const workspace = await loadWorkspace([dir], { lang: 'nl', ...(threads !== undefined ? { threads } : {}) });
    const elapsed = performance.now() - start;
    const diagnostics = workspace.documents.reduce((n, d) => n + (d.diagnostics?.length ?? 0), 0);
    process.stdout.write(JSON.stringify({ ms: elapsed, maxRssMB: process.resourceUsage().maxRSS / 1024, files: workspace.documents.length, diagnostics }) + '\n');
}
