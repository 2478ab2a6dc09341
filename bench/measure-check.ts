/**
 * One `check` of a workspace in a fresh process, so that its peak memory is its own: parse, link
 * and validate with every category (the slow, workspace-wide checks included), as the CLI does.
 * The services are the CLI's (batch mode: no reference index). Prints one JSON line: { ms, maxRssMB, files, diagnostics }.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { batchMode } from '../language/cli/load-workspace.js';
import { createHandreikingServices } from '../language/handreiking-module.js';

function hrkFiles(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e =>
        e.isDirectory() ? hrkFiles(path.join(dir, e.name)) : e.name.endsWith('.hrk') ? [path.join(dir, e.name)] : []);
}

const dir = process.argv[2];
const texts = hrkFiles(dir).map(file => ({ file, text: fs.readFileSync(file, 'utf-8') }));
const start = performance.now();
const { shared } = createHandreikingServices(NodeFileSystem, { language: batchMode });
const documents = texts.map(({ file, text }) => {
    const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(file));
    shared.workspace.LangiumDocuments.addDocument(document);
    return document;
});
await shared.workspace.DocumentBuilder.build(documents, { validation: true });
const elapsed = performance.now() - start;
const diagnostics = documents.reduce((n, d) => n + (d.diagnostics?.length ?? 0), 0);
process.stdout.write(JSON.stringify({ ms: elapsed, maxRssMB: process.resourceUsage().maxRSS / 1024, files: documents.length, diagnostics }) + '\n');
