import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BROWSER_TIMEOUT, launchBrowser } from '../support/browser.js';
import { tempDir } from '../support/temp-dir.js';
import { clickInEditor, ensureWebBuild, previewFrame, serveStatic, WEB_DIR } from '../support/web-edition.js';

/**
 * The browser edition (dist/web/, npm run build:web) as its user meets it, served by a static
 * server on 127.0.0.1 and opened straight from disk (file://): Monaco, our language server in a
 * worker, the extension's preview beside the text, the workspace kept in IndexedDB.
 */

let browser: Browser;
let server: Awaited<ReturnType<typeof serveStatic>>;
let cliJson: Buffer;

beforeAll(async () => {
    await ensureWebBuild();
    const out = tempDir('hrk-web-cli-');
    // The page's workspace is the folder examples/: its export names files below it, as the CLI run in it does.
    await promisify(execFile)(process.execPath, [path.resolve('bin/handreiking.js'), 'export', 'json', '.', '-o', out], { cwd: path.resolve('examples') });
    cliJson = fs.readFileSync(path.join(out, 'handreiking.json'));
    // A reader's full browser: the edition runs in one, and the headless shell puts a sandboxed frame
    // in its parent's process (no site isolation), where the sandbox test below asks for a process of its own.
    [browser, server] = await Promise.all([launchBrowser('reader'), serveStatic(WEB_DIR)]);
});
afterAll(async () => {
    await browser?.close();
    await server?.close();
});

const BOOM = 'revitalisatie/1-bewonersbeheer.hrk';
const SCENARIOS = 'scenarios/bewonersbeheer.hrk';

describe.each([
    { mode: 'static server', url: () => server.url, own: (u: string) => u.startsWith(server.url) },
    { mode: 'file://', url: () => pathToFileURL(path.join(WEB_DIR, 'index.html')).href, own: (u: string) => u.startsWith('file://') }
])('the browser edition from a $mode', ({ url, own }) => {
    let context: BrowserContext;
    let page: Page;
    const foreign: string[] = [];
    const problems: string[] = [];

    beforeAll(async () => {
        context = await browser.newContext({ viewport: { width: 1500, height: 950 }, acceptDownloads: true });
        // Every request of the page, its frame and its workers: only the page's own files, blobs and data URLs.
        context.on('request', request => {
            const u = request.url();
            if (!own(u) && !u.startsWith('blob:') && !u.startsWith('data:')) foreign.push(u);
        });
        page = await context.newPage();
        page.setDefaultTimeout(BROWSER_TIMEOUT);
        page.setDefaultNavigationTimeout(BROWSER_TIMEOUT);
        watch(page, problems);
        await page.goto(url());
        await ready(page);
    });
    afterAll(async () => {
        await context?.close();
    });

    test('opens with the guide from examples/, checked by the language server', async () => {
        expect(await page.getByTestId('mode').getAttribute('data-mode')).toBe('guide');
        await page.getByTestId('files').locator(`[data-path="${BOOM}"]`).waitFor();
        await outlineEntry(page, 'Bewonersbeheer').waitFor();
        // The guide is clean: no problems listed.
        expect(await page.getByTestId('problems').locator('li.error').count()).toBe(0);
    });

    test('exports the JSON byte for byte as the command line does', async () => {
        const download = await exported(page, 'json');
        expect(download.suggestedFilename()).toBe('handreiking.json');
        const bytes = fs.readFileSync(await download.path());
        expect(bytes.equals(cliJson)).toBe(true);
    });

    test('exports the HTML guide, and runs the scenarios', async () => {
        const download = await exported(page, 'html');
        expect(download.suggestedFilename()).toBe('handreiking.html');
        const html = fs.readFileSync(await download.path(), 'utf8');
        expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
        expect(html).toContain('Content-Security-Policy');
        await page.getByTestId('run-scenarios').click();
        await page.getByTestId('scenarios').locator('li').first().waitFor();
        expect(await page.getByTestId('scenarios').locator('li.failed').count()).toBe(0);
        expect(await page.getByTestId('scenarios').locator('li.passed').count()).toBeGreaterThan(0);
    });

    test('draws a tree as PNG in the (sandboxed) preview frame, as a download', async () => {
        await openFile(page, BOOM);
        const download = await exported(page, 'png');
        expect(download.suggestedFilename()).toBe('Bewonersbeheer.png');
        const png = fs.readFileSync(await download.path());
        expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
        // IHDR's width: the tree drawn at twice its size, not an empty canvas.
        expect(png.readUInt32BE(16)).toBeGreaterThan(200);
    });

    test('the preview is sandboxed: a process of its own, no way into the page or its storage', async () => {
        expect(await page.getByTestId('preview').getAttribute('sandbox')).toBe('allow-scripts');
        const preview = previewFrame(page);
        // Playwright has a DevTools session of its own only for a frame in another process.
        const session = await context.newCDPSession(preview);
        await session.detach();
        expect(await preview.evaluate(() => { try { return window.parent.document.title; } catch { return 'blocked'; } })).toBe('blocked');
        expect(await preview.evaluate(() => { try { return String(sessionStorage.length); } catch { return 'blocked'; } })).toBe('blocked');
        expect(await preview.evaluate(() => { try { return String(indexedDB.open('x')); } catch { return 'blocked'; } })).toBe('blocked');
    });

    test('a mistake gets its Dutch diagnostic, and undoing it clears it', async () => {
        await openFile(page, BOOM);
        // No code lenses above the tree (web/src/main.ts says why); VS Code shows three there.
        expect(await page.locator('.monaco-editor .codelens-decoration').count()).toBe(0);
        await outlineEntry(page, 'Stabiel').click();
        await page.keyboard.type('Stabil');
        const problem = page.getByTestId('problems').locator('li.error', { hasText: '‘start Stabiel’ noemt geen knoop van beslisboom ‘Bewonersbeheer’' });
        await problem.first().waitFor();
        expect(await problem.first().textContent()).toContain(`${BOOM}:9:`);
        await page.locator('.monaco-editor .squiggly-error').first().waitFor();
        await page.keyboard.press('Control+Z');
        await problem.first().waitFor({ state: 'detached' });
        await expect.poll(() => editorText(page)).toContain('vraag Stabiel "');
    });

    test('a keystroke in an unsaved file leaves the file list and the tabs as they are', async () => {
        await openFile(page, BOOM);
        await outlineEntry(page, 'Stabiel').click();
        await page.keyboard.press('End');
        const entries = '[data-testid="files"] li, [data-testid="tabs"] .tab';
        // The first keystroke makes the file unsaved: its entry and its tab are drawn again to show it.
        await page.keyboard.type('x');
        await page.getByTestId('files').locator(`button[data-path="${BOOM}"][data-dirty="true"]`).waitFor();
        await page.evaluate(selector => document.querySelectorAll(selector).forEach(e => { (e as unknown as { kept?: true }).kept = true; }), entries);
        await page.keyboard.type('y');
        await expect.poll(() => editorText(page)).toContain('xy');
        const kept = await page.evaluate(selector => [...document.querySelectorAll(selector)].map(e => (e as unknown as { kept?: true }).kept === true), entries);
        expect(kept.length).toBeGreaterThan(1);
        expect(kept.every(Boolean)).toBe(true);
        // Undone, the file is saved again: the list shows that.
        await page.keyboard.press('Control+Z');
        await page.getByTestId('files').locator(`button[data-path="${BOOM}"][data-dirty="true"]`).waitFor({ state: 'detached' });
        // The list is drawn at once, the editor's lines at its next frame: read them when they are.
        await expect.poll(() => editorText(page)).not.toContain('xy');
    });

    test('completes a keyword', async () => {
        await openFile(page, 'kenmerken.hrk');
        await clickInEditor(page);
        await page.keyboard.press('Control+End');
        await page.keyboard.press('Enter');
        await page.keyboard.press('Enter');
        await page.keyboard.type('// nog uitzoeken', { delay: 10 });
        await page.keyboard.press('Enter');
        await page.keyboard.type('typol');
        await page.keyboard.press('Control+Space');
        const item = page.locator('.suggest-widget.visible .monaco-list-row', { hasText: 'typologie' });
        await item.first().waitFor();
        await item.first().click();
        await page.getByTestId('files').locator('[data-path="kenmerken.hrk"][data-dirty="true"]').waitFor();
        // The snippet: a typology named "Naam" with a value for every characteristic.
        await outlineEntry(page, 'Naam').waitFor();
        await expect.poll(() => editorText(page)).toContain('typologie Naam "Titel" {');
    });

    test('renames a tree across two files', async () => {
        await openFile(page, BOOM);
        await outlineEntry(page, 'Bewonersbeheer').click();
        await page.keyboard.press('F2');
        const input = page.locator('.rename-box input, .rename-box textarea').first();
        await input.waitFor();
        await input.fill('BewonersbeheerNieuw');
        await input.press('Enter');
        await page.getByTestId('files').locator(`[data-path="${SCENARIOS}"][data-dirty="true"]`).waitFor();
        await openFile(page, SCENARIOS);
        await expect.poll(() => editorText(page), { timeout: 60_000 }).toContain('beslisboom BewonersbeheerNieuw');
        expect(await page.getByTestId('problems').locator('li.error').count()).toBe(0);
    });

    test('walks a tree in the preview and saves the walk as a scenario', async () => {
        await openFile(page, BOOM);
        const preview = previewFrame(page);
        await preview.locator('svg g.node').first().waitFor();
        await preview.locator('.walk-button').click();
        for (let step = 0; step < 40; step++) {
            const save = preview.locator('.walk-panel .walk-save');
            if (await save.count() > 0) break;
            await preview.locator('.walk-panel .walk-answer').first().click();
        }
        await preview.locator('.walk-panel .walk-save').click();
        await page.getByTestId('status').getByText(`Scenario toegevoegd aan het eind van ${BOOM}.`).waitFor();
        // The new scenario is in the file: the outline lists it, named after the tree and where the walk ended.
        await page.getByTestId('outline').getByRole('button', { name: /^BewonersbeheerNieuw: / }).waitFor();
        await clickInEditor(page);
        await page.keyboard.press('Control+End');
        await expect.poll(() => editorText(page), { timeout: 60_000 }).toMatch(/verwacht \w+\s*\}/);
    });

    test('keeps the unsaved text and the preview\'s state over a reload, and asks before leaving', async () => {
        // The coverage overlay on: part of the preview's state, which the page keeps for its sandboxed frame.
        await previewFrame(page).locator('.coverage-button').click();
        await previewFrame(page).locator('.coverage-button[aria-pressed="true"]').waitFor();
        await expect.poll(() => page.evaluate(() => sessionStorage.getItem('handreiking-preview-state'))).toContain('"coverage":true');
        await page.locator('body[data-persisted="written"]').waitFor();
        let asked = '';
        page.once('dialog', dialog => { asked = dialog.type(); void dialog.accept(); });
        await page.reload();
        expect(asked).toBe('beforeunload');
        await ready(page);
        await page.getByTestId('status').getByText(/^\d+ niet-opgeslagen bestanden teruggezet uit de vorige sessie\.$/).waitFor();
        for (const file of [BOOM, SCENARIOS, 'kenmerken.hrk']) {
            await page.getByTestId('files').locator(`[data-path="${file}"][data-dirty="true"]`).waitFor();
        }
        // The typology the completion inserted (its snippet names it "Naam") is in the file again.
        await openFile(page, 'kenmerken.hrk');
        await outlineEntry(page, 'Naam').waitFor();
        await previewFrame(page).locator('.coverage-button[aria-pressed="true"]').waitFor();
    });

    test('nothing left the page, and nothing broke its policy', () => {
        expect(foreign).toEqual([]);
        expect(problems).toEqual([]);
    });
});

describe('the browser edition\'s preview bundle', () => {
    // scripts/web/left-out.mjs: Mermaid's other diagram types are left out of the first load; the
    // walk above draws with the flowchart module that stays.
    test('carries Mermaid\'s flowchart and none of its other diagram types', () => {
        const preview = fs.readFileSync(path.join(WEB_DIR, 'preview.html'), 'utf-8');
        expect(preview).toContain('flowchart-v2');
        for (const type of ['sequenceDiagram', 'classDiagram-v2', 'ganttDiagram', 'gitGraphDiagram', 'pieDiagram']) {
            expect(preview).toContain(`Mermaid's ${type} is not part of the browser edition's preview`);
        }
        // Mermaid's parser package (for pie, gitGraph, architecture, …) came only with those types.
        expect(preview).not.toContain('GitGraphGrammar');
    });

    test('the preview frame\'s page holds its scripts and style, and its policy runs only those two scripts', () => {
        // A sandboxed page opened from disk may load no file: it must need none.
        const html = fs.readFileSync(path.join(WEB_DIR, 'preview.html'), 'utf-8');
        const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(m => m[1]);
        const tags = html.replace(/<script>[\s\S]*?<\/script>/g, '<script></script>').replace(/<style>[\s\S]*?<\/style>/g, '<style></style>');
        expect(tags).not.toMatch(/\s(src|href)=/);
        expect(tags.match(/<(script|link|style)\b[^>]*>/g)).toEqual(['<style>', '<script>', '<script>']);
        expect(scripts).toHaveLength(2);
        const policy = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? '';
        const hashes = scripts.map(text => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`);
        expect(/script-src ([^;]*)/.exec(policy)?.[1].split(' ')).toEqual(hashes);
        expect(policy).toContain("default-src 'none'");
    });
});

/** Page errors and Content Security Policy violations (the console reports those). */
function watch(page: Page, problems: string[]): void {
    page.on('pageerror', error => problems.push(`page error: ${error.message}`));
    page.on('console', message => {
        if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(`policy: ${message.text()}`);
    });
}

async function ready(page: Page): Promise<void> {
    await page.locator('body[data-ready="true"], body[data-failed]').first().waitFor();
    expect(await page.locator('body').getAttribute('data-failed')).toBeNull();
}

/** The one file an export from the toolbar's menu offers for download. */
async function exported(page: Page, format: 'json' | 'html' | 'png'): Promise<Download> {
    const [download] = await Promise.all([
        page.waitForEvent('download'),
        (async () => {
            await page.getByTestId('export').click();
            await page.getByTestId('export-menu').locator(`[data-format="${format}"]`).click();
        })()
    ]);
    return download;
}

function outlineEntry(page: Page, name: string) {
    return page.getByTestId('outline').getByRole('button', { name, exact: true });
}

async function openFile(page: Page, file: string): Promise<void> {
    await page.getByTestId('files').locator(`button[data-path="${file}"]`).click();
    await page.getByTestId('tabs').locator(`.tab.active[data-path="${file}"]`).waitFor();
    // The outline of this file, not the one still shown for the file open before it.
    await page.locator(`[data-testid="outline"][data-path="${file}"] button`).first().waitFor();
}

/** The editor's visible lines as text (Monaco writes spaces as no-break spaces). */
async function editorText(page: Page): Promise<string> {
    return (await page.locator('.monaco-editor .view-lines').textContent() ?? '').replace(/\u00a0/g, ' ');
}

