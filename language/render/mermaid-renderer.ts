import * as fs from 'node:fs/promises';
import type { MermaidConfig } from 'mermaid';
import { chromium, type Browser, type Page } from 'playwright-core';
import { mermaidBundlePath } from '../generation/html/guide-assets.js';
import { chromiumArgs, findChromium } from './find-browser.js';

/** Thrown when no Chromium is installed; the CLI turns it into a message saying how to install one. */
export class BrowserMissingError extends Error {}

export interface PngOptions {
    /** Device pixels per CSS pixel; 2 gives sharp images for documents and slides. */
    scale: number;
    transparent: boolean;
}

/**
 * Renders Mermaid text to SVG and PNG in one headless Chromium, reused for a whole batch: starting
 * a browser costs a second, rendering a tree a fraction of that. Renders run one after the other
 * (Mermaid's render() must never run concurrently).
 */
export class MermaidRenderer {
    private constructor(private readonly browser: Browser, private readonly page: Page) {}

    static async launch(): Promise<MermaidRenderer> {
        const executablePath = findChromium();
        if (!executablePath) throw new BrowserMissingError('chromium');
        const browser = await chromium.launch({ executablePath, args: chromiumArgs });
        try {
            const page = await browser.newPage();
            // Nothing rendered here may reach the network.
            await page.route('**/*', route => route.request().url().startsWith('data:') ? route.continue() : route.abort());
            await page.setContent('<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="margin:0"></body></html>');
            await page.addScriptTag({ content: await fs.readFile(mermaidBundlePath(), 'utf-8') });
            return new MermaidRenderer(browser, page);
        } catch (err) {
            await browser.close();
            throw err;
        }
    }

    /** The SVG markup Mermaid draws for `text`. */
    async svg(text: string, config: MermaidConfig): Promise<string> {
        const svg = await this.page.evaluate(async ({ text, config }) => {
            type Dom = {
                mermaid: { initialize(c: unknown): void; render(id: string, t: string): Promise<{ svg: string }> };
                document: { createElement(tag: string): { innerHTML: string; firstElementChild: unknown } };
                XMLSerializer: new () => { serializeToString(node: unknown): string };
            };
            const dom = globalThis as unknown as Dom;
            dom.mermaid.initialize(config);
            const { svg } = await dom.mermaid.render('diagram', text);
            // render() returns HTML serialisation (`<br>` in labels); a standalone .svg file must be XML.
            const holder = dom.document.createElement('div');
            holder.innerHTML = svg;
            return new dom.XMLSerializer().serializeToString(holder.firstElementChild);
        }, { text, config: config as unknown as Record<string, unknown> });
        return withXmlHeader(svg);
    }

    /** A PNG of the diagram, drawn at `scale`× on a white or transparent background. */
    async png(text: string, config: MermaidConfig, options: PngOptions): Promise<Uint8Array> {
        const svg = await this.svg(text, config);
        const context = await this.browser.newContext({ deviceScaleFactor: options.scale });
        try {
            const page = await context.newPage();
            await page.route('**/*', route => route.request().url().startsWith('data:') ? route.continue() : route.abort());
            const background = options.transparent ? 'transparent' : '#ffffff';
            await page.setContent(`<!DOCTYPE html><html><head><meta charset="utf-8"><style>html,body{margin:0;background:${background}}#d{display:inline-block;padding:8px;background:${background}}</style></head><body><div id="d"></div></body></html>`);
            // The SVG goes in as markup Mermaid made (already sanitised), through the DOM, not a URL.
            await page.locator('#d').evaluate((holder, markup) => { (holder as unknown as { innerHTML: string }).innerHTML = markup; },
                svg.replace(/^<\?xml[^>]*>\s*/, ''));
            return await page.locator('#d').screenshot({ omitBackground: options.transparent, type: 'png' });
        } finally {
            await context.close();
        }
    }

    async close(): Promise<void> {
        await this.browser.close();
    }
}

function withXmlHeader(svg: string): string {
    return svg.startsWith('<?xml') ? svg : `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`;
}
