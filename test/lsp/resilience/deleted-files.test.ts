import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI } from 'langium';
import { describe, expect, test } from 'vitest';
import { createHandreikingServices } from '../../../language/handreiking-module.js';
import { MAX_SOURCE_BYTES } from '../../../language/files/source-limits.js';
import { SourceFileSystemProvider } from '../../../language/lsp/source-file-system.js';
import { tempFolder } from '../../support/temp-dir.js';

/**
 * The language server's file system remembers, per file, why it refused it and the text of a file
 * with bad bytes (up to 16 MB). A file deleted from the workspace must not stay in that memory
 * until the server stops: the builder's update forgets it, as the server wires it (start-server.ts).
 */
describe('the server forgets what it read of a deleted file', () => {
    test('a refused file and a file with bad bytes, deleted: nothing of them is kept', async () => {
        const folder = tempFolder('hrk-deleted-', { 'latin1.hrk': Buffer.from('hoofdstuk H "Caf\xe9" {}\n', 'latin1') });
        const large = fs.openSync(path.join(folder, 'groot.hrk'), 'w');
        fs.ftruncateSync(large, MAX_SOURCE_BYTES + 1);
        fs.closeSync(large);

        const files = new SourceFileSystemProvider();
        const { shared } = createHandreikingServices({ fileSystemProvider: () => files });
        files.forgetDeletedFiles(shared);
        const latin1 = URI.file(path.join(folder, 'latin1.hrk'));
        const groot = URI.file(path.join(folder, 'groot.hrk'));
        // Read as the workspace reads them when it starts.
        const documents = shared.workspace.LangiumDocuments;
        const text = (await documents.getOrCreateDocument(latin1)).textDocument.getText();
        expect((await documents.getOrCreateDocument(groot)).textDocument.getText()).toBe('');
        expect(files.bytesProblemOf(latin1.toString(), text, 'nl')?.message).toMatch(/UTF-8/);
        expect(files.refusalOf(groot.toString())).toBeDefined();

        // What the editor's watcher reports when the folder is removed: its documents go, and with
        // them what the file system knew of them.
        await shared.workspace.DocumentBuilder.update([], [URI.file(folder)]);
        expect(documents.all.count()).toBe(0);
        expect(files.bytesProblemOf(latin1.toString(), text, 'nl')).toBeUndefined();
        expect(files.refusalOf(groot.toString())).toBeUndefined();
    });
});
