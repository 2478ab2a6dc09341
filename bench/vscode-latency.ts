import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { codeServerDir, codeServerInstalled, ensureVsix, installExtension, newProfile, startCodeServer, type RunningCodeServer } from '../test/e2e/code-server.js';
import { Workbench } from '../test/e2e/workbench.js';
import { clickInEditor } from '../test/support/web-edition.js';
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
        // The end-to-end test's steps: the file by Ctrl+P, the preview by F1.
        const vscode = new Workbench(page);
        await vscode.waitUntilReady();
        await vscode.openFile(plan.file);
        await vscode.runCommand('Handreiking: Open Preview to the Side', /Handreiking: Open Preview to the Side/);
        const frame = await vscode.webviewFrame('.diagram-viewport svg g.node', 120_000);
        // The keyboard back in the editor (the first group; the preview is beside it), as in the page.
        await clickInEditor(page.locator('.part.editor .editor-group-container').first());
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
