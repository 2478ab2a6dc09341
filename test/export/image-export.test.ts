import { describe, expect, test } from 'vitest';
import { DiagramsTooLargeError, TreeNotDrawnError } from '../../language/export/export-errors.js';
import type { ExportOptions } from '../../language/export/exported-file.js';
import { pngFiles, svgFiles } from '../../language/export/image-export.js';
import { FORMAT_VERSION, type HandreikingJson, type ProvenanceJson, type TreeJson } from '../../language/generation/json/handreiking-json.js';
import { diagramLimits } from '../../language/generation/mermaid/diagram-limits.js';
import { DrawnDiagramError } from '../../language/generation/mermaid/drawn-diagram.js';
import type { DiagramRenderer, DrawnSvg } from '../../language/render/diagram-renderer.js';

/**
 * The SVG and PNG export's order of work, with a renderer that only records what it is asked
 * (the real one, headless Chromium, is tested through the command line in test/cli/image-*.test.ts):
 * every refusal comes before the first file, a PNG is photographed just before it is given, the
 * renderer is closed however the export ends.
 */

const src = { file: 'x.hrk', line: 1, column: 1, endLine: 1, endColumn: 2 };
const unmarked: ProvenanceJson = { kind: 'unmarked' };

function chain(id: string, steps: number): TreeJson {
    const nodes = Array.from({ length: steps }, (_, i) => ({ id: `S${i}`, kind: 'step' as const, text: `Stap ${i}`, examples: [], links: [], reachable: true, source: src, provenance: unmarked }));
    const edges = nodes.slice(1).map((n, i) => ({ from: `S${i}`, to: n.id, kind: 'next' as const }));
    return { id, title: id, start: 'S0', nodes, edges, source: src, provenance: unmarked };
}

const workspace = (...trees: TreeJson[]): HandreikingJson =>
    ({ formatVersion: FORMAT_VERSION, characteristics: [], typologies: [], trees, funding: [], stakeholders: [], chapters: [], scenarios: [], calculations: [], calculationScenarios: [] });

/** A renderer that logs every call; `size` and the failures are set per test. */
class RecordingRenderer implements DiagramRenderer {
    readonly log: string[] = [];
    size = { width: 100, height: 50 };
    drawFails?: (text: string) => Error | undefined;
    pngFails?: (svg: string) => Error | undefined;

    /** The Mermaid text of every diagram drawn. */
    readonly drawn: string[] = [];

    async draw(diagram: { text: string }): Promise<DrawnSvg> {
        this.log.push('draw');
        this.drawn.push(diagram.text);
        const failure = this.drawFails?.(diagram.text);
        if (failure) throw failure;
        return { svg: `<svg>${diagram.text.length}</svg>`, ...this.size };
    }

    async png(drawn: DrawnSvg): Promise<Uint8Array> {
        this.log.push(`png ${drawn.svg}`);
        const failure = this.pngFails?.(drawn.svg);
        if (failure) throw failure;
        return new TextEncoder().encode(drawn.svg);
    }

    async close(): Promise<void> {
        this.log.push('close');
    }
}

/** Runs an export, logging into the renderer's log when each file is given. */
async function run(files: AsyncIterable<{ name: string }>, log: string[], stopAfter = Infinity): Promise<string[]> {
    const names: string[] = [];
    for await (const file of files) {
        log.push(`file ${file.name}`);
        names.push(file.name);
        if (names.length >= stopAfter) break;
    }
    return names;
}

function options(renderer: RecordingRenderer, extra: Partial<ExportOptions> = {}): ExportOptions & { launched: () => number } {
    let launched = 0;
    return { lang: 'nl', launchRenderer: async () => { launched++; return renderer; }, launched: () => launched, ...extra };
}

describe('SVG', () => {
    test('draws every tree before it gives the first file, one file per tree, then closes the renderer', async () => {
        const renderer = new RecordingRenderer();
        const names = await run(svgFiles(workspace(chain('A', 2), chain('B', 3)), options(renderer)), renderer.log);
        expect(names).toEqual(['A.svg', 'B.svg']);
        expect(renderer.log.map(l => l.split(' ')[0])).toEqual(['draw', 'draw', 'file', 'file', 'close']);
    });

    test('a tree beyond the shared limits is refused before the renderer starts, naming every such tree', async () => {
        const renderer = new RecordingRenderer();
        const opts = options(renderer);
        const big = diagramLimits.nodes + 1;
        const refusal = await run(svgFiles(workspace(chain('Groot', big), chain('Klein', 2), chain('Ook', big)), opts), renderer.log).catch((e: unknown) => e);
        expect(refusal).toBeInstanceOf(DiagramsTooLargeError);
        expect(refusal).toMatchObject({ limits: 'diagram', trees: [{ tree: 'Groot', excess: { limit: 'nodes' } }, { tree: 'Ook', excess: { limit: 'nodes' } }] });
        expect(opts.launched()).toBe(0);
        expect(renderer.log).toEqual([]);
    });

    test('a drawing that does not show the tree: nothing is given, the reason is in the export\'s language, the renderer is closed', async () => {
        const renderer = new RecordingRenderer();
        renderer.drawFails = text => text.includes('Stap 2') ? new DrawnDiagramError({ expected: 4, drawn: 1, mermaidSays: 'Maximum text size' }, 'x') : undefined;
        const failure = await run(svgFiles(workspace(chain('A', 2), chain('B', 3)), options(renderer, { lang: 'en' })), renderer.log).catch((e: unknown) => e);
        expect(failure).toBeInstanceOf(TreeNotDrawnError);
        expect(failure).toMatchObject({ tree: 'B', reason: 'Mermaid drew 1 of the 4 nodes and wrote ‘Maximum text size’' });
        expect(renderer.log.filter(l => l.startsWith('file'))).toEqual([]);
        expect(renderer.log.at(-1)).toBe('close');
    });

    test('without a renderer (a host without a browser) it says so', async () => {
        await expect(run(svgFiles(workspace(chain('A', 2)), { lang: 'nl' }), [])).rejects.toThrow(/renderer/);
    });
});

describe('PNG', () => {
    test('draws all, then photographs each tree just before giving its file; progress counts both passes', async () => {
        const renderer = new RecordingRenderer();
        const progress: string[] = [];
        const names = await run(pngFiles(workspace(chain('A', 2), chain('B', 3)), options(renderer, { progress: (d, t, tree) => progress.push(`${d}/${t} ${tree}`) })), renderer.log);
        expect(names).toEqual(['A.png', 'B.png']);
        expect(renderer.log.map(l => l.split(' ')[0])).toEqual(['draw', 'draw', 'png', 'file', 'png', 'file', 'close']);
        expect(progress).toEqual(['0/4 A', '1/4 B', '2/4 A', '3/4 B', '4/4 ']);
    });

    test('an image beyond the PNG limits is refused after drawing and before any photograph', async () => {
        const renderer = new RecordingRenderer();
        renderer.size = { width: 20_000, height: 100 };
        const refusal = await run(pngFiles(workspace(chain('A', 2)), options(renderer)), renderer.log).catch((e: unknown) => e);
        expect(refusal).toMatchObject({ limits: 'png', trees: [{ tree: 'A', excess: { limit: 'pngSide' } }] });
        expect(renderer.log).toEqual(['draw', 'close']);
    });

    test('a photograph that fails halfway comes after the files already given; the renderer is closed', async () => {
        const renderer = new RecordingRenderer();
        let photographs = 0;
        renderer.pngFails = () => (++photographs === 2 ? new Error('page.screenshot: Target page, context or browser has been closed\nCall log: …') : undefined);
        const given: string[] = [];
        const failure = await (async () => {
            for await (const file of pngFiles(workspace(chain('A', 2), chain('B', 3), chain('C', 4)), options(renderer))) given.push(file.name);
        })().catch((e: unknown) => e);
        expect(given).toEqual(['A.png']);
        expect(failure).toMatchObject({ tree: 'B', reason: 'Target page, context or browser has been closed' });
        expect(renderer.log.at(-1)).toBe('close');
    });

    test('a host that stops taking files (a write failed) closes the renderer too', async () => {
        const renderer = new RecordingRenderer();
        await run(pngFiles(workspace(chain('A', 2), chain('B', 3)), options(renderer)), renderer.log, 1);
        expect(renderer.log.filter(l => l.startsWith('png'))).toHaveLength(1);
        expect(renderer.log.at(-1)).toBe('close');
    });
});

describe('the provenance legend', () => {
    const flagged = (): TreeJson => {
        const tree = chain('A', 2);
        return { ...tree, nodes: tree.nodes.map((n, i) => (i === 1 ? { ...n, provenance: { kind: 'reconstructed', detail: 'niet op de dia' } } : n)) };
    };

    test.each([['SVG', svgFiles], ['PNG', pngFiles]] as const)('%s: a tree with a reconstructed node is drawn with the legend, one without it without', async (_, files) => {
        const renderer = new RecordingRenderer();
        await run(files(workspace(flagged(), chain('B', 2)), options(renderer)), renderer.log);
        expect(renderer.drawn).toHaveLength(2);
        expect(renderer.drawn[0]).toContain('subgraph h0');
        expect(renderer.drawn[0]).toMatch(/^ {4}class n1 reconstructed$/m);
        expect(renderer.drawn[0]).toMatch(/^ {4}class h1 reconstructed$/m);
        expect(renderer.drawn[1]).not.toContain('subgraph h0');
    });
});
