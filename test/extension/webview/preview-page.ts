import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import type { PreviewData } from '../../../language/lsp/protocol.js';
import type { FromWebview, ToWebview } from '../../../extension/webview/messages.js';
import { previewHtml } from '../../../extension/webview/preview-html.js';
import type { PreviewStats } from '../../../extension/webview/preview-stats.js';
import { launchBrowser, newPage, type BrowserKind } from '../../support/browser.js';
import { EventWaiter } from '../../support/event-waiter.js';
import { copyPreviewBundle } from '../../support/preview-bundle.js';
import { tempDir } from '../../support/temp-dir.js';

/**
 * The preview page as VS Code would serve it, from a temporary folder over file://: the HTML of
 * `previewHtml` (real nonce, real CSP), the bundle beside it (test/support/preview-bundle.ts), and
 * a stand-in `acquireVsCodeApi` that records the posted messages and keeps the state. The bundle is
 * the product's controller from the test entry (preview-test-entry.ts), which shows the tests its counts.
 */

export interface PageOptions {
    lang?: 'nl' | 'en';
    /** Body classes VS Code would set (default `vscode-light`). */
    bodyClass?: string;
    /** CSS variables VS Code would set on `<html>` (name without `--`). */
    vars?: Record<string, string>;
    /** State from an earlier life of the webview (`getState`). */
    state?: unknown;
    /**
     * The page's timers run on Playwright's clock (`page.clock`), installed before the page loads:
     * time passes as usual until a test pauses it, and `savedState()` can move it on.
     */
    clock?: boolean;
}

export interface PreviewHarness {
    dir: string;
    browser: Browser;
    open(options?: PageOptions): Promise<PreviewPage>;
    close(): Promise<void>;
}

export const lightVars: Record<string, string> = {
    'vscode-editor-background': '#ffffff',
    'vscode-editor-foreground': '#3b3b3b',
    'vscode-focusBorder': '#005fb8',
    'vscode-charts-yellow': '#bf8803',
    'vscode-charts-green': '#388a34',
    'vscode-charts-blue': '#1a85ff',
    'vscode-charts-purple': '#652d90',
    'vscode-charts-orange': '#d18616'
};

export const darkVars: Record<string, string> = {
    'vscode-editor-background': '#1f1f1f',
    'vscode-editor-foreground': '#cccccc',
    'vscode-focusBorder': '#0078d4',
    'vscode-charts-yellow': '#cca700',
    'vscode-charts-green': '#89d185',
    'vscode-charts-blue': '#3794ff',
    'vscode-charts-purple': '#b180d7',
    'vscode-charts-orange': '#d18616'
};

/** The preview in a page of its own; `reader` for the benchmark, whose figures are for VS Code's full Chromium. */
export async function startHarness(kind: BrowserKind = 'drawing'): Promise<PreviewHarness> {
    const dir = tempDir('hrk-preview-');
    const [browser] = await Promise.all([launchBrowser(kind), copyPreviewBundle(dir)]);
    let pages = 0;
    return {
        dir,
        browser,
        async open(options: PageOptions = {}) {
            const lang = options.lang ?? 'nl';
            const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString('base64');
            let html = previewHtml({ cspSource: "'self'", nonce, scriptUri: 'preview.js', styleUri: 'preview.css', lang });
            // What VS Code adds to the page it serves: the theme class and the colour variables.
            const vars = Object.entries(options.vars ?? lightVars).map(([k, v]) => `--${k}: ${v}`).join('; ');
            html = html.replace('<html ', `<html style="${vars}" `).replace('<body>', `<body class="${options.bodyClass ?? 'vscode-light'}">`);
            const file = path.join(dir, `page-${++pages}.html`);
            fs.writeFileSync(file, html);
            const page = await newPage(browser, { viewport: { width: 1200, height: 800 } });
            if (options.clock) await page.clock.install();
            return PreviewPage.open(page, pathToFileURL(file).href, options.state, options.clock ?? false);
        },
        async close() {
            await browser.close();
        }
    };
}

export type Stats = PreviewStats;

export class PreviewPage {
    readonly requests: string[] = [];
    readonly pageErrors: string[] = [];
    readonly consoleErrors: string[] = [];
    /** The messages the page posted, as they reach the test (through a binding). */
    private readonly received: FromWebview[] = [];
    private readonly arrived = new EventWaiter();

    private constructor(readonly page: Page, private readonly clock: boolean) {}

    static async open(page: Page, url: string, state: unknown, clock: boolean): Promise<PreviewPage> {
        const preview = new PreviewPage(page, clock);
        page.on('request', r => preview.requests.push(r.url()));
        page.on('pageerror', e => preview.pageErrors.push(e.message));
        page.on('console', m => { if (m.type() === 'error') preview.consoleErrors.push(m.text()); });
        // Each posted message is also handed to the test as it is posted, so waiting for one is
        // waiting for that event rather than asking the page again and again.
        await page.exposeBinding('__hrkPosted', (_source, message: FromWebview) => {
            preview.received.push(message);
            preview.arrived.notify();
        });
        await page.addInitScript((initial: unknown) => {
            const w = window as unknown as Record<string, unknown>;
            const posted: unknown[] = [];
            const csp: string[] = [];
            w.__posted = posted;
            w.__csp = csp;
            w.__state = initial === null ? undefined : initial;
            document.addEventListener('securitypolicyviolation', e => csp.push(`${e.violatedDirective} ${e.blockedURI}`));
            w.acquireVsCodeApi = () => ({
                postMessage: (m: unknown) => {
                    const copy: unknown = JSON.parse(JSON.stringify(m));
                    posted.push(copy);
                    void (w.__hrkPosted as (m: unknown) => Promise<void>)(copy);
                },
                getState: () => w.__state,
                setState: (s: unknown) => { w.__state = JSON.parse(JSON.stringify(s)); }
            });
        }, state ?? null);
        await page.goto(url);
        await preview.waitForPosted(m => m.type === 'ready');
        return preview;
    }

    async send(message: ToWebview): Promise<void> {
        await this.page.evaluate(m => window.postMessage(m, '*'), message as unknown as Record<string, unknown>);
    }

    async update(data: PreviewData): Promise<void> {
        await this.send({ type: 'update', data });
    }

    async settings(overrides: Partial<Extract<ToWebview, { type: 'settings' }>> = {}): Promise<void> {
        await this.send({ type: 'settings', theme: 'auto', renderDelay: 0, largeDiagramThreshold: 150, ...overrides });
    }

    stats(): Promise<Stats> {
        return this.page.evaluate(() => ({ ...(window as unknown as { __previewStats: Stats }).__previewStats }));
    }

    /** Waits until no draw runs, is pending or waits for its delay, and `draws` reached `minDraws`. */
    async idle(minDraws = 1): Promise<Stats> {
        await this.page.waitForFunction(n => {
            const s = (window as unknown as { __previewStats?: Stats }).__previewStats;
            return !!s && !s.busy && s.active === 0 && s.draws >= n;
        }, minDraws, { timeout: 60_000 });
        return this.stats();
    }

    posted(): Promise<FromWebview[]> {
        return this.page.evaluate(() => (window as unknown as { __posted: FromWebview[] }).__posted);
    }

    /** The first posted message that satisfies `predicate`, as soon as the page posts it. */
    waitForPosted(predicate: (m: FromWebview) => boolean, timeout = 60_000): Promise<FromWebview> {
        return this.arrived.until(() => this.received.find(predicate), 'a message from the page', {
            timeout,
            failure: () => this.page.isClosed() ? 'the page was closed' : undefined,
            describe: () => `posted: ${this.received.map(m => m.type).join(', ')}`
        });
    }

    /** The state the page last saved with `setState` (it may still be about to save a newer one). */
    state(): Promise<unknown> {
        return this.page.evaluate(() => (window as unknown as { __state: unknown }).__state);
    }

    /**
     * The state as saved after everything the test did so far. The page saves at most every
     * 100 ms (a timer); on a page opened with `clock: true` the test moves the page's clock past
     * that, so the timer has fired, however busy the machine is.
     */
    async savedState(): Promise<unknown> {
        if (!this.clock) throw new Error('savedState() needs a page opened with { clock: true }');
        await this.page.clock.runFor(1_000);
        return this.state();
    }

    /** The number of drawn node groups. */
    nodeCount(): Promise<number> {
        return this.page.locator('.diagram-viewport svg g.node').count();
    }

    /** The DOM id of the drawn group of a Mermaid node id. */
    async groupId(mermaidId: string): Promise<string> {
        const id = await this.page.evaluate(mid => [...document.querySelectorAll('.diagram-viewport svg g.node')]
            .map(g => g.id).find(id => new RegExp(`-flowchart-${mid}-\\d+$`).test(id)), mermaidId);
        if (!id) throw new Error(`no drawn group for ${mermaidId}`);
        return id;
    }

    /** Tree node ids of the groups carrying `className`. */
    async marked(className: string, ids: Record<string, { kind: string; id: string }>): Promise<string[]> {
        const mids = await this.page.evaluate(c => [...document.querySelectorAll(`.diagram-viewport svg g.node.${c}`)]
            .map(g => /-flowchart-(.+)-\d+$/.exec(g.id)?.[1] ?? ''), className);
        return mids.map(m => ids[m]?.id ?? `?${m}`).sort();
    }

    /** Fails the test on a CSP violation, a page error or a request for anything but the page's own files and data: URLs. */
    async expectClean(): Promise<{ csp: string[]; foreign: string[]; errors: string[] }> {
        const csp = await this.page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
        const foreign = this.requests.filter(url => !url.startsWith('file://') && !url.startsWith('data:'));
        return { csp, foreign, errors: [...this.pageErrors, ...this.consoleErrors] };
    }
}

/** The Mermaid id of a tree node in `ids`. */
export function mermaidIdOf(ids: Record<string, { kind: string; id: string }>, node: string, kind = 'node'): string {
    const found = Object.entries(ids).find(([, t]) => t.kind === kind && t.id === node)?.[0];
    if (!found) throw new Error(`${node} is not in the diagram`);
    return found;
}
