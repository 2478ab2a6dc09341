import { afterEach, describe, expect, test } from 'vitest';
import { parseDocument } from 'langium/test';
import { clearAll, createTestServices } from '../../helpers.js';

const services = createTestServices();
const configuration = services.shared.workspace.ConfigurationProvider;
afterEach(() => {
    configuration.updateConfiguration({ settings: { handreiking: {} } });
    return clearAll(services);
});

const tree = `beslisboom Boom "Boom" {
    vraag Stabiel "Is de bewonersbeheergroep al jaren stabiel en actief?" {
        ja  -> Door
        nee -> Trekkers
    }
    stap Trekkers "Zoek nieuwe trekkers" -> Door
    advies Door "Ga door" { daarna -> Slot }
    advies Slot "Klaar"
    advies Los "Niet verwezen" { zie Boom.Stabiel }
}
`;

async function hints(text: string) {
    const document = await parseDocument(services, text);
    const found = await services.lsp.InlayHintProvider!.getInlayHints(document, {
        textDocument: { uri: document.uri.toString() },
        range: { start: { line: 0, character: 0 }, end: document.textDocument.positionAt(text.length) }
    }) ?? [];
    return found.map(h => {
        const line = text.split('\n')[h.position.line];
        return { after: line.slice(0, h.position.character).trimStart(), label: h.label, tooltip: h.tooltip };
    });
}

describe('inlay hints', () => {
    test('after each arrow, the start of the target’s text (answers, a step’s next node, daarna)', async () => {
        expect(await hints(tree)).toEqual([
            { after: 'ja  -> Door', label: '“Ga door”', tooltip: 'advies Door: Ga door' },
            { after: 'nee -> Trekkers', label: '“Zoek nieuwe trekkers”', tooltip: 'stap Trekkers: Zoek nieuwe trekkers' },
            { after: 'stap Trekkers "Zoek nieuwe trekkers" -> Door', label: '“Ga door”', tooltip: 'advies Door: Ga door' },
            { after: 'advies Door "Ga door" { daarna -> Slot', label: '“Klaar”', tooltip: 'advies Slot: Klaar' }
        ]);
    });

    test('a long text is cut at a word with an ellipsis', async () => {
        const found = await hints(tree.replace('ja  -> Door', 'ja  -> Stabiel2').replace('advies Slot "Klaar"', 'advies Slot "Klaar"\n    advies Stabiel2 "Is de bewonersbeheergroep al jaren stabiel en actief?"'));
        expect(found[0]).toMatchObject({ after: 'ja  -> Stabiel2', label: '“Is de bewonersbeheergroep al…”' });
    });

    test('an unresolved arrow gets no hint', async () => {
        expect((await hints(tree.replace('nee -> Trekkers', 'nee -> Onbekend'))).map(h => h.after)).not.toContain('nee -> Onbekend');
    });

    test('the setting handreiking.inlayHints.enabled = false turns them off, and true on again', async () => {
        configuration.updateConfiguration({ settings: { handreiking: { inlayHints: { enabled: false } } } });
        expect(await hints(tree)).toEqual([]);
        configuration.updateConfiguration({ settings: { handreiking: { inlayHints: { enabled: true } } } });
        expect(await hints(tree)).toHaveLength(4);
    });
});
