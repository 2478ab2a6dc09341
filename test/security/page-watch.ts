import type { Page } from 'playwright-core';

/**
 * Everything that must not happen while a page shows hostile text, recorded from before the page
 * loads: script runs (the `window.__pwned` canary every payload sets, and dialogs for the payloads
 * that call `alert`), requests for anything but the page's own files, new frames and pop-ups, CSP
 * violations, console and page errors.
 */
export interface PageWatch {
    requests: string[];
    dialogs: string[];
    popups: number;
    frames: string[];
    pageErrors: string[];
    consoleErrors: string[];
    /** Requests other than `own` and data: URLs. */
    foreign(): string[];
    /** What the page itself saw: the canary, CSP violations. */
    inPage(): Promise<{ pwned: unknown; csp: string[] }>;
}

/** Install on a fresh page, before `goto`. `own` says which URLs are the page's own files. */
export async function watchPage(page: Page, own: (url: string) => boolean): Promise<PageWatch> {
    const watch: PageWatch = {
        requests: [], dialogs: [], popups: 0, frames: [], pageErrors: [], consoleErrors: [],
        foreign: () => watch.requests.filter(url => !own(url) && !url.startsWith('data:')),
        inPage: () => page.evaluate(() => {
            const w = window as unknown as { __pwned?: unknown; __securityCsp?: string[] };
            return { pwned: w.__pwned, csp: [...(w.__securityCsp ?? [])] };
        })
    };
    watchEvents(page, watch);
    await page.addInitScript(() => {
        const w = window as unknown as { __securityCsp: string[] };
        w.__securityCsp = [];
        document.addEventListener('securitypolicyviolation', e => w.__securityCsp.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    return watch;
}

/** The event half of `watchPage`, for pages another harness opened (it records requests itself). */
export function watchEvents(page: Page, watch: Pick<PageWatch, 'requests' | 'dialogs' | 'popups' | 'frames' | 'pageErrors' | 'consoleErrors'>): void {
    page.on('request', r => watch.requests.push(r.url()));
    page.on('dialog', d => {
        watch.dialogs.push(`${d.type()}: ${d.message()}`);
        void d.dismiss().catch(() => undefined);
    });
    page.on('popup', () => { watch.popups++; });
    page.on('frameattached', f => watch.frames.push(f.url()));
    page.on('pageerror', e => watch.pageErrors.push(e.message));
    page.on('console', m => { if (m.type() === 'error') watch.consoleErrors.push(m.text()); });
}

export interface DomAudit {
    scripts: number;
    /** Elements that load or navigate: frames, objects, images, forms, base, meta refresh, link. */
    loaders: string[];
    /** `on…` attributes anywhere. */
    handlers: string[];
    /** Every URL-valued attribute: `tag attr=value`. */
    urls: string[];
    /** Style sheets and style attributes that import or fetch (`@import`, `url(` with a scheme or `//`). */
    fetchingStyles: string[];
}

/** Runs in the page: what in the DOM could run code or load something. */
export function auditDom(): DomAudit {
    const all = [...document.querySelectorAll('*')];
    const urlAttributes = ['href', 'xlink:href', 'src', 'srcset', 'srcdoc', 'action', 'formaction', 'data', 'poster', 'background', 'ping'];
    const fetches = /@import|url\(\s*['"]?\s*(?:[a-z][a-z0-9+.-]*:|\/\/)/i;
    return {
        scripts: document.querySelectorAll('script').length,
        loaders: [...document.querySelectorAll('iframe, frame, object, embed, img, image, video, audio, source, track, base, form, meta[http-equiv], link, portal')]
            .map(e => `${e.tagName.toLowerCase()} ${[...e.attributes].map(a => `${a.name}=${a.value}`).join(' ')}`),
        handlers: all.flatMap(e => [...e.attributes].filter(a => /^on/i.test(a.name)).map(a => `${e.tagName.toLowerCase()} ${a.name}`)),
        urls: all.flatMap(e => urlAttributes.flatMap(name => {
            const value = e.getAttribute(name);
            return value === null ? [] : [`${e.tagName.toLowerCase()} ${name}=${value}`];
        })),
        fetchingStyles: [
            ...[...document.querySelectorAll('style')].map(s => s.textContent ?? ''),
            ...all.map(e => e.getAttribute('style') ?? '')
        ].filter(css => fetches.test(css)).map(css => css.slice(0, 200))
    };
}

/** Runs in the page: the text a reader can see under `selector` (scripts, styles and templates left out). */
export function visibleText(selector: string): string {
    const skipped = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'script', 'style', 'noscript', 'template']);
    const parts: string[] = [];
    for (const root of document.querySelectorAll(selector)) {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            let hidden = false;
            for (let p = node.parentElement; p && p !== root.parentElement; p = p.parentElement) {
                if (skipped.has(p.tagName)) { hidden = true; break; }
            }
            if (!hidden) parts.push(node.nodeValue ?? '');
        }
    }
    return parts.join('\n');
}

/** How often `needle` occurs in `haystack` without overlapping. */
export function occurrences(haystack: string, needle: string): number {
    if (needle.length === 0) return Number.POSITIVE_INFINITY;
    let count = 0;
    for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + needle.length)) count++;
    return count;
}
