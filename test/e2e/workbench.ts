import { setTimeout as delay } from 'node:timers/promises';
import type { Frame, Locator, Page } from 'playwright-core';

/**
 * Driving VS Code's workbench (code-server 4.139 / VS Code 1.139) the way a user does: Ctrl+P,
 * F1, clicks. Every step waits for a visible condition; steps that depend on focus or timing
 * (the quick input) are retried. Free of vitest, so that the benchmark drives VS Code with it too
 * (bench/vscode-latency.ts).
 */

/**
 * Waits until `check` returns a value other than undefined/false, asking again every `interval` ms
 * (the workbench's state has no event to wait for; a check that throws is asked again too), or
 * throws after `timeout` ms with the last error.
 */
export async function until<T>(what: string, check: () => Promise<T | undefined | false>, timeout = 30_000, interval = 250): Promise<T> {
    const deadline = Date.now() + timeout;
    let lastError: unknown;
    for (;;) {
        try {
            const value = await check();
            if (value !== undefined && value !== false) return value;
            lastError = undefined;
        } catch (err) {
            lastError = err;
        }
        if (Date.now() >= deadline) {
            const last = lastError === undefined ? '' : ` (last error: ${(lastError as Error).message})`;
            throw new Error(`timed out after ${timeout / 1000} s waiting for ${what}${last}`, { cause: lastError });
        }
        await delay(interval);
    }
}

/** Runs `step` up to `attempts` times; `recover` runs between attempts (e.g. Escape). */
export async function retry<T>(what: string, step: (attempt: number) => Promise<T>, options: { attempts?: number; recover?: () => Promise<void> } = {}): Promise<T> {
    const attempts = options.attempts ?? 3;
    let lastError: unknown;
    for (let attempt = 1; attempt <= attempts; attempt++) {
        try {
            return await step(attempt);
        } catch (err) {
            lastError = err;
            console.warn(`[e2e] ${what}: attempt ${attempt} failed: ${(err as Error).message.split('\n')[0]}`);
            await options.recover?.().catch(() => undefined);
        }
    }
    throw new Error(`${what} failed ${attempts} times: ${(lastError as Error).message}`);
}

export class Workbench {
    constructor(readonly page: Page) {}

    /** The workbench is there and the file explorer shows the folder. */
    async waitUntilReady(): Promise<void> {
        await this.page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
        await this.page.locator('.part.statusbar').waitFor({ timeout: 60_000 });
        await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
    }

    private get quickInput(): Locator {
        return this.page.locator('.quick-input-widget');
    }

    quickInputRows(): Locator {
        return this.quickInput.locator('.quick-input-list .monaco-list-row');
    }

    async closeQuickInput(): Promise<void> {
        if (await this.quickInput.isVisible()) await this.page.keyboard.press('Escape');
        await this.quickInput.waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
    }

    /** Gives the keyboard back to the workbench (after clicks in a webview) by clicking the active tab. */
    async focusActiveTab(): Promise<void> {
        await this.page.locator('.part.editor .editor-group-container.active .tab.active').first().click();
    }

    /**
     * Opens the quick input with `key`, types `text`, and picks the first row whose text matches
     * `row` (with the mouse, so a slow filter cannot make Enter pick another row).
     */
    private async pick(key: string, text: string, row: RegExp, what: string): Promise<string> {
        return retry(what, async () => {
            await this.closeQuickInput();
            await this.page.keyboard.press(key);
            const input = this.quickInput.locator('input');
            await input.waitFor({ state: 'visible', timeout: 10_000 });
            const typed = key === 'F1' ? `>${text}` : text;
            await input.fill(typed);
            const match = this.quickInputRows().filter({ hasText: row }).first();
            // A file created a moment ago may be missing from quick open's cached file list: the
            // next attempt opens a fresh list.
            await match.waitFor({ state: 'visible', timeout: 6_000 });
            const label = (await match.innerText()).replace(/\s+/g, ' ').trim();
            await match.click();
            // The quick input closes, or shows what the command asks next (e.g. a save dialog).
            await until(`"${typed}" to be accepted`, async () =>
                !(await this.quickInput.isVisible()) || await input.inputValue() !== typed, 10_000);
            return label;
        }, { recover: () => this.closeQuickInput() });
    }

    /** Ctrl+P: opens a workspace file by its path; waits until its editor is active. */
    async openFile(relativePath: string): Promise<void> {
        const name = relativePath.split('/').pop() ?? relativePath;
        const folder = relativePath.includes('/') ? relativePath.slice(0, relativePath.lastIndexOf('/')) : '';
        await this.pick('Control+P', relativePath, new RegExp(`${escape(name)}.*${escape(folder)}`, 's'), `open ${relativePath}`);
        await this.page.locator('.part.editor .editor-group-container.active .tab.active', { hasText: name }).first().waitFor({ timeout: 30_000 });
    }

    /** F1: runs the first command whose title matches one of `titles`; returns the title shown. */
    async runCommand(typed: string, titles: RegExp): Promise<string> {
        return this.pick('F1', typed, titles, `command "${typed}"`);
    }

    /**
     * Answers a save or open dialog. With a remote folder (code-server) VS Code shows its own
     * "simple file dialog": a quick input with the path, confirmed with Enter.
     */
    async answerPathDialog(fullPath: string): Promise<void> {
        const input = this.quickInput.locator('input');
        await input.waitFor({ state: 'visible', timeout: 30_000 });
        // The dialog fills in its default path, reads that folder and then lists it, putting its
        // own path back into the input if it differs (VS Code's SimpleFileDialog.updateItems): type
        // ours once the list is there, and again if the dialog overwrote it all the same.
        await until('the dialog\'s default path', async () => (await input.inputValue()).startsWith('/'), 15_000);
        await this.quickInputRows().first().waitFor({ state: 'visible', timeout: 30_000 });
        // Typing makes the dialog list the typed folder and move its active item, which may rewrite
        // the input too: done when two looks in a row find our path still there.
        let kept = false;
        await until(`the dialog to keep ${fullPath}`, async () => {
            const ours = await input.inputValue() === fullPath;
            if (!ours) await input.fill(fullPath);
            const settled = ours && kept;
            kept = ours;
            return settled;
        }, 15_000);
        await this.page.keyboard.press('Enter');
        await this.quickInput.waitFor({ state: 'hidden', timeout: 15_000 });
    }

    /** The status bar's cursor position: "Ln 14, Col 21 (10 selected)". */
    async cursorStatus(): Promise<{ line: number; column: number; selected: number; text: string }> {
        const text = (await this.page.locator('[id="status.editor.selection"]').innerText()).trim();
        const numbers = /(\d+)\D+(\d+)(?:\D+(\d+))?/.exec(text);
        if (!numbers) throw new Error(`no cursor position in the status bar: "${text}"`);
        return { line: Number(numbers[1]), column: Number(numbers[2]), selected: Number(numbers[3] ?? 0), text };
    }

    /** The language shown in the status bar for the active editor. */
    async languageStatus(): Promise<string> {
        return (await this.page.locator('[id="status.editor.mode"]').innerText()).trim();
    }

    /**
     * A webview's content frame: webviews are two nested iframes (VS Code's host page and the
     * extension's page); this is the frame in which `selector` exists.
     */
    async webviewFrame(selector: string, timeout = 60_000): Promise<Frame> {
        return until(`a webview frame with ${selector}`, async () => {
            for (const frame of this.page.frames()) {
                if (frame === this.page.mainFrame() || frame.isDetached()) continue;
                if (await frame.locator(selector).count().catch(() => 0) > 0) return frame;
            }
            return undefined;
        }, timeout);
    }
}

function escape(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
