import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Cancellation, EmptyFileSystem, URI, type AstNode, type AsyncParser, type LangiumDocument, type ParseResult } from 'langium';
import { describe, expect, test } from 'vitest';
import { generateWorkspace } from '../../bench/generate-workspace.js';
import { PARALLEL_MIN_BYTES, TransferHydrator } from '../../language/cli/parallel-parser.js';
import { createHandreikingCoreServices } from '../../language/handreiking-core-module.js';
import { exportWorkspaceJson } from '../../language/generation/json/export-json.js';
import { tempFolder } from '../support/temp-dir.js';
import { handreikingBin as bin } from '../support/cli.js';

/**
 * A large check parses on every core (language/cli/parallel-parser.ts): a worker thread parses a
 * text and sends the result in Langium's transferable form; the main thread turns it back into a
 * document. Whatever thread parsed a file, the check must say the same.
 */

const root = path.resolve(__dirname, '../..');

function hrkFiles(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e =>
        e.isDirectory() ? hrkFiles(path.join(dir, e.name)) : e.name.endsWith('.hrk') ? [path.join(dir, e.name)] : []).sort();
}

/** Parses as a worker does, in this thread: dehydrate, structured clone (what postMessage does), hydrate. */
class TransferredParser implements AsyncParser {
    constructor(private readonly services: ReturnType<typeof createHandreikingCoreServices>['Handreiking']) {}
    parse<T extends AstNode>(text: string): Promise<ParseResult<T>> {
        const sent = structuredClone(new TransferHydrator(this.services).dehydrate(this.services.parser.LangiumParser.parse(text)));
        return Promise.resolve(this.services.serializer.Hydrator.hydrate<T>(sent));
    }
}

/** Checks `files` (name → text) as the command line does; with `transferred`, every file as a worker would parse it. */
async function check(files: Record<string, string>, transferred: boolean) {
    const { shared, Handreiking } = createHandreikingCoreServices(EmptyFileSystem, transferred ? { language: { parser: { AsyncParser: s => new TransferredParser(s) } } } : undefined);
    const factory = shared.workspace.LangiumDocumentFactory;
    const documents: LangiumDocument[] = [];
    for (const [name, text] of Object.entries(files)) {
        const uri = URI.file(path.join('/gids', name));
        documents.push(transferred ? await factory.fromString(text, uri, Cancellation.CancellationToken.None) : factory.fromString(text, uri));
    }
    for (const document of documents) shared.workspace.LangiumDocuments.addDocument(document);
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    return {
        diagnostics: documents.map(d => ({ file: d.uri.path, references: d.references.length, diagnostics: d.diagnostics })),
        json: exportWorkspaceJson(Handreiking, '/gids')
    };
}

describe('parsing on other threads', () => {
    test('a document parsed elsewhere checks and exports exactly as one parsed here: the guide, and text full of mistakes', async () => {
        const files: Record<string, string> = {};
        for (const file of hrkFiles(path.join(root, 'examples'))) files[path.relative(path.join(root, 'examples'), file)] = fs.readFileSync(file, 'utf-8');
        // Syntax errors, unknown names, a duplicate node, an unreachable one: every kind of message.
        files['fouten.hrk'] = `beslisboom Fout "Fout" {\n    vraag V "?" {\n        ja  -> Nergens\n        nee -> A\n    }\n    advies A "a"\n    advies A "b"\n    stap S "los" -> A\n    vraag W "kapot" {\n        ja -> \n}\n`;
        const here = await check(files, false);
        const elsewhere = await check(files, true);
        expect(elsewhere.diagnostics).toEqual(here.diagnostics);
        expect(elsewhere.json).toEqual(here.json);
        // References are linked and counted in both (Langium 4.4's own Hydrator lost them).
        expect(here.diagnostics.reduce((n, d) => n + d.references, 0)).toBeGreaterThan(100);
    });

    test('the command line gives the same report with a parse thread and without, and ends', () => {
        const workspace = generateWorkspace(3_500);
        const bytes = Object.values(workspace.files).reduce((n, t) => n + t.length, 0);
        expect(bytes).toBeGreaterThan(PARALLEL_MIN_BYTES);
        const dir = tempFolder('hrk-parallel-', workspace.files);
        const run = (threads: string) => spawnSync(process.execPath, [bin, 'check', '.', '--format', 'json'], {
            cwd: dir, encoding: 'utf-8', env: { ...process.env, HANDREIKING_PARSE_THREADS: threads }, timeout: 170_000
        });
        const one = run('0');
        const two = run('1');
        expect(one.status).toBe(0);
        expect(two.status).toBe(one.status);
        expect(two.stderr).toBe('');
        expect(JSON.parse(two.stdout)).toEqual(JSON.parse(one.stdout));
    });

    test('by default a large guide is parsed on the main thread alone on two cores, and on the free cores of a larger machine', () => {
        const workspace = generateWorkspace(3_500);
        const dir = tempFolder('hrk-parallel-default-', {
            ...workspace.files,
            // The machine the command sees: its cores and its load average, from the environment;
            // at exit, whether Node's threads module was loaded (a parse thread needs it).
            'machine.cjs': [
                "const os = require('node:os');",
                'os.availableParallelism = () => Number(process.env.HRK_CORES);',
                'os.loadavg = () => [Number(process.env.HRK_LOAD), 0, 0];',
                "process.on('exit', () => require('node:fs').writeFileSync(process.env.HRK_THREADS_SEEN, String(process.moduleLoadList.includes('NativeModule worker_threads'))));"
            ].join('\n')
        });
        const threadsStarted = (cores: number, load: number): boolean => {
            const seen = path.join(dir, `seen-${cores}-${load}`);
            const env: NodeJS.ProcessEnv = { ...process.env, HRK_CORES: String(cores), HRK_LOAD: String(load), HRK_THREADS_SEEN: seen };
            delete env.HANDREIKING_PARSE_THREADS;
            const r = spawnSync(process.execPath, ['--require', path.join(dir, 'machine.cjs'), bin, 'check', '.'], { cwd: dir, encoding: 'utf-8', env, timeout: 170_000 });
            expect(r.status, r.stderr).toBe(0);
            return fs.readFileSync(seen, 'utf-8') === 'true';
        };
        // Two cores, the second free: a thread cost more than it saved (docs/performance.md).
        expect(threadsStarted(2, 0)).toBe(false);
        // Four cores: threads on the free ones, none when the load average says they are busy.
        expect(threadsStarted(4, 0)).toBe(true);
        expect(threadsStarted(4, 4)).toBe(false);
    });
});
