import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { HandreikingJson, ProvenanceJson, ScenarioJson, TreeJson } from '../../../language/generation/json/handreiking-json.js';
import { treeToMermaid } from '../../../language/generation/mermaid/tree-mermaid.js';
import { anchorId, linkAnchor } from '../../../language/generation/html/guide-contract.js';
import { TreeWalker, type WalkResult } from '../../../language/walkthrough/walk.js';
import { bundleGuideApp } from '../../../scripts/bundle-guide-app.mjs';
import { launchBrowser } from '../../support/browser.js';
import { tempDir } from '../../support/temp-dir.js';
import { clickAnswer, currentQuestion, drawnMarks, expectNothingWrong as expectNoProblems, openGuide, pathMarks, restart, walkScenario, writeGuide, type Problems } from './guide-page.js';
import { hostileFiles, PWN } from './hostile-corpus.js';
import { exampleJson, exportFiles } from '../../helpers.js';

/**
 * The exported guide opened from disk in headless Chromium, as an editor would open it: diagrams,
 * walkthroughs, links, and what must not happen (requests, errors, CSP violations, injected code).
 */

const PATH_STROKE = 'rgb(194, 65, 12)';

let browser: Browser;
let tmp: string;

beforeAll(async () => {
    // Bundle the app from the current sources, so the test never runs a stale bundle.
    await bundleGuideApp({ typecheck: false });
    tmp = tempDir('hrk-html-');
    browser = await launchBrowser();
});

afterAll(async () => {
    await browser?.close();
});

/** Nothing of guide-page.ts's list went wrong, and the page shows no diagram or walkthrough error. */
async function expectNothingWrong(page: Page, problems: Problems): Promise<void> {
    await expectNoProblems(page, problems);
    expect(await page.locator('.diagram-error, .wt-problem').count()).toBe(0);
}

function treeSection(page: Page, tree: TreeJson): Locator {
    return page.locator(`#${anchorId('tree', tree.id)}`);
}

/** Mermaid ids of the drawn node groups (`…-flowchart-n3-7` → `n3`), in document order. */
function drawnNodeIds(canvas: Locator): Promise<string[]> {
    return canvas.locator('svg g.node').evaluateAll(groups => groups.map(g => /-flowchart-(.+)-\d+$/.exec(g.id)?.[1] ?? `?${g.id}`));
}

/** The path the walkthrough lists: each step's node and the answer given there. */
async function listedPath(section: Locator): Promise<Array<{ node?: string; answer?: string }>> {
    return (await walkEnd(section)).path;
}

function expectedPath(result: WalkResult): Array<{ node?: string; answer?: string }> {
    return result.path.map(s => (s.answer !== undefined ? { node: s.node, answer: s.answer } : { node: s.node }));
}

// ---- provenance

const flaggedKind = (p: ProvenanceJson | undefined): p is ProvenanceJson & { kind: 'reconstructed' | 'illustrative' } => p?.kind === 'reconstructed' || p?.kind === 'illustrative';
const badgeWord: Record<string, string> = { reconstructed: 'Gereconstrueerd', illustrative: 'Illustratief', source: 'Bron' };
/** What a badge reads as: the kind in words, a colon (for screen readers only) and the reason. */
const badgeText = (p: ProvenanceJson) => (p.detail?.trim() ? `${badgeWord[p.kind]}: ${p.detail.trim()}` : badgeWord[p.kind]);

/** The badges directly inside `scope` (not those of nested items), as read: kind, colon, reason. */
function ownBadges(scope: Locator): Promise<string[]> {
    return scope.locator(':scope > .hrk-herkomst').allTextContents();
}

/** WCAG contrast of an element's text against the first opaque background behind it. */
async function contrasts(page: Page, selector: string): Promise<Array<{ text: string; ratio: number }>> {
    return page.locator(selector).evaluateAll(elements => {
        const rgb = (value: string) => (value.match(/[\d.]+/g) ?? []).map(Number);
        const luminance = ([r, g, b]: number[]) => [r, g, b].map(c => {
            const s = c / 255;
            return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        }).reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
        return elements.filter(e => (e as HTMLElement).offsetParent !== null).map(element => {
            let background: number[] = [255, 255, 255];
            for (let e: Element | null = element; e; e = e.parentElement) {
                const colour = rgb(getComputedStyle(e).backgroundColor);
                if (colour.length === 3 || (colour.length === 4 && colour[3] === 1)) { background = colour.slice(0, 3); break; }
            }
            const [a, b] = [luminance(rgb(getComputedStyle(element).color)), luminance(background)].sort((x, y) => y - x);
            return { text: (element.textContent ?? '').slice(0, 40), ratio: (a + 0.05) / (b + 0.05) };
        });
    });
}

/** What the walkthrough of `section` shows at the end of a walk, read in one round trip. */
interface WalkEnd {
    result: string | null;
    text: string | null;
    examples: string[];
    links: Array<string | null>;
    path: Array<{ node?: string; answer?: string }>;
    /** The badges of the advice shown. */
    badges: string[];
    /** Each item of the path: its node and, when it has one, its provenance mark as read. */
    marks: Array<{ node: string | null; marks: number; mark?: { text: string; srClipped: boolean; title: string | null; all: string } }>;
}

function walkEnd(section: Locator): Promise<WalkEnd> {
    return section.evaluate(root => {
        const result = root.querySelector('.wt-current .wt-result');
        const items = [...root.querySelectorAll('.wt-path > li')];
        return {
            result: result?.getAttribute('data-node') ?? null,
            text: result?.querySelector('.wt-text')?.textContent ?? null,
            examples: [...result?.querySelectorAll('.wt-examples li') ?? []].map(li => li.textContent ?? ''),
            links: [...result?.querySelectorAll('.wt-links a') ?? []].map(a => a.getAttribute('href')),
            path: items.map(li => {
                const entry: { node?: string; answer?: string } = { node: li.getAttribute('data-node') ?? undefined };
                const answer = li.getAttribute('data-answer');
                if (answer !== null) entry.answer = answer;
                return entry;
            }),
            badges: [...root.querySelectorAll('.wt-current .wt-result > .wt-text + .hrk-herkomst')].map(b => b.textContent ?? ''),
            marks: items.map(li => {
                const marks = li.querySelectorAll('.hrk-mark-inline');
                const mark = marks[0];
                return {
                    node: li.getAttribute('data-node'),
                    marks: marks.length,
                    ...(mark ? {
                        mark: {
                            // Visible: the kind; the reason in the tooltip and, for screen readers, in clipped text.
                            text: [...mark.childNodes].filter(c => c.nodeType === Node.TEXT_NODE).map(c => c.textContent).join(''),
                            srClipped: (mark.querySelector('.hrk-sr')?.getBoundingClientRect().width ?? Infinity) <= 1,
                            title: mark.getAttribute('title'),
                            all: mark.textContent ?? ''
                        }
                    } : {})
                };
            })
        };
    });
}

describe('the HTML guide of the examples, opened from disk in Chromium', () => {
    let json: HandreikingJson;
    let page: Page;
    let problems: Problems;
    let file: string;

    beforeAll(async () => {
        json = await exampleJson();
        file = await writeGuide(json, path.join(tmp, 'gids.html'));
        ({ page, problems } = await openGuide(browser, file));
    });
    afterAll(() => page?.close());

    // Every scenario clicked through once, with the mouse; two tests read what each walk ended with.
    let walked: Promise<Array<{ scenario: ScenarioJson; tree: TreeJson; end: WalkEnd }>> | undefined;
    const walkEveryScenario = () => walked ??= (async () => {
        const ends = [];
        for (const scenario of json.scenarios) {
            const tree = json.trees.find(t => t.id === scenario.tree)!;
            const section = treeSection(page, tree);
            await walkScenario(section, scenario);
            ends.push({ scenario, tree, end: await walkEnd(section) });
        }
        return ends;
    })();

    test('the export format wrote one self-contained file', () => {
        const html = fs.readFileSync(file, 'utf-8');
        expect(html).toContain('<html lang="nl">');
        expect(html).not.toMatch(/<script[^>]*\bsrc\s*=/i);
        expect(html.length).toBeGreaterThan(1_000_000); // Mermaid is in it
    });

    test('every tree is drawn, with one node group per Mermaid node: nodes, link nodes and the start marker', async () => {
        expect(json.trees.length).toBeGreaterThanOrEqual(3);
        for (const [index, tree] of json.trees.entries()) {
            const diagram = treeToMermaid(tree);
            const fromJson = tree.nodes.length + tree.nodes.reduce((n, node) => n + node.links.length, 0) + (tree.start !== undefined ? 1 : 0);
            expect(Object.keys(diagram.ids)).toHaveLength(fromJson);
            const drawn = await drawnNodeIds(page.locator(`.diagram-canvas[data-tree-index="${index}"]`));
            expect(drawn, tree.id).toHaveLength(fromJson);
            expect([...drawn].sort(), tree.id).toEqual(Object.keys(diagram.ids).sort());
        }
    });

    test('the funding overview is a matrix of every rule and typology, not a diagram (the Mermaid overview is the editors\' preview\'s)', async () => {
        expect(await page.locator('[data-diagram="funding"]').count()).toBe(0);
        expect(await page.locator('table.hrk-matrix tbody th[scope="row"]').count()).toBe(json.funding.length);
        expect(await page.locator('table.hrk-matrix thead th[scope="col"]').count()).toBe(json.typologies.length + 1);
    });

    test('the typology table, stakeholders and chapters are on the page', async () => {
        const headers = await page.locator('table.hrk-typology-table thead th[data-typology]').allTextContents();
        expect(headers).toEqual(json.typologies.map(t => t.title));
        for (const stakeholder of json.stakeholders) {
            const card = page.locator(`#${anchorId('stakeholder', stakeholder.id)}`);
            expect(await card.locator('h3').textContent()).toBe(stakeholder.title);
            const items = await card.locator('li').allTextContents();
            for (const text of [...stakeholder.roles, ...stakeholder.strengths, ...stakeholder.pitfalls]) expect(items).toContain(text);
            const involved = await card.locator('a[href^="#typologie-"]').allTextContents();
            expect(involved).toEqual(stakeholder.involvedIn.map(id => json.typologies.find(t => t.id === id)!.title));
        }
        for (const chapter of json.chapters) {
            expect(await page.locator(`#${anchorId('chapter', chapter.id)} h3`).textContent()).toBe(chapter.title);
        }
        const tocLinks = await page.locator('nav.toc a').count();
        // Five sections, the rekenhulp when the guide has calculations, and an entry per tree, typology, calculation and chapter.
        const calculations = json.calculations.length > 0 ? 1 + json.calculations.length : 0;
        expect(tocLinks).toBe(5 + calculations + json.trees.length + json.typologies.length + json.chapters.length);
    });

    test('every scenario, clicked through, ends at its expected advice with the path the walker takes', async () => {
        const trees = new Set<string>();
        for (const { scenario, tree, end } of await walkEveryScenario()) {
            expect(end.result, scenario.name).toBe(scenario.expected);
            const advice = tree.nodes.find(n => n.id === scenario.expected)!;
            expect(end.text).toBe(advice.text);
            expect(end.examples).toEqual(advice.examples);
            expect(end.links).toEqual(advice.links.map(l => `#${linkAnchor(l)}`));
            const given = new Map(scenario.answers.map(a => [a.question, a.answer]));
            const walked = new TreeWalker(tree).walk(q => given.get(q));
            expect(end.path, scenario.name).toEqual(expectedPath(walked));
            trees.add(tree.id);
        }
        expect(trees.size).toBeGreaterThanOrEqual(3);
    });

    test('steps and daarna are passed automatically and shown in the path', async () => {
        // A scenario whose walk passes an advice with `daarna` or a step on the way.
        const scenario = json.scenarios.find(s => {
            const tree = json.trees.find(t => t.id === s.tree)!;
            const given = new Map(s.answers.map(a => [a.question, a.answer]));
            return new TreeWalker(tree).walk(q => given.get(q)).path.slice(0, -1).some(step => step.kind !== 'question');
        });
        expect(scenario).toBeDefined();
        const tree = json.trees.find(t => t.id === scenario!.tree)!;
        const section = treeSection(page, tree);
        await walkScenario(section, scenario!);
        const passed = await section.locator('.wt-path > li:not(:last-child)').evaluateAll(items =>
            items.filter(li => li.getAttribute('data-kind') !== 'question').map(li => li.textContent ?? ''));
        expect(passed.length).toBeGreaterThan(0);
        for (const text of passed) expect(text).toContain('automatisch');
    });

    test('the path is highlighted in the diagram, and follows back and restart', async () => {
        const scenario = json.scenarios.find(s => s.tree === 'Bewonersbeheer' && s.answers.length >= 3) ?? json.scenarios.find(s => s.answers.length >= 3)!;
        const tree = json.trees.find(t => t.id === scenario.tree)!;
        const section = treeSection(page, tree);
        await walkScenario(section, scenario);
        const given = new Map(scenario.answers.map(a => [a.question, a.answer]));
        const walked = new TreeWalker(tree).walk(q => given.get(q)).path.map(s => s.node);
        const { strokes, ...drawn } = await drawnMarks(section.locator('.diagram-canvas'));
        expect(drawn).toEqual(pathMarks(tree, walked));
        expect(new Set(strokes)).toEqual(new Set([PATH_STROKE]));

        // Back: one question back, and the highlight shrinks with it.
        await section.locator('.wt-back').click();
        const lastAsked = scenario.answers[scenario.answers.length - 1].question;
        expect(await currentQuestion(section)).toBe(lastAsked);
        const shorter = new TreeWalker(tree).walk(q => (q === lastAsked ? undefined : given.get(q))).path.map(s => s.node);
        const { strokes: _strokes, ...afterBack } = await drawnMarks(section.locator('.diagram-canvas'));
        expect(afterBack).toEqual(pathMarks(tree, shorter));

        await section.locator('.wt-back').click();
        expect(await currentQuestion(section)).toBe(scenario.answers[scenario.answers.length - 2].question);

        // Restart: back at the first question, nothing answered, only the start highlighted.
        await section.locator('.wt-restart').click();
        const initial = new TreeWalker(tree).walk(() => undefined);
        expect(await currentQuestion(section)).toBe(initial.at);
        expect(await listedPath(section)).toEqual(expectedPath(initial));
        expect(await section.locator('.wt-back').isDisabled()).toBe(true);
        expect((await drawnMarks(section.locator('.diagram-canvas'))).nodes).toEqual(pathMarks(tree, initial.path.map(s => s.node)).nodes);
        // Unmarked nodes got their own style back.
        const unmarked = await section.locator('.diagram-canvas svg g.node:not(.hrk-on-path) .label-container').evaluateAll(shapes =>
            shapes.map(s => getComputedStyle(s).stroke));
        expect(unmarked.length).toBeGreaterThan(0);
        expect(unmarked).not.toContain('rgb(194, 65, 12)');
    });

    test('"wijzig" in the path goes back to that question', async () => {
        const scenario = json.scenarios.find(s => s.answers.length >= 3)!;
        const tree = json.trees.find(t => t.id === scenario.tree)!;
        const section = treeSection(page, tree);
        await walkScenario(section, scenario);
        await section.locator('.wt-path > li').filter({ has: page.locator('.wt-change') }).first().locator('.wt-change').click();
        expect(await currentQuestion(section)).toBe(scenario.answers[0].question);
        expect(await section.locator('.wt-path > li[data-answer]').count()).toBe(0);
    });

    test('a click on a question in the diagram starts the walkthrough there', async () => {
        const tree = json.trees.find(t => t.nodes.filter(n => n.kind === 'question').length >= 2)!;
        const question = tree.nodes.filter(n => n.kind === 'question').find(n => n.id !== tree.start)!;
        const mermaidId = Object.entries(treeToMermaid(tree).ids).find(([, t]) => t.kind === 'node' && t.id === question.id)![0];
        const section = treeSection(page, tree);
        await section.locator(`.diagram-canvas svg g.node[id*="-flowchart-${mermaidId}-"]`).click();
        expect(await currentQuestion(section)).toBe(question.id);
        expect(await section.locator('.wt-start-note').textContent()).toContain(question.text);
        expect(await listedPath(section)).toEqual([{ node: question.id }]);
        // By keyboard too, and "Vanaf het begin" returns to the start.
        await section.locator('.wt-from-start').click();
        expect(await currentQuestion(section)).toBe(new TreeWalker(tree).walk(() => undefined).at);
        await section.locator(`.diagram-canvas svg g.node[id*="-flowchart-${mermaidId}-"]`).focus();
        await page.keyboard.press('Enter');
        expect(await currentQuestion(section)).toBe(question.id);
        await section.locator('.wt-restart').click();
    });

    test('an advice\'s links lead to their section in the page', async () => {
        const scenario = json.scenarios.find(s => json.trees.find(t => t.id === s.tree)!.nodes.find(n => n.id === s.expected)!.links.some(l => l.kind === 'chapter'))!;
        const tree = json.trees.find(t => t.id === scenario.tree)!;
        const link = tree.nodes.find(n => n.id === scenario.expected)!.links.find(l => l.kind === 'chapter')!;
        const section = treeSection(page, tree);
        await walkScenario(section, scenario);
        await section.locator('.wt-result .wt-links a', { hasText: link.title }).first().click();
        expect(await page.evaluate(() => location.hash)).toBe(`#${linkAnchor(link)}`);
        const top = await page.locator(`#${linkAnchor(link)}`).evaluate(el => el.getBoundingClientRect().top);
        expect(Math.abs(top)).toBeLessThan(5);
    });

    test('a link node in the diagram opens its target', async () => {
        const tree = json.trees.find(t => t.nodes.some(n => n.links.some(l => l.kind === 'typology' || l.kind === 'chapter' || l.kind === 'funding')))!;
        const [mermaidId, target] = Object.entries(treeToMermaid(tree).ids).find(([, t]) => t.kind === 'link' && t.link?.kind !== 'node' && t.link?.kind !== 'tree')!;
        await treeSection(page, tree).locator(`.diagram-canvas svg g.node[id*="-flowchart-${mermaidId}-"]`).click();
        expect(await page.evaluate(() => location.hash)).toBe(`#${linkAnchor(target.link!)}`);
    });

    test('the tree picker goes to the chosen tree', async () => {
        const tree = json.trees[json.trees.length - 1];
        expect(await page.locator('nav.toolbar').isVisible()).toBe(true);
        await page.selectOption('#hrk-tree-picker', anchorId('tree', tree.id));
        expect(await page.evaluate(() => location.hash)).toBe(`#${anchorId('tree', tree.id)}`);
        const top = await treeSection(page, tree).evaluate(el => el.getBoundingClientRect().top);
        expect(Math.abs(top)).toBeLessThan(5);
    });

    test('provenance: every reconstructed or illustrative tree, typology, funding source, party and chapter has a badge with its reason; the guide\'s own has none', async () => {
        const expectBadge = async (scope: Locator, p: ProvenanceJson, what: string) => {
            const badges = await ownBadges(scope);
            if (flaggedKind(p) || p.kind === 'source') expect(badges, what).toContain(badgeText(p));
            else expect(badges.filter(b => /^(Gereconstrueerd|Illustratief)/.test(b)), what).toEqual([]);
        };
        let flagged = 0;
        for (const tree of json.trees) {
            const section = treeSection(page, tree);
            const badges = await section.locator(':scope > .hrk-herkomst').allTextContents();
            if (flaggedKind(tree.provenance) || tree.provenance.kind === 'source') {
                expect(badges.some(b => b.endsWith(badgeText(tree.provenance))), tree.id).toBe(true);
                if (flaggedKind(tree.provenance)) flagged++;
            } else expect(badges, tree.id).toEqual([]);
        }
        for (const t of json.typologies) await expectBadge(page.locator(`#${anchorId('typology', t.id)}`), t.provenance, t.id);
        for (const s of json.stakeholders) {
            await expectBadge(page.locator(`#${anchorId('stakeholder', s.id)}`), s.provenance, s.id);
            if (flaggedKind(s.provenance)) flagged++;
        }
        for (const c of json.chapters) await expectBadge(page.locator(`#${anchorId('chapter', c.id)}`), c.provenance, c.id);
        for (const f of json.funding) {
            const card = page.locator(`#${anchorId('funding', f.id)}`);
            await expectBadge(card, f.provenance, f.id);
            // "Geldt voor": which typologies, the line the guide mostly does not give.
            const applies = await card.locator('dl.facts dd .hrk-herkomst').allTextContents();
            if (flaggedKind(f.applicability.provenance)) {
                expect(applies, f.id).toEqual([badgeText(f.applicability.provenance)]);
                flagged++;
            }
            // Each condition with its own source or reason.
            const conditions = await card.locator('h5:text-is("Voorwaarden") + ul > li').all();
            expect(conditions.length).toBe(f.conditions.length);
            for (const [i, li] of conditions.entries()) {
                const p = f.conditionsProvenance[i]!;
                const shown = await li.locator('.hrk-herkomst').allTextContents();
                expect(shown, `${f.id} voorwaarde ${i}`).toEqual(flaggedKind(p) || p.kind === 'source' ? [badgeText(p)] : []);
            }
        }
        // The case: all 8 parties and 10 of 11 funding sources' typologies are the editors'.
        expect(flagged).toBeGreaterThanOrEqual(8 + 10);
        // In a typology's card, a funding source that the guide does not assign to it says so.
        const koffiehonk = json.typologies.find(t => t.id === 'Koffiehonk')!;
        const card = page.locator(`#${anchorId('typology', koffiehonk.id)}`);
        for (const id of Object.values(koffiehonk.funding).flat()) {
            const f = json.funding.find(r => r.id === id)!;
            const badges = await card.locator('dl.facts dd').filter({ has: page.locator(`a[href="#${anchorId('funding', id)}"]`) }).locator('.hrk-herkomst').allTextContents();
            if (flaggedKind(f.applicability.provenance)) expect(badges, id).toContain(badgeText(f.applicability.provenance));
            else if (!flaggedKind(f.provenance)) expect(badges.filter(b => b.includes(f.applicability.provenance.detail ?? '\u0000')), id).toEqual([]);
        }
    });

    test('provenance in the typology table: a marker on each marked cell that a keyboard reaches and a screen reader hears with its reason', async () => {
        const table = page.locator('table.hrk-typology-table');
        const marks = table.locator('a.hrk-mark');
        expect(await marks.count()).toBeGreaterThan(30);
        // The accessible name says the kind and the note; the description is the note, with the reason.
        const mark = table.locator('tr[data-key="Gerichtheid"] td').nth(json.typologies.findIndex(t => t.id === 'Woonvorm')).locator('a.hrk-mark');
        const reason = json.typologies.find(t => t.id === 'Woonvorm')!.valueProvenance.Gerichtheid!;
        expect(reason.kind).toBe('reconstructed');
        expect((await mark.textContent())).toMatch(/^gereconstrueerd noot \d+$/);
        const described = await mark.evaluate(a => document.getElementById(a.getAttribute('aria-describedby') ?? '')?.textContent);
        expect(described).toBe(badgeText(reason));
        expect(await page.getByRole('link', { name: (await mark.textContent())! }).count()).toBeGreaterThan(0);
        // Visible: the word and the number; the word "noot" only for screen readers (clipped to nothing).
        expect(await mark.locator('.hrk-sr').evaluate(e => { const r = e.getBoundingClientRect(); return r.width <= 1 && r.height <= 1; })).toBe(true);
        // By keyboard: focus the marker, Enter, and the note is where the reader is.
        await mark.focus();
        await page.keyboard.press('Enter');
        const id = await mark.getAttribute('aria-describedby');
        expect(await page.evaluate(() => location.hash)).toBe(`#${id}`);
        expect(await page.locator(`#${id}`).isVisible()).toBe(true);
    });

    test('provenance in the walkthrough: the question or advice shown has its badge, the path its marks', async () => {
        let checked = 0;
        for (const { scenario, tree, end } of await walkEveryScenario()) {
            const advice = tree.nodes.find(n => n.id === scenario.expected)!;
            expect(end.badges, scenario.name).toEqual(flaggedKind(advice.provenance) || advice.provenance.kind === 'source' ? [badgeText(advice.provenance)] : []);
            expect(end.marks.length, scenario.name).toBeGreaterThan(0);
            for (const item of end.marks) {
                const node = tree.nodes.find(n => n.id === item.node)!;
                if (flaggedKind(node.provenance)) {
                    expect(item.marks, node.id).toBe(1);
                    expect(item.mark, node.id).toEqual({
                        text: node.provenance.kind === 'reconstructed' ? '(gereconstrueerd)' : '(illustratief)',
                        srClipped: true,
                        title: node.provenance.detail?.trim(),
                        all: expect.stringContaining(node.provenance.detail!.trim())
                    });
                    checked++;
                } else {
                    expect(item.marks, node.id).toBe(0);
                }
            }
        }
        expect(checked).toBeGreaterThan(0);
        // A question that is the editors' reading says so while it is asked.
        const quickscan = json.trees.find(t => t.nodes.some(n => n.kind === 'question' && n.provenance.kind === 'reconstructed' && n.reachable))!;
        const question = quickscan.nodes.find(n => n.kind === 'question' && n.provenance.kind === 'reconstructed' && n.reachable)!;
        const section = treeSection(page, quickscan);
        const mermaidId = Object.entries(treeToMermaid(quickscan).ids).find(([, t]) => t.kind === 'node' && t.id === question.id)![0];
        await section.locator(`.diagram-canvas svg g.node[id*="-flowchart-${mermaidId}-"]`).click();
        expect(await currentQuestion(section)).toBe(question.id);
        expect(await section.locator('.wt-current .wt-question > .wt-text + .hrk-herkomst').textContent()).toBe(badgeText(question.provenance));
        await section.locator('.wt-restart').click();
    });

    test('provenance in the diagrams: reconstructed nodes dashed, illustrative dotted, with the reason as tooltip and in the name; a legend; the path keeps the border', async () => {
        const diagrams = [
            ...json.trees.map((tree, i) => ({ canvas: page.locator(`.diagram-canvas[data-tree-index="${i}"]`), diagram: treeToMermaid(tree), name: tree.id }))
        ];
        const seen = new Set<string>();
        for (const { canvas, diagram, name } of diagrams) {
            const drawn = await canvas.locator('svg g.node').evaluateAll(groups => groups.map(g => ({
                id: /-flowchart-(.+)-\d+$/.exec(g.id)?.[1] ?? '',
                herkomst: g.getAttribute('data-herkomst'),
                title: g.querySelector(':scope > title')?.textContent ?? null,
                label: g.getAttribute('aria-label'),
                dash: getComputedStyle(g.querySelector('rect, polygon, path')!).strokeDasharray
            })));
            for (const node of drawn) {
                const p = diagram.provenance?.[node.id];
                const target = diagram.ids[node.id]!;
                if (!p) {
                    expect(node.herkomst, `${name} ${node.id}`).toBeNull();
                    expect(node.title).toBeNull();
                    continue;
                }
                seen.add(p.kind);
                expect(node.herkomst, `${name} ${node.id}`).toBe(p.kind);
                expect(node.dash, `${name} ${node.id}`).toBe(p.kind === 'reconstructed' ? '9px, 4px' : '2px, 3px');
                const reason = p.parts.map(part => (part.part === 'applicability' ? 'Voor welke typologieën — ' : '') + badgeText(part.provenance)).join('\n');
                expect(node.title).toBe(reason);
                expect(node.label, `${name} ${node.id}`).toMatch(p.kind === 'reconstructed' ? / \(gereconstrueerd\)$/ : / \(illustratief\)$/);
                expect(['node', 'funding', 'typology']).toContain(target.kind);
            }
            const legend = canvas.locator('xpath=ancestor::figure').locator('[data-legend="herkomst"]');
            const kinds = new Set(Object.values(diagram.provenance ?? {}).map(p => p.kind));
            expect(await legend.count(), name).toBe(kinds.size > 0 ? 1 : 0);
            if (kinds.size > 0) {
                const text = (await legend.textContent())!;
                expect(text.includes('Gestreepte rand: gereconstrueerd'), name).toBe(kinds.has('reconstructed'));
                expect(text.includes('Gestippelde rand: illustratief'), name).toBe(kinds.has('illustrative'));
                const swatches = await legend.locator('.hrk-swatch').evaluateAll(s => s.map(e => getComputedStyle(e).borderTopStyle));
                expect(swatches).toEqual([...(kinds.has('reconstructed') ? ['dashed'] : []), ...(kinds.has('illustrative') ? ['dotted'] : [])]);
            }
        }
        expect([...seen].sort()).toEqual(['illustrative', 'reconstructed']);

        // A walk through reconstructed nodes marks them and keeps their dashes.
        const scenario = json.scenarios.find(s => {
            const tree = json.trees.find(t => t.id === s.tree)!;
            return tree.nodes.find(n => n.id === s.expected)!.provenance.kind === 'reconstructed';
        })!;
        const tree = json.trees.find(t => t.id === scenario.tree)!;
        const section = treeSection(page, tree);
        await walkScenario(section, scenario);
        const current = await section.locator('.diagram-canvas svg g.node.hrk-current').evaluate(g => ({
            herkomst: g.getAttribute('data-herkomst'), dash: getComputedStyle(g.querySelector('rect, polygon, path')!).strokeDasharray, stroke: getComputedStyle(g.querySelector('rect, polygon, path')!).stroke
        }));
        expect(current).toEqual({ herkomst: 'reconstructed', dash: '9px, 4px', stroke: PATH_STROKE });
        await section.locator('.wt-restart').click();
    });

    test('provenance is readable: badges, reasons, markers and notes at WCAG AA contrast or better, and the top of the page explains them', async () => {
        const measured = await contrasts(page, '.hrk-badge, .hrk-reason, .hrk-mark, .hrk-mark-inline, .hrk-notes-list li, .hrk-legend');
        expect(measured.length).toBeGreaterThan(50);
        const low = measured.filter(m => m.ratio < 4.5);
        expect(low).toEqual([]);
        const intro = (await page.locator('.hrk-intro').textContent())!;
        for (const word of ['Gereconstrueerd', 'Illustratief', 'gestreepte', 'gestippelde']) expect(intro).toContain(word);
        // Text, not colour alone: each badge's kind is a word; the colon for screen readers is in the text.
        const words = await page.locator('.hrk-badge').allTextContents();
        expect(new Set(words)).toEqual(new Set(['Gereconstrueerd', 'Illustratief', 'Bron']));
        expect(await page.locator('.hrk-herkomst .hrk-sr').first().evaluate(e => e.getBoundingClientRect().width <= 1)).toBe(true);
    });

    test('no internal name is shown to a reader: the page reads titles and texts, never ids like QuickscanBoom', async () => {
        const text = await page.evaluate(() => document.body.innerText);
        const ids = [...json.trees, ...json.typologies, ...json.funding, ...json.stakeholders, ...json.chapters].map(e => e.id)
            // A name that is also an ordinary word of the guide's texts ("Gemeente") may of course appear.
            .filter(id => /[a-z][A-Z]/.test(id) || /^[A-Z]{2,}[a-z]/.test(id));
        expect(ids).toContain('QuickscanBoom');
        expect(ids).toContain('SooToets');
        expect(ids.filter(id => text.includes(id))).toEqual([]);
    });

    test('prints without the navigation and the buttons', async () => {
        await page.emulateMedia({ media: 'print' });
        expect(await page.locator('nav.toc').isVisible()).toBe(false);
        expect(await page.locator('.wt-answers').first().isVisible()).toBe(false);
        expect(await page.locator('.diagram-canvas svg').first().isVisible()).toBe(true);
        await page.emulateMedia({ media: 'screen' });
        expect(await page.locator('nav.toc').isVisible()).toBe(true);
    });

    // Last, so it covers everything the tests above did on the page.
    test('no console errors, page errors, network requests or CSP violations', async () => {
        await expectNothingWrong(page, problems);
    });
});

describe('a hostile workspace in the HTML guide', () => {
    let json: HandreikingJson;
    let page: Page;
    let problems: Problems;

    const pwned = () => page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);

    beforeAll(async () => {
        json = await exportFiles(hostileFiles);
        ({ page, problems } = await openGuide(browser, await writeGuide(json, path.join(tmp, 'kwaad.html'))));
    });
    afterAll(() => page?.close());

    test('the diagrams are drawn in full, in spite of the texts', async () => {
        const tree = json.trees[0];
        expect([...(await drawnNodeIds(page.locator('.diagram-canvas[data-tree-index="0"]')))].sort()).toEqual(Object.keys(treeToMermaid(tree).ids).sort());
        // Labels are text: the `%%{init}%%`, the tag and the click directive are shown, not applied.
        const labels = (await page.locator('.diagram-canvas[data-tree-index="0"] svg').textContent())!.replace(/\s+/g, '');
        for (const text of [PWN.img, PWN.init, PWN.breakout]) expect(labels).toContain(text.replace(/\s+/g, ''));
        // The funding matrix names the rule by its title, as text.
        expect(await page.locator('table.hrk-matrix tbody th[scope="row"] a').allTextContents()).toContain(PWN.mermaid);
        expect(await page.locator('.diagram-canvas svg a, .diagram-canvas svg img, .diagram-canvas svg script').count()).toBe(0);
    });

    test('walking every branch, hovering and following the links runs nothing', async () => {
        const section = treeSection(page, json.trees[0]);
        await clickAnswer(section, PWN.breakout);
        expect(await section.locator('.wt-result').getAttribute('data-node')).toBe('A1');
        expect(await section.locator('.wt-result .wt-text').textContent()).toBe(PWN.style);
        expect(await section.locator('.wt-result .wt-examples li').allTextContents()).toEqual([PWN.script, PWN.entities]);
        for (const link of await section.locator('.wt-result .wt-links a').all()) {
            await link.hover();
            await link.click();
        }
        await section.locator('.wt-back').click();
        await clickAnswer(section, PWN.attribute);
        expect(await currentQuestion(section)).toBe('V2');
        await clickAnswer(section, 'nee');
        expect(await section.locator('.wt-result').getAttribute('data-node')).toBe('A2');
        await section.locator('.wt-restart').click();
        await clickAnswer(section, PWN.init);
        expect(await section.locator('.wt-result').getAttribute('data-node')).toBe('A2');
        for (const item of await section.locator('.wt-path li').all()) await item.hover();
        for (const group of await page.locator('.diagram-canvas svg g.node').all()) await group.hover();
        await page.getByText(PWN.attribute, { exact: true }).first().hover();
        expect(await pwned()).toBeUndefined();
    });

    test('every text is shown literally', async () => {
        for (const text of [PWN.script, PWN.img, PWN.style, PWN.attribute, PWN.entities, PWN.init, PWN.backticks, PWN.javascriptUrl, PWN.svg, PWN.breakout]) {
            expect(await page.getByText(text, { exact: true }).count(), text).toBeGreaterThan(0);
        }
        // Bidi overrides are dropped (as in the diagram labels); the words stay.
        expect(await page.getByText('tekst omgekeerd verder', { exact: true }).count()).toBeGreaterThan(0);
        expect(await page.evaluate(() => document.body.innerText.includes('\u202E'))).toBe(false);
        expect(await page.evaluate(() => getComputedStyle(document.body).display)).toBe('block');
    });

    test('hostile provenance reasons are text: in badges, the table\'s notes and markers, and the diagrams\' tooltips and names', async () => {
        const reasons = await page.locator('.hrk-reason').allTextContents();
        for (const text of [PWN.breakout, PWN.style, PWN.init, PWN.svg, PWN.javascriptUrl]) expect(reasons, text).toContain(text);
        // A `bron` that looks like a URL is shown as text, never as a link.
        expect(await page.locator('.hrk-herkomst a').count()).toBe(0);
        const notes = await page.locator('.hrk-notes-list > li').allTextContents();
        // The value, the activities, and (in the funding rows) that the rule applies to this typology.
        expect(notes).toEqual([`Gereconstrueerd: ${PWN.img}`, `Illustratief: ${PWN.script}`, `Gereconstrueerd: ${PWN.svg}`]);
        expect(await page.locator('a.hrk-mark').first().evaluate(a => document.getElementById(a.getAttribute('aria-describedby')!)?.textContent)).toBe(`Gereconstrueerd: ${PWN.img}`);
        const titles = await page.locator('.diagram-canvas[data-tree-index="0"] svg g.node > title').allTextContents();
        expect(titles).toContain(`Gereconstrueerd: ${PWN.breakout}`);
        expect(titles).toContain(`Illustratief: ${PWN.attribute}`);
        const section = treeSection(page, json.trees[0]);
        await restart(section);
        await clickAnswer(section, PWN.attribute);
        expect(await section.locator('.wt-current .wt-question > .wt-text + .hrk-herkomst').textContent()).toBe(`Illustratief: ${PWN.attribute}`);
        for (const mark of await section.locator('.wt-path .hrk-mark-inline').all()) await mark.hover();
        await section.locator('.wt-restart').click();
        for (const badge of await page.locator('.hrk-herkomst, a.hrk-mark').all()) await badge.hover();
        expect(await pwned()).toBeUndefined();
    });

    test('nothing became markup: no images, handlers, scripts or javascript: links', async () => {
        const found = await page.evaluate(() => ({
            images: document.querySelectorAll('img, iframe, object, embed').length,
            scripts: document.querySelectorAll('script').length,
            handlers: [...document.querySelectorAll('*')].flatMap(e => [...e.attributes].filter(a => a.name.toLowerCase().startsWith('on')).map(a => `${e.tagName} ${a.name}`)),
            hrefs: [...document.querySelectorAll('[href], [src]')].map(e => e.getAttribute('href') ?? e.getAttribute('src') ?? '')
        }));
        expect(found.images).toBe(0);
        expect(found.scripts).toBe(3);
        expect(found.handlers).toEqual([]);
        expect(found.hrefs.filter(h => !h.startsWith('#') && !/^https?:\/\//.test(h) && h !== 'data:,')).toEqual([]);
        expect(await pwned()).toBeUndefined();
    });

    test('no console errors, page errors, network requests or CSP violations', async () => {
        await expectNothingWrong(page, problems);
        expect(await pwned()).toBeUndefined();
    });
});

describe('a guide with errors, exported with --force', () => {
    let page: Page;
    let problems: Problems;

    beforeAll(async () => {
        const json = await exportFiles({
            'kapot.hrk': `
beslisboom Leeg "Een lege boom" {
}
beslisboom Halffabricaat "Een boom die niet af is" {
    vraag Eerste "Gaat het goed?" {
        ja  -> Doodlopend
        nee -> Klaar
    }
    stap Doodlopend "Een stap zonder vervolg"
    advies Klaar "Klaar" {
        zie Halffabricaat.Eerste
    }
    advies Los "Niet bereikbaar"
}
`
        });
        expect(json.trees).toHaveLength(2);
        ({ page, problems } = await openGuide(browser, await writeGuide(json, path.join(tmp, 'kapot.html'))));
    });
    afterAll(() => page?.close());

    test('an empty tree says so in Dutch instead of failing', async () => {
        const section = page.locator('#boom-Leeg');
        expect(await section.locator('.wt-problem').textContent()).toBe('Deze beslisboom heeft geen beginpunt.');
        expect(await section.locator('.diagram-canvas svg').count()).toBe(0);
        expect(await section.locator('.diagram-canvas').textContent()).toBe('Deze beslisboom heeft nog geen vragen, adviezen of stappen.');
    });

    test('a dead end is shown as one, and unreachable nodes can still be opened from the diagram', async () => {
        const section = page.locator('#boom-Halffabricaat');
        await clickAnswer(section, 'ja');
        const problem = section.locator('.wt-problem');
        expect(await problem.getAttribute('data-status')).toBe('deadEnd');
        expect(await problem.textContent()).toContain('Een stap zonder vervolg');
        await section.locator('.wt-back').click();
        expect(await currentQuestion(section)).toBe('Eerste');
        await section.locator('.diagram-canvas svg g.node[id*="-flowchart-n3-"]').click();
        expect(await section.locator('.wt-result').getAttribute('data-node')).toBe('Los');
        expect(problems.pageErrors).toEqual([]);
        expect(problems.consoleErrors).toEqual([]);
        expect(problems.requests).toEqual([]);
    });

    test('a link is named by its kind with the word of the diagram\'s link box', async () => {
        const section = page.locator('#boom-Halffabricaat');
        await restart(section);
        await clickAnswer(section, 'nee');
        const tag = await section.locator('.wt-result .wt-links .tag').textContent();
        expect(tag).toBe('knoop');
        const box = await section.locator('.diagram-canvas svg g.node[id*="-flowchart-l0-"]').textContent();
        expect(box).toContain(`(${tag})`);
    });
});
