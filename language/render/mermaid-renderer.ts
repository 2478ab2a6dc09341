import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MermaidConfig } from 'mermaid';
import { chromium, type Browser, type JSHandle, type Page } from 'playwright-core';
import { mermaidBundlePath } from '../generation/html/guide-assets.js';
import { pageSvgArgs, serializePageSvg } from '../generation/html/page-svg.js';
import { describeDrawnProblem, DrawnDiagramError, drawnProblem, readDrawn, type ElementLike } from '../generation/mermaid/drawn-diagram.js';
import { PNG_PADDING, type DiagramRenderer, type DrawnSvg, type PageDiagramRenderer, type PngOptions } from './diagram-renderer.js';
import { escapeHtml } from '../text/html-escape.js';
import { chromiumArgs, findChromium } from './find-browser.js';

/** Thrown when no Chromium is installed; the CLI turns it into a message saying how to install one. */
export class BrowserMissingError extends Error {}

/**
 * Renders Mermaid text to SVG and PNG in one headless Chromium, reused for a whole batch: starting
 * a browser costs a second, rendering a tree a fraction of that. Renders run one after the other
 * (Mermaid's render() must never run concurrently).
 */
export class MermaidRenderer implements DiagramRenderer, PageDiagramRenderer {
    private readonly photoPages = new Map<number, Page>();

    private constructor(private readonly browser: Browser, private readonly page: Page) {}

    static async launch(): Promise<MermaidRenderer> {
        const executablePath = findChromium();
        if (!executablePath) throw new BrowserMissingError('chromium');
        const browser = await chromium.launch({ executablePath, args: chromiumArgs });
        try {
            return new MermaidRenderer(browser, await openRendererPage(browser));
        } catch (err) {
            await browser.close();
            throw err;
        }
    }

    /**
     * Draws a diagram and checks the drawing: every node of the diagram is there and nothing else
     * (Mermaid past its limits draws a message instead of the diagram, without an error).
     */
    async draw(diagram: { text: string; ids: Record<string, unknown> }, config: MermaidConfig): Promise<DrawnSvg> {
        return this.drawChecked(diagram, config, 'diagram', async handle => {
            const { markup, box } = await handle.evaluate(svg => {
                type Serializer = { XMLSerializer: new () => { serializeToString(node: unknown): string } };
                // render() returns HTML serialisation (`<br>` in labels); a standalone .svg file must be XML.
                const markup = new (globalThis as unknown as Serializer).XMLSerializer().serializeToString(svg);
                return { markup, box: svg.getAttribute('viewBox') ?? '' };
            });
            const [, , width, height] = box.split(/[\s,]+/).map(Number);
            return { svg: withXmlHeader(markup), width: width || 0, height: height || 0 };
        });
    }

    /** The drawing as the HTML guide carries it inline: written from the allowlist of page-svg.ts. */
    async drawForPage(diagram: { text: string; ids: Record<string, unknown> }, config: MermaidConfig, svgId: string): Promise<string> {
        if (!/^[A-Za-z][A-Za-z0-9-]*$/.test(svgId)) throw new Error(`not an SVG id: ${JSON.stringify(svgId)}`);
        return this.drawChecked(diagram, config, svgId, async handle =>
            (await handle.evaluate(serializePageSvg as (svg: unknown, args: ReturnType<typeof pageSvgArgs>) => ReturnType<typeof serializePageSvg>, pageSvgArgs())).markup);
    }

    private async drawChecked<T>(diagram: { text: string; ids: Record<string, unknown> }, config: MermaidConfig, svgId: string,
        read: (svg: JSHandle<ElementLike>) => Promise<T>): Promise<T> {
        const handle = await this.page.evaluateHandle(async ({ text, config, svgId }) => {
            type Dom = {
                mermaid: { initialize(c: unknown): void; render(id: string, t: string): Promise<{ svg: string }> };
                DOMParser: new () => { parseFromString(markup: string, type: string): { querySelector(selector: string): ElementLike | null } };
            };
            const dom = globalThis as unknown as Dom;
            dom.mermaid.initialize(config);
            const { svg } = await dom.mermaid.render(svgId, text);
            // Read back from an inert document: nothing in it loads or runs, not even in this page.
            const drawn = new dom.DOMParser().parseFromString(svg, 'text/html').querySelector('svg');
            if (!drawn) throw new Error('Mermaid returned no SVG');
            return drawn;
        }, { text: diagram.text, config: config as unknown as Record<string, unknown>, svgId });
        try {
            const expected = Object.keys(diagram.ids);
            const problem = drawnProblem(await handle.evaluate(readDrawn, expected), expected);
            if (problem) throw new DrawnDiagramError(problem, describeDrawnProblem(problem, 'en'));
            return await read(handle);
        } finally {
            await handle.dispose();
        }
    }

    /** A PNG of a drawn diagram at `scale`× on a white or transparent background, with 8 px around it. */
    async png(drawn: DrawnSvg, options: PngOptions): Promise<Uint8Array> {
        const page = await this.photoPage(options.scale);
        const background = options.transparent ? 'transparent' : '#ffffff';
        await page.setContent(`<!DOCTYPE html><html><head><meta charset="utf-8"><style>html,body{margin:0;background:${background}}#d{display:inline-block;padding:${PNG_PADDING}px;background:${background}}</style></head><body><div id="d"></div></body></html>`);
        // The SVG goes in as markup Mermaid made (already sanitised), through the DOM, not a URL.
        await page.locator('#d').evaluate((holder, markup) => { (holder as unknown as { innerHTML: string }).innerHTML = markup; },
            drawn.svg.replace(/^<\?xml[^>]*>\s*/, ''));
        // Within the PNG limits (diagram-limits.ts) the largest image took ~25 s on a busy 2-core
        // machine: Playwright's default of 30 s would fail a legitimate export.
        return await page.locator('#d').screenshot({ omitBackground: options.transparent, type: 'png', timeout: 120_000 });
    }

    /**
     * The page PNGs are taken in, one per scale for the whole batch: a context and page of their own
     * cost ~0.8 s here, a seventh of an image. Each image replaces the page's whole content.
     */
    private async photoPage(scale: number): Promise<Page> {
        let page = this.photoPages.get(scale);
        if (!page) {
            const context = await this.browser.newContext({ deviceScaleFactor: scale });
            page = await context.newPage();
            await page.route('**/*', route => route.request().url().startsWith('data:') ? route.continue() : route.abort());
            this.photoPages.set(scale, page);
        }
        return page;
    }

    async close(): Promise<void> {
        await this.browser.close();
    }
}

/**
 * The page Mermaid draws in: an empty file page that loads Mermaid's browser build from disk. Handing
 * the 5.5 MB script over as text (Playwright's `addScriptTag({ content })`) went through the
 * DevTools pipe and took ~3 s of every export on this 2-core machine; Chromium reads the file
 * itself in ~1 s, most of it compiling the script. The page lives in a fresh temporary folder,
 * removed as soon as it has loaded; the route lets through those two files and nothing else.
 */
async function openRendererPage(browser: Browser): Promise<Page> {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'handreiking-render-'));
    try {
        const pageFile = path.join(dir, 'render.html');
        const pageUrl = pathToFileURL(pageFile).href;
        const scriptUrl = pathToFileURL(mermaidBundlePath()).href;
        await fs.writeFile(pageFile, `<!DOCTYPE html><html><head><meta charset="utf-8"><script src="${escapeHtml(scriptUrl)}"></script></head><body style="margin:0"></body></html>`);
        const page = await browser.newPage();
        // Nothing rendered here may reach the network or read another file.
        await page.route('**/*', route => {
            const url = route.request().url();
            return url === pageUrl || url === scriptUrl || url.startsWith('data:') ? route.continue() : route.abort();
        });
        await page.goto(pageUrl);
        if (!await page.evaluate(() => typeof (globalThis as { mermaid?: unknown }).mermaid === 'object')) {
            throw new Error(`Mermaid did not load in the renderer page (${scriptUrl})`);
        }
        return page;
    } finally {
        await fs.rm(dir, { recursive: true, force: true });
    }
}

function withXmlHeader(svg: string): string {
    return svg.startsWith('<?xml') ? svg : `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`;
}
