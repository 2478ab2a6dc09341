import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import {
    codeServerDir, codeServerInstalled, ensureVsix, installExtension, newProfile, projectRoot, startCodeServer,
    type CodeServerDirs, type RunningCodeServer
} from './code-server.js';
import { exportThroughDialog, expectSelfContainedGuide, runScenariosGreen, saveWalkAsScenario } from './editor-steps.js';
import { until, Workbench } from './workbench.js';

/**
 * The extension's `browser` entry (VS Code for the web) in code-server's web worker extension
 * host: the packaged extension, with `extensionKind: ["web"]` written into its installed manifest
 * and its desktop entry removed, so that VS Code runs dist/browser-extension.cjs in the browser. The language server then runs in a worker (dist/browser-server.js) and reads the workspace
 * through VS Code's file system API. English display language (the default); the desktop test
 * (extension.e2e.test.ts) covers the features in depth, this one the server, the preview, the
 * walk saved as a scenario, every export and the Testing view.
 */

const FILE = 'revitalisatie/1-bewonersbeheer.hrk';

describe('the extension in VS Code for the web (code-server, web worker extension host)', () => {
    let dirs: CodeServerDirs;
    let server: RunningCodeServer | undefined;
    let browser: Browser | undefined;
    let page: Page;
    let vscode: Workbench;
    let workspace: string;
    const log = (line: string) => console.log(`[e2e web] ${line}`);

    beforeAll(async () => {
        if (!codeServerInstalled()) throw new Error(`code-server is not installed in ${codeServerDir}: run scripts/e2e/install-code-server.sh first`);
        const vsix = await ensureVsix(log);
        dirs = newProfile('handreiking-e2e-web-', {
            // "Bewaar als scenario" edits the file; saved soon after, the test reads it from disk.
            'files.autoSave': 'afterDelay',
            'files.autoSaveDelay': 300
        });
        workspace = path.join(dirs.root, 'examples');
        fs.cpSync(path.join(projectRoot, 'examples'), workspace, { recursive: true });
        await installExtension(vsix, dirs);
        const installed = fs.readdirSync(dirs.extensions).find(name => name.startsWith('handreiking.handreiking-'));
        if (!installed) throw new Error(`the extension is not in ${dirs.extensions}`);
        const manifestFile = path.join(dirs.extensions, installed, 'package.json');
        const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Record<string, unknown>;
        expect(manifest.browser).toBe('./dist/browser-extension.cjs');
        // Only the browser entry is left to run: the desktop entry and its Node server are removed,
        // so whatever answers below is the extension for the web and its server in a worker.
        const { main: _desktop, ...web } = manifest;
        fs.writeFileSync(manifestFile, JSON.stringify({ ...web, extensionKind: ['web'] }, null, 2));
        fs.rmSync(path.join(dirs.extensions, installed, 'dist', 'extension.cjs'));
        fs.rmSync(path.join(dirs.extensions, installed, 'dist', 'server.cjs'));

        server = await startCodeServer({ dirs, folder: workspace });
        // A user's full browser: VS Code's webviews are frames whose process model the headless shell does not share.
        browser = await launchBrowser('reader');
        const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
        page = await context.newPage();
        if (process.env.HANDREIKING_E2E_DEBUG) page.on('console', m => log(`${m.type()}: ${m.text()}`));
        vscode = new Workbench(page);
        await page.goto(`${server.url}?folder=${encodeURIComponent(workspace)}`);
        await vscode.waitUntilReady();
    });

    afterAll(async () => {
        await browser?.close().catch(() => undefined);
        await server?.stop();
        if (dirs && !process.env.HANDREIKING_E2E_KEEP) fs.rmSync(dirs.root, { recursive: true, force: true });
    });

    test('the language server in a worker checks the guide and answers the editor', async () => {
        await vscode.openFile(FILE);
        await page.locator('.part.editor .view-lines', { hasText: 'beslisboom Bewonersbeheer' }).first().waitFor({ timeout: 60_000 });
        await until('the language mode Handreiking', async () => await vscode.languageStatus() === 'Handreiking', 60_000);
        // The code lenses come from the server: it runs, it has read the workspace (the scenario
        // count comes from the scenario files, which are not open).
        const lens = page.locator('.part.editor .codelens-decoration', { hasText: /Show diagram/ }).first();
        await lens.waitFor({ timeout: 120_000 });
        expect(await page.locator('.part.editor .codelens-decoration', { hasText: /\d+ scenarios?/ }).count()).toBeGreaterThan(0);
    });

    test('a mistake gets its diagnostic', async () => {
        await page.locator('.part.editor .view-lines', { hasText: 'start Stabiel' }).first().click();
        const line = page.locator('.part.editor .view-line', { hasText: 'start Stabiel' }).first();
        await line.click();
        await page.keyboard.press('End');
        await page.keyboard.type('X');
        await page.locator('.part.editor .squiggly-error').first().waitFor({ timeout: 120_000 });
        // Undone, the guide is whole again for the preview below.
        await page.keyboard.press('Control+Z');
        await page.locator('.part.editor .squiggly-error').first().waitFor({ state: 'detached', timeout: 120_000 });
    });

    test('the preview draws the tree, and a click on a node selects its name in the editor', async () => {
        await vscode.runCommand('View: Close Primary Side Bar', /Close Primary Side Bar/).catch(() => undefined);
        await vscode.runCommand('Handreiking: Open Preview to the Side', /Handreiking: Open Preview to the Side/);
        const preview = await vscode.webviewFrame('.diagram-viewport', 120_000);
        const nodes = preview.locator('.diagram-viewport svg g.node');
        await until('the tree in the preview', async () => await nodes.count() > 5, 120_000);
        const source = fs.readFileSync(path.join(workspace, FILE), 'utf8').split('\n');
        const line = source.findIndex(l => /\bvraag\s+Onenigheid\b/.test(l));
        // One word of the question's text: Mermaid may break the label into lines.
        const node = preview.locator('.diagram-viewport svg g.node.hrk-clickable', { hasText: 'onenigheid' }).first();
        // The server in its worker computed the ranges the click goes back to.
        await until('the selection of Onenigheid', async () => {
            const status = await vscode.cursorStatus();
            if (status.line === line + 1 && status.selected === 'Onenigheid'.length) return status;
            await node.click();
            return undefined;
        }, 60_000, 1_000);
    });

    test('walks the tree in the preview and saves the walk as a scenario in the file', async () => {
        const preview = await vscode.webviewFrame('.diagram-viewport', 60_000);
        await preview.locator('button.walk-button').click();
        const panel = preview.locator('.walk-panel');
        await panel.locator('.walk-question .walk-text', { hasText: 'Is de bewonersbeheergroep stabiel?' }).waitFor({ timeout: 30_000 });
        await panel.locator('button.walk-answer[data-answer="nee"]').click();
        await panel.locator('.walk-question .walk-text', { hasText: 'Is er sprake van onenigheid binnen de beheergroep?' }).waitFor({ timeout: 30_000 });
        await panel.locator('button.walk-answer[data-answer="ja"]').click();
        await panel.locator('.walk-advice').waitFor({ timeout: 30_000 });
        // The edit goes through the web extension host to the editor, which saves it.
        await saveWalkAsScenario(panel, path.join(workspace, FILE), 'Bewonersbeheer');
    });

    test('exports the file as an HTML guide, written through VS Code\'s file system', async () => {
        await vscode.runCommand('View: Focus First Editor Group', /Focus First Editor Group/).catch(() => undefined);
        await vscode.openFile(FILE);
        const target = path.join(workspace, 'bewonersbeheer-gids.html');
        // The guide's scripts come from the extension's own files (no node_modules, no network in a browser).
        const html = await exportThroughDialog(vscode, 'Handreiking: Export File as HTML Guide', /Handreiking: Export File as HTML Guide/, target,
            text => text.includes('</html>'));
        expectSelfContainedGuide(html);
        fs.rmSync(target);
    });

    test('exports the workspace as JSON, byte for byte what handreiking export json writes', async () => {
        const target = path.join(os.tmpdir(), `handreiking-e2e-web-${process.pid}.json`);
        const exported = await exportThroughDialog(vscode, 'Handreiking: Export Workspace as JSON', /Handreiking: Export Workspace as JSON/, target,
            text => text.trimEnd().endsWith('}'));
        fs.rmSync(target);
        // The workspace as it is now on disk (the scenario saved above included), through the CLI.
        const cli = spawnSync(process.execPath, [path.join(projectRoot, 'bin', 'handreiking.js'), 'export', 'json', '.', '-o', target], { cwd: workspace, encoding: 'utf8' });
        expect(cli.status, cli.stderr).toBe(0);
        const expected = fs.readFileSync(target, 'utf8');
        fs.rmSync(target);
        expect(JSON.parse(exported).trees.length).toBeGreaterThan(0);
        expect(exported).toBe(expected);
    });

    /** An export of several files: the command, its folder dialog answered with a new folder, the files once `complete`. */
    async function exportToFolder(command: string, titles: RegExp, complete: (files: Map<string, Buffer>) => boolean): Promise<Map<string, Buffer>> {
        const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'handreiking-e2e-web-export-'));
        try {
            await vscode.runCommand(command, titles);
            await vscode.answerPathDialog(folder);
            return await until(`the files of ${command}`, async () => {
                const files = new Map(fs.readdirSync(folder).map(name => [name, fs.readFileSync(path.join(folder, name))]));
                return files.size > 0 && complete(files) ? files : undefined;
            }, 120_000);
        } finally {
            fs.rmSync(folder, { recursive: true, force: true });
        }
    }

    test('exports the file as Mermaid, each diagram what handreiking export mermaid writes', async () => {
        await vscode.runCommand('View: Focus First Editor Group', /Focus First Editor Group/).catch(() => undefined);
        await vscode.openFile(FILE);
        const exported = await exportToFolder('Handreiking: Export File as Mermaid', /Handreiking: Export File as Mermaid/, files => files.has('Bewonersbeheer.mmd'));
        const cliFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'handreiking-e2e-web-cli-'));
        const cli = spawnSync(process.execPath, [path.join(projectRoot, 'bin', 'handreiking.js'), 'export', 'mermaid', '.', '-o', cliFolder], { cwd: workspace, encoding: 'utf8' });
        expect(cli.status, cli.stderr).toBe(0);
        for (const [name, bytes] of exported) {
            expect(fs.existsSync(path.join(cliFolder, name)), name).toBe(true);
            expect(bytes.toString('utf8'), name).toBe(fs.readFileSync(path.join(cliFolder, name), 'utf8'));
        }
        fs.rmSync(cliFolder, { recursive: true, force: true });
    });

    test('exports the file\'s diagrams as SVG and as PNG, drawn by the preview in the browser', async () => {
        await vscode.openFile(FILE);
        const svg = (await exportToFolder('Handreiking: Export Diagrams as SVG', /Handreiking: Export Diagrams as SVG/, files => files.has('Bewonersbeheer.svg')))
            .get('Bewonersbeheer.svg')!.toString('utf8');
        expect(svg).toMatch(/^(?:<\?xml[^>]*>\s*)?<svg\b/);
        expect(svg).toContain('onenigheid');
        expect(svg).not.toMatch(/<script\b|\bon[a-z]+\s*=|<foreignObject\b[^>]*>\s*<iframe/i);
        const png = (await exportToFolder('Handreiking: Export Diagrams as PNG', /Handreiking: Export Diagrams as PNG/, files => files.has('Bewonersbeheer.png')))
            .get('Bewonersbeheer.png')!;
        // A PNG, of some size: the drawing, not an empty image.
        expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
        expect(png.readUInt32BE(16)).toBeGreaterThan(200);
        expect(png.length).toBeGreaterThan(10_000);
    });

    test('lists the scenarios in the Testing view and runs them green, in the web extension host', async () => {
        // The workspace as it is now (the scenario saved above included), through the CLI.
        const tested = spawnSync(process.execPath, [path.join(projectRoot, 'bin', 'handreiking.js'), 'test', '.'], { cwd: workspace, encoding: 'utf8' });
        const expected = tested.stdout.split('\n').filter(line => /^[✓✗]/.test(line)).length;
        expect(expected).toBeGreaterThan(10);
        log(`Test Explorer: ${await runScenariosGreen(vscode, page, /Handreiking: Run Scenarios/, expected)}`);
    });
});
