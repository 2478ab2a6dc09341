import { execFile, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, BrowserContext, ConsoleMessage, Frame, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import { git } from '../support/git-repo.js';
import {
    codeServerDir, codeServerInstalled, ensureVsix, installExtension, newProfile, projectRoot, startCodeServer,
    type CodeServerDirs, type RunningCodeServer
} from './code-server.js';
import { writeDisplayLanguage } from './display-language.js';
import { NetworkRecorder } from './network.js';
import { exportThroughDialog, expectSelfContainedGuide, runScenariosGreen, saveWalkAsScenario } from './editor-steps.js';
import { until, Workbench } from './workbench.js';

/**
 * The packaged extension (handreiking.vsix) in a real VS Code: code-server 4.139.1 in headless
 * Chromium, a copy of examples/ as the folder. Opens a decision tree, draws it in the preview,
 * clicks a node, shows the scenarios' coverage over it, runs the scenarios in the Testing view, walks
 * the tree, saves the walk as a scenario, shows a mistake in the Problems view, compares an edit with
 * git HEAD in the preview, and checks that nothing left the machine. Takes
 * the screenshots of docs/extension.md, into test-results/e2e/screenshots/ (ignored by git).
 *
 * Runs with `npm run test:e2e` after `scripts/e2e/install-code-server.sh` (`npm test` runs both).
 * HANDREIKING_E2E_SCREENSHOTS=folder puts the screenshots there instead: `npm run docs:screenshots`
 * runs the test with docs/images, to update the pictures in the docs.
 * HANDREIKING_E2E_LOCALE=en runs it with VS Code's display language English (default: nl).
 * HANDREIKING_E2E_VSIX=file.vsix tests that package instead of (re)building handreiking.vsix.
 * HANDREIKING_E2E_KEEP=1 keeps the temporary folder (code-server's logs) for inspection;
 * HANDREIKING_E2E_DEBUG=1 prints the browser console.
 */

const run = promisify(execFile);
const locale = process.env.HANDREIKING_E2E_LOCALE === 'en' ? 'en' : 'nl';
/** A test run leaves the tracked pictures in docs/images alone unless asked (npm run docs:screenshots). */
const screenshots = path.resolve(projectRoot, process.env.HANDREIKING_E2E_SCREENSHOTS || path.join('test-results', 'e2e', 'screenshots'));

const FILE = 'revitalisatie/1-bewonersbeheer.hrk';
const TREE = 'Bewonersbeheer';
/** The node clicked in the diagram: its question text and its name in the source. */
const CLICKED = { text: 'onenigheid', name: 'Onenigheid' };

/** The two titles of a command: English (package.nls.json) and Dutch (package.nls.nl.json). */
function titles(key: string): RegExp {
    const en = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.nls.json'), 'utf8')) as Record<string, string>;
    const nl = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.nls.nl.json'), 'utf8')) as Record<string, string>;
    const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`Handreiking: (${escape(en[key])}|${escape(nl[key])})`);
}

describe('the extension in VS Code (code-server)', () => {
    let dirs: CodeServerDirs;
    let workspace: string;
    let extensionDir: string;
    let server: RunningCodeServer | undefined;
    let browser: Browser | undefined;
    let context: BrowserContext;
    let page: Page;
    let vscode: Workbench;
    let network: NetworkRecorder;
    const consoleMessages: string[] = [];
    /** Expectations computed with the CLI from the same files. */
    let expectedNodes: number;
    let expectedScenarios: number;
    /** The tree's coverage as `handreiking test --dekking --format json` gives it. */
    let expectedCoverage: { answers: { covered: number; total: number }; advices: { covered: number; total: number }; uncovered: { answers: unknown[] } };
    let preview: Frame;

    const log = (line: string) => console.log(`[e2e] ${line}`);
    /** The screenshots of docs/extension.md, which shows VS Code in Dutch: taken in the Dutch run only. */
    const shoot = async (name: string) => {
        if (locale !== 'nl') return;
        fs.mkdirSync(screenshots, { recursive: true });
        await page.screenshot({ path: path.join(screenshots, name) });
        log(`screenshot ${path.relative(projectRoot, path.join(screenshots, name))}`);
    };

    beforeAll(async () => {
        if (!codeServerInstalled()) {
            throw new Error(`code-server is not installed in ${codeServerDir}: run scripts/e2e/install-code-server.sh first`);
        }
        const started = Date.now();
        const vsix = await ensureVsix(log);

        dirs = newProfile('handreiking-e2e-', {
            'workbench.colorTheme': 'Default Light Modern',
            'workbench.tips.enabled': false,
            'extensions.ignoreRecommendations': true,
            'editor.minimap.enabled': false,
            // VS Code for the web saves after a delay by default; said here so the test can rely on it.
            'files.autoSave': 'afterDelay',
            'files.autoSaveDelay': 300,
            'testing.automaticallyOpenTestResults': 'neverOpen',
            'testing.automaticallyOpenPeekView': 'never'
        });
        const root = dirs.root;
        workspace = path.join(root, 'examples');
        fs.cpSync(path.join(projectRoot, 'examples'), workspace, { recursive: true });
        if (locale === 'nl') writeDisplayLanguage(dirs.userData, path.join(root, 'display-language'), 'nl');

        log((await installExtension(vsix, dirs)).split('\n').pop() ?? '');
        const installed = fs.readdirSync(dirs.extensions).find(name => name.startsWith('handreiking.handreiking-'));
        if (!installed) throw new Error(`the extension is not in ${dirs.extensions}`);
        extensionDir = path.join(dirs.extensions, installed);

        // What the preview and the Testing view should show, from the CLI on the same files.
        const cli = path.join(projectRoot, 'bin', 'handreiking.js');
        const mermaidDir = path.join(root, 'mermaid');
        await run(process.execPath, [cli, 'export', 'mermaid', workspace, '-o', mermaidDir]);
        expectedNodes = countMermaidNodes(fs.readFileSync(path.join(mermaidDir, `${TREE}.mmd`), 'utf8'));
        const tested = await run(process.execPath, [cli, 'test', workspace]);
        expectedScenarios = tested.stdout.split('\n').filter(line => /^[✓✗]/.test(line)).length;
        const covered = JSON.parse((await run(process.execPath, [cli, 'test', workspace, '--dekking', '--format', 'json'])).stdout) as { coverage: { trees: Array<typeof expectedCoverage & { tree: string }> } };
        expectedCoverage = covered.coverage.trees.find(t => t.tree === TREE)!;
        // The folder as a git repository, for "Vergelijk met …" (HEAD is the examples as copied).
        git(workspace, ['init', '-q']);
        git(workspace, ['add', '-A']);
        git(workspace, ['commit', '-q', '-m', 'de voorbeelden']);
        log(`expecting ${expectedNodes} diagram nodes in ${TREE} and ${expectedScenarios} scenarios`);

        server = await startCodeServer({ dirs, folder: workspace, locale });
        log(`code-server on ${server.url} (pid ${server.process.pid})`);
        // A user's full browser: VS Code's webviews are frames whose process model the headless shell does not share.
        browser = await launchBrowser('reader');
        context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
        page = await context.newPage();
        network = new NetworkRecorder(context, page);
        page.on('console', (message: ConsoleMessage) => consoleMessages.push(`${message.type()}: ${message.text()}`));
        vscode = new Workbench(page);
        await page.goto(`${server.url}?folder=${encodeURIComponent(workspace)}`);
        await vscode.waitUntilReady();
        log(`workbench ready after ${Math.round((Date.now() - started) / 1000)} s`);
    });

    afterEach(async context => {
        // A failed step leaves a picture of the workbench in test-results/ (ignored by git).
        if (context.task.result?.state === 'fail' && page) {
            const file = path.join(projectRoot, 'test-results', 'e2e', `failed-${context.task.name.replace(/\W+/g, '-')}.png`);
            fs.mkdirSync(path.dirname(file), { recursive: true });
            await page.screenshot({ path: file }).catch(() => undefined);
            log(`failure screenshot: ${file}`);
        }
    });

    afterAll(async () => {
        await browser?.close().catch(() => undefined);
        await server?.stop();
        if (dirs && !process.env.HANDREIKING_E2E_KEEP) fs.rmSync(dirs.root, { recursive: true, force: true });
        else if (dirs) log(`kept ${dirs.root}`);
    });

    test('opens a .hrk file as a Handreiking document', async () => {
        await vscode.openFile(FILE);
        await page.locator('.part.editor .view-lines', { hasText: `beslisboom ${TREE}` }).first().waitFor({ timeout: 30_000 });
        await until('the language mode Handreiking', async () => await vscode.languageStatus() === 'Handreiking');
    });

    test('draws the decision tree in the preview beside the editor', async () => {
        await vscode.runCommand('View: Close Primary Side Bar', /Close Primary Side Bar/).catch(() => undefined);
        const title = await vscode.runCommand('Handreiking: Open Preview to the Side', titles('command.openPreviewToSide'));
        log(`ran "${title}"`);
        preview = await vscode.webviewFrame('.diagram-viewport');
        const nodes = preview.locator('.diagram-viewport svg g.node');
        await until(`${expectedNodes} nodes in the diagram`, async () => await nodes.count() === expectedNodes, 60_000);
        // The webview speaks VS Code's display language.
        expect(await preview.evaluate(() => document.documentElement.lang)).toBe(locale);
        await expect.poll(() => preview.locator('.walk-button').innerText()).toBe(locale === 'nl' ? 'Doorlopen' : 'Walk through');
        await shoot('preview.png');
    });

    test('a click on a node selects its name in the editor', async () => {
        const source = fs.readFileSync(path.join(workspace, FILE), 'utf8').split('\n');
        const line = source.findIndex(l => new RegExp(`\\bvraag\\s+${CLICKED.name}\\b`).test(l));
        const start = source[line].indexOf(CLICKED.name);
        const expected = { line: line + 1, column: start + CLICKED.name.length + 1, selected: CLICKED.name.length };

        const node = preview.locator('.diagram-viewport svg g.node', { hasText: CLICKED.text }).first();
        await expect.poll(() => node.getAttribute('class')).toContain('hrk-clickable');
        const status = await until(`the selection of ${CLICKED.name} (Ln ${expected.line})`, async () => {
            const current = await vscode.cursorStatus();
            if (current.line === expected.line && current.selected === expected.selected) return current;
            await node.click();
            return undefined;
        }, 30_000, 1_000);
        expect({ line: status.line, column: status.column, selected: status.selected }).toEqual(expected);
        // And back: the cursor now in that node's text marks it in the diagram.
        await expect.poll(() => node.getAttribute('class')).toContain('hrk-cursor');
        await shoot('click-to-source.png');
    });

    test('the walkthrough command starts at the question under the cursor', async () => {
        // The cursor is on the clicked question's name (previous test).
        await vscode.runCommand('View: Focus First Editor Group', /Focus First Editor Group/).catch(() => undefined);
        await vscode.runCommand('Handreiking: Walk Through a Decision Tree', titles('command.walkthrough'));
        const panel = preview.locator('.walk-panel');
        await panel.locator('.walk-question .walk-text', { hasText: CLICKED.text }).waitFor({ timeout: 15_000 });
        await panel.locator('button.walk-close').click();
        await panel.waitFor({ state: 'hidden', timeout: 15_000 }).catch(async () => {
            expect(await panel.locator('.walk-question').count()).toBe(0);
        });
    });

    test('lists the scenarios in the Testing view and runs them green', async () => {
        log(`Test Explorer: ${await runScenariosGreen(vscode, page, titles('command.runScenarios'), expectedScenarios)}`);
        const rows = page.locator('.test-explorer .monaco-list-row');

        // Show the scenarios of one file for the screenshot.
        const file = rows.filter({ hasText: 'scenarios/bewonersbeheer.hrk' }).first();
        if (await file.getAttribute('aria-expanded') === 'false') await file.locator('.monaco-tl-twistie').click();
        await until('the scenarios of bewonersbeheer.hrk', async () => await rows.count() > 7);
        await shoot('testing.png');
    });

    test('walks the tree in the preview and saves the walk as a scenario', async () => {
        await vscode.runCommand('View: Close Primary Side Bar', /Close Primary Side Bar/).catch(() => undefined);
        await preview.locator('button.walk-button').click();
        const panel = preview.locator('.walk-panel');
        await panel.locator('.walk-question .walk-text', { hasText: 'Is de bewonersbeheergroep stabiel?' }).waitFor({ timeout: 15_000 });

        await panel.locator('button.walk-answer[data-answer="nee"]').click();
        await panel.locator('.walk-question .walk-text', { hasText: 'Is er sprake van onenigheid binnen de beheergroep?' }).waitFor({ timeout: 15_000 });
        expect(await panel.locator('.walk-path li').count()).toBe(1);
        // The path is marked in the diagram as well.
        expect(await preview.locator('.diagram-viewport g.node.hrk-walk-current').count()).toBe(1);

        await panel.locator('button.walk-answer[data-answer="ja"]').click();
        await panel.locator('.walk-advice').waitFor({ timeout: 15_000 });
        await panel.locator('button.walk-save').waitFor({ timeout: 15_000 });
        await shoot('walkthrough.png');

        // "Bewaar als scenario", which the Testing view picks up as a new, passing scenario.
        await saveWalkAsScenario(panel, path.join(workspace, FILE), TREE, 30_000);
        await vscode.runCommand('Testing: Focus on Test Explorer View', /Focus on Test Explorer View/);
        await page.locator('.test-explorer .monaco-list-row', { hasText: FILE }).first().waitFor({ timeout: 30_000 });
        await vscode.runCommand('Handreiking: Run Scenarios', titles('command.runScenarios'));
        const all = expectedScenarios + 1;
        await until(`${all}/${all} passed after saving the walk`, async () =>
            (await page.locator('.test-explorer .result-summary').first().innerText()).replace(/\s+/g, ' ').includes(`${all}/${all}`), 60_000);
    });

    test('"Dekking" shows over the tree what the scenarios check, with the figures of handreiking test --dekking', async () => {
        const { answers, advices } = expectedCoverage;
        const counts = locale === 'nl'
            ? `dekking: ${answers.covered}/${answers.total} antwoorden, ${advices.covered}/${advices.total} adviezen`
            : `coverage: ${answers.covered}/${answers.total} answers, ${advices.covered}/${advices.total} advices`;
        await preview.locator('button.coverage-button').click();
        await until(`"${counts}" above the diagram`, async () =>
            await preview.locator('.coverage-bar .coverage-counts').innerText().catch(() => '') === counts, 60_000);
        expect(await preview.locator('.diagram-viewport path.flowchart-link.hrk-uncovered-edge').count()).toBe(expectedCoverage.uncovered.answers.length);
        await preview.locator('button.coverage-button').click();
        await preview.locator('.coverage-bar').waitFor({ state: 'hidden', timeout: 15_000 });
        expect(await preview.locator('.diagram-viewport .hrk-uncovered-edge, .diagram-viewport .hrk-uncovered').count()).toBe(0);
    });

    test('reports a mistake in the display language, as the CLI does', async () => {
        // A new file with an unknown start node, as an editor might type it.
        const name = 'nieuwe-boom.hrk';
        const text = 'beslisboom NieuweBoom "Nieuwe boom" {\n    start Onbekend\n    advies Klaar "Klaar"\n}\n';
        fs.writeFileSync(path.join(workspace, name), text);
        const expected = await cliMessages(path.join(workspace, name), locale);
        expect(expected.length).toBeGreaterThan(0);

        await vscode.runCommand('View: Close Primary Side Bar', /Close Primary Side Bar/).catch(() => undefined);
        await vscode.runCommand('Notifications: Clear All Notifications', /Clear All Notifications/).catch(() => undefined);
        await vscode.runCommand('View: Focus First Editor Group', /Focus First Editor Group/).catch(() => undefined);
        await vscode.openFile(name);
        await vscode.runCommand('Problems: Focus on Problems View', /Focus on Problems View/);
        const problems = page.locator('.markers-panel .monaco-list-row');
        for (const message of expected) {
            await problems.filter({ hasText: message }).first().waitFor({ timeout: 30_000 });
        }
        await shoot('diagnostics.png');
    });

    test('exports the file as an HTML guide that needs nothing from outside', async () => {
        // The server reads Mermaid and the guide app from beside dist/server.cjs: this fails when
        // the .vsix lacks them (there is no node_modules in the package).
        await vscode.runCommand('View: Focus First Editor Group', /Focus First Editor Group/).catch(() => undefined);
        await vscode.openFile(FILE);
        const target = path.join(workspace, 'bewonersbeheer-gids.html');
        const html = await exportThroughDialog(vscode, 'Handreiking: Export File as HTML Guide', titles('command.exportHtmlFile'), target,
            text => text.includes('</html>'), 60_000);
        expectSelfContainedGuide(html);
    });

    test('"Vergelijk met …" HEAD: a reworded question is drawn amber with its old text, and the comparison stops', async () => {
        const file = path.join(workspace, FILE);
        const question = 'Is er sprake van onenigheid binnen de beheergroep?';
        // Edited outside the editor (saved): the editor takes the file from disk.
        fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(question, 'Is er onenigheid in de beheergroep?'));
        await vscode.runCommand('View: Focus First Editor Group', /Focus First Editor Group/).catch(() => undefined);
        await vscode.openFile(FILE);
        await vscode.runCommand('Handreiking: Compare the Preview', titles('command.compareWith'));
        const head = vscode.quickInputRows().filter({ hasText: /^\s*HEAD/ }).first();
        await head.waitFor({ state: 'visible', timeout: 30_000 });
        await head.click();
        const summary = preview.locator('.compare-bar .compare-summary');
        await until('the comparison with HEAD above the diagram', async () =>
            /HEAD/.test(await summary.innerText().catch(() => '')), 60_000);
        const reworded = preview.locator('.diagram-viewport g.node.hrk-reworded');
        await until('the reworded question marked', async () => await reworded.count() === 1, 30_000);
        expect(await reworded.locator('title').first().textContent()).toContain(question);
        await preview.locator('.compare-panel').waitFor({ state: 'visible', timeout: 15_000 });
        // The picture for the docs: the diagram beside the list, without the walkthrough of an
        // earlier step and the bottom panel taking the room.
        const closeWalk = preview.locator('.walk-panel button.walk-close');
        if (await closeWalk.isVisible().catch(() => false)) await closeWalk.click();
        await vscode.runCommand('View: Close Panel', /Close Panel/).catch(() => undefined);
        await shoot('compare.png');
        await preview.locator('button.compare-stop').click();
        await preview.locator('.compare-bar').waitFor({ state: 'hidden', timeout: 30_000 });
    });

    test('a language server that dies is started again, and the user is told once', async () => {
        const serverPids = () => execFileSync('pgrep', ['-f', 'handreiking.handreiking-0.1.0/dist/server.cjs'], { encoding: 'utf8' })
            .trim().split('\n').filter(Boolean);
        const [first] = await until('the language server process', async () => {
            try { return serverPids().length > 0 ? serverPids() : undefined; } catch { return undefined; }
        });
        process.kill(Number(first), 'SIGKILL');
        const restarted = locale === 'nl' ? 'stopte onverwacht en is opnieuw gestart' : 'stopped unexpectedly and was started again';
        await page.locator('.notification-toast', { hasText: restarted }).first().waitFor({ timeout: 60_000 });
        const second = await until('a new language server process', async () => {
            try { return serverPids().find(pid => pid !== first); } catch { return undefined; }
        }, 60_000);
        expect(second).not.toBe(first);
        // The new server answers: the scenarios run green again.
        await vscode.runCommand('Handreiking: Run Scenarios', titles('command.runScenarios'));
        await vscode.runCommand('Testing: Focus on Test Explorer View', /Focus on Test Explorer View/);
        await until('the scenarios after the restart', async () =>
            /\d+\/\d+/.test((await page.locator('.test-explorer .result-summary').first().innerText()).replace(/\s+/g, ' ')), 60_000);
        // Told once: killing it again shows no second message.
        process.kill(Number(second), 'SIGKILL');
        await until('a third language server process', async () => {
            try { return serverPids().find(pid => pid !== first && pid !== second); } catch { return undefined; }
        }, 60_000);
        expect(await page.locator('.notification-toast', { hasText: restarted }).count()).toBeLessThanOrEqual(1);
    });

    test('nothing leaves the machine', async () => {
        await network.settle();
        const { local, codeServer, outside } = network.classify(extensionDir);
        log(`${local.length} local requests, ${codeServer.length} by code-server to its gallery (${[...new Set(codeServer.map(r => new URL(r.url).hostname))].join(', ') || 'none'})`);
        // The recording does see the webview: its script came from the installed extension,
        // answered by the webview's service worker.
        const script = local.find(r => r.url.endsWith('/dist/webview/preview.js'));
        expect(script).toBeDefined();
        log(`webview script: ${script?.url} (service worker: ${script?.fromServiceWorker})`);
        expect(outside.map(r => `${r.url} (from ${r.source})`)).toEqual([]);
        if (process.env.HANDREIKING_E2E_DEBUG) console.log(consoleMessages.join('\n'));
        // Nor was a load attempted and blocked by a Content Security Policy (the webview's included).
        expect(consoleMessages.filter(m => /Content Security Policy/i.test(m))).toEqual([]);
    });
});

/** The messages `handreiking check` gives for a file, in `lang`. */
async function cliMessages(file: string, lang: string): Promise<string[]> {
    const cli = path.join(projectRoot, 'bin', 'handreiking.js');
    // Exit code 1 (errors found) is the expected outcome here.
    const output = await run(process.execPath, [cli, 'check', file, '--format', 'json', '--lang', lang])
        .catch((err: { stdout?: string }) => ({ stdout: err.stdout ?? '' }));
    const report = JSON.parse(output.stdout) as { diagnostics: Array<{ message: string }> };
    return report.diagnostics.map(d => d.message);
}

/** Node declarations (`n0{"…"}`, `s0(["Start"])`, `l0[["…"]]`) in Mermaid flowchart text. */
function countMermaidNodes(text: string): number {
    const ids = new Set<string>();
    // The exported diagram draws its provenance legend as a subgraph of its own; the preview shows
    // that legend beside the diagram instead, so its boxes are not nodes of the tree.
    let inLegend = false;
    for (const line of text.split('\n')) {
        if (/^\s*subgraph\s+\w+\s*\["Herkomst"\]/.test(line)) inLegend = true;
        else if (inLegend && /^\s*end\s*$/.test(line)) inLegend = false;
        const match = inLegend ? null : /^\s*([A-Za-z][\w]*)\s*[[({>]/.exec(line);
        if (match) ids.add(match[1]);
    }
    return ids.size;
}
