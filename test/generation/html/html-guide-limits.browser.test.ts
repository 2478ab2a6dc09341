import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { HandreikingJson, NodeJson, ProvenanceJson, SourceJson, TreeJson } from '../../../language/generation/json/handreiking-json.js';
import { anchorId } from '../../../language/generation/html/guide-contract.js';
import { treeToMermaid } from '../../../language/generation/mermaid/tree-mermaid.js';
import { bundleGuideApp } from '../../../scripts/bundle-guide-app.mjs';
import { launchBrowser } from '../../support/browser.js';
import { exampleJson } from '../../helpers.js';
import { writeGuide } from './guide-page.js';

/**
 * The HTML guide's in-page Mermaid and the limits every renderer shares
 * (language/generation/mermaid/diagram-limits.ts): a diagram beyond them is not started and its
 * place says why and where the same content is as text (the walkthrough, the funding cards); a
 * drawing that does not show the diagram is replaced by that message too, never shown as if it did.
 */

let browser: Browser;
let tmp: string;
let examples: HandreikingJson;

beforeAll(async () => {
    await bundleGuideApp({ typecheck: false });
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hrk-html-limits-'));
    [browser, examples] = await Promise.all([launchBrowser(), exampleJson()]);
});

afterAll(async () => {
    await browser?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

const source: SourceJson = { file: 'l.hrk', line: 1, column: 1, endLine: 1, endColumn: 2 };
const unmarked: ProvenanceJson = { kind: 'unmarked' };
const node = (id: string, kind: NodeJson['kind'], text: string): NodeJson => ({ id, kind, text, examples: [], links: [], reachable: true, source, provenance: unmarked });

/** A chain of `steps` steps ending in an advice, as `check` accepts it. */
function chain(id: string, steps: number, label: (i: number) => string = i => `Stap ${i}`): TreeJson {
    const nodes = Array.from({ length: steps }, (_, i) => node(`S${i}`, 'step', label(i)));
    const edges = nodes.map((n, i) => ({ from: n.id, to: i + 1 < steps ? `S${i + 1}` : 'Eind', kind: 'next' as const }));
    return { id, title: `Keten ${id}`, start: 'S0', nodes: [...nodes, node('Eind', 'advice', 'Klaar')], edges, source, provenance: unmarked };
}

interface Opened { page: Page; errors: string[] }

/** Opens the guide, optionally after `init` (a script run before the page's own), and waits for every diagram. */
async function openGuide(file: string, init?: () => void): Promise<Opened> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', e => errors.push(e.message));
    if (init) await page.addInitScript(init);
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector('html[data-hrk-diagrams="ready"]', { timeout: 60_000 });
    return { page, errors };
}

const canvasOf = (page: Page, tree: TreeJson) => page.locator(`#${anchorId('tree', tree.id)} .diagram-canvas`);

describe('a diagram beyond the limits', () => {
    test('2 000 chained steps: its place says so and points at the walkthrough, which works; the other diagrams are drawn', async () => {
        const large = chain('Lang', 2_000);
        const file = await writeGuide({ ...examples, trees: [...examples.trees, large] }, path.join(tmp, 'groot.html'));
        const { page, errors } = await openGuide(file);
        try {
            expect(await canvasOf(page, large).locator('.diagram-error').textContent()).toBe(
                'Het schema van ‘Keten Lang’ is te groot om hier te tekenen: 2.002 knopen; de grens is 1.000 knopen. ' +
                'De doorloop bij dit schema toont de beslisboom vraag voor vraag.');
            expect(await canvasOf(page, large).locator('.diagram-error').getAttribute('role')).toBe('alert');
            expect(await canvasOf(page, large).locator('svg').count()).toBe(0);
            // The text version is there: the walkthrough starts at the first step.
            expect(await page.locator(`#${anchorId('tree', large.id)} .walkthrough`).textContent()).toContain('Stap 0');
            for (const tree of examples.trees) {
                expect(await canvasOf(page, tree).locator('svg g.node').count(), tree.id).toBe(Object.keys(treeToMermaid(tree).ids).length);
            }
            expect(await page.locator('.diagram-error').count()).toBe(1);
            expect(errors).toEqual([]);
        } finally {
            await page.close();
        }
    }, 120_000);

    test('220 steps with labels of 200 × ‘R&D; ’: Mermaid text over the limit is refused, not drawn as Mermaid’s “Maximum text size” picture', async () => {
        const wordy = chain('Tekst', 220, () => 'R&D; '.repeat(200));
        const file = await writeGuide({ ...examples, trees: [wordy] }, path.join(tmp, 'tekst.html'));
        const { page, errors } = await openGuide(file);
        try {
            expect(await canvasOf(page, wordy).locator('.diagram-error').textContent()).toMatch(
                /^Het schema van ‘Keten Tekst’ is te groot om hier te tekenen: [\d.]+ tekens Mermaid-tekst; de grens is 500\.000 tekens\. De doorloop bij dit schema toont de beslisboom vraag voor vraag\.$/);
            expect(await canvasOf(page, wordy).locator('svg').count()).toBe(0);
            expect(await page.locator('main').innerText()).not.toContain('Maximum text size');
            expect(errors).toEqual([]);
        } finally {
            await page.close();
        }
    }, 120_000);
});

describe('a drawing that does not show its diagram', () => {
    test('Mermaid drawing its “Maximum text size” message instead of a diagram is shown as a failure, with the text version', async () => {
        const file = await writeGuide(examples, path.join(tmp, 'wrong.html'));
        // Mermaid's limit lowered in the page: every diagram comes back as a picture of its message,
        // without an error — what the shared limits keep out of reach, and what this check catches.
        const { page, errors } = await openGuide(file, () => {
            type M = { initialize(config: Record<string, unknown>): void };
            let real: M | undefined;
            Object.defineProperty(window, 'mermaid', {
                configurable: true,
                get: () => real,
                set: (m: M) => {
                    const initialize = m.initialize.bind(m);
                    m.initialize = config => initialize({ ...config, maxTextSize: 100 });
                    real = m;
                }
            });
        });
        try {
            const tree = examples.trees[0];
            const expected = Object.keys(treeToMermaid(tree).ids).length;
            expect(await canvasOf(page, tree).locator('.diagram-error').textContent()).toBe(
                `Het schema van ‘${tree.title}’ kon niet getekend worden: Mermaid tekende 0 van de ${expected} knopen en schreef ‘Maximum text size in diagram exceeded’. ` +
                'De doorloop bij dit schema toont de beslisboom vraag voor vraag.');
            expect(await page.locator('.diagram-canvas svg').count()).toBe(0);
            expect(errors).toEqual([]);
        } finally {
            await page.close();
        }
    }, 120_000);
});
