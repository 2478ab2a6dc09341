import type { Page } from 'playwright-core';

/**
 * Resolves when the page has nothing left to do: it has drawn a frame, and then the browser found it
 * idle (`requestIdleCallback` runs only when no task is waiting: event handlers of finished or
 * failed loads, due timers, posted messages). The check that nothing ran or loaded comes after
 * this, instead of after a guessed number of milliseconds.
 */
export async function pageSettled(page: Page): Promise<void> {
    await page.evaluate(() => new Promise<void>(resolve => {
        requestAnimationFrame(() => requestIdleCallback(() => resolve()));
    }));
}
