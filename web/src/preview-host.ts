import { safeFileName } from '../../language/export/file-names.js';
import type { PreviewData } from '../../language/lsp/protocol.js';
import { calculationScenarioAt, nodeAt } from '../../extension/src/preview/node-at.js';
import { passedAdvices, scenarioBlock } from '../../extension/src/preview/scenario-text.js';
import { sourceLocation } from '../../extension/src/preview/source-location.js';
import type { FromWebview, PreviewView, ToWebview } from '../../extension/webview/messages.js';
import { frameAddress, isStateMessage } from '../preview/state-message.js';

/** What the host does for the preview: the editor's side of the extension's PreviewPanel. */
export interface PreviewHostActions {
    /** Select a range in the document the preview shows (a click on a node). */
    select(uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }): void;
    /** The current text of a document, or undefined when the workspace has no such document. */
    textOf(uri: string): string | undefined;
    /** Append text at the end of a document as one undoable edit; says where it went (the file's path). */
    append(uri: string, text: string): string;
    download(name: string, content: string | Uint8Array, type: string): void;
    copy(text: string): void;
    notify(message: string): void;
    scenarioSaved(fileName: string): string;
}

/** The webview's answer to renderAll: every tree's file, or none and why each failed tree failed. */
export interface RenderedTrees {
    files: Array<{ name: string; data: string }>;
    failed: string[];
}

/**
 * The preview beside the editor: the extension's webview (extension/webview/, the same bundle) in
 * an iframe, with web/preview/adapter.ts in place of VS Code's webview API. This host plays the
 * extension's PreviewPanel: it relays the server's data and the cursor to the webview, and clicks,
 * scenarios and exports back.
 */
export class PreviewHost {
    private ready = false;
    private pending: ToWebview[] = [];
    private data: PreviewData | undefined;
    private readonly renders = new Map<number, (result: RenderedTrees) => void>();
    private nextRequest = 1;
    private readonly readyWaiters: Array<() => void> = [];

    constructor(readonly frame: HTMLIFrameElement, private readonly actions: PreviewHostActions) {
        window.addEventListener('message', event => {
            // Only the preview's own frame is listened to (it is sandboxed: its origin is "null").
            if (event.source !== frame.contentWindow) return;
            if (isStateMessage(event.data)) keepState(event.data.state);
            else this.received(event.data as FromWebview);
        });
        // The frame starts with the state it had before the page was loaded again (this tab's session).
        frame.src = frameAddress('preview.html', keptState());
    }

    /** The document the preview shows. */
    get uri(): string | undefined {
        return this.data?.uri;
    }

    get current(): PreviewData | undefined {
        return this.data;
    }

    whenReady(): Promise<void> {
        return this.ready ? Promise.resolve() : new Promise(resolve => this.readyWaiters.push(resolve));
    }

    update(data: PreviewData): void {
        const otherDocument = this.data?.uri !== data.uri;
        this.data = data;
        // This page has no "Bereken…" command to run: without the calculations, the walkthrough offers no button for one.
        this.post({ type: 'update', data: { ...data, calculations: [] } });
        // VS Code has a preview per document; this page has one for whichever is open. Another
        // document starts at its first tree, not at the view the last one had (its typologies table, say).
        const first = data.trees[0]?.tree.id;
        if (otherDocument && first) this.post({ type: 'show', view: { kind: 'tree', tree: first } });
    }

    cursor(position: { line: number; character: number }): void {
        const found = this.data ? nodeAt(this.data.trees, position) : undefined;
        const scenario = this.data ? calculationScenarioAt(this.data.calculationScenarios, position) : undefined;
        this.post({ type: 'cursor', ...(found ? { tree: found.tree, ...(found.node ? { node: found.node } : {}) } : {}), ...(scenario ? { scenario } : {}) });
    }

    show(view: PreviewView): void {
        this.post({ type: 'show', view });
    }

    /** Walks the tree under the cursor (from the question there), or the first tree. False when there is none. */
    walkAt(position: { line: number; character: number } | undefined, treeName?: string): boolean {
        if (!this.data) return false;
        const found = position ? nodeAt(this.data.trees, position) : undefined;
        const tree = treeName ?? found?.tree ?? this.data.trees[0]?.tree.id;
        if (!tree || !this.data.trees.some(t => t.tree.id === tree)) return false;
        const question = found?.tree === tree && found.node
            ? this.data.trees.find(t => t.tree.id === tree)?.tree.nodes.find(n => n.id === found.node && n.kind === 'question') : undefined;
        this.post({ type: 'walk', tree, ...(question ? { from: question.id } : {}) });
        return true;
    }

    renderAll(format: 'svg' | 'png'): Promise<RenderedTrees> {
        const requestId = this.nextRequest++;
        return new Promise(resolve => {
            this.renders.set(requestId, resolve);
            this.post({ type: 'renderAll', format, requestId });
        });
    }

    private post(message: ToWebview): void {
        if (!this.ready) {
            if (message.type === 'update') this.pending = this.pending.filter(m => m.type !== 'update');
            this.pending.push(message);
            return;
        }
        this.frame.contentWindow?.postMessage(message, '*');
    }

    private received(message: FromWebview): void {
        if (!message || typeof message !== 'object') return;
        switch (message.type) {
            case 'ready': {
                this.ready = true;
                // The page is light; the delay and threshold are the extension's defaults (package.json).
                this.frame.contentWindow?.postMessage({ type: 'settings', theme: 'light', renderDelay: 150, largeDiagramThreshold: 150 } satisfies ToWebview, '*');
                const queued = this.pending;
                this.pending = [];
                for (const m of queued) this.frame.contentWindow?.postMessage(m, '*');
                for (const resolve of this.readyWaiters.splice(0)) resolve();
                return;
            }
            case 'reveal': {
                const tree = this.data?.trees.find(t => t.tree.id === message.tree);
                const range = tree && (message.node ? tree.ranges[message.node] : tree.range);
                if (this.data && range) this.actions.select(this.data.uri, range);
                return;
            }
            case 'revealSource': {
                const location = this.data ? sourceLocation(this.data, message.source) : undefined;
                if (location) {
                    const at = { line: location.line, character: location.character };
                    this.actions.select(location.uri, { start: at, end: at });
                }
                return;
            }
            case 'saveScenario': return this.saveScenario(message.tree, message.answers, message.expected);
            case 'export': {
                const name = safeFileName(message.name);
                if (message.format === 'png') this.actions.download(name, dataUrlBytes(message.data), 'image/png');
                else this.actions.download(name, message.data, message.format === 'svg' ? 'image/svg+xml' : 'text/plain');
                return;
            }
            case 'copy': return this.actions.copy(message.text);
            case 'rendered': {
                const resolve = this.renders.get(message.requestId);
                this.renders.delete(message.requestId);
                resolve?.({ files: message.files, failed: message.failed });
                return;
            }
            // Never offered here (see update).
            case 'calculate': return;
            case 'viewChanged': return;
            case 'error':
                console.warn(`[preview] ${message.message}`);
                return;
        }
    }

    private saveScenario(tree: string, answers: Array<{ question: string; answer: string }>, expected: string): void {
        const uri = this.data?.uri;
        if (!uri) return;
        const text = this.actions.textOf(uri);
        if (text === undefined) return;
        const walked = this.data?.trees.find(t => t.tree.id === tree)?.tree;
        // Scenario names already taken in the file: the new one gets a number if its name is.
        const existing = new Set([...text.matchAll(/scenario\s+"((?:\\.|[^"\\])*)"/g)].map(m => m[1]));
        const block = scenarioBlock(tree, answers, expected, existing, walked ? passedAdvices(walked, answers) : []);
        const prefix = text.endsWith('\n') ? '\n' : '\n\n';
        const fileName = this.actions.append(uri, prefix + block);
        this.actions.notify(this.actions.scenarioSaved(fileName));
    }
}

/** The bytes of a `data:image/png;base64,…` URL. */
function dataUrlBytes(dataUrl: string): Uint8Array {
    const binary = atob(dataUrl.replace(/^data:[^,]*,/, ''));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
}

const STATE_KEY = 'handreiking-preview-state';

/** The preview's state as the page keeps it for this tab; undefined when there is none or storage is unavailable. */
function keptState(): unknown {
    try {
        const text = sessionStorage.getItem(STATE_KEY);
        return text ? JSON.parse(text) as unknown : undefined;
    } catch {
        return undefined;
    }
}

function keepState(state: unknown): void {
    try {
        sessionStorage.setItem(STATE_KEY, JSON.stringify(state));
    } catch {
        // Storage may be unavailable (a locked-down browser): the state then lives as long as the frame.
    }
}
