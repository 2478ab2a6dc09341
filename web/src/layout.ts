import type * as Monaco from '@codingame/monaco-vscode-editor-api';
import { button, h, replace } from '../../language/browser/dom.js';
import type { Lang } from '../../language/i18n/locale.js';
import type { OutlineSymbol, ScenarioRow } from './main.js';
import type { PageStrings } from './strings.js';
import type { Workspace, WorkspaceMode } from './workspace.js';

type Range = OutlineSymbol['range'];

export interface LayoutActions {
    openFolder(): void;
    openFiles(files: FileList): void;
    newFile(): void;
    save(): void;
    loadGuide(): void;
    runScenarios(): void;
    setLang(lang: Lang): void;
    openTab(path: string): void;
    closeTab(path: string): void;
    select(uri: string, range: Range): void;
}

/**
 * The page's parts: a toolbar, a side bar (files, outline, problems, scenarios), the tabs and the
 * editor, the preview frame, and a line for messages. All text goes in as text (dom.ts).
 */
export class PageLayout {
    readonly editorHost: HTMLElement;
    readonly previewFrame: HTMLIFrameElement;
    readonly exportButton: HTMLButtonElement;
    private readonly mode: HTMLElement;
    private readonly saveButton: HTMLButtonElement;
    private readonly fileList: HTMLElement;
    private readonly tabs: HTMLElement;
    private readonly outline: HTMLElement;
    private readonly problemList: HTMLElement;
    private readonly problemCount: HTMLElement;
    private readonly scenarioList: HTMLElement;
    private readonly scenarioSummary: HTMLElement;
    private readonly status: HTMLElement;

    constructor(body: HTMLElement, private readonly t: PageStrings, lang: Lang, private readonly actions: LayoutActions, folderApi: boolean) {
        const upload = h('input', { attrs: { type: 'file', multiple: '', accept: '.hrk', hidden: '', 'data-testid': 'upload' } });
        upload.addEventListener('change', () => { if (upload.files && upload.files.length > 0) actions.openFiles(upload.files); upload.value = ''; });
        const langSelect = h('select', { attrs: { 'aria-label': t.language, 'data-testid': 'lang' } },
            h('option', { attrs: { value: 'nl' } }, 'Nederlands'), h('option', { attrs: { value: 'en' } }, 'English'));
        langSelect.value = lang;
        langSelect.addEventListener('change', () => actions.setLang(langSelect.value === 'en' ? 'en' : 'nl'));
        this.saveButton = button(t.save, () => actions.save(), { attrs: { 'data-testid': 'save' } });
        this.exportButton = h('button', { attrs: { type: 'button', 'aria-haspopup': 'menu', 'data-testid': 'export' } }, `${t.export} ▾`);
        this.mode = h('span', { class: 'mode', attrs: { 'data-testid': 'mode' } });
        const toolbar = h('header', { class: 'toolbar' },
            h('strong', { class: 'brand' }, 'Handreiking'),
            folderApi ? button(t.openFolder, () => actions.openFolder(), { attrs: { 'data-testid': 'open-folder' } }) : false,
            button(t.openFiles, () => upload.click(), { attrs: { 'data-testid': 'open-files' } }),
            upload,
            button(t.newFile, () => actions.newFile()),
            this.saveButton,
            button(t.loadGuide, () => actions.loadGuide()),
            this.exportButton,
            button(t.runScenarios, () => actions.runScenarios(), { attrs: { 'data-testid': 'run-scenarios' } }),
            h('span', { class: 'spacer' }),
            langSelect);

        this.fileList = h('ul', { class: 'file-list', attrs: { 'data-testid': 'files' } });
        this.outline = h('ul', { class: 'outline', attrs: { 'data-testid': 'outline' } });
        this.problemCount = h('span', { class: 'count' });
        this.problemList = h('ul', { class: 'problems', attrs: { 'data-testid': 'problems' } });
        this.scenarioSummary = h('p', { class: 'summary' }, t.noScenarios);
        this.scenarioList = h('ul', { class: 'scenarios', attrs: { 'data-testid': 'scenarios' } });
        const side = h('nav', { class: 'side' },
            section(t.files, this.fileList),
            section(t.outline, this.outline),
            section(lang === 'en' ? 'Problems' : 'Meldingen', this.problemList, this.problemCount),
            section(t.scenarios, h('div', {}, this.scenarioSummary, this.scenarioList)));

        this.tabs = h('div', { class: 'tabs', attrs: { role: 'tablist', 'data-testid': 'tabs' } });
        this.editorHost = h('div', { class: 'editor', attrs: { 'data-testid': 'editor' } });
        // Sandboxed (scripts only, an origin of its own): the preview draws user text, so it cannot
        // reach the editor's page or its stored workspace, and Chromium gives such a frame a process
        // of its own, so Mermaid's redraw does not hold up the editor's typing and its diagnostics.
        // Its address (with its kept state) is set by PreviewHost.
        this.previewFrame = h('iframe', { class: 'preview', attrs: { sandbox: 'allow-scripts', title: t.preview, 'data-testid': 'preview' } });
        this.status = h('div', { class: 'status', attrs: { role: 'status', 'aria-live': 'polite', 'data-testid': 'status' } });
        replace(body,
            toolbar,
            h('div', { class: 'mode-line' }, this.mode, h('span', { class: 'kept' }, folderApi ? t.keptInBrowser : `${t.keptInBrowser} ${t.noFolderApi}`)),
            h('main', { class: 'work' }, side, h('section', { class: 'center' }, this.tabs, this.editorHost), this.previewFrame),
            this.status);
    }

    setMode(mode: WorkspaceMode, text: string, saveLabel: string): void {
        this.mode.textContent = text;
        this.mode.dataset.mode = mode;
        this.saveButton.textContent = saveLabel;
    }

    /** What the file list and the tabs show now (setFiles). */
    private shownFiles: string | undefined;

    /**
     * The file list and the tabs. Called on every keystroke (a file may have become unsaved): when
     * nothing they show has changed, they are left as they are. Building them again cost the
     * keystroke's task on the page's main thread, before the edit goes to the language server, and a
     * layout of the new elements when the editor next measures itself.
     */
    setFiles(workspace: Workspace): void {
        const shown = JSON.stringify([[...workspace.files.keys()].map(path => [path, workspace.isDirty(path)]), workspace.tabs, workspace.active ?? null]);
        if (shown === this.shownFiles) return;
        this.shownFiles = shown;
        replace(this.fileList, ...[...workspace.files.keys()].map(path => h('li', {},
            button(path, () => this.actions.openTab(path), {
                class: path === workspace.active ? 'active' : undefined,
                attrs: { 'data-path': path, title: path, ...(workspace.isDirty(path) ? { 'data-dirty': 'true' } : {}) }
            }, ),
            workspace.isDirty(path) ? h('span', { class: 'dirty', attrs: { title: this.t.unsaved } }, '●') : false)));
        replace(this.tabs, ...workspace.tabs.map(path => {
            const dirty = workspace.isDirty(path);
            const label = path.split('/').pop() ?? path;
            return h('span', { class: path === workspace.active ? 'tab active' : 'tab', attrs: { role: 'tab', 'aria-selected': String(path === workspace.active), 'data-path': path, title: path } },
                button(label + (dirty ? ' ●' : ''), () => this.actions.openTab(path), { class: 'tab-label' }),
                button('×', () => this.actions.closeTab(path), { class: 'tab-close', attrs: { 'aria-label': `${this.t.close} ${label}` } }));
        }));
    }

    /** The outline of one file; the list names its file so that a reader (or a test) can tell a stale one. */
    setOutline(uri: string, path: string, symbols: OutlineSymbol[]): void {
        this.outline.dataset.path = path;
        const item = (symbol: OutlineSymbol): HTMLElement => h('li', {},
            button(symbol.name, () => this.actions.select(uri, symbol.selectionRange), { attrs: { title: symbol.detail ?? symbol.name } }),
            symbol.children && symbol.children.length > 0 ? h('ul', {}, ...symbol.children.map(item)) : false);
        if (symbols.length === 0) replace(this.outline, h('li', { class: 'empty' }, this.t.noOutline));
        else replace(this.outline, ...symbols.map(item));
    }

    setProblems(problems: Array<{ uri: string; path: string; marker: Monaco.editor.IMarker }>): void {
        this.problemCount.textContent = problems.length > 0 ? ` (${problems.length})` : '';
        replace(this.problemList, ...problems.slice(0, 500).map(({ uri, path, marker }) => {
            const severity = marker.severity >= 8 ? 'error' : marker.severity >= 4 ? 'warning' : 'info';
            const code = typeof marker.code === 'string' ? marker.code : marker.code?.value;
            const range = { start: { line: marker.startLineNumber - 1, character: marker.startColumn - 1 }, end: { line: marker.endLineNumber - 1, character: marker.endColumn - 1 } };
            return h('li', { class: severity },
                button(`${path}:${marker.startLineNumber}:${marker.startColumn} ${code ? `${code} ` : ''}${marker.message}`, () => this.actions.select(uri, range)));
        }));
    }

    setScenarios(results: ScenarioRow[]): void {
        const passed = results.filter(r => r.passed).length;
        this.scenarioSummary.textContent = results.length === 0 ? this.t.noScenarios : this.t.scenariosPassed(passed, results.length);
        this.scenarioSummary.classList.toggle('stale', false);
        replace(this.scenarioList, ...results.map(r => h('li', { class: r.passed ? 'passed' : 'failed' },
            button(`${r.passed ? '✓' : '✗'} ${r.name}`, () => this.actions.select(r.uri, r.nameRange), { attrs: { title: r.path } }),
            r.message ? h('pre', {}, r.message) : false)));
    }

    /** The workspace changed since the scenarios last ran: their results may be out of date. */
    scenariosStale(): void {
        if (this.scenarioList.childElementCount > 0) this.scenarioSummary.classList.add('stale');
    }

    notify(message: string): void {
        this.status.append(h('p', {}, message));
        while (this.status.childElementCount > 5) this.status.firstElementChild?.remove();
    }
}

function section(title: string, content: HTMLElement, extra?: HTMLElement): HTMLElement {
    return h('details', { attrs: { open: '' } }, h('summary', {}, title, extra), content);
}
