import type { BrowserContext, Page, Request } from 'playwright-core';

/**
 * Every request the browser makes for the workbench, its frames (our webview included), its
 * workers and the webview's service worker, so the test can say where they went.
 */

export interface RecordedRequest {
    url: string;
    /** The frame's URL, or "service worker". */
    source: string;
    /** Whether the response came from a service worker (VS Code serves webview resources so). */
    fromServiceWorker?: boolean;
    failure?: string;
}

/**
 * code-server itself asks its extension gallery (open-vsx.org) for updates and recommendations at
 * start and when the Extensions view opens; that is the editor's own traffic, not the
 * extension's, and fails here anyway (no internet). Those hosts are set apart, by host name.
 */
export const codeServerOwnHosts = ['open-vsx.org'];

/**
 * The hosts under which VS Code for the web addresses a webview's local resources
 * (`webview.asWebviewUri`): the webview's service worker answers them from the extension's
 * folder via the workbench, so they never reach the network. Allowed only when the service
 * worker answered and the path lies in the installed extension.
 */
const webviewResourceHost = /\.vscode-resource\.vscode-cdn\.net$/;

export class NetworkRecorder {
    readonly requests: RecordedRequest[] = [];
    readonly websockets: string[] = [];
    private readonly pending: Array<Promise<void>> = [];

    constructor(context: BrowserContext, page: Page) {
        context.on('request', request => this.record(request));
        context.on('requestfailed', request => {
            const entry = this.requests.find(r => r.url === request.url() && r.failure === undefined);
            if (entry) entry.failure = request.failure()?.errorText ?? 'failed';
        });
        page.on('websocket', ws => this.websockets.push(ws.url()));
    }

    private record(request: Request): void {
        const entry: RecordedRequest = {
            url: request.url(),
            source: request.serviceWorker() ? 'service worker' : safeFrameUrl(request)
        };
        this.requests.push(entry);
        this.pending.push(request.response().then(response => {
            if (response) entry.fromServiceWorker = response.fromServiceWorker();
        }, () => undefined));
    }

    /** Waits for the responses still outstanding (so `fromServiceWorker` is known). */
    async settle(): Promise<void> {
        await Promise.all(this.pending.splice(0));
    }

    /**
     * Splits everything recorded into what stayed on this machine, what code-server itself asked
     * (its gallery), and what left it (must be empty). `extensionDir` is where the .vsix was
     * installed.
     */
    classify(extensionDir: string): { local: RecordedRequest[]; codeServer: RecordedRequest[]; outside: RecordedRequest[] } {
        const local: RecordedRequest[] = [], codeServer: RecordedRequest[] = [], outside: RecordedRequest[] = [];
        const all = [...this.requests, ...this.websockets.map(url => ({ url, source: 'websocket' }))];
        for (const request of all) {
            const kind = classifyUrl(request, extensionDir);
            (kind === 'local' ? local : kind === 'codeServer' ? codeServer : outside).push(request);
        }
        return { local, codeServer, outside };
    }
}

function safeFrameUrl(request: Request): string {
    try {
        return request.frame().url();
    } catch {
        return 'worker';
    }
}

export function classifyUrl(request: RecordedRequest, extensionDir: string): 'local' | 'codeServer' | 'outside' {
    let url: URL;
    try {
        url = new URL(request.url);
    } catch {
        return 'outside';
    }
    if (['data:', 'blob:', 'file:', 'vscode-webview:'].includes(url.protocol)) return 'local';
    if (['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol)) {
        if (url.hostname === '127.0.0.1') return 'local';
        if (codeServerOwnHosts.includes(url.hostname)) return 'codeServer';
        if (webviewResourceHost.test(url.hostname) && request.fromServiceWorker === true
            && decodeURIComponent(url.pathname).startsWith(`${extensionDir}/`)) return 'local';
    }
    return 'outside';
}
