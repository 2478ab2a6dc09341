import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { CoverageRequest, PreviewCompareRequest, PreviewRequest, type PreviewData, type TreeCoverageReport } from '../../../language/lsp/protocol.js';
import { LspSession, root } from '../resilience/lsp-session.js';

/**
 * The preview's coverage overlay, its comparison and the Testing view's coverage, through the real
 * server bundle: what the extension asks, and what the page and VS Code then draw. Run
 * `node scripts/bundle-extension.mjs --only server` first.
 */

const fixtures = path.join(root, 'test/review/fixtures/bewoners');
const read = (version: string, file: string) => fs.readFileSync(path.join(fixtures, version, file), 'utf-8');

let session: LspSession | undefined;
afterEach(async () => {
    await session?.stop();
    session = undefined;
});

async function ask<T>(s: LspSession, method: string, params: unknown): Promise<T> {
    const outcome = await s.request<T>(method, params);
    if (!outcome.ok) throw outcome.error;
    return outcome.value;
}

async function opened(): Promise<{ s: LspSession; uri: string }> {
    const s = await LspSession.start({ 'gids.hrk': read('v1', 'gids.hrk'), 'scenarios.hrk': read('v1', 'scenarios.hrk') });
    session = s;
    const uri = await s.open('gids.hrk', read('v2', 'gids.hrk'));
    await s.diagnosticsWhere(uri, () => true, 'the first diagnostics');
    return { s, uri };
}

describe('the preview\'s review features through the server', () => {
    test('coverage comes with the preview only when asked for, with the figures of the Testing view', async () => {
        const { s, uri } = await opened();
        const plain = await ask<PreviewData>(s, PreviewRequest.method, { uri });
        expect(plain.trees[0].coverage).toBeUndefined();
        const withCoverage = await ask<PreviewData>(s, PreviewRequest.method, { uri, coverage: true });
        const coverage = withCoverage.trees[0].coverage!;
        expect(coverage.answers.total).toBeGreaterThan(coverage.answers.covered);

        const reports = await ask<TreeCoverageReport[]>(s, CoverageRequest.method, {});
        const report = reports.find(r => r.tree === withCoverage.trees[0].tree.id)!;
        expect(report.uri).toBe(uri);
        expect(report.answers).toEqual(coverage.answers);
        expect(report.advices).toEqual(coverage.advices);
        // Each answer item is where it is written, and the uncovered ones are the overlay's dashed ones.
        const gaps = report.items.filter(i => i.kind === 'answer' && !i.covered).map(i => ({ node: i.node, answer: i.answer }));
        expect(gaps).toEqual(coverage.uncoveredAnswers);
        expect(report.items.filter(i => i.kind === 'advice' && !i.covered).map(i => i.node)).toEqual(coverage.uncoveredAdvices);
        const lines = read('v2', 'gids.hrk').split('\n');
        const first = report.items.find(i => i.kind === 'answer')!;
        expect(lines[first.range.start.line].slice(first.range.start.character)).toMatch(/^(ja|nee|antwoord)/);
    });

    test('"Vergelijk met …": the old files in, a comparison in every preview after; a version that does not parse says so', async () => {
        const { s, uri } = await opened();
        const files = [{ file: 'gids.hrk', text: read('v1', 'gids.hrk') }, { file: 'scenarios.hrk', text: read('v1', 'scenarios.hrk') }];
        const folder = s.uri('').replace(/\/$/, '');
        expect(await ask(s, PreviewCompareRequest.method, { uri, against: { label: 'HEAD', root: folder, files } })).toEqual({});
        const data = await ask<PreviewData>(s, PreviewRequest.method, { uri });
        const comparison = data.trees[0].comparison!;
        expect(comparison.against).toBe('HEAD');
        expect(comparison.added.length + comparison.removed.length + comparison.reworded.length + comparison.edges.length).toBeGreaterThan(0);
        expect(comparison.behaviour.length).toBeGreaterThan(0);

        const broken = await ask<{ error?: string }>(s, PreviewCompareRequest.method, { uri, against: { label: 'main', root: folder, files: [{ file: 'gids.hrk', text: 'beslisboom {' }] } });
        expect(broken.error).toMatch(/main/);

        expect(await ask(s, PreviewCompareRequest.method, { uri })).toEqual({});
        expect((await ask<PreviewData>(s, PreviewRequest.method, { uri })).trees[0].comparison).toBeUndefined();
    });
});
