import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { safeFileName } from '../../../language/export/file-names.js';
import { PreviewCompareRequest, PreviewRequest, PreviewSubscription, type PreviewData } from '../../../language/lsp/protocol.js';
import type { SourceJson } from '../../../language/generation/json/handreiking-json.js';
import type { FromWebview, PreviewView, ToWebview } from '../../webview/messages.js';
import { previewHtml } from '../../webview/preview-html.js';
import { previewSettings } from '../settings.js';
import { passedAdvices, scenarioBlock } from './scenario-text.js';
import { sourceLocation } from './source-location.js';
import { dataUrlBytes } from './data-url.js';
import { calculationScenarioAt, nodeAt } from './node-at.js';
import { pickOldVersion } from './pick-old-version.js';
import type { OldVersions } from './old-version.js';

export { nodeAt };
import { writeExport } from '../commands/write-files.js';

/** The webview's answer to renderAll: every tree's file, or none and why each failed tree failed. */
export interface RenderedTrees {
    files: Array<{ name: string; data: string }>;
    failed: string[];
}

/**
 * One preview per document: a webview beside the editor that draws what the server computed.
 * The panel relays: data from the server to the webview, clicks from the webview to the editor,
 * cursor moves from the editor to the webview.
 */
export class PreviewPanel implements vscode.Disposable {
    private readonly disposables: vscode.Disposable[] = [];
    private data: PreviewData | undefined;
    private ready = false;
    private pending: ToWebview[] = [];
    private renderRequests = new Map<number, (result: RenderedTrees) => void>();
    private nextRequest = 1;
    private pendingWalk: vscode.Position | undefined;
    /** The webview shows the coverage overlay: the server then sends each tree's coverage. */
    private coverage = false;
    /** The version the trees are compared with, while they are. */
    private comparing: string | undefined;

    constructor(
        readonly uri: vscode.Uri,
        readonly panel: vscode.WebviewPanel,
        private readonly context: vscode.ExtensionContext,
        private readonly client: LanguageClient,
        private readonly onDispose: (panel: PreviewPanel) => void,
        /** Reads older versions from git (desktop only), for "Vergelijk met …". */
        private readonly oldVersions?: OldVersions
    ) {
        const webview = panel.webview;
        webview.html = this.html();
        this.disposables.push(
            webview.onDidReceiveMessage((message: FromWebview) => this.onMessage(message)),
            panel.onDidDispose(() => this.dispose()),
            vscode.window.onDidChangeTextEditorSelection(e => {
                if (e.textEditor.document.uri.toString() === this.uri.toString()) this.followCursor(e.selections[0].active);
            }),
            vscode.workspace.onDidChangeConfiguration(e => {
                if (e.affectsConfiguration('handreiking.preview')) this.sendSettings(true);
            })
        );
        void this.subscribe(true);
    }

    /** New data pushed by the server for this document. */
    update(data: PreviewData): void {
        this.data = data;
        this.post({ type: 'update', data });
        if (this.pendingWalk) {
            const position = this.pendingWalk;
            this.pendingWalk = undefined;
            this.walkAt(position);
        }
    }

    show(view: PreviewView): void {
        this.panel.reveal(undefined, true);
        this.post({ type: 'show', view });
    }

    /** The command "Dekking … tonen of verbergen": the page turns its overlay over and says so (`coverage`). */
    toggleCoverage(): void {
        this.panel.reveal(undefined, true);
        this.post({ type: 'coverage', shown: !this.coverage });
    }

    /**
     * "Vergelijk met …": the reader picks a version (HEAD, a branch, a recent commit, or to stop),
     * the extension reads its files from git and the server compares every preview from then on.
     */
    async compareWith(stop = false): Promise<void> {
        const picked = stop ? { stop: true as const } : await pickOldVersion(this.uri, this.oldVersions, this.comparing !== undefined);
        if (!picked) return;
        if ('stop' in picked) {
            this.comparing = undefined;
            await this.client.sendRequest(PreviewCompareRequest.type, { uri: this.uri.toString() });
        } else {
            const answer = await this.client.sendRequest(PreviewCompareRequest.type, { uri: this.uri.toString(), against: picked });
            if (answer.error !== undefined) {
                void vscode.window.showErrorMessage(answer.error);
                return;
            }
            this.comparing = picked.label;
        }
        await this.subscribe(true);
    }

    walk(tree: string, from?: string): void {
        this.panel.reveal(undefined, true);
        this.post({ type: 'walk', tree, ...(from ? { from } : {}) });
    }

    /**
     * Walks the tree the cursor is in (from the question under it), or the first tree of the file.
     * Before the first data has arrived the request waits for it.
     */
    walkAt(position: vscode.Position | undefined): void {
        if (!this.data) {
            this.pendingWalk = position ?? new vscode.Position(0, 0);
            return;
        }
        const found = position ? nodeAt(this.data.trees, position) : undefined;
        const tree = found?.tree ?? this.data.trees[0]?.tree.id;
        if (!tree) {
            void vscode.window.showInformationMessage(vscode.l10n.t('This file has no decision tree to walk through.'));
            return;
        }
        const question = found?.node && this.data.trees.find(t => t.tree.id === tree)?.tree.nodes.find(n => n.id === found.node && n.kind === 'question');
        this.walk(tree, question ? question.id : undefined);
    }

    /** Renders every tree of the document in the webview and returns the files. */
    renderAll(format: 'svg' | 'png'): Promise<RenderedTrees> {
        const requestId = this.nextRequest++;
        return new Promise(resolve => {
            this.renderRequests.set(requestId, resolve);
            this.post({ type: 'renderAll', format, requestId });
        });
    }

    private async subscribe(subscribed: boolean): Promise<void> {
        const direction = previewSettings().direction;
        const coverage = this.coverage;
        await this.client.sendNotification(PreviewSubscription.type, { uri: this.uri.toString(), subscribed, direction, coverage });
        if (!subscribed) return;
        const data = await this.client.sendRequest(PreviewRequest.type, { uri: this.uri.toString(), direction, coverage });
        if (data) this.update(data);
    }

    private html(): string {
        const webview = this.panel.webview;
        const dist = vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'webview');
        return previewHtml({
            cspSource: webview.cspSource,
            nonce: nonce(),
            scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'preview.js')).toString(),
            styleUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'preview.css')).toString(),
            lang: vscode.env.language.toLowerCase().startsWith('nl') ? 'nl' : 'en'
        });
    }

    private post(message: ToWebview): void {
        if (!this.ready) {
            // Keep only the latest update: the webview draws latest-wins anyway.
            if (message.type === 'update') this.pending = this.pending.filter(m => m.type !== 'update');
            this.pending.push(message);
            return;
        }
        void this.panel.webview.postMessage(message);
    }

    private sendSettings(redraw: boolean): void {
        const s = previewSettings();
        this.post({ type: 'settings', theme: s.theme, renderDelay: s.renderDelay, largeDiagramThreshold: s.largeDiagramThreshold });
        if (redraw) void this.subscribe(true);
    }

    private async onMessage(message: FromWebview): Promise<void> {
        switch (message.type) {
            case 'ready': {
                this.ready = true;
                this.sendSettings(false);
                const queued = this.pending;
                this.pending = [];
                for (const m of queued) void this.panel.webview.postMessage(m);
                const editor = vscode.window.visibleTextEditors.find(e => e.document.uri.toString() === this.uri.toString());
                if (editor) this.followCursor(editor.selection.active);
                return;
            }
            case 'reveal': return this.reveal(message.tree, message.node);
            case 'saveScenario': return this.saveScenario(message.tree, message.answers, message.expected);
            case 'calculate': {
                // The inputs come from the server's data, not from the page: the page only names the calculation.
                const calculation = this.data?.calculations.find(c => c.id === message.calculation);
                if (calculation) await vscode.commands.executeCommand('handreiking.calculate', this.uri.toString(), calculation.id, calculation.inputs, calculation.title);
                return;
            }
            case 'export': {
                if (!requireTrust()) return;
                const data = message.format === 'png' ? dataUrlBytes(message.data) : message.data;
                // The suggested name comes from the webview (language/export/file-names.ts): one file name, never a path.
                await writeExport([{ name: safeFileName(message.name), content: data }], { single: true });
                return;
            }
            case 'copy':
                await vscode.env.clipboard.writeText(message.text);
                void vscode.window.setStatusBarMessage(vscode.l10n.t('Copied to the clipboard'), 3000);
                return;
            case 'rendered': {
                const resolve = this.renderRequests.get(message.requestId);
                this.renderRequests.delete(message.requestId);
                resolve?.({ files: message.files, failed: message.failed });
                return;
            }
            case 'revealSource': return this.revealSource(message.source);
            case 'viewChanged': return;
            case 'compare': return this.compareWith(message.stop === true);
            case 'coverage':
                if (message.shown === this.coverage) return;
                this.coverage = message.shown;
                return this.subscribe(true);
            case 'error':
                this.client.outputChannel.appendLine(`[preview] ${message.message}`);
                return;
        }
    }

    /** Click in the diagram: select the node's name in the editor. */
    private async reveal(treeId: string, nodeId: string | undefined): Promise<void> {
        const tree = this.data?.trees.find(t => t.tree.id === treeId);
        if (!tree) return;
        const range = nodeId ? tree.ranges[nodeId] : tree.range;
        if (!range) return;
        const selection = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
        const editor = await vscode.window.showTextDocument(this.uri, { viewColumn: this.editorColumn(), preserveFocus: false, selection });
        editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }

    /** A click in the funding overview: open the rule or typology where it is written. */
    private async revealSource(source: SourceJson): Promise<void> {
        const location = this.data ? sourceLocation(this.data, source) : undefined;
        if (!location) return;
        const selection = new vscode.Range(location.line, location.character, location.line, location.character);
        await vscode.window.showTextDocument(vscode.Uri.parse(location.uri), { selection, preview: true });
    }

    private editorColumn(): vscode.ViewColumn | undefined {
        return vscode.window.visibleTextEditors.find(e => e.document.uri.toString() === this.uri.toString())?.viewColumn;
    }

    /** Cursor moved: the node whose text contains it is highlighted; in a calculation scenario, its outcome is shown. */
    private followCursor(position: vscode.Position): void {
        const found = this.data ? nodeAt(this.data.trees, position) : undefined;
        const scenario = this.data ? calculationScenarioAt(this.data.calculationScenarios, position) : undefined;
        this.post({ type: 'cursor', ...(found ? { tree: found.tree, ...(found.node ? { node: found.node } : {}) } : {}), ...(scenario ? { scenario } : {}) });
    }

    /** "Bewaar als scenario": an ordinary, undoable edit at the end of the document. */
    private async saveScenario(tree: string, answers: Array<{ question: string; answer: string }>, expected: string): Promise<void> {
        const document = await vscode.workspace.openTextDocument(this.uri);
        const existing = new Set([...document.getText().matchAll(/scenario\s+"((?:\\.|[^"\\])*)"/g)].map(m => m[1]));
        const walked = this.data?.trees.find(t => t.tree.id === tree)?.tree;
        const block = scenarioBlock(tree, answers, expected, existing, walked ? passedAdvices(walked, answers) : []);
        const end = document.lineAt(document.lineCount - 1).range.end;
        const prefix = document.getText().endsWith('\n') ? '\n' : '\n\n';
        const edit = new vscode.WorkspaceEdit();
        edit.insert(this.uri, end, prefix + block);
        if (await vscode.workspace.applyEdit(edit)) {
            void vscode.window.showInformationMessage(vscode.l10n.t('Scenario saved at the end of {0}.', vscode.workspace.asRelativePath(this.uri)));
        }
    }

    dispose(): void {
        // A closed preview cannot render: answer waiting exports with nothing rather than never.
        for (const resolve of this.renderRequests.values()) resolve({ files: [], failed: [] });
        this.renderRequests.clear();
        void this.subscribe(false).catch(() => undefined);
        for (const d of this.disposables) d.dispose();
        this.disposables.length = 0;
        this.onDispose(this);
    }
}

/** Exports write files: only in a trusted workspace, as the manifest declares. */
export function requireTrust(): boolean {
    if (vscode.workspace.isTrusted) return true;
    void vscode.window.showWarningMessage(vscode.l10n.t('Exporting writes files: trust this workspace first (Workspaces: Manage Workspace Trust).'));
    return false;
}

/** A fresh, unguessable nonce for the page's one script tag. */
function nonce(): string {
    // Web Crypto: the same in the Node extension host and in VS Code for the web.
    return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(18))));
}
