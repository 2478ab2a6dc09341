import * as monaco from '@codingame/monaco-vscode-editor-api';
import { registerFileSystemOverlay, RegisteredFileSystemProvider, RegisteredMemoryFile } from '@codingame/monaco-vscode-files-service-override';
import { MonacoVscodeApiWrapper } from 'monaco-languageclient/vscodeApiWrapper';
import * as vscode from 'vscode';
import type { Lang } from '../../language/i18n/locale.js';
import { GuideScriptsRequest, WorkspaceFilesNotification } from '../../language/lsp/browser/protocol.js';
import {
    ExportRequest, PreviewNotification, PreviewRequest, PreviewSubscription, RunScenariosRequest, ScenariosChangedNotification, type PreviewData
} from '../../language/lsp/protocol.js';
import { ExportsMenu } from './exports.js';
import { canOpenFolder, download, mayWrite, pickFolder, readUploaded, writeToFolder, type ReadResult } from './file-access.js';
import { startLanguageClient, type StartedClient } from './language-client.js';
import { PageLayout } from './layout.js';
import { readValue, SoonWriter, writeValue } from './persist.js';
import { PreviewHost } from './preview-host.js';
import { pageStrings, type PageStrings } from './strings.js';
import { registerSyntax } from './syntax.js';
import { compareText } from '../../language/text/collation.js';
import { blobWorker, workerSources } from './worker-sources.js';
import { Workspace, type StoredWorkspace, type WorkspaceFileState } from './workspace.js';
import './page.css';

/** The guide from examples/, put in the bundle by scripts/build-web.mjs. */
declare const HANDREIKING_EXAMPLES: Array<{ path: string; text: string }>;

const WORKSPACE_KEY = 'workspace';
const LANG_KEY = 'lang';

/**
 * The browser edition: Monaco with monaco-languageclient, our language server in a worker, the
 * extension's preview in a frame beside the editor, and the workspace kept in IndexedDB.
 */
class EditorPage {
    private client!: StartedClient;
    private editor!: monaco.editor.IStandaloneCodeEditor;
    private readonly models = new Map<string, monaco.editor.ITextModel>();
    private readonly viewStates = new Map<string, monaco.editor.ICodeEditorViewState | null>();
    /** The workspace's files as VS Code's file service sees them (the API under monaco-languageclient). */
    private readonly fileSystem = new RegisteredFileSystemProvider(false);
    private readonly writer: SoonWriter;
    private readonly layout: PageLayout;
    private readonly preview: PreviewHost;
    private subscribed: string | undefined;
    private leaving = false;
    private pendingWalk: { uri: string; tree?: string } | undefined;

    constructor(private workspace: Workspace, private readonly lang: Lang, private readonly t: PageStrings) {
        this.writer = new SoonWriter(WORKSPACE_KEY, 100, state => { document.body.dataset.persisted = state; });
        this.layout = new PageLayout(document.body, t, lang, {
            openFolder: () => void this.openFolder(),
            openFiles: files => void this.openFiles(files),
            newFile: () => this.newFile(),
            save: () => void this.save(),
            loadGuide: () => void this.loadGuide(),
            runScenarios: () => void this.runScenarios(),
            setLang: next => void this.setLang(next),
            openTab: path => this.openTab(path),
            closeTab: path => this.closeTab(path),
            select: (uri, range) => this.select(uri, range)
        }, canOpenFolder());
        this.preview = new PreviewHost(this.layout.previewFrame, {
            select: (uri, range) => this.select(uri, range),
            textOf: uri => this.modelOf(uri)?.getValue(),
            append: (uri, text) => this.append(uri, text),
            download: (name, content, type) => download(name, content, type),
            copy: text => void navigator.clipboard.writeText(text).then(() => this.layout.notify(this.t.copied), () => undefined),
            notify: message => this.layout.notify(message),
            scenarioSaved: name => this.t.scenarioSaved(name)
        });
        // The menu lives as long as the page: its button holds it.
        new ExportsMenu(this.layout.exportButton, t, {
            request: format => this.client.client.sendRequest(ExportRequest.method, { format }),
            renderAll: format => this.renderAll(format),
            notify: message => this.layout.notify(message)
        });
        window.addEventListener('beforeunload', event => {
            if (this.leaving || this.workspace.dirty().length === 0) return;
            // Unsaved changes are kept in IndexedDB too, but closing the tab should not be silent.
            event.preventDefault();
            event.returnValue = '';
        });
    }

    async start(restored: number): Promise<void> {
        this.showMode();
        this.layout.setFiles(this.workspace);
        // Monaco's own worker (word-based suggestions, diffs) is a classic blob worker like the server.
        const api = new MonacoVscodeApiWrapper({
            $type: 'classic',
            viewsConfig: { $type: 'EditorService' },
            userConfiguration: { json: JSON.stringify({ 'editor.semanticHighlighting.enabled': true, 'editor.wordBasedSuggestions': 'off' }) },
            monacoWorkerFactory: () => {
                (globalThis as { MonacoEnvironment?: monaco.Environment }).MonacoEnvironment = {
                    getWorker: (_moduleId: string, label: string) => blobWorker(workerSources().editor, label)
                };
            }
        });
        await api.start();
        // Edits to several files (a rename) go through VS Code's file service, which reads each file
        // it touches: it finds them here, in memory, as the page holds them.
        registerFileSystemOverlay(1, this.fileSystem);
        registerSyntax(monaco);
        for (const file of this.workspace.files.values()) this.createModel(file);
        // No code lenses here: Monaco lays every lens out again on each keystroke, which redraws every
        // visible line (key press → diagnostics 46 → 41 ms in a run here, docs/performance.md).
        // What they offer is at hand in the page: the preview beside the text (its walk button),
        // "Scenario's uitvoeren" in the toolbar, a typology's funding sources in its hover.
        this.editor = monaco.editor.create(this.layout.editorHost, {
            model: null, automaticLayout: true, minimap: { enabled: false }, codeLens: false, 'semanticHighlighting.enabled': true,
            fixedOverflowWidgets: true, lightbulb: { enabled: monaco.editor.ShowLightbulbIconMode.On }
        });
        this.editor.onDidChangeCursorPosition(e => this.preview.cursor({ line: e.position.lineNumber - 1, character: e.position.column - 1 }));
        this.editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => void this.save());
        let diagnostics = 0;
        monaco.editor.onDidChangeMarkers(uris => {
            this.layout.setProblems(this.problems());
            // A counter the benchmark watches (bench/web-latency.ts): diagnostics arrived for the open file.
            const active = this.workspace.active;
            if (active && uris.some(uri => uri.toString() === this.uriOf(active))) document.body.dataset.diagnostics = String(++diagnostics);
        });
        this.registerCommands();

        this.client = await startLanguageClient({
            lang: this.lang,
            files: [...this.workspace.files.values()].map(f => ({ uri: this.uriOf(f.path), text: f.text })),
            folder: { uri: this.uriOf(''), name: this.workspace.root }
        });
        const client = this.client.client;
        client.onNotification(PreviewNotification.method, (data: PreviewData) => this.previewData(data));
        client.onNotification(ScenariosChangedNotification.method, () => this.layout.scenariosStale());
        client.onRequest(GuideScriptsRequest.method, () => loadGuideScripts());

        const first = this.workspace.active ?? this.workspace.tabs[0] ?? [...this.workspace.files.keys()][0];
        if (first) this.openTab(first);
        document.body.dataset.ready = 'true';
        document.body.dataset.readyMs = String(Math.round(performance.now()));
        document.body.setAttribute('aria-busy', 'false');
        if (restored > 0) this.layout.notify(this.t.restored(restored));
    }

    // ---- files and tabs -------------------------------------------------------------------

    private uriOf(path: string): string {
        // The URI as Monaco and the language server write it (vscode-uri's encoding).
        return monaco.Uri.parse(this.workspace.uriOf(path)).toString();
    }

    private pathOf(uri: string): string | undefined {
        for (const path of this.workspace.files.keys()) if (this.uriOf(path) === uri) return path;
        return undefined;
    }

    private modelOf(uri: string): monaco.editor.ITextModel | undefined {
        const path = this.pathOf(uri);
        return path === undefined ? undefined : this.models.get(path);
    }

    private createModel(file: WorkspaceFileState): void {
        const uri = monaco.Uri.parse(this.uriOf(file.path));
        this.fileSystem.registerFile(new RegisteredMemoryFile(uri, file.saved));
        const model = monaco.editor.createModel(file.text, 'handreiking', uri);
        this.models.set(file.path, model);
        model.onDidChangeContent(() => {
            file.text = model.getValue();
            this.changed();
        });
    }

    private changed(): void {
        this.layout.setFiles(this.workspace);
        this.persist();
    }

    private persist(): void {
        this.writer.schedule(() => this.workspace.toStored());
    }

    private openTab(path: string): void {
        const model = this.models.get(path);
        if (!model) return;
        const previous = this.workspace.active;
        if (previous && this.editor.getModel()) this.viewStates.set(previous, this.editor.saveViewState());
        this.workspace.open(path);
        this.editor.setModel(model);
        const state = this.viewStates.get(path);
        if (state) this.editor.restoreViewState(state);
        this.layout.setFiles(this.workspace);
        this.persist();
        void this.subscribePreview(this.uriOf(path));
        void this.refreshOutline();
    }

    private closeTab(path: string): void {
        this.workspace.close(path);
        if (this.workspace.active) this.openTab(this.workspace.active);
        else {
            this.editor.setModel(null);
            this.layout.setFiles(this.workspace);
            this.persist();
        }
    }

    private newFile(): void {
        const name = window.prompt(this.t.newFileName, 'nieuw.hrk')?.trim().replace(/^\/+/, '');
        if (!name) return;
        const path = name.endsWith('.hrk') ? name : `${name}.hrk`;
        if (!this.workspace.files.has(path)) {
            const file = { path, text: '', saved: '' };
            this.workspace.files.set(path, file);
            this.createModel(file);
            void this.client.client.sendNotification(WorkspaceFilesNotification.method, { files: [{ uri: this.uriOf(path), text: '' }], deleted: [] });
        }
        this.openTab(path);
    }

    /** Opens a document at a range (a click in the preview, an outline entry, a problem, a scenario). */
    private select(uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }): void {
        const path = this.pathOf(uri);
        if (path === undefined) return;
        if (this.workspace.active !== path) this.openTab(path);
        const selection = new monaco.Selection(range.start.line + 1, range.start.character + 1, range.end.line + 1, range.end.character + 1);
        this.editor.setSelection(selection);
        this.editor.revealRangeInCenterIfOutsideViewport(selection);
        this.editor.focus();
    }

    /** Appends text as one undoable edit; returns the file's path. */
    private append(uri: string, text: string): string {
        const model = this.modelOf(uri);
        if (!model) return uri;
        const end = model.getFullModelRange().getEndPosition();
        model.pushStackElement();
        model.pushEditOperations(null, [{ range: monaco.Range.fromPositions(end), text }], () => null);
        model.pushStackElement();
        return this.pathOf(uri) ?? uri;
    }

    // ---- saving and opening ---------------------------------------------------------------

    private showMode(): void {
        const w = this.workspace;
        const text = w.mode === 'folder' ? this.t.modeFolder(w.root) : w.mode === 'upload' ? this.t.modeUpload(w.root) : this.t.modeGuide;
        this.layout.setMode(w.mode, text, w.mode === 'folder' ? this.t.save : this.t.download);
    }

    /** Folder: writes every unsaved file into it. Otherwise: downloads the open file. */
    private async save(): Promise<void> {
        const w = this.workspace;
        if (w.mode === 'folder' && w.handle) {
            if (!await mayWrite(w.handle, true)) {
                this.layout.setMode(w.mode, this.t.modeFolderNeedsPermission(w.root), this.t.save);
                return;
            }
            this.showMode();
            for (const path of w.dirty()) {
                const file = w.files.get(path);
                if (!file) continue;
                const text = file.text;
                try {
                    await writeToFolder(w.handle, path, text);
                    file.saved = text;
                    this.layout.notify(this.t.saved(path));
                } catch (err) {
                    this.layout.notify(this.t.saveFailed(path, err instanceof Error ? err.message : String(err)));
                }
            }
            this.changed();
            return;
        }
        const path = w.active;
        const file = path ? w.files.get(path) : undefined;
        if (!path || !file) return;
        download(path.split('/').pop() ?? path, file.text, 'text/plain;charset=utf-8');
        file.saved = file.text;
        this.changed();
    }

    private confirmReplace(): boolean {
        return this.workspace.dirty().length === 0 || window.confirm(this.t.replaceConfirm);
    }

    private async openFolder(): Promise<void> {
        if (!this.confirmReplace()) return;
        const picked = await pickFolder();
        if (!picked) return;
        if (!this.reportSkipped(picked.result)) return;
        await this.replaceWorkspace(new Workspace(picked.handle.name, 'folder', picked.result.files, picked.handle));
    }

    private async openFiles(list: FileList): Promise<void> {
        if (!this.confirmReplace()) return;
        const result = await readUploaded(list);
        if (!this.reportSkipped(result)) return;
        const folder = list[0]?.webkitRelativePath.split('/')[0];
        await this.replaceWorkspace(new Workspace(folder || (this.lang === 'en' ? 'files' : 'bestanden'), 'upload', result.files));
    }

    private reportSkipped(result: ReadResult): boolean {
        for (const s of result.skipped) this.layout.notify(s.problem === 'tooLarge' ? this.t.tooLarge(s.path) : this.t.notUtf8(s.path));
        if (result.files.length === 0) {
            this.layout.notify(this.t.noHrk);
            return false;
        }
        return true;
    }

    private async loadGuide(): Promise<void> {
        if (!window.confirm(this.t.loadGuideConfirm)) return;
        await this.replaceWorkspace(guideWorkspace());
    }

    /** Another workspace: kept, then the page starts again with it (a fresh server and editor). */
    private async replaceWorkspace(next: Workspace): Promise<void> {
        await writeValue(WORKSPACE_KEY, next.toStored());
        this.leaving = true;
        location.reload();
    }

    private async setLang(next: Lang): Promise<void> {
        await this.writer.flush();
        await writeValue(LANG_KEY, next);
        this.leaving = true;
        location.reload();
    }

    // ---- preview, outline, problems, scenarios ----------------------------------------------

    private async subscribePreview(uri: string): Promise<void> {
        const client = this.client.client;
        if (this.subscribed && this.subscribed !== uri) {
            await client.sendNotification(PreviewSubscription.method, { uri: this.subscribed, subscribed: false });
        }
        this.subscribed = uri;
        await client.sendNotification(PreviewSubscription.method, { uri, subscribed: true, direction: 'TD' });
        const data = await client.sendRequest(PreviewRequest.method, { uri, direction: 'TD' }) as PreviewData | null;
        if (data && data.uri === this.subscribed) this.previewData(data);
    }

    private previewData(data: PreviewData): void {
        if (data.uri !== this.subscribed) return;
        this.preview.update(data);
        void this.refreshOutline();
        if (this.pendingWalk?.uri === data.uri) {
            const walk = this.pendingWalk;
            this.pendingWalk = undefined;
            this.walk(walk.tree);
        }
    }

    private walk(tree?: string): void {
        const position = this.editor.getPosition();
        const at = position ? { line: position.lineNumber - 1, character: position.column - 1 } : undefined;
        if (!this.preview.walkAt(at, tree)) this.layout.notify(this.t.noTreeToWalk);
    }

    private outlineTimer: ReturnType<typeof setTimeout> | undefined;

    private refreshOutline(): Promise<void> {
        clearTimeout(this.outlineTimer);
        return new Promise(resolve => {
            this.outlineTimer = setTimeout(() => {
                const path = this.workspace.active;
                if (!path) return resolve();
                const uri = this.uriOf(path);
                this.client.client.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })
                    .then(symbols => { if (this.workspace.active === path) this.layout.setOutline(uri, path, (symbols ?? []) as OutlineSymbol[]); })
                    .catch(() => undefined)
                    .finally(resolve);
            }, 200);
        });
    }

    private problems(): Array<{ uri: string; path: string; marker: monaco.editor.IMarker }> {
        return monaco.editor.getModelMarkers({}).flatMap(marker => {
            const uri = marker.resource.toString();
            const path = this.pathOf(uri);
            return path === undefined ? [] : [{ uri, path, marker }];
        }).sort((a, b) => compareText(a.path, b.path) || a.marker.startLineNumber - b.marker.startLineNumber);
    }

    private async runScenarios(): Promise<void> {
        const results = await this.client.client.sendRequest(RunScenariosRequest.method, {}) as ScenarioRow[];
        this.layout.setScenarios(results.map(r => ({ ...r, path: this.pathOf(r.uri) ?? r.uri })));
    }

    private async renderAll(format: 'svg' | 'png'): Promise<{ files: Array<{ name: string; data: string }>; failed: string[] }> {
        await this.preview.whenReady();
        return this.preview.renderAll(format);
    }

    /** The commands the server's code lenses run (language/lsp/code-lens/client-commands.ts). */
    private registerCommands(): void {
        vscode.commands.registerCommand('handreiking.openPreviewToSide', (uri?: string) => {
            const path = uri ? this.pathOf(String(uri)) : undefined;
            if (path !== undefined) this.openTab(path);
            this.layout.previewFrame.focus();
        });
        vscode.commands.registerCommand('handreiking.walkthrough', (uri?: string, tree?: string) => {
            const target = uri ? String(uri) : this.subscribed;
            if (!target) return;
            const path = this.pathOf(target);
            if (path !== undefined && this.workspace.active !== path) {
                this.pendingWalk = { uri: target, ...(tree ? { tree } : {}) };
                this.openTab(path);
            } else this.walk(tree);
        });
        vscode.commands.registerCommand('handreiking.runScenarios', () => void this.runScenarios());
        vscode.commands.registerCommand('handreiking.noop', () => undefined);
    }
}

export interface OutlineSymbol {
    name: string;
    detail?: string;
    kind: number;
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    selectionRange: { start: { line: number; character: number }; end: { line: number; character: number } };
    children?: OutlineSymbol[];
}

export interface ScenarioRow {
    uri: string;
    path: string;
    name: string;
    passed: boolean;
    message?: string;
    nameRange: { start: { line: number; character: number }; end: { line: number; character: number } };
}

function guideWorkspace(): Workspace {
    const files = HANDREIKING_EXAMPLES.map(f => ({ path: f.path, text: f.text, saved: f.text }));
    const workspace = new Workspace('examples', 'guide', files);
    const first = files.find(f => f.path.startsWith('revitalisatie/')) ?? files[0];
    if (first) workspace.open(first.path);
    return workspace;
}

let guideScripts: Promise<{ mermaidJs: string; appJs: string }> | undefined;

/** The HTML guide's scripts, from a script file loaded the first time the guide is exported (5 MB). */
function loadGuideScripts(): Promise<{ mermaidJs: string; appJs: string }> {
    return guideScripts ??= new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = 'assets/guide-scripts.js';
        script.onload = () => {
            const scripts = (globalThis as { handreikingGuideScripts?: { mermaidJs: string; appJs: string } }).handreikingGuideScripts;
            if (scripts) resolve(scripts);
            else reject(new Error('assets/guide-scripts.js did not define the scripts'));
        };
        script.onerror = () => { guideScripts = undefined; reject(new Error('assets/guide-scripts.js could not be loaded')); };
        document.head.appendChild(script);
    });
}

async function main(): Promise<void> {
    const lang: Lang = await readValue<Lang>(LANG_KEY).catch(() => undefined) === 'en' ? 'en' : 'nl';
    document.documentElement.lang = lang;
    const t = pageStrings(lang);
    document.title = t.title;
    const stored = await readValue<StoredWorkspace>(WORKSPACE_KEY).catch(() => undefined);
    const workspace = stored && stored.files.length > 0 ? Workspace.fromStored(stored) : guideWorkspace();
    const page = new EditorPage(workspace, lang, t);
    await page.start(stored ? workspace.dirty().length : 0);
}

main().catch((err: unknown) => {
    console.error('[handreiking] the page could not start:', err);
    document.body.dataset.failed = err instanceof Error ? err.message : String(err);
    const message = document.createElement('p');
    message.className = 'start-failed';
    message.textContent = `De editor kon niet starten / the editor could not start: ${err instanceof Error ? err.message : String(err)}`;
    document.body.prepend(message);
});
