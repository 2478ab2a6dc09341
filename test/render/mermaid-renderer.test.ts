import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { NodeJson, ProvenanceJson, SourceJson, TreeJson } from '../../language/generation/json/handreiking-json.js';
import { DrawnDiagramError } from '../../language/generation/mermaid/drawn-diagram.js';
import { mermaidConfig } from '../../language/generation/mermaid/mermaid-config.js';
import { treeToMermaid } from '../../language/generation/mermaid/tree-mermaid.js';
import { MermaidRenderer } from '../../language/render/mermaid-renderer.js';
import { checkPageSvg } from '../../language/generation/html/page-svg.js';

/**
 * The export's renderer in the system's Chromium checks every drawing against its diagram: the
 * up-front limits keep Mermaid's own limits out of reach, and this is the second lock for whatever
 * else makes Mermaid draw something other than the tree without an error.
 */

const source: SourceJson = { file: 't.hrk', line: 1, column: 1, endLine: 1, endColumn: 2 };
const unmarked: ProvenanceJson = { kind: 'unmarked' };
const node = (id: string, kind: NodeJson['kind'], text: string): NodeJson => ({ id, kind, text, examples: [], links: [], reachable: true, source, provenance: unmarked });
const tree: TreeJson = {
    id: 'B', title: 'B', start: 'V', source, provenance: unmarked,
    nodes: [node('V', 'question', 'Is er een ruimte?'), node('A', 'advice', 'Ga verder'), node('C', 'advice', 'Zoek een ruimte')],
    edges: [{ from: 'V', to: 'A', kind: 'answer', label: 'ja' }, { from: 'V', to: 'C', kind: 'answer', label: 'nee' }]
};

let renderer: MermaidRenderer;
beforeAll(async () => { renderer = await MermaidRenderer.launch(); });
afterAll(async () => { await renderer?.close(); });

describe('MermaidRenderer.draw', () => {
    test('draws the tree as an XML SVG file and gives its size', async () => {
        const drawn = await renderer.draw(treeToMermaid(tree), mermaidConfig);
        expect(drawn.svg.startsWith('<?xml')).toBe(true);
        expect(drawn.svg.match(/<g [^>]*class="node /g)?.length).toBe(4);
        expect(drawn.width).toBeGreaterThan(50);
        expect(drawn.height).toBeGreaterThan(100);
    });

    test('Mermaid’s “Maximum text size” picture instead of the tree is an error, not an SVG', async () => {
        // The shared limits keep real diagrams under Mermaid's maxTextSize; a lower one shows what
        // Mermaid does past it: it returns normally, with a picture of its message.
        const diagram = treeToMermaid(tree);
        const error = await renderer.draw(diagram, { ...mermaidConfig, maxTextSize: 100 }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(DrawnDiagramError);
        expect((error as DrawnDiagramError).problem).toEqual({ expected: 4, drawn: 0, mermaidSays: 'Maximum text size in diagram exceeded' });
        // The page is still usable for the next tree of the batch.
        expect((await renderer.draw(diagram, mermaidConfig)).width).toBeGreaterThan(50);
    });
});

describe('MermaidRenderer.drawForPage', () => {
    test('draws the tree for the HTML guide: its own SVG id, every node, markup that passes the page\'s check', async () => {
        const diagram = treeToMermaid(tree);
        const markup = await renderer.drawForPage(diagram, mermaidConfig, 'hrk-diagram-7');
        expect(() => checkPageSvg(markup)).not.toThrow();
        expect(markup.startsWith('<svg id="hrk-diagram-7" ')).toBe(true);
        const ids = [...markup.matchAll(/<g class="node [^"]*" id="hrk-diagram-7-flowchart-([^"]+)-\d+"/g)].map(m => m[1]).sort();
        expect(ids).toEqual(Object.keys(diagram.ids).sort());
        // Labels are there as text, Mermaid's bookkeeping is not.
        expect(markup).toContain('Is er een ruimte?');
        expect(markup).not.toMatch(/data-points|xmlns|<script/);
        // Mermaid's styles are scoped to this SVG's id, so several diagrams share a page.
        expect(markup).toContain('<style>#hrk-diagram-7{');
    });

    test('checks the drawing like draw(), and refuses an id that is not one', async () => {
        const error = await renderer.drawForPage(treeToMermaid(tree), { ...mermaidConfig, maxTextSize: 100 }, 'hrk-diagram-8').catch((e: unknown) => e);
        expect(error).toBeInstanceOf(DrawnDiagramError);
        await expect(renderer.drawForPage(treeToMermaid(tree), mermaidConfig, 'x" onload="y')).rejects.toThrow(/not an SVG id/);
    });
});

describe('MermaidRenderer.launch', () => {
    test('loads Mermaid from its file through a page in a temporary folder, and leaves no folder behind', async () => {
        // A folder of its own as the OS's temporary folder, so other test files' renderers do not count.
        const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'launch-'));
        const saved = process.env.TMPDIR;
        process.env.TMPDIR = tmp;
        let second: MermaidRenderer | undefined;
        try {
            second = await MermaidRenderer.launch();
            expect(os.tmpdir()).toBe(tmp);
            // Chromium and Playwright keep their profile there while the browser runs; ours is gone.
            expect(fs.readdirSync(tmp).filter(name => name.startsWith('handreiking-render-'))).toEqual([]);
            expect(fs.readdirSync(tmp).some(name => name.startsWith('playwright'))).toBe(true);
            expect((await second.draw(treeToMermaid(tree), mermaidConfig)).width).toBeGreaterThan(50);
        } finally {
            process.env.TMPDIR = saved;
            await second?.close();
            fs.rmSync(tmp, { recursive: true, force: true });
        }
    });

    test('PNGs at two scales from one renderer: each image has its own size, the page of a scale is reused', async () => {
        const drawn = await renderer.draw(treeToMermaid(tree), mermaidConfig);
        const size = (png: Uint8Array) => [Buffer.from(png).readUInt32BE(16), Buffer.from(png).readUInt32BE(20)];
        const [one, two, again] = [
            await renderer.png(drawn, { scale: 1, transparent: false }),
            await renderer.png(drawn, { scale: 2, transparent: true }),
            await renderer.png(drawn, { scale: 1, transparent: true })
        ];
        expect(size(two)[0]).toBe(2 * size(one)[0]);
        expect(size(again)).toEqual(size(one));
        expect(size(one)[0]).toBe(Math.ceil(drawn.width) + 16);
    });
});
