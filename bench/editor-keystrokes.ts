import type { Frame, Page } from 'playwright-core';

/**
 * Keystrokes timed as a user sees them, in any page that holds a Monaco editor: the browser
 * edition (Monaco with the language server in a worker) and VS Code for the web in code-server
 * (the extension's Node server). The same keys, the same start event (the page's keydown) and the
 * same end events (what the editor and the preview draw), so the two editions compare one to one;
 * nothing of either page is asked, only its DOM is watched. Times are absolute
 * (`timeOrigin + now()`), comparable between a page and its frames.
 */

interface WatchWindow {
    benchKeydown: Promise<number>;
    benchSquiggles: Promise<number>;
    benchRedrawn: Promise<number>;
}

/** How long one keystroke's watchers wait for their event before they give up (the figure is then left out). */
const GIVE_UP_MS = 30_000;

/**
 * Moves the caret to the end of line `line` (0-based) of the editor that has the keyboard, from the
 * top of the text: keys only, which work alike in both editors.
 */
export async function caretToLineEnd(page: Page, line: number): Promise<void> {
    await page.keyboard.press('Control+Home');
    for (let i = 0; i < line; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
}

/**
 * Moves the caret to `column` characters after the first non-blank character of line `line`
 * (0-based): `Home` goes there in both editors when the caret is at the line's start.
 */
export async function caretInLine(page: Page, line: number, column: number): Promise<void> {
    await page.keyboard.press('Control+Home');
    for (let i = 0; i < line; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Home');
    for (let i = 0; i < column; i++) await page.keyboard.press('ArrowRight');
}

/**
 * Key press → the editor's squiggles change: with the caret right after a name that the file
 * refers to, `x` makes the reference unknown (an error appears under it) and Backspace makes it
 * known again (the error goes), in turns, so that every keystroke changes what the editor marks.
 * The first two keystrokes warm up and are not counted. Ends with the text as it was.
 */
export async function squiggleKeystrokes(page: Page, count: number, log: (line: string) => void): Promise<number[]> {
    const times: number[] = [];
    // An even number of keys, so that the last Backspace takes the last `x` away again.
    const keys = 2 + count + (count % 2);
    for (let i = 0; i < keys; i++) {
        await watchKeydown(page);
        await page.evaluate(giveUp => {
            const w = window as unknown as WatchWindow;
            // The editor that has the keyboard (VS Code's workbench holds more than one Monaco editor).
            const editor = document.activeElement?.closest('.monaco-editor') ?? document.body;
            const squiggles = () => editor.querySelectorAll('.squiggly-error').length;
            const before = squiggles();
            w.benchSquiggles = new Promise(resolve => {
                const observer = new MutationObserver(() => {
                    if (squiggles() !== before) {
                        observer.disconnect();
                        resolve(performance.timeOrigin + performance.now());
                    }
                });
                observer.observe(editor, { childList: true, subtree: true, attributes: true, attributeFilter: ['class'] });
                setTimeout(() => { observer.disconnect(); resolve(Number.NaN); }, giveUp);
            });
        }, GIVE_UP_MS);
        await page.keyboard.press(i % 2 === 0 ? 'x' : 'Backspace');
        const [pressed, marked] = await page.evaluate(() => {
            const w = window as unknown as WatchWindow;
            return Promise.all([w.benchKeydown, w.benchSquiggles]);
        });
        if (i < 2) continue;
        if (Number.isFinite(marked - pressed)) times.push(marked - pressed);
        else log(`  keystroke ${i}: the squiggles did not change within ${GIVE_UP_MS / 1000} s`);
    }
    return times;
}

/**
 * Key press → the preview shows a new drawing: letters typed into a question's text (the caret is
 * there), each of which changes a label, so each is drawn anew. `frame` is the preview's frame. The
 * first keystroke warms up and is not counted.
 */
export async function redrawKeystrokes(page: Page, frame: Frame, count: number, log: (line: string) => void): Promise<number[]> {
    const times: number[] = [];
    for (let i = 0; i < count + 1; i++) {
        await watchKeydown(page);
        await watchRedraw(frame);
        await page.keyboard.type(String.fromCharCode(97 + (i % 26)));
        const pressed = await page.evaluate(() => (window as unknown as WatchWindow).benchKeydown);
        const drawn = await frame.evaluate(() => (window as unknown as WatchWindow).benchRedrawn);
        if (i === 0) continue;
        if (Number.isFinite(drawn - pressed)) times.push(drawn - pressed);
        else log(`  keystroke ${i}: the preview was not drawn again within ${GIVE_UP_MS / 1000} s`);
    }
    return times;
}

/** Notes when the page sees the next key press (`benchKeydown`, before any of the page's own handlers). */
export async function watchKeydown(page: Page): Promise<void> {
    await page.evaluate(() => {
        (window as unknown as WatchWindow).benchKeydown = new Promise(resolve =>
            document.addEventListener('keydown', () => resolve(performance.timeOrigin + performance.now()), { once: true, capture: true }));
    });
}

/**
 * Watches for the preview to put a new drawing in place of the one shown now (every keystroke
 * changes a label, so every keystroke is drawn anew; the labels themselves may be shortened).
 */
export async function watchRedraw(frame: Frame): Promise<void> {
    await frame.evaluate(giveUp => {
        const shown = document.querySelector('svg g.node')?.closest('svg');
        (window as unknown as WatchWindow).benchRedrawn = new Promise<number>(resolve => {
            const observer = new MutationObserver(() => {
                const now = document.querySelector('svg g.node')?.closest('svg');
                if (now && now !== shown && now.isConnected) {
                    observer.disconnect();
                    resolve(performance.timeOrigin + performance.now());
                }
            });
            observer.observe(document.body, { childList: true, subtree: true });
            setTimeout(() => { observer.disconnect(); resolve(Number.NaN); }, giveUp);
        });
    }, GIVE_UP_MS);
}
