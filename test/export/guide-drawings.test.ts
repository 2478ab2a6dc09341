import { describe, expect, test } from 'vitest';
import { RendererUnavailableError } from '../../language/export/export-errors.js';
import type { ExportOptions } from '../../language/export/exported-file.js';
import { drawGuideDiagrams } from '../../language/export/guide-drawings.js';
import { htmlFiles } from '../../language/export/html-export.js';
import { DIAGRAMS_META } from '../../language/generation/html/diagram-texts.js';
import { FORMAT_VERSION, type FundingJson, type HandreikingJson, type ProvenanceJson, type TreeJson } from '../../language/generation/json/handreiking-json.js';
import { diagramLimits } from '../../language/generation/mermaid/diagram-limits.js';
import { DrawnDiagramError } from '../../language/generation/mermaid/drawn-diagram.js';
import type { PageDiagramRenderer } from '../../language/render/diagram-renderer.js';

/**
 * The HTML export's drawing at export time (language/export/guide-drawings.ts), with a renderer
 * that only records what it is asked: which diagrams it draws with which SVG id, what stands in
 * the place of a diagram it cannot draw, when the page falls back to Mermaid in the reader's
 * browser, and what the page then carries. The real renderer, the real page in Chromium and the
 * command line's messages: test/generation/html/html-guide-predrawn.browser.test.ts.
 */

const src = { file: 'x.hrk', line: 1, column: 1, endLine: 1, endColumn: 2 };
const unmarked: ProvenanceJson = { kind: 'unmarked' };

function chain(id: string, steps: number, title = id): TreeJson {
    const nodes = Array.from({ length: steps }, (_, i) => ({ id: `S${i}`, kind: 'step' as const, text: `Stap ${i}`, examples: [], links: [], reachable: true, source: src, provenance: unmarked }));
    const edges = nodes.slice(1).map((n, i) => ({ from: `S${i}`, to: n.id, kind: 'next' as const }));
    return { id, title, start: 'S0', nodes, edges, source: src, provenance: unmarked };
}

const funding: FundingJson = {
    id: 'Fonds', title: 'Fonds', term: 'incidental', via: [], conditions: [], sources: [], source: src, provenance: unmarked,
    applicability: { kind: 'all', typologies: [] }
} as unknown as FundingJson;

const workspace = (trees: TreeJson[], withFunding = false): HandreikingJson =>
    ({ formatVersion: FORMAT_VERSION, characteristics: [], typologies: [], trees, funding: withFunding ? [funding] : [], stakeholders: [], chapters: [], scenarios: [], calculations: [], calculationScenarios: [] });

const assets = { mermaidJs: 'window.mermaid = {}; /* MERMAID */', appJs: 'void 0; /* APP */' };

class RecordingRenderer implements PageDiagramRenderer {
    readonly log: string[] = [];
    fail?: (svgId: string) => Error | undefined;

    async drawForPage(_diagram: { text: string }, _config: unknown, svgId: string): Promise<string> {
        this.log.push(`draw ${svgId}`);
        const failure = this.fail?.(svgId);
        if (failure) throw failure;
        return `<svg id="${svgId}"><g class="node"></g></svg>`;
    }

    async close(): Promise<void> {
        this.log.push('close');
    }
}

function options(renderer: RecordingRenderer | Error, extra: Partial<ExportOptions> = {}): ExportOptions {
    return {
        lang: 'nl',
        guideAssets: async () => assets,
        launchPageRenderer: async () => {
            if (renderer instanceof Error) throw renderer;
            return renderer;
        },
        ...extra
    };
}

async function page(json: HandreikingJson, opts: ExportOptions): Promise<{ html: string; drawing: unknown }> {
    const files = [];
    for await (const file of htmlFiles(json, opts)) files.push(file);
    expect(files).toHaveLength(1);
    return { html: files[0].content, drawing: files[0].drawing };
}

describe('drawing the guide at export time', () => {
    test('draws every tree in one renderer, each with its own SVG id, then closes it; the funding overview is a table, not drawn', async () => {
        const renderer = new RecordingRenderer();
        const { drawing, predrawn } = await drawGuideDiagrams(workspace([chain('A', 2), chain('B', 3)], true), options(renderer));
        expect(renderer.log).toEqual(['draw hrk-diagram-1', 'draw hrk-diagram-2', 'close']);
        expect(drawing).toEqual({ kind: 'predrawn', diagrams: 2 });
        expect(predrawn?.trees.map(t => ('svg' in t ? t.svg.markup : t))).toEqual(['<svg id="hrk-diagram-1"><g class="node"></g></svg>', '<svg id="hrk-diagram-2"><g class="node"></g></svg>']);
    });

    test('the page carries the SVG, the marker and the app, and not Mermaid', async () => {
        const { html, drawing } = await page(workspace([chain('A', 2)], true), options(new RecordingRenderer()));
        expect(drawing).toEqual({ kind: 'predrawn', diagrams: 1 });
        expect(html).toContain(`<meta name="${DIAGRAMS_META}" content="predrawn">`);
        expect(html).toContain('<div class="diagram-canvas" data-diagram="tree" data-tree-index="0"><svg id="hrk-diagram-1">');
        expect(html).not.toContain('data-diagram="funding"');
        expect(html).toContain('<table class="hrk-matrix">');
        expect(html).not.toContain('MERMAID');
        expect(html).toContain('/* APP */');
        const executable = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(m => m[1]);
        expect(executable).toEqual([assets.appJs]);
        const csp = /content="(default-src[^"]*)"/.exec(html)![1];
        // Only the app's hash: one script fewer than the page that carries Mermaid.
        expect(csp.match(/sha256-/g)).toHaveLength(1);
    });

    test('an empty tree, a tree beyond the limits and a wrong drawing get their sentence; the others are drawn', async () => {
        const renderer = new RecordingRenderer();
        renderer.fail = id => (id === 'hrk-diagram-4' ? new DrawnDiagramError({ expected: 3, drawn: 0, mermaidSays: 'Syntax error' }, 'x') : undefined);
        const json = workspace([chain('Leeg', 0), chain('Groot', diagramLimits.nodes + 1, 'Grote <boom>'), chain('Goed', 2), chain('Fout', 3, 'Foute boom')]);
        const { html, drawing } = await page(json, options(renderer));
        expect(renderer.log).toEqual(['draw hrk-diagram-3', 'draw hrk-diagram-4', 'close']);
        expect(drawing).toEqual({ kind: 'predrawn', diagrams: 1 });
        expect(html).toContain('data-tree-index="0"><p class="muted">Deze beslisboom heeft nog geen vragen, adviezen of stappen.</p>');
        expect(html).toMatch(/data-tree-index="1"><p class="diagram-error" role="alert">Het schema van ‘Grote &lt;boom&gt;’ is te groot om hier te tekenen: [^<]+\. De doorloop bij dit schema toont de beslisboom vraag voor vraag\.<\/p>/);
        expect(html).toContain('data-tree-index="2"><svg id="hrk-diagram-3">');
        expect(html).toContain('data-tree-index="3"><p class="diagram-error" role="alert">Het schema van ‘Foute boom’ kon niet getekend worden: Mermaid tekende 0 van de 3 knopen en schreef ‘Syntax error’. De doorloop');
    });

    test('markup outside the rules never reaches the page: the page draws with Mermaid instead', async () => {
        const renderer = new RecordingRenderer();
        renderer.drawForPage = async () => '<svg onload="alert(1)"></svg>';
        const { html, drawing } = await page(workspace([chain('A', 2)]), options(renderer));
        expect(drawing).toMatchObject({ kind: 'mermaid', reason: 'browser-failed', detail: expect.stringContaining('attribute onload') });
        expect(html).not.toContain('onload');
        expect(html).toContain('MERMAID');
        expect(html).toContain(`<meta name="${DIAGRAMS_META}" content="mermaid">`);
        expect(renderer.log).toEqual(['close']);
    });

    test('a browser that dies halfway gives the page that draws with Mermaid, and the renderer is closed', async () => {
        const renderer = new RecordingRenderer();
        renderer.fail = id => (id === 'hrk-diagram-2' ? new Error('Target page, context or browser has been closed') : undefined);
        const { html, drawing } = await page(workspace([chain('A', 2), chain('B', 2)]), options(renderer));
        expect(drawing).toEqual({ kind: 'mermaid', reason: 'browser-failed', detail: 'Target page, context or browser has been closed' });
        expect(html).toContain('MERMAID');
        expect(html).not.toContain('<svg');
        expect(renderer.log.at(-1)).toBe('close');
    });

    test.each([
        ['no browser', new RendererUnavailableError('no-browser'), { kind: 'mermaid', reason: 'no-browser' }],
        ['a browser that does not start', new RendererUnavailableError('browser-failed', 'spawn EACCES'), { kind: 'mermaid', reason: 'browser-failed', detail: 'spawn EACCES' }],
        ['any other failure to start', new Error('boom'), { kind: 'mermaid', reason: 'browser-failed', detail: 'boom' }]
    ])('%s: the page draws with Mermaid and says why', async (_name, error, expected) => {
        const { html, drawing } = await page(workspace([chain('A', 2)]), options(error));
        expect(drawing).toEqual(expected);
        expect(html).toContain('MERMAID');
        expect(html).toContain('<p class="diagram-wait">Het schema wordt getekend…</p>');
    });

    test('asked for Mermaid in the page (--mermaid-in-pagina), or a host without a renderer (the language server): no renderer starts', async () => {
        let launched = 0;
        const asked = await drawGuideDiagrams(workspace([chain('A', 2)]), { ...options(new RecordingRenderer()), inPageMermaid: true, launchPageRenderer: async () => { launched++; return new RecordingRenderer(); } });
        expect(asked).toEqual({ drawing: { kind: 'mermaid', reason: 'asked' } });
        expect(launched).toBe(0);
        const server = await drawGuideDiagrams(workspace([chain('A', 2)]), { lang: 'nl', guideAssets: async () => assets });
        expect(server).toEqual({ drawing: { kind: 'mermaid', reason: 'no-renderer' } });
    });
});
