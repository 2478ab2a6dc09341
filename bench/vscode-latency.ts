import * as fs from 'node:fs';
import * as path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { codeServerDir, codeServerInstalled, ensureVsix, installExtension, newProfile, startCodeServer, type RunningCodeServer } from '../test/e2e/code-server.js';
import { caretInLine, caretToLineEnd, redrawKeystrokes, squiggleKeystrokes } from './editor-keystrokes.js';

/**
 * The Node language server as a user meets it: the packaged extension (handreiking.vsix) in VS Code
 * for the web — code-server, the same install as the end-to-end test's — in the same headless
 * Chromium as the browser edition, with the same two files and the same keystrokes
 * (bench/editor-keystrokes.ts). The keystroke goes from VS Code's editor over its connection to the
 * extension host, which passes it to our server over IPC; the diagnostics and the preview's data
 * come back the same way, and the preview draws in VS Code's webview.
 */

export interface EditorPlan {
    /** The workspace's files, by name; `file` is opened. */
    files: Record<string, string>;
    file: string;
    /** The line (0-based) that ends with a name the file refers to: `x` and Backspace after it. */
    referenceLine: number;
    /** The line (0-based) and the column after its first non-blank character where letters are typed into a question's text. */
    textLine: number;
    textColumn: number;
    keystrokes: number;
}

export interface EditorFigures {
    /** Key press → the editor's squiggles changed, per keystroke (ms). */
    squiggles: number[];
    /** Key press → the preview's new drawing in place, per keystroke (ms). */
    redrawn: number[];
}

/** Measures `plan` in VS Code with the extension; code-server must be installed (`npm run e2e:install`). */
export async function measureInVsCode(browser: Browser, plan: EditorPlan, log: (line: string) => void): Promise<EditorFigures> {
    if (!codeServerInstalled()) throw new Error(`code-server is not installed in ${codeServerDir}: run npm run e2e:install first`);
    const vsix = await ensureVsix(log);
    // VS Code as the end-to-end test sets it up, but without saving: a keystroke is only an edit, as in the page.
    const dirs = newProfile('hrk-bench-vscode-', {
        'workbench.tips.enabled': false,
        'extensions.ignoreRecommendations': true,
        'editor.minimap.enabled': false,
        'files.autoSave': 'off'
    });
    let server: RunningCodeServer | undefined;
    let context: BrowserContext | undefined;
    try {
        const folder = path.join(dirs.root, 'werk');
        fs.mkdirSync(folder);
        for (const [name, text] of Object.entries(plan.files)) fs.writeFileSync(path.join(folder, name), text);
        await installExtension(vsix, dirs);
        server = await startCodeServer({ dirs, folder });
        // The browser edition's window size (bench/web-latency.ts).
        context = await browser.newContext({ viewport: { width: 1500, height: 950 } });
        const page = await context.newPage();
        page.setDefaultTimeout(120_000);
        await page.goto(`${server.url}?folder=${encodeURIComponent(folder)}`);
        await page.locator('.monaco-workbench .part.statusbar').waitFor();
        await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor();
        await quickPick(page, 'Control+P', plan.file, plan.file);
        await page.locator('.part.editor .tab.active', { hasText: plan.file }).first().waitFor();
        await quickPick(page, 'F1', '>Handreiking: Open Preview to the Side', 'Open Preview to the Side');
        const frame = await previewWebview(page);
        // The keyboard back in the editor: a click at the top left of its text, as in the page.
        await page.locator('.part.editor .editor-group-container').first().locator('.monaco-editor .editor-scrollable').first().click({ position: { x: 8, y: 8 } });
        // In the page's order (bench/web-latency.ts): letters in the question's text, then the reference.
        await caretInLine(page, plan.textLine, plan.textColumn);
        const redrawn = await redrawKeystrokes(page, frame, plan.keystrokes, log);
        await caretToLineEnd(page, plan.referenceLine);
        const squiggles = await squiggleKeystrokes(page, plan.keystrokes, log);
        return { squiggles, redrawn };
    } finally {
        await context?.close();
        await server?.stop();
        fs.rmSync(dirs.root, { recursive: true, force: true });
    }
}

/**
 * Opens VS Code's quick input with `key`, types `text` and takes the row that shows `row` (a file
 * or a command). Three tries: the quick input may open before the workbench has its file list.
 */
async function quickPick(page: Page, key: string, text: string, row: string): Promise<void> {
    const widget = page.locator('.quick-input-widget');
    for (let attempt = 1; ; attempt++) {
        try {
            if (await widget.isVisible()) await page.keyboard.press('Escape');
            await page.keyboard.press(key);
            await widget.locator('input').fill(text);
            await widget.locator('.quick-input-list .monaco-list-row', { hasText: row }).first().click({ timeout: 10_000 });
            await widget.waitFor({ state: 'hidden', timeout: 10_000 });
            return;
        } catch (err) {
            if (attempt === 3) throw new Error(`VS Code's quick input did not offer "${row}": ${(err as Error).message.split('\n')[0]}`, { cause: err });
        }
    }
}

/** The preview's content frame once it shows a drawing (a webview is two nested frames; this is the inner one). */
async function previewWebview(page: Page): Promise<Frame> {
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
        for (const frame of page.frames()) {
            if (frame === page.mainFrame() || frame.isDetached()) continue;
            if (await frame.locator('.diagram-viewport svg g.node').count().catch(() => 0) > 0) return frame;
        }
        // The frames come and go as VS Code builds the webview: look again a moment later.
        await delay(250);
    }
    throw new Error('the preview showed no drawing within 120 s');
}
