import * as fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DidOpenTextDocumentNotification } from 'vscode-languageserver-protocol/node';
import type { HandreikingJson } from '../../language/generation/json/handreiking-json.js';
import type { ExportedFile } from '../../language/export/exported-file.js';
import type { PreviewData } from '../../language/lsp/protocol.js';
import { sourceLocation } from '../../extension/src/preview/source-location.js';
import { URI } from 'langium';
import { fileName } from '../../language/generation/json/export-json.js';
import { LspSession, serverBundle } from './resilience/lsp-session.js';

/**
 * Documents by URI, on any drive: the bundled server, given documents with Windows URIs (as VS Code
 * on Windows sends them), names each document so that a click in the preview opens that document
 * and the export of one file holds that file's trees. A name rebuilt against the root `/` lost the
 * drive letter.
 */

const gidsUri = 'file:///c%3A/Users/x/gids.hrk';
const typenUri = 'file:///d%3A/Gedeeld/typen.hrk';

const gids = `beslisboom Boom "Boom" {
    vraag V "Stabiel?" {
        ja  -> A
        nee -> B
    }
    advies A "Ga door"
    advies B "Stop"
}
scenario "nee leidt tot stop" {
    beslisboom Boom
    V: nee
    verwacht B
}
`;

const typen = `kenmerk Schaal "Schaal" { "klein", "groot" }
typologie Huiskamer "Huiskamer" { Schaal = "klein" }
financiering Huur "Huur" { termijn structureel voor Huiskamer }
`;

describe('Windows URIs in the preview and the export of one file', () => {
    let session: LspSession;
    let data: PreviewData;

    beforeAll(async () => {
        expect(fs.existsSync(serverBundle), 'run `node scripts/bundle-extension.mjs --only server` first').toBe(true);
        session = await LspSession.start({});
        for (const [uri, text] of [[typenUri, typen], [gidsUri, gids]]) {
            await session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'handreiking', version: 1, text } });
        }
        await session.diagnosticsWhere(gidsUri, d => d.filter(x => x.severity === 1).length === 0, 'gids.hrk checked');
        const answer = await session.request<PreviewData | null>('handreiking/previewData', { uri: gidsUri });
        expect(answer.ok && answer.value).toBeTruthy();
        data = (answer as { ok: true; value: PreviewData }).value;
    });
    afterAll(() => session?.stop());

    test('a click on a funding rule or typology opens its own document, drive letter and all', () => {
        const [huur] = data.funding.model.funding;
        const [huiskamer] = data.funding.model.typologies;
        expect(sourceLocation(data, huur.source)).toEqual({ uri: typenUri, line: 2, character: 0 });
        expect(sourceLocation(data, huiskamer.source)).toEqual({ uri: typenUri, line: 1, character: 0 });
        // The tree is in the previewed document itself.
        expect(sourceLocation(data, data.trees[0].tree.source)?.uri).toBe(gidsUri);
        expect(data.uri).toBe(gidsUri);
    });

    test('the file names keep the drive letter', () => {
        expect(data.trees[0].tree.source.file).toBe('c:/Users/x/gids.hrk');
        expect(data.funding.model.funding[0].source.file).toBe('d:/Gedeeld/typen.hrk');
    });

    test('the export of one file holds that file\'s trees and scenarios, and the shared elements', async () => {
        const exported = async (uri: string) => {
            const answer = await session.request<Array<ExportedFile<string>>>('handreiking/export', { format: 'json', uri });
            expect(answer.ok).toBe(true);
            return JSON.parse((answer as { ok: true; value: Array<ExportedFile<string>> }).value[0].content) as HandreikingJson;
        };
        const ofGids = await exported(gidsUri);
        expect(ofGids.trees.map(t => t.id)).toEqual(['Boom']);
        expect(ofGids.scenarios.map(s => s.name)).toEqual(['nee leidt tot stop']);
        expect(ofGids.typologies.map(t => t.id)).toEqual(['Huiskamer']);
        const ofTypen = await exported(typenUri);
        expect(ofTypen.trees).toEqual([]);
        expect(ofTypen.funding.map(f => f.id)).toEqual(['Huur']);
    });
});

describe('sourceLocation', () => {
    const source = { file: 'c:/Users/x/gids.hrk', line: 3, column: 5, endLine: 3, endColumn: 9 };

    test('a file the data does not name opens nothing, whatever its name', () => {
        expect(sourceLocation({ documents: {} }, source)).toBeUndefined();
        expect(sourceLocation({ documents: {} }, { ...source, file: '__proto__' })).toBeUndefined();
        expect(sourceLocation({ documents: JSON.parse('{"__proto__": "file:///x"}') as Record<string, string> }, { ...source, file: 'toString' })).toBeUndefined();
    });

    test('lines and columns become 0-based', () => {
        expect(sourceLocation({ documents: { [source.file]: gidsUri } }, source)).toEqual({ uri: gidsUri, line: 2, character: 4 });
    });
});

describe('the file names of an export from the editor', () => {
    test('are below the workspace folder, as the CLI run there names them; a document elsewhere keeps its whole path', async () => {
        const session = await LspSession.start({ 'hoofdstuk.hrk': 'hoofdstuk H "Een hoofdstuk"\n', 'map/typen.hrk': typen });
        try {
            await session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: gidsUri, languageId: 'handreiking', version: 1, text: gids } });
            await session.diagnosticsWhere(gidsUri, d => d.filter(x => x.severity === 1).length === 0, 'gids.hrk checked');
            const answer = await session.request<Array<ExportedFile<string>>>('handreiking/export', { format: 'json' });
            expect(answer.ok).toBe(true);
            const json = JSON.parse((answer as { ok: true; value: Array<ExportedFile<string>> }).value[0].content) as HandreikingJson;
            expect(json.chapters.map(c => c.source.file)).toEqual(['hoofdstuk.hrk']);
            expect(json.typologies.map(t => t.source.file)).toEqual(['map/typen.hrk']);
            // No path of the machine's folders: the workspace folder is a temporary one.
            expect(JSON.stringify(json)).not.toContain(session.folder.replace(/^\//, ''));
            expect(json.trees.map(t => t.source.file)).toEqual(['c:/Users/x/gids.hrk']);
            // The preview still names documents by their whole paths (it finds them back by them).
            const preview = await session.request<PreviewData | null>('handreiking/previewData', { uri: session.uri('map/typen.hrk') });
            expect(preview.ok && preview.value?.funding.model.typologies[0].source.file).toBe(`${session.folder.replace(/^\//, '')}/map/typen.hrk`);
        } finally {
            await session.stop();
        }
    });

    test('fileName below a folder URI of any scheme (VS Code for the web), and not past its edge', () => {
        const folder = URI.parse('vscode-remote://host/home/anna/gids');
        expect(fileName(URI.parse('vscode-remote://host/home/anna/gids/a/b.hrk'), folder)).toBe('a/b.hrk');
        expect(fileName(URI.parse('vscode-remote://host/home/anna/gidsen/b.hrk'), folder)).toBe('home/anna/gidsen/b.hrk');
        expect(fileName(URI.parse('vscode-remote://elders/home/anna/gids/b.hrk'), folder)).toBe('home/anna/gids/b.hrk');
        expect(fileName(URI.parse('file:///examples/kenmerken.hrk'), URI.parse('file:///examples/'))).toBe('kenmerken.hrk');
    });
});
