import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { HandreikingJson } from '../../../language/generation/json/handreiking-json.js';
import type { PreviewData } from '../../../language/lsp/protocol.js';
import { previewData } from './preview-data.js';
import { exampleJson } from '../../helpers.js';
import { startHarness, type PageOptions, type PreviewHarness, type PreviewPage } from './preview-page.js';

/**
 * The set-up every preview test file shares, registered with vitest by `usePreviewPage()`: one
 * browser and one guide for the whole file, and after each test the check that every page the test
 * opened (and did not close itself) broke no CSP rule, had no error and fetched nothing but the
 * page's own files — then the page is closed, so no test sees another's page.
 */

export interface PreviewSetup {
    /** The guide the file works on (default: every example, `exampleJson`). */
    json?: () => Promise<HandreikingJson>;
    /** What the file shows of it (default: every tree, `previewData(json)`). */
    data?: (json: HandreikingJson) => PreviewData;
}

export interface PreviewTestbed {
    readonly harness: PreviewHarness;
    readonly json: HandreikingJson;
    /** Made on first use: files that build their own data do not pay for drawing every tree. */
    readonly data: PreviewData;
    /** A new page, checked and closed after the test. */
    open(options?: PageOptions): Promise<PreviewPage>;
    /** A new page with the settings sent, `shown` (default: `data`) drawn once and the page idle. */
    opened(options?: PageOptions, shown?: PreviewData, settings?: Parameters<PreviewPage['settings']>[0]): Promise<PreviewPage>;
}

export function usePreviewPage(setup: PreviewSetup = {}): PreviewTestbed {
    let harness: PreviewHarness | undefined;
    let json: HandreikingJson | undefined;
    let data: PreviewData | undefined;
    const pages: PreviewPage[] = [];

    beforeAll(async () => {
        [harness, json] = await Promise.all([startHarness(), (setup.json ?? exampleJson)()]);
    });
    afterAll(async () => { await harness?.close(); });
    afterEach(async () => {
        // A page the test closed itself was checked by the test, if at all; it cannot be asked any more.
        const open = pages.splice(0).filter(p => !p.page.isClosed());
        try {
            for (const page of open) expect(await page.expectClean()).toEqual({ csp: [], foreign: [], errors: [] });
        } finally {
            await Promise.all(open.map(p => p.page.close()));
        }
    });

    const ready = <T>(value: T | undefined, name: string): T => {
        if (value === undefined) throw new Error(`${name} is not there before beforeAll`);
        return value;
    };
    const testbed: PreviewTestbed = {
        get harness() { return ready(harness, 'the harness'); },
        get json() { return ready(json, 'the guide'); },
        get data() {
            data ??= (setup.data ?? previewData)(testbed.json);
            return data;
        },
        async open(options = {}) {
            const page = await testbed.harness.open(options);
            pages.push(page);
            return page;
        },
        async opened(options = {}, shown = testbed.data, settings = {}) {
            const page = await testbed.open(options);
            await page.settings(settings);
            await page.update(shown);
            await page.idle(1);
            return page;
        }
    };
    return testbed;
}
