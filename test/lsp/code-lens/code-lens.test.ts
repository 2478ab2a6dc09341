import { afterEach, describe, expect, test } from 'vitest';
import type { CodeLens } from 'vscode-languageserver';
import { clearAll, createTestServices, validateFiles } from '../../helpers.js';

const services = createTestServices();
afterEach(() => {
    services.i18n.Locale.lang = 'nl';
    return clearAll(services);
});

const typen = `kenmerk Schaal "Schaal" { "klein", "groot" }
typologie Huiskamer "Huiskamer" { Schaal = "klein" }
typologie Buurthuis "Buurthuis" { Schaal = "groot" }
financiering Huur "Huur" { termijn structureel voor alle typologieen }
financiering Wmo "Wmo" { termijn structureel voor Buurthuis }
financiering SOO "SOO" { termijn incidenteel voor Buurthuis }
`;
const boom = `beslisboom Boom "Boom" {
    vraag V "v?" { ja -> A nee -> B }
    advies A "a"
    advies B "b"
}
beslisboom Leeg "Zonder scenario's" { advies X "x" }
`;
const scenarios = `scenario "ja" { beslisboom Boom V: ja verwacht A }
scenario "nee" { beslisboom Boom V: nee verwacht B }
`;

async function lenses(file: string, files: Record<string, string>): Promise<Array<{ line: number; title: string; command: string; arguments?: unknown[] }>> {
    const docs = await validateFiles(services, files);
    const document = docs.get(file)!;
    const found: CodeLens[] = (await services.lsp.CodeLensProvider!.provideCodeLens(document, { textDocument: { uri: document.uri.toString() } })) ?? [];
    return found.map(l => ({ line: l.range.start.line, title: l.command!.title, command: l.command!.command, ...(l.command!.arguments ? { arguments: l.command!.arguments } : {}) }));
}

describe('code lens', () => {
    test('above each tree: the diagram, the walkthrough and the scenarios that test it (from any file)', async () => {
        expect(await lenses('boom.hrk', { 'typen.hrk': typen, 'boom.hrk': boom, 'scenarios.hrk': scenarios })).toEqual([
            { line: 0, title: 'Toon diagram', command: 'handreiking.openPreviewToSide', arguments: ['file:///ws/boom.hrk'] },
            { line: 0, title: 'Doorlopen', command: 'handreiking.walkthrough', arguments: ['file:///ws/boom.hrk', 'Boom'] },
            { line: 0, title: "2 scenario's", command: 'handreiking.runScenarios' },
            { line: 5, title: 'Toon diagram', command: 'handreiking.openPreviewToSide', arguments: ['file:///ws/boom.hrk'] },
            { line: 5, title: 'Doorlopen', command: 'handreiking.walkthrough', arguments: ['file:///ws/boom.hrk', 'Leeg'] },
            { line: 5, title: "0 scenario's", command: 'handreiking.runScenarios' }
        ]);
    });

    test('above each typology: how many funding sources apply, and which are structural', async () => {
        expect(await lenses('typen.hrk', { 'typen.hrk': typen })).toEqual([
            { line: 1, title: '1 financieringsbron (structureel: Huur)', command: 'handreiking.noop' },
            { line: 2, title: '3 financieringsbronnen (structureel: Huur, Wmo)', command: 'handreiking.noop' }
        ]);
    });

    test('a typology without structural funding says so', async () => {
        const text = 'typologie T "t" { }\nfinanciering F "f" { termijn incidenteel voor T }';
        expect((await lenses('t.hrk', { 't.hrk': text })).map(l => l.title)).toEqual(['1 financieringsbron (structureel: geen)']);
    });

    test('in English', async () => {
        services.i18n.Locale.lang = 'en';
        const found = await lenses('boom.hrk', { 'typen.hrk': typen, 'boom.hrk': boom, 'scenarios.hrk': scenarios });
        expect(found.slice(0, 3).map(l => l.title)).toEqual(['Show diagram', 'Walk through', '2 scenarios']);
        await clearAll(services);
        expect((await lenses('typen.hrk', { 'typen.hrk': typen }))[1].title).toBe('3 funding sources (structural: Huur, Wmo)');
    });
});
