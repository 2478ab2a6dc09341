import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { MAX_SOURCE_BYTES } from '../../../language/files/source-limits.js';
import { LspSession } from './lsp-session.js';

/**
 * The language server reads the workspace's files as the command line does: a file over 16 MB (or
 * one it cannot read) becomes an empty document whose diagnostic says why, and bad bytes are
 * reported as by `handreiking check`. With Langium's own file system a file of any size was read
 * and parsed whole. A FIFO or a link to a device is not even looked at: Langium's scan of the
 * folder takes only entries that are regular files.
 */

const good = 'hoofdstuk H "Een hoofdstuk" {\n    herkomst: handreiking\n}\n';
let session: LspSession | undefined;
afterEach(async () => { await session?.stop(); session = undefined; });

/** The folder's files the server must refuse, made in place (a sparse file takes no disk). */
function unreadable(folder: string): void {
    const large = fs.openSync(path.join(folder, 'groot.hrk'), 'w');
    fs.ftruncateSync(large, MAX_SOURCE_BYTES + 1);
    fs.closeSync(large);
    expect(spawnSync('mkfifo', [path.join(folder, 'pijp.hrk')]).status).toBe(0);
    fs.symlinkSync('/dev/zero', path.join(folder, 'nul.hrk'));
    // UTF-16 with a BOM, as Windows' Notepad once saved.
    fs.writeFileSync(path.join(folder, 'utf16.hrk'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(good, 'utf16le')]));
}

const onlyProblem = async (s: LspSession, name: string, what: string) => {
    const diagnostics = await s.diagnosticsWhere(s.uri(name), d => d.length > 0, what);
    expect(diagnostics, name).toHaveLength(1);
    expect(diagnostics[0].severity).toBe(DiagnosticSeverity.Error);
    expect(diagnostics[0].range.start).toEqual({ line: 0, character: 0 });
    return diagnostics[0].message;
};

describe('files the language server does not read', () => {
    test('are named with the reason, in Dutch, and the rest of the workspace works', async () => {
        session = await LspSession.start({ 'goed.hrk': good }, {}, undefined, undefined, unreadable);
        expect(await onlyProblem(session, 'groot.hrk', 'the large file refused'))
            .toBe('groot.hrk is te groot (16,0 MB) en is niet gelezen: een .hrk-bestand mag hoogstens 16 MB zijn. Verdeel de tekst over meer bestanden.');
        expect(await onlyProblem(session, 'utf16.hrk', 'UTF-16 said')).toMatch(/UTF-16/);
        // The workspace is ready: a request about the good file is answered, with its chapter.
        const symbols = await session.request<Array<{ name: string }>>('textDocument/documentSymbol', { textDocument: { uri: session.uri('goed.hrk') } });
        expect(symbols.ok && symbols.value.map(s => s.name)).toEqual(['H']);
        // The FIFO and the link to /dev/zero were never read: no document, no diagnostics, no hang.
        expect(session.latest(session.uri('pijp.hrk'))).toBeUndefined();
        expect(session.latest(session.uri('nul.hrk'))).toBeUndefined();
        expect(session.alive).toBe(true);
    });

    test('a refused file opened in the editor is checked with the text the editor gives, without the refusal', async () => {
        session = await LspSession.start({}, {}, undefined, undefined, unreadable);
        await onlyProblem(session, 'groot.hrk', 'the large file refused');
        const uri = await session.open('groot.hrk', 'hoofdstuk H "Een hoofdstuk" {\n    herkomst: handreiking\n}\nhoofdstuk H "Nog eens"\n');
        const diagnostics = await session.diagnosticsWhere(uri, d => d.some(x => x.code === 'HRK001'), 'the opened text checked');
        expect(diagnostics.map(d => d.message).join('\n')).not.toMatch(/niet gelezen/);
    });
});
