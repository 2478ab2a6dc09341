import { conditionSentence } from '../../language/i18n/condition-sentence.js';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { FundingJson, HandreikingJson, LinkKind, NodeJson, TreeJson } from '../../language/generation/json/handreiking-json.js';
import { anchorId } from '../../language/generation/html/guide-contract.js';
import { safeHttpUrl } from '../../language/generation/html/html-text.js';
import { pageSvgRules } from '../../language/generation/html/page-svg.js';
import { fundingOverviewMermaid } from '../../language/generation/mermaid/funding-mermaid.js';
import { treeToMermaid, type DiagramTarget } from '../../language/generation/mermaid/tree-mermaid.js';
import { computePreviewData } from '../../language/lsp/preview-data.js';
import type { PreviewData } from '../../language/lsp/protocol.js';
import { TreeWalker } from '../../language/walkthrough/walk.js';
import { clearAll, createTestServices, validateFiles, withoutProvenanceHints } from '../helpers.js';
import { launchBrowser, newPage } from '../support/browser.js';
import { pageSettled } from '../support/page-settled.js';
import { startHarness, type PreviewHarness, type PreviewPage } from '../extension/webview/preview-page.js';
import { DIAGRAM_MAX_LENGTH, hostileCorpus, hostileNames, hostileWorkspace, shown, squash } from './hostile-corpus.js';
import { auditDom, occurrences, visibleText, watchEvents, watchPage, type PageWatch } from './page-watch.js';
import { handreikingAsync } from '../support/cli.js';

/**
 * "Nothing executes": the hostile corpus, in every place a `.hrk` file has text, rendered by the
 * three renderers in headless Chromium — the preview webview, the HTML export and the SVG export.
 * For each: no script runs (canary and dialogs), nothing is fetched, no CSP rule is broken, no
 * element or attribute that could run or load anything appears, and every text is shown as written
 * (bidi and control characters removed by design, see `shown()`).
 */

const workspace = hostileWorkspace();
const corpus = hostileCorpus;

/** Characters that must never reach a reader: bidi controls and C0/C1 controls (`\n`, `\t` aside). */
const STRIPPED = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029]/;

/** The text as the parser gives it back from a UTF-8 file: a lone surrogate cannot be written and becomes U+FFFD. */
function asWritten(text: string): string {
    return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

// ---- what a diagram must show, computed from the JSON: the label rules of escape.ts as a reader sees them

const linkWords: Record<LinkKind, string> = { tree: 'beslisboom', node: 'knoop', chapter: 'hoofdstuk', typology: 'typologie', funding: 'financiering' };

/** A label's paragraphs as drawn, whitespace removed: each paragraph shown, cut after 1 000 characters with `…`. */
function label(paragraphs: readonly string[]): string {
    return paragraphs.map(p => {
        const chars = Array.from(shown(p));
        return squash(chars.length <= DIAGRAM_MAX_LENGTH ? chars.join('') : chars.slice(0, DIAGRAM_MAX_LENGTH - 1).join('').trimEnd() + '…');
    }).join('');
}

interface Labels {
    nodes: Record<string, string>;
    /** `from>to` (Mermaid ids) → label, for labelled edges only. */
    edges: Record<string, string>;
}

function treeLabels(tree: TreeJson, ids: Record<string, DiagramTarget>): Labels {
    const nodes: Record<string, string> = {};
    const mermaidOf = new Map<string, string>();
    for (const [mid, target] of Object.entries(ids)) {
        if (target.kind === 'start') nodes[mid] = 'Start';
        else if (target.kind === 'link') {
            const link = target.link!;
            nodes[mid] = label([`→ ${link.title.trim() ? link.title : link.target}`, `(${linkWords[link.kind]})`]);
        } else {
            const node = tree.nodes.find(n => n.id === target.id)!;
            if (!mermaidOf.has(node.id)) mermaidOf.set(node.id, mid);
            nodes[mid] = label(node.examples.length > 0 ? [node.text, `Bijv.: ${node.examples.join('; ')}`] : [node.text]);
        }
    }
    const edges: Record<string, string> = {};
    for (const edge of tree.edges) {
        if (edge.label !== undefined) edges[`${mermaidOf.get(edge.from)}>${mermaidOf.get(edge.to)}`] = label([edge.label]);
    }
    return { nodes, edges };
}

function fundingLabels(json: HandreikingJson): Labels {
    const nodes: Record<string, string> = {};
    const titleOr = (title: string, id: string) => (title.trim() ? title : id);
    const paragraphs = (f: FundingJson) => [titleOr(f.title, f.id),
        ...(f.applicability.kind === 'condition' && f.applicability.text ? [`waar ${f.applicability.text}`] : []),
        ...(f.validUntil ? [`geldig tot ${f.validUntil}`] : [])];
    for (const [mid, target] of Object.entries(fundingOverviewMermaid(json).ids)) {
        if (target.kind === 'funding') nodes[mid] = label(paragraphs(json.funding.find(f => f.id === target.id)!));
        else if (target.kind === 'typology') {
            const typology = json.typologies.find(t => t.id === target.id)!;
            nodes[mid] = label([titleOr(typology.title, typology.id)]);
        } else nodes[mid] = label(['alle typologieën']);
    }
    return { nodes, edges: {} };
}

/** Runs in the page: the text of each drawn node and labelled edge of the SVG under `selector`. */
function drawnLabels(selector: string): Labels {
    const svg = document.querySelector(selector);
    const textOf = (element: Element) => {
        const parts: string[] = [];
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const tag = n.parentElement?.tagName.toLowerCase();
            if (tag !== 'style' && tag !== 'script') parts.push(n.nodeValue ?? '');
        }
        return parts.join('');
    };
    const result: Labels = { nodes: {}, edges: {} };
    if (!svg) return result;
    for (const group of svg.querySelectorAll('g.node')) {
        const id = /-flowchart-(.+)-\d+$/.exec(group.id)?.[1] ?? `?${group.id}`;
        result.nodes[id] = textOf(group);
    }
    for (const edge of svg.querySelectorAll('g.edgeLabel g.label[data-id]')) {
        const m = /^L_(.+?)_(.+?)_\d+$/.exec(edge.getAttribute('data-id') ?? '');
        const text = textOf(edge);
        if (m && text.replace(/\s/g, '') !== '') result.edges[`${m[1]}>${m[2]}`] = text;
    }
    return result;
}

/** Plain-text SVG labels show `"` as a typographic quote and break Mermaid's sequences with U+2060 (escape.ts). */
const plainNormalised = (text: string) => text.replace(/\u2060/g, '').replace(/[“”]/g, '"');

/**
 * A Mermaid 12.3 defect in plain-text (SVG `<text>`) labels only: a word wider than the label box
 * (200 px for edge labels) is cut into characters *after* `&`, `<`, `>` became entity codes, so a
 * cut can fall inside `&gt;` and the reader sees the code instead of the character. Harmless (the
 * text is still text), but not literal; documented in docs/security.md.
 */
const undecodedEntity = (drawn: string, text: string) =>
    /&(lt|gt|amp);/.test(drawn) && drawn.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&') === text;

/** Compares every drawn label with what it must show; returns the labels excused by `excused`. */
function expectLabels(drawn: Labels, expected: Labels, where: string,
    options: { normalise?: (s: string) => string; excused?: (drawn: string, text: string) => boolean } = {}): string[] {
    const normalise = options.normalise ?? (s => s);
    expect(Object.keys(drawn.nodes).sort(), `${where}: the drawn nodes`).toEqual(Object.keys(expected.nodes).sort());
    const labelled = Object.entries(expected.edges).filter(([, v]) => v !== '');
    expect(Object.keys(drawn.edges).sort(), `${where}: the labelled edges`).toEqual(labelled.map(([k]) => k).sort());
    // Every difference at once: the report says which texts are not shown as written.
    const different = [
        ...Object.entries(expected.nodes).map(([mid, text]) => ({ at: `node ${mid}`, drawn: squash(normalise(drawn.nodes[mid])), text })),
        ...labelled.map(([key, text]) => ({ at: `edge ${key}`, drawn: squash(normalise(drawn.edges[key])), text }))
    ].filter(d => d.drawn !== d.text);
    const explain = (d: { at: string; drawn: string; text: string }) => `${where} ${d.at}: ${JSON.stringify(d.drawn).slice(0, 120)} ≠ ${JSON.stringify(d.text).slice(0, 120)}`;
    const excused = options.excused ?? (() => false);
    expect(different.filter(d => !excused(d.drawn, d.text)).map(explain), where).toEqual([]);
    return different.map(explain);
}

// ---- checks shared by the renderers

/**
 * In serialised markup whose text is escaped (every `<` of user text is `&lt;`): the tags that could
 * run or load something, `on…` attributes and `javascript:` URLs. Text that merely reads like them is not matched.
 */
function dangerousMarkup(markup: string): string[] {
    const tags = markup.match(/<[a-zA-Z][^>]*>/g) ?? [];
    return tags.filter(tag => /^<(script|iframe|frame|img|image|a|object|embed|base|form|meta|link|video|audio|source)\b/i.test(tag)
        || /\son[a-z]+\s*=/i.test(tag.replace(/"[^"]*"|'[^']*'/g, '""'))
        || /=\s*["']?\s*javascript:/i.test(tag));
}

async function expectNothingRan(page: Page, watch: PageWatch, where: string): Promise<void> {
    const seen = await watch.inPage();
    expect(seen.pwned, `${where}: window.__pwned`).toBeUndefined();
    expect(watch.dialogs, `${where}: dialogs`).toEqual([]);
    expect(watch.popups, `${where}: pop-ups`).toBe(0);
    expect(watch.frames, `${where}: frames`).toEqual([]);
    expect(page.frames(), `${where}: frames`).toHaveLength(1);
    expect(watch.foreign(), `${where}: requests`).toEqual([]);
    expect(seen.csp, `${where}: CSP violations`).toEqual([]);
    expect(watch.pageErrors, `${where}: page errors`).toEqual([]);
    expect(watch.consoleErrors, `${where}: console errors`).toEqual([]);
}

async function expectNothingStripped(page: Page, selector: string, where: string): Promise<void> {
    const text = await page.evaluate(visibleText, selector);
    expect(text.length, where).toBeGreaterThan(0);
    const found = STRIPPED.exec(text);
    expect(found ? `U+${found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} in …${text.slice(Math.max(0, found.index - 30), found.index + 30)}…` : undefined, where).toBeUndefined();
}

/**
 * The typology table (the same generator in the preview and the HTML guide): every title as a
 * column head, every characteristic title as a row head, every value, activity and comparable room
 * in its typology's column.
 */
async function expectTypologyTable(table: Locator, json: HandreikingJson): Promise<void> {
    const grid = await table.evaluate(t => {
        const heads = [...t.querySelectorAll('thead th[data-typology]')].map(th => ({ id: th.getAttribute('data-typology') ?? '', text: th.textContent ?? '' }));
        const rows = [...t.querySelectorAll('tbody tr')].map(tr => ({
            head: tr.querySelector('th')?.textContent ?? '',
            cells: [...tr.querySelectorAll('td')].map(td => td.querySelectorAll('li').length > 0 ? [...td.querySelectorAll('li')].map(li => li.textContent ?? '') : [td.textContent ?? ''])
        }));
        return { heads, rows };
    });
    expect(grid.heads.map(h => h.id)).toEqual(json.typologies.map(t => t.id));
    // The table shows the id for a blank title (typology-rows.ts).
    const titleOr = (title: string, id: string) => (title.trim() ? title : id);
    expect(grid.heads.map(h => h.text)).toEqual(json.typologies.map(t => shown(titleOr(t.title, t.id))));
    const rowHeads = grid.rows.map(r => r.head);
    for (const c of json.characteristics) expect(rowHeads, c.id).toContain(shown(titleOr(c.title, c.id)));
    json.typologies.forEach((typology, column) => {
        const cells = grid.rows.flatMap(r => r.cells[column] ?? []);
        for (const text of [...Object.values(typology.values), ...typology.activities, ...typology.comparable]) {
            expect(cells, `${typology.id}: ${JSON.stringify(text).slice(0, 60)}`).toContain(shown(text));
        }
    });
}

/** Moves the mouse over every drawn node (a `mouseover` or `mouseenter` handler would fire). */
async function hoverAll(svg: Locator): Promise<void> {
    const count = await svg.evaluate(element => {
        const groups = [...element.querySelectorAll('g.node, g.edgeLabel')];
        for (const g of groups) {
            for (const type of ['mouseover', 'mouseenter', 'mousemove', 'mouseout']) g.dispatchEvent(new MouseEvent(type, { bubbles: true }));
        }
        return groups.length;
    });
    expect(count).toBeGreaterThan(0);
}

// ---- walking a tree in the page: one round trip per answer

interface WalkUi {
    root: string;
    question: string;
    questionText: string;
    answer: string;
    result: string;
    resultText: string;
    examples: string;
    links: string;
    path: string;
    back: string;
}

interface WalkView {
    question: string | null;
    questionText: string | null;
    answers: string[];
    result: string | null;
    resultText: string | null;
    examples: string[];
    links: string[];
    path: string[];
}

/** Runs in the page: clicks the `index`-th element of `click` (if given), then reads the walkthrough. */
function walkView(args: { ui: WalkUi; click?: string; index?: number }): WalkView {
    const { ui } = args;
    const root = document.querySelector(ui.root);
    if (!root) throw new Error(`no ${ui.root}`);
    if (args.click) {
        const target = root.querySelectorAll<HTMLElement>(args.click)[args.index ?? 0];
        if (!target) throw new Error(`no ${args.click} #${args.index ?? 0}`);
        target.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
        target.click();
    }
    const texts = (selector: string) => [...root.querySelectorAll(selector)].map(e => e.textContent ?? '');
    const question = root.querySelector(ui.question);
    const result = root.querySelector(ui.result);
    return {
        question: question?.getAttribute('data-node') ?? null,
        questionText: root.querySelector(ui.questionText)?.textContent ?? null,
        answers: texts(ui.answer),
        result: result?.getAttribute('data-node') ?? null,
        resultText: root.querySelector(ui.resultText)?.textContent ?? null,
        examples: texts(ui.examples),
        links: texts(ui.links),
        path: texts(ui.path)
    };
}

interface WalkChecks {
    /** The text of a link of the advice as the UI shows it. */
    link(link: NodeJson['links'][number]): string;
    /** Checks the listed path against the walk. */
    path(items: string[], result: ReturnType<TreeWalker['walk']>, walker: TreeWalker, where: string): void;
}

/**
 * Answers question after question (the `choose`n answer), checking each question and its answers
 * as shown, and at the end the advice, its examples, links and the path. Starts from `view`.
 */
async function walkTree(page: Page, ui: WalkUi, checks: WalkChecks, tree: TreeJson, view: WalkView, choose: (question: string) => number): Promise<WalkView> {
    const walker = new TreeWalker(tree);
    const given = new Map<string, string>();
    for (let guard = 0; view.question !== null; guard++) {
        expect(guard, tree.id).toBeLessThan(100);
        const question = walker.node(view.question)!;
        const answers = walker.answers(question.id);
        expect([view.questionText, view.answers], `${tree.id} ${question.id}`).toEqual([shown(question.text), answers.map(a => shown(a.label ?? ''))]);
        const index = choose(question.id);
        given.set(question.id, answers[index].label ?? '');
        view = await page.evaluate(walkView, { ui, click: ui.answer, index });
    }
    const result = walker.walk(q => given.get(q));
    expect(result.status, tree.id).toBe('advice');
    const advice = walker.node(result.at!)!;
    expect([view.result, view.resultText, view.examples, view.links], tree.id)
        .toEqual([advice.id, shown(advice.text), advice.examples.map(shown), advice.links.map(l => shown(checks.link(l)))]);
    checks.path(view.path, result, walker, tree.id);
    return view;
}

let dir: string;
let json: HandreikingJson;
let browser: Browser;
/** The HTML and SVG exports start at once and run (in their own processes) while the preview is tested. */
let exported: { html: ReturnType<typeof handreikingAsync>; htmlMermaid: ReturnType<typeof handreikingAsync>; svg: ReturnType<typeof handreikingAsync>; plainSvg: ReturnType<typeof handreikingAsync> };

beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hrk-security-'));
    fs.mkdirSync(path.join(dir, 'bron'));
    for (const [name, text] of Object.entries(workspace.files)) fs.writeFileSync(path.join(dir, 'bron', name), text);
    const [jsonExport, launched] = await Promise.all([handreikingAsync(['export', 'json', 'bron', '-o', 'uit/handreiking.json'], dir), launchBrowser()]);
    browser = launched;
    expect(jsonExport.stderr).toBe('');
    expect(jsonExport.code).toBe(0);
    json = JSON.parse(fs.readFileSync(path.join(dir, 'uit/handreiking.json'), 'utf-8')) as HandreikingJson;
    exported = {
        html: handreikingAsync(['export', 'html', 'bron', '-o', 'uit/gids.html'], dir),
        htmlMermaid: handreikingAsync(['export', 'html', 'bron', '-o', 'uit/gids-mermaid.html', '--mermaid-in-pagina'], dir),
        svg: handreikingAsync(['export', 'svg', 'bron', '-o', 'uit/svg'], dir),
        plainSvg: handreikingAsync(['export', 'svg', 'bron', '-o', 'uit/svg-tekst', '--platte-tekst'], dir)
    };
}, 120_000);

afterAll(async () => {
    await browser?.close();
    if (exported) await Promise.all([exported.html, exported.htmlMermaid, exported.svg, exported.plainSvg]);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the hostile corpus', () => {
    test('has at least 30 entries in every category the issue names, each text once', () => {
        expect(corpus.length).toBeGreaterThanOrEqual(30);
        const categories = new Set(corpus.map(e => e.category));
        for (const c of ['html', 'script', 'event-handler', 'url', 'mermaid-directive', 'mermaid-statement', 'mermaid-style', 'css',
            'embedded-json', 'bidi', 'control', 'length', 'entity', 'backtick', 'unicode'] as const) expect(categories, c).toContain(c);
        expect(new Set(corpus.map(e => e.text)).size).toBe(corpus.length);
        expect(corpus.some(e => e.text === '')).toBe(true);
        expect(corpus.some(e => e.text.length >= 5_000)).toBe(true);
        for (const from of ['mermaid-labels', 'html-guide', 'security'] as const) expect(corpus.some(e => e.from === from), from).toBe(true);
    });

    test('the workspace checks clean, so every export runs without --force, and every scenario passes', async () => {
        const check = await handreikingAsync(['check', 'bron'], dir);
        expect(check.stdout).toContain('2 bestanden gecontroleerd: 0 fouten, 0 waarschuwingen.');
        expect(check.code).toBe(0);
        const scenarios = await handreikingAsync(['test', 'bron'], dir);
        expect(scenarios.stdout).toContain(`Scenario's: ${corpus.length + 1} passed, 0 failed`);
        expect(scenarios.code).toBe(0);
    });

    test('every text reaches the JSON as written, in every place', () => {
        corpus.forEach((entry, i) => {
            const text = asWritten(entry.text);
            const n = workspace.names(i);
            const tree = json.trees.find(t => t.id === n.tree)!;
            const typology = json.typologies.find(t => t.id === n.typology)!;
            const funding = json.funding.find(f => f.id === n.funding)!;
            const stakeholder = json.stakeholders.find(s => s.id === n.stakeholder)!;
            const chapter = json.chapters.find(c => c.id === n.chapter)!;
            const characteristic = json.characteristics.find(c => c.id === n.characteristic)!;
            const node = (id: string) => tree.nodes.find(x => x.id === id)!;
            expect([tree.title, tree.description, node('Vraag').text, node('Vraag').description, node('Stap').text, node('Advies').text,
                node('Advies').examples[0], tree.edges.find(e => e.to === 'Stap')!.label], entry.id).toEqual(Array(8).fill(text));
            expect([typology.title, typology.values.Schaal, typology.activities[0], typology.comparable[0], typology.description], entry.id).toEqual(Array(5).fill(text));
            expect([funding.title, funding.via[0], funding.conditions[0], funding.sources[0], funding.description, funding.applicability.condition],
                entry.id).toEqual([text, text, text, text, text, { op: 'compare', characteristic: 'Schaal', operator: '=', value: text }]);
            expect(funding.applicability.typologies).toEqual([n.typology]);
            expect([stakeholder.title, stakeholder.roles[0], stakeholder.strengths[0], stakeholder.pitfalls[0], stakeholder.description], entry.id).toEqual(Array(5).fill(text));
            expect([chapter.title, chapter.workingGroup, chapter.description, characteristic.title], entry.id).toEqual(Array(4).fill(text));
            expect(json.scenarios.find(s => s.name === text)?.answers, entry.id).toEqual([{ question: 'Keuze', answer: text }]);
            expect(json.characteristics.find(c => c.id === 'Schaal')!.values[i]).toBe(text);
        });
    });
});

describe('the watch itself', () => {
    test('sees a script run, an alert, a request, a frame and a CSP violation when there is one', async () => {
        const file = path.join(dir, 'echt-kwaad.html');
        fs.writeFileSync(file, `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="img-src 'none'"></head><body>
<script>window.__pwned = 1; alert('x');</script><img src="https://evil.invalid/p.png"><iframe srcdoc="x"></iframe></body></html>`);
        const page = await newPage(browser);
        const watch = await watchPage(page, url => url === pathToFileURL(file).href);
        await page.goto(pathToFileURL(file).href);
        // Each of these is an event the watch receives: wait for it (a watch that misses one fails here).
        await expect.poll(() => watch.dialogs).toEqual(['alert: x']);
        await expect.poll(async () => (await watch.inPage()).csp).toEqual(['img-src https://evil.invalid/p.png']);
        await expect.poll(() => watch.frames).toHaveLength(1);
        await pageSettled(page);
        const seen = await watch.inPage();
        expect(seen.pwned).toBe(1);
        expect(watch.dialogs).toEqual(['alert: x']);
        expect(seen.csp).toEqual(['img-src https://evil.invalid/p.png']);
        expect(watch.frames).toHaveLength(1);
        const audit = await page.evaluate(auditDom);
        expect(audit.scripts).toBe(1);
        expect(audit.loaders.map(l => l.split(' ')[0])).toEqual(['meta', 'img', 'iframe']);
        await page.close();
    });
});

// ---------------------------------------------------------------------------------------------
// (a) The preview webview

describe('(a) the preview webview', () => {
    let harness: PreviewHarness;
    let data: PreviewData;
    let p: PreviewPage;
    const watch = { requests: [] as string[], dialogs: [] as string[], popups: 0, frames: [] as string[], pageErrors: [] as string[], consoleErrors: [] as string[] };

    beforeAll(async () => {
        const services = createTestServices();
        const documents = await validateFiles(services, workspace.files);
        for (const [name, document] of documents) expect(withoutProvenanceHints(document.diagnostics), name).toEqual([]);
        data = computePreviewData(services, documents.get('bomen.hrk')!, {});
        await clearAll(services);
        harness = await startHarness();
        p = await harness.open();
        // Before any hostile text arrives: the page holds none until the first update.
        watchEvents(p.page, watch);
        await p.settings();
        await p.update(data);
        await p.idle(1);
    }, 120_000);
    afterAll(async () => { await harness?.close(); });

    test('the preview data maps every node name to its own range, JavaScript property names too', () => {
        const names = data.trees.find(t => t.tree.id === workspace.namesTree)!;
        for (const name of hostileNames) {
            expect(Object.hasOwn(names.ranges, name), name).toBe(true);
            expect(Object.hasOwn(names.extents, name), name).toBe(true);
            expect(names.ranges[name].start.line, name).toBeGreaterThan(0);
        }
        // What the extension does with a click on `__proto__`: it reads the range after JSON transport.
        const sent = JSON.parse(JSON.stringify(data)) as PreviewData;
        const ranges = sent.trees.find(t => t.tree.id === workspace.namesTree)!.ranges;
        for (const name of hostileNames) expect(ranges[name]?.start?.line, name).toBe(names.ranges[name].start.line);
    });

    test('every tree is drawn with every text as written, and nothing more', async () => {
        expect(data.trees.map(t => t.tree.id)).toEqual(json.trees.map(t => t.id));
        for (const tree of data.trees) {
            const before = (await p.stats()).draws;
            await p.page.selectOption('.tree-picker', tree.tree.id);
            await p.idle(before + 1);
            expect((await p.posted()).filter(m => m.type === 'error'), tree.tree.id).toEqual([]);
            const drawn = await p.page.evaluate(drawnLabels, '.diagram-viewport svg');
            expectLabels(drawn, treeLabels(tree.tree, treeToMermaid(tree.tree).ids), `preview ${tree.tree.id}`);
            const option = await p.page.locator(`.tree-picker option[value="${tree.tree.id}"]`).textContent();
            expect(option, tree.tree.id).toBe(shown(tree.tree.title ? `${tree.tree.title} (${tree.tree.id})` : tree.tree.id));
        }
        await expectNothingStripped(p.page, '.content', 'preview diagrams');
    }, 300_000);

    const previewUi: WalkUi = {
        root: '.walk-panel', question: '.walk-question', questionText: '.walk-question .walk-text', answer: '.walk-answer',
        result: '.walk-advice', resultText: '.walk-advice .walk-text', examples: '.walk-advice .walk-examples li',
        links: '.walk-advice .walk-links li', path: '.walk-path li', back: '.walk-back'
    };
    const previewChecks: WalkChecks = {
        link: l => `${l.title.trim() ? l.title : l.target} (${linkWords[l.kind]})`,
        path: (items, result, walker, where) => expect(items, where).toEqual(result.path.slice(0, -1)
            .map(step => shown(`${walker.node(step.node)!.text}${step.answer !== undefined ? ` — ${step.answer}` : ''}`)))
    };

    async function startPreviewWalk(tree: TreeJson): Promise<WalkView> {
        await p.send({ type: 'walk', tree: tree.id });
        await p.page.waitForSelector('.walk-panel:not([hidden]) .walk-question, .walk-panel:not([hidden]) .walk-advice');
        expect(await p.page.locator('.walk-panel h2').textContent(), tree.id).toBe(shown(`Doorlopen: ${tree.title || tree.id}`));
        return p.page.evaluate(walkView, { ui: previewUi });
    }

    test('the walkthrough through every answer shows every text as written', async () => {
        const answers = json.trees.find(t => t.id === workspace.answersTree)!;
        let view = await startPreviewWalk(answers);
        for (let i = 0; i < corpus.length; i++) {
            await walkTree(p.page, previewUi, previewChecks, answers, view, () => i);
            view = await p.page.evaluate(walkView, { ui: previewUi, click: previewUi.back });
        }
        // Every other tree; the names tree last: `ja` all the way, past `__proto__`, `constructor` … to the last name.
        for (const tree of json.trees.filter(t => t.id !== workspace.answersTree)) {
            view = await walkTree(p.page, previewUi, previewChecks, tree, await startPreviewWalk(tree), () => 0);
        }
        expect(view.result).toBe(hostileNames[hostileNames.length - 1]);
        await expectNothingStripped(p.page, '.walk-panel', 'preview walkthrough');
        await p.page.locator('.walk-panel .walk-close').click();
    }, 300_000);

    test('the typology table and the funding overview show every text as written', async () => {
        let before = (await p.stats()).draws;
        await p.page.click('.tab-typologies');
        await p.idle(before + 1);
        await expectTypologyTable(p.page.locator('.table-view table'), json);
        await expectNothingStripped(p.page, '.table-view', 'preview typology table');

        before = (await p.stats()).draws;
        await p.page.click('.tab-funding');
        await p.idle(before + 1);
        expect((await p.posted()).filter(m => m.type === 'error')).toEqual([]);
        expectLabels(await p.page.evaluate(drawnLabels, '.diagram-viewport svg'), fundingLabels(json), 'preview funding overview');
        await hoverAll(p.page.locator('.diagram-viewport svg'));
    }, 120_000);

    test('its SVG export of the answers tree carries no markup', async () => {
        const before = (await p.stats()).draws;
        await p.page.selectOption('.tree-picker', workspace.answersTree);
        await p.idle(before + 1);
        await hoverAll(p.page.locator('.diagram-viewport svg'));
        await p.page.click('.export-svg');
        const posted = await p.waitForPosted(m => m.type === 'export' && m.format === 'svg');
        const svg = posted.type === 'export' ? posted.data : '';
        expect(svg).toContain('<svg');
        expect(dangerousMarkup(svg)).toEqual([]);
        expect(svg).not.toContain('foreignObject');
    });

    test('nothing ran, nothing was fetched, no CSP rule was broken, no markup appeared', async () => {
        await pageSettled(p.page);
        const seen = await p.expectClean();
        expect(seen).toEqual({ csp: [], foreign: [], errors: [] });
        // After the page's own three files (before the first update): nothing but data: URLs.
        expect(watch.requests.filter(u => !u.startsWith('data:'))).toEqual([]);
        expect(watch.dialogs).toEqual([]);
        expect(watch.popups).toBe(0);
        expect(watch.frames).toEqual([]);
        expect(watch.pageErrors).toEqual([]);
        expect(watch.consoleErrors).toEqual([]);
        expect(await p.page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
        expect(p.requests.filter(u => !u.startsWith('data:')).map(u => u.replace(/^.*\//, '')).sort()).toEqual(['page-1.html', 'preview.css', 'preview.js']);
        const audit = await p.page.evaluate(auditDom);
        expect(audit.scripts).toBe(1);
        expect(audit.handlers).toEqual([]);
        expect(audit.fetchingStyles).toEqual([]);
        expect(audit.loaders.map(l => l.replace(/content=.*/, 'content=…'))).toEqual(['meta http-equiv=Content-Security-Policy content=…', 'link rel=stylesheet href=preview.css']);
        expect(audit.urls.filter(u => !/ (href|src)=(#|preview\.(css|js)$)/.test(u))).toEqual([]);
    });
});

// ---------------------------------------------------------------------------------------------
// (b) The HTML export

/**
 * Both pages the HTML export makes: with the diagrams drawn at export time (the default: the SVG is
 * in the file, written from an allowlist, and the page has no Mermaid), and with Mermaid drawing
 * them in the reader's browser (the fallback without Chromium, or asked for).
 */
const htmlVariants = [
    { name: 'drawn at export time', key: 'html', file: 'gids.html', meta: 'predrawn', scripts: 2, said: /getekend in Chromium: de pagina heeft geen Mermaid nodig/ },
    { name: 'drawn by Mermaid in the page (--mermaid-in-pagina)', key: 'htmlMermaid', file: 'gids-mermaid.html', meta: 'mermaid', scripts: 3, said: /in de browser van de lezer getekend met Mermaid \(--mermaid-in-pagina\)/ }
] as const;

describe.each(htmlVariants)('(b) the HTML export, $name', variant => {
    let file: string;
    let html: string;
    let page: Page;
    let watch: PageWatch;

    beforeAll(async () => {
        const result = await exported[variant.key];
        expect(result.stderr).toBe('');
        expect(result.stdout).toMatch(variant.said);
        expect(result.code).toBe(0);
        file = path.join(dir, 'uit', variant.file);
        html = fs.readFileSync(file, 'utf-8');
        page = await newPage(browser, { viewport: { width: 1400, height: 1000 } });
        watch = await watchPage(page, url => url === pathToFileURL(file).href);
        await page.goto(pathToFileURL(file).href);
        await page.waitForSelector('html[data-hrk-diagrams="ready"]', { timeout: 120_000 });
    }, 180_000);
    afterAll(async () => { await page?.close(); });

    test('the file references nothing outside itself; links to a bron are plain http(s) links with rel="noopener noreferrer"', () => {
        // User text is escaped, so every `<` left in the markup starts a real tag; script contents are the bundles.
        const markup = html.replace(/(<script\b[^>]*>)[\s\S]*?(<\/script>)/gi, '$1$2');
        const tags = markup.match(/<[a-zA-Z][^>]*>/g) ?? [];
        const remote = /^\s*["']?\s*(?:[a-z][a-z0-9+.-]*:|\/\/)/i;
        for (const tag of tags) {
            for (const m of tag.matchAll(/\s(src|srcset|href|action|data|poster|background)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi)) {
                const [, name, quoted] = m;
                const value = quoted.replace(/^["']|["']$/g, '');
                if (!remote.test(value)) continue;
                if (/^a$/i.test(/^<(\w+)/.exec(tag)![1]) && name.toLowerCase() === 'href') {
                    expect(value, tag).toMatch(/^https?:\/\//);
                    expect(tag, tag).toContain('rel="noopener noreferrer"');
                } else {
                    expect(`${name}=${value}`, tag).toMatch(/^href=data:,$|^content=/);
                }
            }
        }
        const css = [...markup.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map(m => m[1]).join('\n')
            + [...markup.matchAll(/\sstyle\s*=\s*"([^"]*)"/gi)].map(m => m[1]).join('\n');
        expect(css).not.toMatch(/@import/i);
        expect(css).not.toMatch(/url\(\s*["']?\s*(?:[a-z][a-z0-9+.-]*:|\/\/)/i);
        expect(markup).not.toMatch(/<script\b[^>]*\bsrc\s*=/i);
        expect(markup).not.toMatch(/<link\b(?![^>]*rel="icon")[^>]*>/i);
        expect(markup).not.toMatch(/\s(?:href|src|action)\s*=\s*["']?\s*javascript:/i);
    });

    test('the embedded JSON cannot end its script block and reads back as the export', () => {
        const block = /<script type="application\/json" id="handreiking-data">([\s\S]*?)<\/script>/.exec(html);
        expect(block).not.toBeNull();
        const text = block![1];
        expect(text).not.toMatch(/[<>&\u2028\u2029\u202A-\u202E\u2066-\u2069]/);
        expect(JSON.parse(text)).toEqual(json);
        // Only the page's own scripts exist in the file: the data, the app, and Mermaid when it draws in the page.
        expect(html.match(/<script\b/gi)).toHaveLength(variant.scripts);
        expect(html).toContain(`<meta name="hrk-diagrams" content="${variant.meta}">`);
    });

    test('every tree is drawn with every text as written', async () => {
        // Each tree's section read in one round trip with the DOM's own queries: a Playwright locator
        // walks the whole page for every query (it looks into shadow roots), and this page has some
        // 90 000 elements, so three locators per tree cost ~15 s of the page's CPU for nothing.
        const sections = await page.evaluate(ids => ids.map(id => {
            const section = document.getElementById(id);
            const texts = (selector: string) => [...section?.querySelectorAll(selector) ?? []].map(e => e.textContent ?? '').join('');
            return { title: section?.querySelector('h3')?.textContent ?? null, description: texts('p.description'), doc: texts('p.doc') };
        }), json.trees.map(tree => anchorId('tree', tree.id)));
        for (const [index, tree] of json.trees.entries()) {
            const drawn = await page.evaluate(drawnLabels, `.diagram-canvas[data-tree-index="${index}"] svg`);
            expectLabels(drawn, treeLabels(tree, treeToMermaid(tree).ids), `html ${tree.id}`);
            expect(sections[index].title, tree.id).toBe(shown(tree.title || tree.id));
            expect(squash(sections[index].description), tree.id).toBe(squash(shown(tree.description ?? '')));
            expect(squash(sections[index].doc), tree.id).toBe(squash(shown(tree.documentation ?? '')));
        }
        // The guide shows funding as a matrix (the Mermaid overview is the preview's): every rule by its title, as text.
        expect(await page.locator('table.hrk-matrix tbody th[scope="row"] a').allTextContents()).toEqual(
            [...(['incidental', 'multiYear', 'structural'] as const).flatMap(term => json.funding.filter(f => f.term === term)), ...json.funding.filter(f => f.term === undefined)]
                .map(f => shown(f.title || 'financieringsbron')));
        expect(await page.locator('.diagram-error, .wt-problem').count()).toBe(0);
    }, 120_000);

    const guideUi = (tree: TreeJson): WalkUi => ({
        root: `#${anchorId('tree', tree.id)}`, question: '.wt-current .wt-question', questionText: '.wt-current .wt-question .wt-text',
        answer: '.wt-current button.wt-answer', result: '.wt-current .wt-result', resultText: '.wt-current .wt-result .wt-text',
        examples: '.wt-current .wt-result .wt-examples li', links: '.wt-current .wt-result .wt-links a', path: '.wt-path > li', back: '.wt-back'
    });
    const kindWords = { question: 'Vraag', advice: 'Advies', step: 'Stap' } as const;
    const guideChecks: WalkChecks = {
        link: l => l.title || l.target,
        path: (items, result, walker, where) => {
            expect(items, where).toHaveLength(result.path.length);
            result.path.forEach((step, k) => {
                const item = squash(items[k]);
                const text = squash(`${kindWords[step.kind]}: ${shown(walker.node(step.node)!.text)}`);
                expect(item.startsWith(text), `${where} path ${k}: ${item.slice(0, 80)}`).toBe(true);
                if (step.answer !== undefined) expect(occurrences(item.slice(text.length), `—${squash(shown(step.answer))}`), `${where} path ${k}`).toBe(1);
            });
        }
    };

    test('walking every tree, through every answer, shows every text as written', async () => {
        const answers = json.trees.find(t => t.id === workspace.answersTree)!;
        let view = await page.evaluate(walkView, { ui: guideUi(answers) });
        for (let i = 0; i < corpus.length; i++) {
            await walkTree(page, guideUi(answers), guideChecks, answers, view, () => i);
            view = await page.evaluate(walkView, { ui: guideUi(answers), click: '.wt-back' });
        }
        for (const tree of json.trees.filter(t => t.id !== workspace.answersTree)) {
            view = await walkTree(page, guideUi(tree), guideChecks, tree, await page.evaluate(walkView, { ui: guideUi(tree) }), () => 0);
        }
        expect(view.result).toBe(hostileNames[hostileNames.length - 1]);
        // Follow an advice's links, and move the mouse over the buttons and the answers tree's nodes.
        const links = page.locator(`#${anchorId('tree', json.trees[1].id)} .wt-result .wt-links a`);
        for (const link of await links.all()) await link.click();
        await hoverAll(page.locator(`.diagram-canvas[data-tree-index="0"] svg`));
    }, 300_000);

    test('the typologies, funding, stakeholders and chapters show every text as written; a bron is a link only when it is http(s)', async () => {
        await expectTypologyTable(page.locator('table.hrk-typology-table'), json);
        const cards = await page.evaluate(() => [...document.querySelectorAll('article.card')].map(card => ({
            id: card.id,
            title: card.querySelector('h3, h4')?.textContent ?? '',
            items: [...card.querySelectorAll('li')].map(li => li.textContent ?? ''),
            description: [...card.querySelectorAll('p.description')].map(p => p.textContent ?? '').join(''),
            doc: [...card.querySelectorAll('p.doc')].map(p => p.textContent ?? '').join(''),
            facts: card.querySelector('dl.facts')?.textContent ?? '',
            muted: [...card.querySelectorAll('p.muted')].map(p => p.textContent ?? ''),
            links: [...card.querySelectorAll('a[href]:not([href^="#"])')].map(a => ({ href: a.getAttribute('href'), rel: a.getAttribute('rel'), text: a.textContent }))
        })));
        const card = (id: string) => cards.find(c => c.id === id)!;
        const described = (c: ReturnType<typeof card>, e: { description?: string; documentation?: string }, where: string) => {
            expect(squash(c.description), where).toBe(squash(shown(e.description ?? '')));
            expect(squash(c.doc), where).toBe(squash(shown(e.documentation ?? '')));
        };
        for (const t of json.typologies) {
            const c = card(anchorId('typology', t.id));
            expect(c.title, t.id).toBe(shown(t.title || t.id));
            described(c, t, t.id);
        }
        for (const f of json.funding) {
            const c = card(anchorId('funding', f.id));
            expect(c.title, f.id).toBe(shown(f.title || f.id));
            described(c, f, f.id);
            for (const text of [...f.via, ...f.conditions, ...f.sources]) expect(c.items, `${f.id}: ${text.slice(0, 40)}`).toContain(shown(text));
            if (f.applicability.condition) expect(occurrences(squash(c.facts), squash(shown(conditionSentence(f.applicability.condition, json.characteristics)))), f.id).toBe(1);
            const expectedLinks = f.sources.flatMap(s => {
                const url = safeHttpUrl(s);
                return url ? [{ href: url, rel: 'noopener noreferrer', text: shown(s) }] : [];
            });
            expect(c.links, f.id).toEqual(expectedLinks);
        }
        expect(cards.flatMap(c => c.links).length).toBeGreaterThanOrEqual(2);
        for (const s of json.stakeholders) {
            const c = card(anchorId('stakeholder', s.id));
            expect(c.title, s.id).toBe(shown(s.title || s.id));
            described(c, s, s.id);
            for (const text of [...s.roles, ...s.strengths, ...s.pitfalls]) expect(c.items, s.id).toContain(shown(text));
        }
        for (const h of json.chapters) {
            const c = card(anchorId('chapter', h.id));
            expect(c.title, h.id).toBe(shown(h.title || h.id));
            described(c, h, h.id);
            if (h.workingGroup !== undefined && shown(h.workingGroup)) expect(c.muted, h.id).toContain(`Werkgroep ${shown(h.workingGroup)}`);
        }
        await expectNothingStripped(page, 'body', 'HTML guide');
    }, 120_000);

    test('the diagrams in the file, as a browser parses it, hold only the elements and attributes of the page\'s SVG rules', async () => {
        // Without JavaScript: what the file itself carries, before the app adds its classes and names.
        const context = await browser.newContext({ javaScriptEnabled: false });
        try {
            const still = await context.newPage();
            await still.goto(pathToFileURL(file).href);
            const found = await still.evaluate(() => [...document.querySelectorAll('.diagram-canvas svg, .diagram-canvas svg *')].map(e => ({
                name: e.localName,
                html: e.namespaceURI === 'http://www.w3.org/1999/xhtml',
                inLabel: e.closest('foreignObject') !== null && e.localName !== 'foreignObject',
                attributes: [...e.attributes].map(a => a.name)
            })));
            if (variant.meta === 'mermaid') {
                expect(found).toEqual([]);
                return;
            }
            // One per tree with nodes: the funding overview is a table in the guide, not a diagram.
            expect(found.filter(e => e.name === 'svg')).toHaveLength(json.trees.filter(t => t.nodes.length > 0).length);
            const strays = found.filter(e => (e.html ? !(e.inLabel && pageSvgRules.htmlElements.includes(e.name)) : !pageSvgRules.svgElements.includes(e.name)));
            expect(strays.map(e => e.name)).toEqual([]);
            const attributes = new Set(found.flatMap(e => e.attributes));
            expect([...attributes].filter(a => !pageSvgRules.attributes.includes(a))).toEqual([]);
        } finally {
            await context.close();
        }
    });

    test('nothing ran, nothing was fetched, no CSP rule was broken, no markup appeared', async () => {
        await pageSettled(page);
        await expectNothingRan(page, watch, 'HTML guide');
        expect(watch.requests).toEqual([pathToFileURL(file).href]);
        const audit = await page.evaluate(auditDom);
        expect(audit.scripts).toBe(variant.scripts);
        expect(await page.evaluate(() => 'mermaid' in window)).toBe(variant.meta === 'mermaid');
        expect(audit.handlers).toEqual([]);
        expect(audit.fetchingStyles).toEqual([]);
        expect(audit.loaders.map(l => l.replace(/content=.*/, 'content=…'))).toEqual(['meta http-equiv=Content-Security-Policy content=…', 'link rel=icon href=data:,']);
        for (const url of audit.urls) expect(url).toMatch(/ (href|xlink:href)=(#|data:,$|https?:\/\/)/);
        expect(audit.urls.filter(u => / href=https?:/.test(u)).every(u => u.startsWith('a '))).toBe(true);
        expect(await page.evaluate(() => getComputedStyle(document.body).display)).toBe('block');
    });
});

// ---------------------------------------------------------------------------------------------
// (c) The SVG export

describe('(c) the SVG export', () => {
    const variants = [
        { name: 'HTML labels', folder: 'svg', normalise: (s: string) => s, plain: false },
        { name: 'plain-text labels (--platte-tekst)', folder: 'svg-tekst', normalise: plainNormalised, plain: true }
    ];

    beforeAll(async () => {
        const results = await Promise.all([exported.svg, exported.plainSvg]);
        for (const r of results) {
            expect(r.stderr).toBe('');
            expect(r.code).toBe(0);
        }
    }, 180_000);

    test.each(variants)('$name: every file runs nothing, fetches nothing and shows every text as written', async ({ folder, normalise, plain }) => {
        const page = await newPage(browser);
        const excused: string[] = [];
        const own = new Set(json.trees.map(t => pathToFileURL(path.join(dir, 'uit', folder, `${t.id}.svg`)).href));
        const watch = await watchPage(page, url => own.has(url));
        for (const tree of json.trees) {
            const file = path.join(dir, 'uit', folder, `${tree.id}.svg`);
            const svg = fs.readFileSync(file, 'utf-8');
            expect(dangerousMarkup(svg), tree.id).toEqual([]);
            await page.goto(pathToFileURL(file).href);
            excused.push(...expectLabels(await page.evaluate(drawnLabels, 'svg'), treeLabels(tree, treeToMermaid(tree).ids), `${folder}/${tree.id}.svg`,
                { normalise, ...(plain ? { excused: undecodedEntity } : {}) }));
            const audit = await page.evaluate(auditDom);
            expect(audit, tree.id).toEqual({ scripts: 0, loaders: [], handlers: [], urls: [], fetchingStyles: [] });
            await expectNothingStripped(page, 'svg', `${folder}/${tree.id}.svg`);
            await expectNothingRan(page, watch, `${folder}/${tree.id}.svg`);
        }
        expect(watch.requests).toEqual(json.trees.map(t => pathToFileURL(path.join(dir, 'uit', folder, `${t.id}.svg`)).href));
        // HTML labels show every text exactly; the plain-text defect stays rare (one label of the corpus today).
        if (plain) expect(excused.length).toBeLessThanOrEqual(3);
        else expect(excused).toEqual([]);
        await page.close();
    }, 180_000);
});
