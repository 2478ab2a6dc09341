import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { HandreikingJson } from '../../language/generation/json/handreiking-json.js';
import { diagramLegend } from '../../language/i18n/provenance-words.js';
import { decodeHtmlLabel, nodeLabel, unexpectedStatements, words } from '../generation/mermaid/diagram-text.js';
import { mermaidParse } from '../support/mermaid-parse.js';
import { tempDir } from '../support/temp-dir.js';
import { handreiking } from '../support/cli.js';

/**
 * `handreiking export mermaid`: a `.mmd` file is a diagram on its own, so it draws its own
 * provenance legend — only when something in it is reconstructed or illustrative — and its nodes
 * keep their dashed and dotted classes. Read on the examples, as a reader of the files meets them.
 */

let out: string;
let json: HandreikingJson;
const mmd = (name: string) => fs.readFileSync(path.join(out, name), 'utf-8');

/** The ids in `class … <name>` lines. */
function classed(text: string, name: string): string[] {
    return text.split('\n').filter(l => l.startsWith('    class ') && l.endsWith(` ${name}`)).flatMap(l => l.split(' ')[5]!.split(','));
}

/** The decoded, whitespace-normalised label of a node. */
const shown = (text: string, id: string) => words(decodeHtmlLabel(nodeLabel(text, id) ?? ''));

beforeAll(() => {
    out = tempDir('hrk-mmd-legend-');
    const r = handreiking(['export', 'mermaid', 'examples', '-o', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(handreiking(['export', 'json', 'examples', '-o', path.join(out, 'gids.json')]).code).toBe(0);
    json = JSON.parse(fs.readFileSync(path.join(out, 'gids.json'), 'utf-8')) as HandreikingJson;
}, 120_000);

describe('export mermaid: the provenance legend', () => {
    test('a tree with reconstructed nodes: dashed nodes, a legend that says what dashed means, and the count in its description', async () => {
        const text = mmd('QuickscanBoom.mmd');
        const tree = json.trees.find(t => t.id === 'QuickscanBoom')!;
        const reconstructed = tree.nodes.flatMap((n, i) => (n.provenance?.kind === 'reconstructed' ? [`n${i}`] : []));
        expect(reconstructed.length).toBeGreaterThan(0);

        expect(text).toContain('    subgraph h0 ["Herkomst"]');
        expect(shown(text, 'h1')).toBe(diagramLegend.nl.reconstructed);
        expect(shown(text, 'h2')).toBe(diagramLegend.nl.exportHint);
        expect(classed(text, 'reconstructed').sort()).toEqual([...reconstructed, 'h1'].sort());
        expect(text).toContain('classDef reconstructed stroke-dasharray:9 4');
        // Nothing in this tree is illustrative: the legend explains only what is drawn.
        expect(text).not.toContain('Gestippelde rand');
        expect(text).toContain(`Herkomst: ${reconstructed.length} knopen gereconstrueerd; zie de legenda.`);

        await mermaidParse(text);
        expect(unexpectedStatements(text)).toEqual([]);
    });

    test('a tree with illustrative nodes explains the dotted border', () => {
        const text = mmd('OngeschikteFaciliteiten.mmd');
        expect(shown(text, 'h1')).toBe(diagramLegend.nl.illustrative);
        expect(classed(text, 'illustrative')).toContain('h1');
        expect(classed(text, 'illustrative').length).toBeGreaterThan(1);
    });

    test('a tree whose connections are reconstructed says so, with the reason, though no node is', () => {
        const text = mmd('Bewonersbeheer.mmd');
        const tree = json.trees.find(t => t.id === 'Bewonersbeheer')!;
        expect(tree.provenance?.kind).toBe('reconstructed');
        expect(shown(text, 'h1')).toBe(words(`${diagramLegend.nl.tree}: Gereconstrueerd: ${tree.provenance!.detail}`));
        expect(text).not.toMatch(/Gestreepte rand|Gestippelde rand/);
        expect(text).toContain('Herkomst: de verbindingen van deze boom zijn gereconstrueerd; zie de legenda.');
    });

    test('a tree with nothing reconstructed or illustrative has no legend', () => {
        const text = mmd('SooToets.mmd');
        expect(text).not.toContain('subgraph h0');
        expect(text).not.toContain('Herkomst');
        expect(text).not.toMatch(/^ {4}class .* (reconstructed|illustrative)$/m);
    });

    test('the funding overview has the legend too', async () => {
        const text = mmd('financiering-overzicht.mmd');
        expect(text).toContain('    subgraph h0 ["Herkomst"]');
        expect(shown(text, 'h1')).toBe(diagramLegend.nl.reconstructed);
        await mermaidParse(text);
        expect(unexpectedStatements(text)).toEqual([]);
    });
});
