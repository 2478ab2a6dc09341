import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { promisify } from 'node:util';
import type { Frame, Locator, Page } from 'playwright-core';

/** The built browser edition (npm run build:web). */
export const WEB_DIR = path.resolve('dist/web');

/**
 * Builds dist/web when it is missing (a single test file run on its own); `npm test` builds it
 * first. A build already there is used as it is: run `npm run build:web` after changing web/.
 */
export async function ensureWebBuild(): Promise<void> {
    if (fs.existsSync(path.join(WEB_DIR, 'index.html'))) return;
    await promisify(execFile)(process.execPath, ['scripts/build-web.mjs'], { maxBuffer: 16 * 1024 * 1024 });
}

const types: Record<string, string> = {
    '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
    '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png'
};

/** A static file server for `root` on 127.0.0.1 (any static server will do: this one is the smallest). */
export async function serveStatic(root: string): Promise<{ url: string; close(): Promise<void> }> {
    const server = http.createServer((request, response) => {
        const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
        const file = path.join(root, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
        if (!file.startsWith(root + path.sep)) {
            response.writeHead(403).end();
            return;
        }
        fs.readFile(file, (err, data) => {
            if (err) response.writeHead(404).end();
            else response.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' }).end(data);
        });
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return {
        url: `http://127.0.0.1:${port}/`,
        close: () => new Promise(resolve => { server.closeAllConnections(); server.close(() => resolve()); })
    };
}

/** The page's preview frame (its address may carry its kept state after '#'). */
export function previewFrame(page: Page): Frame {
    const frame = page.frames().find(f => /\/preview\.html(#.*)?$/.test(f.url()));
    if (!frame) throw new Error('the preview frame is missing');
    return frame;
}

/**
 * Clicks into the editor's text where a person would: at the top left of the visible text area
 * (Monaco's `.editor-scrollable`, right of the line numbers), whatever the editor is scrolled to. Not at
 * the middle of `.view-lines`: Monaco makes that element as wide and as tall as the whole text, so its
 * middle can lie outside the editor (on the preview frame beside it); Playwright then scrolls the
 * editor's clipped layers to reach it and the click lands elsewhere (with Chromium 150 it left the
 * focus on the page, and the typing that followed went nowhere). `within` is the page, or the part
 * of it that holds the editor (in VS Code's workbench, an editor group).
 */
export async function clickInEditor(within: Page | Locator): Promise<void> {
    await within.locator('.monaco-editor .editor-scrollable').first().click({ position: { x: 8, y: 8 } });
}
