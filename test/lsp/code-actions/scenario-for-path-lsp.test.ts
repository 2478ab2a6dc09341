import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import type { CodeAction, Range, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspSession } from '../resilience/lsp-session.js';
import { handreikingBin as bin } from '../../support/cli.js';

/**
 * "Maak een scenario voor dit pad" through the real language server bundle (dist/server.cjs) and a
 * protocol client: the action on an answer and on an advice that no scenario reaches, the scenario
 * it writes (as the examples write them), and that scenario run by the command line: it passes, and
 * the gap is gone. Run `node scripts/bundle-extension.mjs --only server` first.
 */

const guide = `beslisboom Bewoners "Bewonersbeheer" {
    vraag Stabiel "Is de groep stabiel?" {
        ja  -> Door
        nee -> Onenigheid
    }
    vraag Onenigheid "Is er onenigheid?" {
        ja  -> Bemiddeling
        nee -> Vergrijzing
    }
    vraag Vergrijzing "Is er vergrijzing?" {
        antwoord "ja, \\"sterk\\"" -> Senioren
        nee -> Gesprek
    }
    advies Bemiddeling "Zet buurtbemiddeling in" {
        daarna -> Gesprek
    }
    advies Senioren "Richt de ruimte in voor senioren"
    advies Gesprek "Ga in gesprek"
    advies Door "Ga zo door"
}
`;

const scenarios = `// De scenario's van Bewonersbeheer.

scenario "Bewoners: stabiel" {
    beslisboom Bewoners
    Stabiel: ja
    verwacht Door
}
`;

let session: LspSession | undefined;
afterEach(async () => {
    await session?.stop();
    session = undefined;
});

/** The range of the first occurrence of `text` in `document` (after `after`, when given). */
function rangeOf(document: string, text: string, after = ''): Range {
    const offset = document.indexOf(text, document.indexOf(after));
    const doc = TextDocument.create('file:///x', 'handreiking', 1, document);
    return { start: doc.positionAt(offset), end: doc.positionAt(offset) };
}

async function actionsAt(s: LspSession, uri: string, range: Range): Promise<CodeAction[]> {
    const outcome = await s.request<CodeAction[] | null>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } });
    if (!outcome.ok) throw outcome.error;
    return outcome.value ?? [];
}

/** Applies the action's edits to the files on disk, as the editor would. */
function apply(action: CodeAction): void {
    for (const [uri, edits] of Object.entries(action.edit?.changes ?? {})) {
        const file = fileURLToPath(uri);
        const document = TextDocument.create(uri, 'handreiking', 1, fs.readFileSync(file, 'utf-8'));
        fs.writeFileSync(file, TextDocument.applyEdits(document, edits as TextEdit[]));
    }
}

function handreikingTest(folder: string) {
    return spawnSync(process.execPath, [bin, 'test', '.', '--dekking'], { cwd: folder, encoding: 'utf-8' });
}

describe('code action: a scenario for a path no scenario checks', () => {
    test('on an uncovered answer: the scenario along the shortest path, with langs, below the tree\'s last scenario; it runs and passes', async () => {
        session = await LspSession.start({ 'gids.hrk': guide, 'scenarios/bewoners.hrk': scenarios });
        const uri = await session.open('gids.hrk', guide);
        await session.diagnosticsWhere(uri, () => true, 'the first diagnostics');

        const actions = await actionsAt(session, uri, rangeOf(guide, 'ja  -> Bemiddeling'));
        const action = actions.find(a => a.title.startsWith('Maak een scenario voor dit pad'));
        expect(action?.title).toBe('Maak een scenario voor dit pad: Stabiel: nee → Onenigheid: ja → Bemiddeling → Gesprek');
        expect(action?.kind).toBe('refactor.rewrite');
        expect(Object.keys(action!.edit!.changes!)).toEqual([session.uri('scenarios/bewoners.hrk')]);
        apply(action!);
        expect(fs.readFileSync(path.join(session.folder, 'scenarios/bewoners.hrk'), 'utf-8')).toBe(scenarios.replace(/\n$/, '') + `

scenario "Bewoners: Stabiel nee, Onenigheid ja" {
    beslisboom Bewoners
    Stabiel: nee
    Onenigheid: ja
    langs Bemiddeling
    verwacht Gesprek
}
`);
        const run = handreikingTest(session.folder);
        expect(run.stdout).toContain('✓ Bewoners: Stabiel nee, Onenigheid ja (Bewoners → Gesprek)');
        expect(run.stdout).not.toContain('niet gedekt: ‘Onenigheid’ ja');
        expect(run.status).toBe(0);
    });

    test('on an uncovered advice: a quoted answer label is written back quoted and escaped', async () => {
        session = await LspSession.start({ 'gids.hrk': guide, 'scenarios/bewoners.hrk': scenarios });
        const uri = await session.open('gids.hrk', guide);
        await session.diagnosticsWhere(uri, () => true, 'the first diagnostics');
        const actions = await actionsAt(session, uri, rangeOf(guide, 'Senioren "Richt'));
        const action = actions.find(a => a.title.startsWith('Maak een scenario voor dit pad'));
        expect(action?.title).toBe('Maak een scenario voor dit pad: Stabiel: nee → Onenigheid: nee → Vergrijzing: ja, "sterk" → Senioren');
        apply(action!);
        expect(fs.readFileSync(path.join(session.folder, 'scenarios/bewoners.hrk'), 'utf-8')).toContain(`
scenario "Bewoners: Stabiel nee, Onenigheid nee, Vergrijzing ja, \\"sterk\\"" {
    beslisboom Bewoners
    Stabiel: nee
    Onenigheid: nee
    Vergrijzing: "ja, \\"sterk\\""
    verwacht Senioren
}
`);
        const run = handreikingTest(session.folder);
        expect(run.stdout).toContain('✓ Bewoners: Stabiel nee, Onenigheid nee, Vergrijzing ja, "sterk" (Bewoners → Senioren)');
        expect(run.stdout).not.toContain('niet gedekt: advies ‘Senioren’');
    });

    test('not offered on an answer a scenario already reaches; for a tree without scenarios, the scenario goes at the end of its file', async () => {
        session = await LspSession.start({ 'gids.hrk': guide, 'scenarios/bewoners.hrk': scenarios });
        const uri = await session.open('gids.hrk', guide);
        await session.diagnosticsWhere(uri, () => true, 'the first diagnostics');
        const covered = await actionsAt(session, uri, rangeOf(guide, 'ja  -> Door'));
        expect(covered.filter(a => a.title.startsWith('Maak een scenario'))).toEqual([]);

        await session.stop();
        session = await LspSession.start({ 'gids.hrk': guide });
        const alone = await session.open('gids.hrk', guide);
        await session.diagnosticsWhere(alone, () => true, 'the first diagnostics');
        const actions = await actionsAt(session, alone, rangeOf(guide, 'ja  -> Door'));
        const action = actions.find(a => a.title.startsWith('Maak een scenario voor dit pad'));
        expect(action).toBeDefined();
        const edits = action!.edit!.changes![alone];
        expect(edits).toHaveLength(1);
        expect(edits[0].newText).toBe('\nscenario "Bewoners: Stabiel ja" {\n    beslisboom Bewoners\n    Stabiel: ja\n    verwacht Door\n}\n');
        expect(edits[0].range.start).toEqual({ line: guide.split('\n').length - 1, character: 0 });
    });
});
