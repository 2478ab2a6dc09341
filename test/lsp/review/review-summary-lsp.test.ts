import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { ReviewSummaryRequest, type ReviewSummary } from '../../../language/lsp/protocol.js';
import { git } from '../../support/git-repo.js';
import { LspSession, root } from '../resilience/lsp-session.js';
import { handreikingBin as bin } from '../../support/cli.js';

/**
 * The request behind the extension's "Markdown summary" command, through the real server bundle:
 * the working copy as the editor holds it against git HEAD gives the same Markdown as
 * `handreiking diff HEAD --format markdown` on the same files. Run `node scripts/bundle-extension.mjs --only server` first.
 */

const fixtures = path.join(root, 'test/review/fixtures/bewoners');
const read = (version: string, file: string) => fs.readFileSync(path.join(fixtures, version, file), 'utf-8');

let session: LspSession | undefined;
afterEach(async () => {
    await session?.stop();
    session = undefined;
});

async function summary(s: LspSession): Promise<ReviewSummary> {
    const outcome = await s.request<ReviewSummary>(ReviewSummaryRequest.method, { folder: s.uri('') .replace(/\/$/, '') });
    if (!outcome.ok) throw outcome.error;
    return outcome.value;
}

describe('the Markdown summary of the working copy against HEAD', () => {
    test('is the Markdown of handreiking diff HEAD --format markdown, unsaved edits included', async () => {
        session = await LspSession.start({ 'gids.hrk': read('v1', 'gids.hrk'), 'scenarios.hrk': read('v1', 'scenarios.hrk') });
        git(session.folder, ['init', '-q']);
        git(session.folder, ['add', '-A']);
        git(session.folder, ['commit', '-q', '-m', 'eerste versie']);
        const uri = await session.open('gids.hrk', read('v1', 'gids.hrk'));
        await session.diagnosticsWhere(uri, () => true, 'the first diagnostics');
        expect(await summary(session)).toEqual({ markdown: expect.stringContaining('Geen wijzigingen voor een lezer.') });

        // Edited in the editor, not saved: the server's documents are the working copy.
        await session.change(uri, 2, read('v2', 'gids.hrk'));
        // The scenarios name a node the edit renamed: once they are reported, the edit is built.
        await session.diagnosticsWhere(session.uri('scenarios.hrk'), d => d.some(x => x.code === 'HRK040'), 'the edit validated');
        const fromServer = await summary(session);
        // The same text on disk, and the command line's report of it.
        fs.writeFileSync(path.join(session.folder, 'gids.hrk'), read('v2', 'gids.hrk'));
        const cli = spawnSync(process.execPath, [bin, 'diff', 'HEAD', '--format', 'markdown'], { cwd: session.folder, encoding: 'utf-8' });
        expect(cli.status).toBe(1);
        expect(fromServer).toEqual({ markdown: cli.stdout });
        expect(cli.stdout).toContain('- `SOO` geldt niet meer voor `Woonvorm`\n');
    });

    test('outside a git repository: a message saying so', async () => {
        session = await LspSession.start({ 'gids.hrk': read('v1', 'gids.hrk') });
        const result = await summary(session);
        expect('error' in result && result.error).toMatch(/^‘HEAD’ is geen bestand of map, en .* is geen git-repository/);
    });
});
