import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { OutputTarget } from '../../../language/cli/output-target.js';
import { htmlFiles } from '../../../language/export/html-export.js';
import { loadGuideAssets } from '../../../language/generation/html/guide-assets.js';
import type { HandreikingJson, ScenarioJson, TreeJson } from '../../../language/generation/json/handreiking-json.js';
import { treeToMermaid } from '../../../language/generation/mermaid/tree-mermaid.js';
import { bundleGuideApp } from '../../../scripts/bundle-guide-app.mjs';
import { launchBrowser, newPage } from '../../support/browser.js';
import { tempDir } from '../../support/temp-dir.js';
import { exampleJson } from '../../helpers.js';

/**
 * The exported guide in headless Chromium for its browser tests: export a workspace as `handreiking
 * export html` does, open the file, record what must not happen, walk with the mouse, and read what
 * the diagram marks.
 */

/**
 * How the browser tests of the examples' guide start: the guide app bundled from the current
 * sources (never a stale bundle), a browser, and the guide of examples/ exported and written to a
 * temporary folder (removed after the test file, test/support/temp-dir.ts).
 */
export async function exampleGuide(prefix: string): Promise<{ browser: Browser; json: HandreikingJson; file: string }> {
    await bundleGuideApp({ typecheck: false });
    const browser = await launchBrowser();
    const json = await exampleJson();
    const file = await writeGuide(json, path.join(tempDir(prefix), 'gids.html'));
    return { browser, json, file };
}

/** Writes the guide through the HTML export and the CLI's output target. */
export async function writeGuide(json: HandreikingJson, file: string): Promise<string> {
    const target = await OutputTarget.prepare(file, '.html', 'nl');
    const written: string[] = [];
    for await (const out of htmlFiles(json, { lang: 'nl', guideAssets: loadGuideAssets })) written.push(await target.write(out.name, out.content));
    expect(written).toEqual([file]);
    return written[0];
}

export interface Problems {
    consoleErrors: string[];
    pageErrors: string[];
    requests: string[];
}

/** Opens `file` (with `hash` as its fragment), records errors, requests and CSP violations, and waits for the app (and the diagrams). */
export async function openGuide(browser: Browser, file: string, options: BrowserContextOptions & { hash?: string; diagrams?: boolean } = {}): Promise<{ page: Page; problems: Problems }> {
    const { hash, diagrams = true, ...context } = options;
    const page = await newPage(browser, { viewport: { width: 1400, height: 1000 }, ...context });
    const url = pathToFileURL(file).href;
    const problems: Problems = { consoleErrors: [], pageErrors: [], requests: [] };
    page.on('console', message => {
        if (message.type() === 'error' || message.type() === 'warning') problems.consoleErrors.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', error => problems.pageErrors.push(error.message));
    page.on('request', request => {
        if (request.url().split('#')[0] !== url && !request.url().startsWith('data:')) problems.requests.push(request.url());
    });
    await page.addInitScript(() => {
        const w = window as unknown as { __cspViolations: string[] };
        w.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', e => w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(url + (hash ?? ''));
    await page.waitForSelector(diagrams ? 'html[data-hrk-diagrams="ready"]' : 'html[data-hrk-app]', { timeout: 120_000 });
    return { page, problems };
}

export async function expectNothingWrong(page: Page, problems: Problems): Promise<void> {
    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.requests).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
}

export async function currentQuestion(section: Locator): Promise<string | undefined> {
    const question = section.locator('.wt-current .wt-question');
    return (await question.count()) === 0 ? undefined : (await question.getAttribute('data-node')) ?? undefined;
}

/** Clicks the answer button whose label is exactly `label`. */
export async function clickAnswer(section: Locator, label: string): Promise<void> {
    const buttons = section.locator('.wt-current button.wt-answer');
    const labels = await buttons.evaluateAll(bs => bs.map(b => b.getAttribute('data-answer')));
    const index = labels.indexOf(label);
    expect(index, `answer ‘${label}’ among ${JSON.stringify(labels)}`).toBeGreaterThanOrEqual(0);
    await buttons.nth(index).click();
}

export async function restart(section: Locator): Promise<void> {
    const button = section.locator('.wt-restart');
    if (await button.isEnabled()) await button.click();
}

/**
 * Answers question by question with the mouse, asking the page which question it shows: one read
 * of the question and its answers, then Playwright's click on the chosen one (which first waits
 * until the button is visible, still and not covered, as a reader would).
 */
export async function walkScenario(section: Locator, scenario: ScenarioJson): Promise<void> {
    await restart(section);
    const given = new Map(scenario.answers.map(a => [a.question, a.answer]));
    for (let i = 0; i <= scenario.answers.length; i++) {
        const step = await section.evaluate(root => {
            const question = root.querySelector('.wt-current .wt-question')?.getAttribute('data-node');
            return question === undefined || question === null ? undefined
                : { question, labels: [...root.querySelectorAll('.wt-current button.wt-answer')].map(b => b.getAttribute('data-answer')) };
        });
        if (step === undefined) return;
        const answer = given.get(step.question);
        expect(answer, `scenario ‘${scenario.name}’ answers question ${step.question}`).toBeDefined();
        const index = step.labels.indexOf(answer!);
        expect(index, `answer ‘${answer}’ among ${JSON.stringify(step.labels)}`).toBeGreaterThanOrEqual(0);
        await section.locator('.wt-current button.wt-answer').nth(index).click();
    }
    throw new Error(`scenario ‘${scenario.name}’: the walkthrough asked more questions than the scenario answers`);
}

/** The marks of a path in a diagram: Mermaid ids of its nodes and `from>to` of its edges, and the current node. */
export interface PathMarks {
    nodes: string[];
    edges: string[];
    current: string[];
}

/** What the walk along `walked` (tree node ids) should mark, the start marker and its edge included when it starts at the start. */
export function pathMarks(tree: TreeJson, walked: readonly string[]): PathMarks {
    const mermaidOf = new Map<string, string>();
    for (const [mermaidId, target] of Object.entries(treeToMermaid(tree).ids)) {
        if (target.kind === 'node' && !mermaidOf.has(target.id)) mermaidOf.set(target.id, mermaidId);
    }
    const fromStart = walked[0] === tree.start;
    const nodes = [...(fromStart ? ['s0'] : []), ...walked.map(n => mermaidOf.get(n)!)];
    const edges = [...(fromStart ? [`s0>${mermaidOf.get(walked[0])}`] : []), ...walked.slice(1).map((n, i) => `${mermaidOf.get(walked[i])}>${mermaidOf.get(n)}`)];
    return { nodes: [...new Set(nodes)].sort(), edges: [...new Set(edges)].sort(), current: [mermaidOf.get(walked[walked.length - 1])!] };
}

/** What the diagram in `container` marks now, and the stroke a reader sees on each marked node. */
export function drawnMarks(container: Locator): Promise<PathMarks & { strokes: string[] }> {
    return container.locator('svg').evaluate(svg => {
        const id = (g: Element) => /-flowchart-(.+)-\d+$/.exec(g.id)?.[1] ?? g.id;
        const marked = [...svg.querySelectorAll('g.node.hrk-on-path')];
        return {
            nodes: marked.map(id).sort(),
            edges: [...svg.querySelectorAll('path.flowchart-link.hrk-on-path')]
                .map(p => /L_([A-Za-z0-9]+)_([A-Za-z0-9]+)_\d+$/.exec(p.getAttribute('data-id') ?? p.id))
                .map(m => (m ? `${m[1]}>${m[2]}` : '?')).sort(),
            current: [...svg.querySelectorAll('g.node.hrk-current')].map(id),
            strokes: marked.map(g => getComputedStyle(g.querySelector('rect, polygon, path, circle, ellipse')!).stroke)
        };
    });
}
