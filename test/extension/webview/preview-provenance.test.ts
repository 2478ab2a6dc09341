import { describe, expect, test } from 'vitest';
import type { ProvenanceJson, SourceJson, TreeJson } from '../../../language/generation/json/handreiking-json.js';
import { fundingOverviewMermaid } from '../../../language/generation/mermaid/funding-mermaid.js';
import { treeToMermaid, type MermaidDiagram } from '../../../language/generation/mermaid/tree-mermaid.js';
import { previewData, idsOf } from './preview-data.js';
import { darkVars, mermaidIdOf, type PreviewPage } from './preview-page.js';
import { usePreviewPage } from './use-preview-page.js';

/**
 * Provenance in the preview: nodes that are not the guide's own are drawn with a dashed
 * (reconstructed) or dotted (illustrative) border, say why in their tooltip and accessible name,
 * and a legend explains the borders; the walkthrough shows the reason beside the text.
 */

const preview = usePreviewPage();

const opened = preview.opened;

async function show(p: PreviewPage, tree: string, draws: number): Promise<void> {
    await p.page.selectOption('.tree-picker', tree);
    await p.idle(draws);
}

const treeJson = (id: string) => preview.data.trees.find(t => t.tree.id === id)!.tree;

interface DrawnNode { id: string; herkomst: string | null; titles: string[]; label: string | null; dash: string }

/** What each drawn node says about its provenance, as the page shows it. */
function drawnNodes(p: PreviewPage): Promise<DrawnNode[]> {
    return p.page.locator('.diagram-viewport svg g.node').evaluateAll(groups => groups.map(g => ({
        id: /-flowchart-(.+)-\d+$/.exec(g.id)?.[1] ?? '',
        herkomst: g.getAttribute('data-herkomst'),
        titles: [...g.querySelectorAll(':scope > title')].map(t => t.textContent ?? ''),
        label: g.getAttribute('aria-label'),
        dash: getComputedStyle(g.querySelector('rect, polygon, path')!).strokeDasharray
    })));
}

const words = {
    nl: { reconstructed: 'Gereconstrueerd', illustrative: 'Illustratief', mark: { reconstructed: 'gereconstrueerd', illustrative: 'illustratief' }, applies: 'Voor welke typologieën — ' },
    en: { reconstructed: 'Reconstructed', illustrative: 'Illustrative', mark: { reconstructed: 'reconstructed', illustrative: 'illustrative' }, applies: 'Which typologies — ' }
};

function sentence(p: ProvenanceJson, lang: 'nl' | 'en'): string {
    const word = words[lang][p.kind as 'reconstructed' | 'illustrative'];
    return p.detail?.trim() ? `${word}: ${p.detail.trim()}` : word;
}

/** Each drawn node against what the generator says about it. */
function expectMarked(drawn: DrawnNode[], diagram: MermaidDiagram, lang: 'nl' | 'en' = 'nl'): Set<string> {
    const kinds = new Set<string>();
    expect(drawn.length).toBe(Object.keys(diagram.ids).length);
    for (const node of drawn) {
        const p = diagram.provenance?.[node.id];
        if (!p) {
            expect(node.herkomst, node.id).toBeNull();
            expect(node.titles, node.id).toEqual([]);
            expect(node.label, node.id).not.toMatch(/\((gereconstrueerd|illustratief|reconstructed|illustrative)\)$/);
            continue;
        }
        kinds.add(p.kind);
        expect(node.herkomst, node.id).toBe(p.kind);
        expect(node.dash, node.id).toBe(p.kind === 'reconstructed' ? '9px, 4px' : '2px, 3px');
        expect(node.titles, node.id).toEqual([p.parts.map(part => (part.part === 'applicability' ? words[lang].applies : '') + sentence(part.provenance, lang)).join('\n')]);
        expect(node.label!.endsWith(` (${words[lang].mark[p.kind]})`), `${node.id}: ${node.label}`).toBe(true);
        // Once, however often the page drew or re-labelled it.
        expect(node.label!.match(/\((gereconstrueerd|illustratief|reconstructed|illustrative)\)/g)).toHaveLength(1);
    }
    return kinds;
}

async function legend(p: PreviewPage): Promise<{ visible: boolean; items: string[]; swatches: string[] }> {
    const element = p.page.locator('.diagram-viewport [data-legend="herkomst"]');
    return {
        visible: await element.isVisible(),
        items: await element.locator('li').allTextContents(),
        swatches: await element.locator('.hrk-swatch').evaluateAll(s => s.map(e => getComputedStyle(e).borderTopStyle))
    };
}

describe('provenance in the preview\'s diagrams', () => {
    test('reconstructed nodes dashed, illustrative dotted, with the reason as tooltip and in the name; the legend explains them, per view', async () => {
        const p = await opened();
        // The Quickscan: the editors' questions and typology advices, dashed.
        expect(await p.page.locator('.tree-picker').inputValue()).toBe('QuickscanBoom');
        expect(expectMarked(await drawnNodes(p), treeToMermaid(treeJson('QuickscanBoom')))).toEqual(new Set(['reconstructed']));
        let shown = await legend(p);
        expect(shown.visible).toBe(true);
        expect(shown.items).toEqual([' Gestreepte rand: gereconstrueerd (de lezing van de redactie, niet de tekst van de handreiking)']);
        expect(shown.swatches).toEqual(['dashed']);
        const ids = idsOf(treeJson('QuickscanBoom'));
        const ouderen = p.page.locator(`[id="${await p.groupId(mermaidIdOf(ids, 'Ouderen'))}"]`);
        expect(await ouderen.evaluate(g => g.firstElementChild?.localName)).toBe('title');

        // An illustrative tree: dotted nodes, and the tree's own reason for its connections.
        await show(p, 'OngeschikteFaciliteiten', 2);
        const illustrative = treeJson('OngeschikteFaciliteiten');
        expect(expectMarked(await drawnNodes(p), treeToMermaid(illustrative))).toEqual(new Set(['illustrative']));
        shown = await legend(p);
        expect(shown.items[0]).toContain('Gestippelde rand: illustratief');
        expect(shown.items[1]).toBe(`De verbindingen van deze boom: Illustratief: ${illustrative.provenance.detail}`);

        // Bewonersbeheer: the slide's words in every node, the arrows reconstructed: only the tree's line.
        await show(p, 'Bewonersbeheer', 3);
        const bewonersbeheer = treeJson('Bewonersbeheer');
        expect(expectMarked(await drawnNodes(p), treeToMermaid(bewonersbeheer))).toEqual(new Set());
        shown = await legend(p);
        expect(shown.visible).toBe(true);
        expect(shown.items).toEqual([`De verbindingen van deze boom: Gereconstrueerd: ${bewonersbeheer.provenance.detail}`]);

        // The SOO test: every node from a public source: nothing to explain.
        await show(p, 'SooToets', 4);
        expect(expectMarked(await drawnNodes(p), treeToMermaid(treeJson('SooToets')))).toEqual(new Set());
        expect((await legend(p)).visible).toBe(false);

        // The funding overview: rules whose typologies the guide does not give are dashed, and say so.
        await p.page.click('.tab-funding');
        await p.idle(5);
        const funding = fundingOverviewMermaid(preview.data.funding.model);
        expect(expectMarked(await drawnNodes(p), funding)).toEqual(new Set(['reconstructed']));
        expect((await legend(p)).visible).toBe(true);

        // The table: no diagram, no legend; the cells carry their markers and notes.
        await p.page.click('.tab-typologies');
        await p.idle(6);
        expect((await legend(p)).visible).toBe(false);
        expect(await p.page.locator('.table-view a.hrk-mark').count()).toBeGreaterThan(30);
        expect(await p.page.locator('.table-view .hrk-notes-list > li').count()).toBeGreaterThan(5);
        const mark = p.page.locator('.table-view a.hrk-mark').first();
        expect(await mark.evaluate(a => document.getElementById(a.getAttribute('aria-describedby') ?? '')?.textContent ?? '')).toMatch(/^(Gereconstrueerd|Illustratief): ./);
    });

    test('the same diagram drawn again (skipped) and after a cursor move keeps one title and one mark per node', async () => {
        const p = await opened();
        await p.update({ ...preview.data, version: 2 });
        await p.idle(2);
        await p.send({ type: 'cursor', tree: 'QuickscanBoom', node: 'Ouderen' });
        await p.update({ ...preview.data, version: 3 });
        const stats = await p.idle(3);
        expect(stats.skipped).toBeGreaterThanOrEqual(1);
        expectMarked(await drawnNodes(p), treeToMermaid(treeJson('QuickscanBoom')));
    });

    test('in English: the legend, the tooltips and the names', async () => {
        const p = await opened({ lang: 'en' });
        expectMarked(await drawnNodes(p), treeToMermaid(treeJson('QuickscanBoom')), 'en');
        expect((await legend(p)).items).toEqual([' Dashed border: reconstructed (the editors\' reading, not the guide\'s text)']);
    });

    test('the legend is readable in a dark theme too (WCAG AA) and lets clicks through to the diagram', async () => {
        for (const theme of [{}, { vars: darkVars, bodyClass: 'vscode-dark' }]) {
            const p = await opened(theme);
            const ratio = await p.page.locator('.diagram-viewport [data-legend="herkomst"] li').first().evaluate(element => {
                const rgb = (v: string) => (v.match(/[\d.]+/g) ?? []).map(Number);
                const lum = ([r, g, b]: number[]) => [r, g, b].map(c => { const s = c / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; })
                    .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i]!, 0);
                let bg: number[] = [255, 255, 255];
                for (let e: Element | null = element; e; e = e.parentElement) {
                    const c = rgb(getComputedStyle(e).backgroundColor);
                    if (c.length === 3 || c[3] === 1) { bg = c.slice(0, 3); break; }
                }
                const [a, b] = [lum(rgb(getComputedStyle(element).color)), lum(bg)].sort((x, y) => y - x);
                return (a! + 0.05) / (b! + 0.05);
            });
            expect(ratio).toBeGreaterThanOrEqual(4.5);
            expect(await p.page.locator('.diagram-viewport [data-legend="herkomst"]').evaluate(e => getComputedStyle(e).pointerEvents)).toBe('none');
            expect(await p.expectClean()).toEqual({ csp: [], foreign: [], errors: [] });
            await p.page.close();
        }
    });
});

describe('provenance in the preview\'s walkthrough', () => {
    test('the question and the advice show their badge with the reason; the path marks what it passed', async () => {
        const p = await opened();
        const tree = treeJson('QuickscanBoom');
        await p.send({ type: 'walk', tree: 'QuickscanBoom', from: 'Ouderen' });
        await expect.poll(() => p.page.locator('.walk-panel .walk-question').getAttribute('data-node')).toBe('Ouderen');
        const ouderen = tree.nodes.find(n => n.id === 'Ouderen')!;
        expect(await p.page.locator('.walk-panel .walk-question .hrk-herkomst').textContent()).toBe(sentence(ouderen.provenance, 'nl'));
        await p.page.click('.walk-panel .walk-answer[data-answer="ja"]');
        const advice = await p.page.locator('.walk-panel .walk-advice').getAttribute('data-node');
        const node = tree.nodes.find(n => n.id === advice)!;
        expect(node.provenance.kind).toBe('reconstructed');
        expect(await p.page.locator('.walk-panel .walk-advice .hrk-herkomst').textContent()).toBe(sentence(node.provenance, 'nl'));
        const mark = p.page.locator('.walk-panel .walk-path li[data-node="Ouderen"] .hrk-mark-inline');
        expect(await mark.getAttribute('title')).toBe(ouderen.provenance.detail);
        expect(await mark.textContent()).toBe(`(gereconstrueerd): ${ouderen.provenance.detail}`);
    });
});

describe('hostile reasons in the preview', () => {
    const src: SourceJson = { file: 'boos.hrk', line: 1, column: 1, endLine: 1, endColumn: 2 };
    const img = '<img src=x onerror="window.__pwned=1">';
    const script = '</title><script>window.__pwned=1</script>';
    const init = '%%{init: {"securityLevel":"loose"}}%%';
    const tree: TreeJson = {
        id: 'Boos', title: 'Boos', start: 'Q', source: src, provenance: { kind: 'reconstructed', detail: img },
        nodes: [
            { id: 'Q', kind: 'question', text: 'Vraag?', examples: [], links: [], reachable: true, source: src, provenance: { kind: 'illustrative', detail: script } },
            { id: 'A', kind: 'advice', text: 'Advies', examples: [], links: [], reachable: true, source: src, provenance: { kind: 'reconstructed', detail: init } }
        ],
        edges: [{ from: 'Q', to: 'A', kind: 'answer', label: 'ja' }]
    };

    test('are text in the tooltip, the name, the legend and the walkthrough: nothing runs, loads or breaks the CSP', async () => {
        const p = await opened({}, previewData(preview.json, [tree]));
        const drawn = await drawnNodes(p);
        expect(drawn.find(n => n.id === 'n0')!.titles).toEqual([`Illustratief: ${script}`]);
        expect(drawn.find(n => n.id === 'n1')!.titles).toEqual([`Gereconstrueerd: ${init}`]);
        expect((await legend(p)).items).toContain(`De verbindingen van deze boom: Gereconstrueerd: ${img}`);
        await p.send({ type: 'walk', tree: 'Boos' });
        await expect.poll(() => p.page.locator('.walk-panel .walk-question .hrk-herkomst').textContent()).toBe(`Illustratief: ${script}`);
        for (const group of await p.page.locator('.diagram-viewport svg g.node').all()) await group.hover({ force: true });
        expect(await p.page.locator('.diagram-viewport svg script, .diagram-viewport img, .walk-panel img, .walk-panel script').count()).toBe(0);
        expect(await p.page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    });
});
