import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { MAX_SOURCE_BYTES } from '../../../language/files/source-limits.js';
import { LspSession } from './lsp-session.js';

/**
 * The language server reads the workspace's files as the command line does: a file over 16 MB, a
 * FIFO or a link to a device becomes an empty document whose diagnostic says why, a link to a
 * regular file is read, and bad bytes are reported as by `handreiking check`. With Langium's own
 * file system a file of any size was read and parsed whole, and every link was left out in silence.
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
    // A link to a file in a folder the scan skips (its name starts with a dot), so it is read once.
    fs.mkdirSync(path.join(folder, '.elders'));
    fs.writeFileSync(path.join(folder, '.elders', 'ander.hrk'), good.replace('hoofdstuk H ', 'hoofdstuk H2 '));
    fs.symlinkSync(path.join(folder, '.elders', 'ander.hrk'), path.join(folder, 'koppeling.hrk'));
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
        expect(await onlyProblem(session, 'pijp.hrk', 'the FIFO refused')).toMatch(/^pijp\.hrk is geen gewoon bestand maar een named pipe \(FIFO\), en is niet gelezen\./);
        expect(await onlyProblem(session, 'nul.hrk', 'the link to a device refused')).toMatch(/^nul\.hrk is geen gewoon bestand maar een apparaat, en is niet gelezen\./);
        expect(await onlyProblem(session, 'utf16.hrk', 'UTF-16 said')).toMatch(/UTF-16/);
        // The workspace is ready: a request about the good file is answered, with its chapter.
        const symbols = await session.request<Array<{ name: string }>>('textDocument/documentSymbol', { textDocument: { uri: session.uri('goed.hrk') } });
        expect(symbols.ok && symbols.value.map(s => s.name)).toEqual(['H']);
        // The link to a regular file is read: its chapter is there.
        const linked = await session.request<Array<{ name: string }>>('textDocument/documentSymbol', { textDocument: { uri: session.uri('koppeling.hrk') } });
        expect(linked.ok && linked.value.map(s => s.name)).toEqual(['H2']);
        expect(session.alive).toBe(true);
    });

    test('a text over 16 MB opened in the editor is not parsed: its error says so, and the server answers at once', async () => {
        session = await LspSession.start({ 'goed.hrk': good });
        // A million chapters, each a name of its own: parsed, linked and checked, they would hold the server for minutes.
        const lines: string[] = [];
        let size = 0;
        for (let i = 0; size <= MAX_SOURCE_BYTES; i++) {
            const line = `hoofdstuk H${i} "Hoofdstuk"\n`;
            lines.push(line);
            size += line.length;
        }
        const uri = await session.open('veel.hrk', lines.join(''));
        const [diagnostic] = await session.diagnosticsWhere(uri, d => d.length > 0, 'the large text refused');
        expect(diagnostic.message).toBe('veel.hrk is groter dan 16 MB en is niet gecontroleerd: een .hrk-bestand mag hoogstens 16 MB zijn. Verdeel de tekst over meer bestanden.');
        const symbols = await session.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } }, 30_000);
        expect(symbols.ok && symbols.value).toEqual([]);
        // Back to a small text: checked as usual.
        await session.change(uri, 2, good);
        await session.diagnosticsWhere(uri, d => d.length === 0 || !String(d[0].message).includes('niet gecontroleerd'), 'the small text checked');
    });

    test('a refused file opened in the editor is checked with the text the editor gives, without the refusal', async () => {
        session = await LspSession.start({}, {}, undefined, undefined, unreadable);
        await onlyProblem(session, 'groot.hrk', 'the large file refused');
        const uri = await session.open('groot.hrk', 'hoofdstuk H "Een hoofdstuk" {\n    herkomst: handreiking\n}\nhoofdstuk H "Nog eens"\n');
        const diagnostics = await session.diagnosticsWhere(uri, d => d.some(x => x.code === 'HRK001'), 'the opened text checked');
        expect(diagnostics.map(d => d.message).join('\n')).not.toMatch(/niet gelezen/);
    });
});
