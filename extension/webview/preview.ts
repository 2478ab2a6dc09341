import mermaid, { type MermaidConfig } from 'mermaid';
import type { PreviewData, PreviewProblem, PreviewTree } from '../../language/lsp/protocol.js';
import { mermaidConfig, plainTextConfig } from '../../language/generation/mermaid/mermaid-config.js';
import { treeToMermaid, type DiagramTarget } from '../../language/generation/mermaid/tree-mermaid.js';
import { describeExcess, diagramExcess, DiagramLimitError, pngExcess, type LimitExcess } from '../../language/generation/mermaid/diagram-limits.js';
import { describeDrawnProblem, DrawnDiagramError, drawnProblem, readDrawn } from '../../language/generation/mermaid/drawn-diagram.js';
import type { FromWebview, PreviewView, ToWebview } from './messages.js';
import { DiagramView, type ZoomState } from './diagram-view.js';
import { button, h, replace } from './dom.js';
import { svgMarkupToXml, svgSize, svgXmlToPng } from './export.js';
import { focusTree } from './focus.js';
import { createStats, Debouncer, LatestWinsQueue, MermaidLock, type RenderStats } from './render-queue.js';
import { pageLang, stringsFor, type Lang, type Strings } from './strings.js';
import { currentPalette, paletteKey, previewMermaidConfig, themeClassDefs, type Palette, type ThemeSetting } from './theme.js';
import { renderWalkPanel } from './walk-panel.js';
import { Walkthrough, type WalkState } from '../../language/walkthrough/walk-state.js';
import './preview.css';

/**
 * The live preview: draws the tree under the editor's cursor (or another tree of the file, the
 * typology table, the funding overview), and reports clicks, exports and scenarios to the extension.
 * The server computes everything; this page only draws, walks (with the shared `TreeWalker`) and
 * keeps the reader's view.
 */

interface VsCodeApi {
    postMessage(message: FromWebview): void;
    getState(): unknown;
    setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

declare global {
    interface Window {
        __previewStats?: RenderStats;
    }
}

/** What survives the webview being hidden and shown again (`setState`). */
interface Persisted {
    view?: PreviewView;
    zooms?: Record<string, ZoomState>;
    walk?: WalkState;
    showAll?: string[];
}

interface Settings {
    theme: ThemeSetting;
    renderDelay: number;
    largeDiagramThreshold: number;
}

/** What the main area should show, computed from the state when a draw starts. */
type Drawable =
    | {
        kind: 'diagram';
        /** The view: `tree:<id>` or `funding`; pan/zoom is kept per key. */
        key: string;
        /** The Mermaid text to draw (themed); identical text is not drawn again. */
        text: string;
        ids: Record<string, DiagramTarget>;
        tree?: PreviewTree;
        /** The focus view; `tooLarge` when the whole tree is beyond the limits every renderer shares. */
        focus?: { left: number; total: number; kept: ReadonlySet<string>; tooLarge?: LimitExcess };
        large?: { total: number };
    }
    | { kind: 'table'; key: 'typologies'; html: string }
    | { kind: 'empty'; key: string; message: string };

const MAX_CACHED_SVGS = 12;

const PNG_SCALE = 2;

class Preview {
    private readonly lang: Lang;
    private readonly t: Strings;
    private readonly stats = createStats();
    private readonly lock = new MermaidLock(this.stats);
    private readonly queue = new LatestWinsQueue(err => this.failed(err));
    private readonly debounce = new Debouncer();
    private settings: Settings = { theme: 'auto', renderDelay: 300, largeDiagramThreshold: 150 };
    private palette: Palette;

    /** The last data without errors: what is drawn. */
    private data: PreviewData | undefined;
    private errors: PreviewProblem[] = [];
    private view: PreviewView | undefined;
    private cursor: { tree?: string; node?: string } = {};
    private zooms: Record<string, ZoomState> = {};
    private readonly showAll = new Set<string>();
    private readonly focusCentres = new Map<string, string>();
    private walk: Walkthrough | undefined;
    /** A walk restored or requested before the data arrived. */
    private pendingWalk: WalkState | undefined;
    /** The pending walk came from a `walk` message: show its tree when the data comes. */
    private showPendingWalk = false;

    /** What the main area shows now: the skip-identical check compares against it. */
    private shown: { key: string; text: string; palette: string; drawable: Drawable } | undefined;
    private readonly svgCache = new Map<string, string>();
    private renderCount = 0;
    private revealCursorAfterDraw = false;
    private persistTimer: ReturnType<typeof setTimeout> | undefined;

    private readonly treePicker: HTMLSelectElement;
    private readonly tabs: Record<'tree' | 'typologies' | 'funding', HTMLElement>;
    private readonly walkButton: HTMLButtonElement;
    private readonly diagramButtons: HTMLButtonElement[];
    private readonly banner: HTMLElement;
    private readonly notice: HTMLElement;
    private readonly renderError: HTMLElement;
    private readonly message: HTMLElement;
    private readonly viewport: HTMLElement;
    private readonly table: HTMLElement;
    private readonly walkPanel: HTMLElement;
    private readonly diagram: DiagramView;

    constructor(private readonly vscode: VsCodeApi, root: HTMLElement) {
        this.lang = pageLang(document);
        this.t = stringsFor(this.lang);
        const t = this.t;
        this.palette = currentPalette(document, 'auto');
        window.__previewStats = this.stats;

        this.treePicker = h('select', { class: 'tree-picker', attrs: { 'aria-label': t.treePicker, title: t.treePicker } });
        this.treePicker.addEventListener('change', () => this.pick({ kind: 'tree', tree: this.treePicker.value }));
        const typologies = button(t.typologies, () => this.pick({ kind: 'typologies' }), { class: 'tab tab-typologies' });
        const funding = button(t.funding, () => this.pick({ kind: 'funding' }), { class: 'tab tab-funding' });
        this.tabs = { tree: this.treePicker, typologies, funding };
        this.walkButton = button(t.walk, () => this.startWalkOnCurrent(), { class: 'walk-button' });
        const zoomOut = button('−', () => this.diagram.zoomOut(), { class: 'zoom-out', attrs: { title: t.zoomOut, 'aria-label': t.zoomOut } });
        const zoomIn = button('+', () => this.diagram.zoomIn(), { class: 'zoom-in', attrs: { title: t.zoomIn, 'aria-label': t.zoomIn } });
        const fit = button('⤢', () => this.diagram.fit(), { class: 'zoom-fit', attrs: { title: t.fit, 'aria-label': t.fit } });
        const svg = button(t.exportSvg, () => void this.exportCurrent('svg'), { class: 'export-svg', attrs: { title: t.exportSvgTitle } });
        const png = button(t.exportPng, () => void this.exportCurrent('png'), { class: 'export-png', attrs: { title: t.exportPngTitle } });
        const text = button(t.exportMermaid, () => void this.exportCurrent('mermaid'), { class: 'export-mermaid', attrs: { title: t.exportMermaidTitle } });
        const copy = button(t.copy, () => this.copyText(), { class: 'copy', attrs: { title: t.copyTitle } });
        this.diagramButtons = [zoomOut, zoomIn, fit, svg, png, text, copy];

        this.banner = h('div', { class: 'banner', attrs: { role: 'alert', hidden: '' } });
        this.renderError = h('div', { class: 'render-error', attrs: { role: 'alert', hidden: '' } });
        this.notice = h('div', { class: 'notice', attrs: { role: 'status', hidden: '' } });
        this.message = h('p', { class: 'message' }, t.noData);
        this.viewport = h('section', { class: 'diagram-viewport', attrs: { 'aria-label': t.diagramLabel, hidden: '' } });
        this.table = h('section', { class: 'table-view', attrs: { hidden: '' } });
        this.walkPanel = h('aside', { class: 'walk-panel', attrs: { 'aria-label': t.walkPanel, hidden: '' } });

        replace(root,
            h('header', { class: 'toolbar' },
                h('div', { class: 'views', attrs: { role: 'group' } }, this.treePicker, typologies, funding),
                h('div', { class: 'actions', attrs: { role: 'group' } }, this.walkButton),
                h('div', { class: 'zoom', attrs: { role: 'group' } }, zoomOut, zoomIn, fit),
                h('div', { class: 'exports', attrs: { role: 'group' } }, svg, png, text, copy)),
            this.banner,
            this.renderError,
            this.notice,
            h('main', { class: 'content' }, this.message, this.viewport, this.table, this.walkPanel));

        this.diagram = new DiagramView(this.viewport, (id, target) => this.nodeClicked(id, target), zoom => {
            if (this.shown?.drawable.kind === 'diagram') {
                this.zooms[this.shown.key] = zoom;
                this.persistSoon();
            }
        });

        this.restore();
        this.applyPaletteToPage();
        this.observeTheme();
        this.updateToolbar();
        window.addEventListener('message', event => this.received(event.data));
        this.post({ type: 'ready' });
    }

    // ---- messages -------------------------------------------------------------------------

    private received(message: unknown): void {
        if (!message || typeof message !== 'object' || typeof (message as { type?: unknown }).type !== 'string') return;
        const m = message as ToWebview;
        switch (m.type) {
            case 'update': return this.update(m.data);
            case 'cursor': return this.moveCursor(m.tree, m.node);
            case 'show': return this.setView(m.view);
            case 'settings': return this.applySettings(m);
            case 'walk': return this.startWalk(m.tree, m.from);
            case 'renderAll': return void this.renderAll(m.format, m.requestId);
        }
    }

    private post(message: FromWebview): void {
        this.vscode.postMessage(message);
    }

    private update(data: PreviewData): void {
        if (!data || !Array.isArray(data.trees)) return;
        if (data.errors && data.errors.length > 0) {
            // Keep the last good diagram; the banner says why the preview is not current.
            this.errors = data.errors;
            this.showBanner();
            if (!this.data) this.updateMain();
            return;
        }
        const first = !this.data;
        this.errors = [];
        this.showBanner();
        this.data = data;
        this.replayWalk();
        if (this.showPendingWalk && this.walk) this.view = { kind: 'tree', tree: this.walk.tree.id };
        this.showPendingWalk = false;
        this.view = this.validView(this.view);
        this.fillTreePicker();
        this.updateToolbar();
        this.requestDraw(first || !this.shown ? 0 : this.settings.renderDelay);
    }

    private applySettings(m: Extract<ToWebview, { type: 'settings' }>): void {
        const delay = Number(m.renderDelay);
        const threshold = Number(m.largeDiagramThreshold);
        this.settings = {
            theme: ['auto', 'light', 'dark', 'high-contrast'].includes(m.theme) ? m.theme : 'auto',
            renderDelay: Number.isFinite(delay) && delay >= 0 ? delay : this.settings.renderDelay,
            largeDiagramThreshold: Number.isFinite(threshold) && threshold > 0 ? threshold : this.settings.largeDiagramThreshold
        };
        this.themeMayHaveChanged();
        if (this.data) this.requestDraw(0);
    }

    private moveCursor(tree: string | undefined, node: string | undefined): void {
        this.cursor = { ...(tree !== undefined ? { tree } : {}), ...(node !== undefined ? { node } : {}) };
        const data = this.data;
        if (!data) return;
        this.revealCursorAfterDraw = node !== undefined;
        if (tree !== undefined && data.trees.some(t => t.tree.id === tree) && (this.view === undefined || this.view.kind === 'tree') && this.view?.tree !== tree) {
            this.view = { kind: 'tree', tree };
            this.persistSoon();
            this.updateToolbar();
            this.requestDraw(0);
            return;
        }
        const shown = this.shown?.drawable;
        if (shown?.kind === 'diagram' && shown.focus && node !== undefined && tree === shown.tree?.tree.id && !shown.focus.kept.has(node)) {
            this.requestDraw(0);
            return;
        }
        this.applyMarks();
        this.revealCursor();
    }

    // ---- views ----------------------------------------------------------------------------

    /** The user picked a view in the page. */
    private pick(view: PreviewView): void {
        this.setView(view);
        if (this.view) this.post({ type: 'viewChanged', view: this.view });
    }

    private setView(view: PreviewView): void {
        const valid = this.data ? this.validView(view) : view;
        if (!valid) return;
        this.view = valid;
        this.persistSoon();
        this.updateToolbar();
        this.requestDraw(0);
    }

    /** `view` if the data has it, else the cursor's tree, the first tree, or the typology table. */
    private validView(view: PreviewView | undefined): PreviewView {
        const trees = this.data?.trees ?? [];
        if (view && (view.kind !== 'tree' || trees.some(t => t.tree.id === view.tree))) return view;
        const cursorTree = trees.find(t => t.tree.id === this.cursor.tree) ?? trees[0];
        return cursorTree ? { kind: 'tree', tree: cursorTree.tree.id } : view?.kind === 'tree' || !view ? { kind: 'typologies' } : view;
    }

    private currentTree(): PreviewTree | undefined {
        const view = this.view;
        return view?.kind === 'tree' ? this.data?.trees.find(t => t.tree.id === view.tree) : undefined;
    }

    private fillTreePicker(): void {
        const trees = this.data?.trees ?? [];
        const options = trees.map(t => h('option', { attrs: { value: t.tree.id } }, t.tree.title ? `${t.tree.title} (${t.tree.id})` : t.tree.id));
        // Selected while another view shows, so that picking any tree (the last one too) is a change.
        const placeholder = h('option', { attrs: { value: '', disabled: '', hidden: '' } }, trees.length > 0 ? `${this.t.treePicker}…` : this.t.noTrees);
        replace(this.treePicker, placeholder, ...options);
        this.treePicker.value = this.currentTree()?.tree.id ?? '';
    }

    private updateToolbar(): void {
        const view = this.view;
        const trees = this.data?.trees ?? [];
        this.treePicker.disabled = trees.length === 0;
        const tree = this.currentTree();
        this.treePicker.value = tree?.tree.id ?? '';
        for (const [kind, element] of Object.entries(this.tabs)) {
            const active = view?.kind === kind;
            element.classList.toggle('active', active);
            if (element instanceof HTMLButtonElement) element.setAttribute('aria-pressed', String(active));
        }
        this.walkButton.disabled = !tree;
        this.walkButton.setAttribute('aria-pressed', String(!!tree && this.walk?.tree.id === tree.tree.id));
        const diagramShown = view?.kind === 'tree' ? !!tree : view?.kind === 'funding';
        for (const b of this.diagramButtons) b.disabled = !diagramShown || !this.data;
    }

    // ---- drawing --------------------------------------------------------------------------

    /** Draws the current state: after `delay` ms (edits), or as soon as the running draw is done. */
    private requestDraw(delay: number): void {
        this.stats.busy = true;
        const enqueue = () => {
            this.queue.request(() => this.drawCurrent());
            void this.queue.idle().then(() => { this.stats.busy = this.queue.busy || this.debounce.waiting; });
        };
        if (delay > 0) this.debounce.schedule(delay, enqueue);
        else {
            this.debounce.cancel();
            enqueue();
        }
    }

    private drawable(): Drawable | undefined {
        const data = this.data;
        const view = this.view;
        if (!data || !view) return undefined;
        if (view.kind === 'typologies') return { kind: 'table', key: 'typologies', html: data.typologyTableHtml };
        if (view.kind === 'funding') {
            if (Object.keys(data.funding.ids).length === 0) return { kind: 'empty', key: 'funding', message: this.t.noFunding };
            return { kind: 'diagram', key: 'funding', text: themeClassDefs(data.funding.mermaid, this.palette), ids: data.funding.ids };
        }
        const tree = this.currentTree();
        if (!tree) return undefined; // validView() leaves a tree view only for a tree the data has.
        const key = `tree:${tree.tree.id}`;
        const total = tree.tree.nodes.length;
        const text = themeClassDefs(tree.mermaid, this.palette);
        // Beyond the shared limits the whole tree is never drawn ("Toon alles" is not offered).
        const tooLarge = diagramExcess({ text, ids: tree.ids });
        if (tooLarge || (total > this.settings.largeDiagramThreshold && !this.showAll.has(tree.tree.id))) {
            const focused = this.focusOf(tree);
            const diagram = treeToMermaid(focused.tree, { direction: directionOf(tree.mermaid) });
            return {
                kind: 'diagram', key, tree, text: themeClassDefs(diagram.text, this.palette), ids: diagram.ids,
                focus: { left: focused.left, total, kept: focused.kept, ...(tooLarge ? { tooLarge } : {}) }
            };
        }
        return {
            kind: 'diagram', key, tree, text, ids: tree.ids,
            ...(total > this.settings.largeDiagramThreshold ? { large: { total } } : {})
        };
    }

    /** The focus view: around the walk's current node or the cursor, sticky while that stays in view. */
    private focusOf(tree: PreviewTree): ReturnType<typeof focusTree> {
        const id = tree.tree.id;
        const want = this.walk?.tree.id === id ? this.walk.result.at : this.cursor.tree === id ? this.cursor.node : undefined;
        let focused = focusTree(tree.tree, this.focusCentres.get(id));
        if (want !== undefined && !focused.kept.has(want) && tree.tree.nodes.some(n => n.id === want)) focused = focusTree(tree.tree, want);
        this.focusCentres.set(id, focused.centre);
        return focused;
    }

    private async drawCurrent(): Promise<void> {
        this.stats.draws++;
        const drawable = this.drawable();
        this.updateMain(drawable);
        if (!drawable) return;
        if (drawable.kind !== 'diagram') {
            if (drawable.kind === 'table' && (this.shown?.key !== 'typologies' || this.shown.text !== drawable.html)) {
                // Generated HTML: every text in it is escaped by typologyTableHtml.
                this.table.innerHTML = drawable.html;
            }
            this.shown = { key: drawable.key, text: drawable.kind === 'table' ? drawable.html : drawable.message, palette: '', drawable };
            this.diagram.clear();
            this.updateNotice(drawable);
            return;
        }
        const palette = paletteKey(this.palette);
        if (this.shown && this.shown.key === drawable.key && this.shown.text === drawable.text && this.shown.palette === palette && this.diagram.svg) {
            this.stats.skipped++;
            this.diagram.setIds(drawable.ids);
            this.shown = { ...this.shown, drawable };
            this.afterDraw(drawable);
            return;
        }
        const cacheKey = `${palette}\n${drawable.text}`;
        let markup = this.svgCache.get(cacheKey);
        if (markup === undefined) {
            try {
                markup = await this.render(drawable.text, previewMermaidConfig(this.palette), drawable.ids);
            } catch (err) {
                // Another view's diagram must not stand under a message about this one.
                if (this.shown?.key !== drawable.key) {
                    this.diagram.clear();
                    this.shown = undefined;
                    this.updateNotice(drawable);
                }
                throw err;
            }
            this.svgCache.set(cacheKey, markup);
            for (const old of this.svgCache.keys()) {
                if (this.svgCache.size <= MAX_CACHED_SVGS) break;
                this.svgCache.delete(old);
            }
        }
        this.renderError.hidden = true;
        this.shown = { key: drawable.key, text: drawable.text, palette, drawable };
        this.updateMain(drawable);
        this.diagram.show(markup, drawable.ids, this.zooms[drawable.key]);
        this.zooms[drawable.key] = this.diagram.zoom;
        this.persistSoon();
        this.afterDraw(drawable);
    }

    private afterDraw(drawable: Drawable): void {
        this.updateNotice(drawable);
        this.applyMarks();
        if (this.revealCursorAfterDraw) this.revealCursor();
    }

    /**
     * One call of Mermaid's render, never concurrent with another (the lock). A diagram beyond the
     * shared limits is refused before Mermaid starts; a drawing that does not show every node of the
     * diagram (Mermaid past its own limits draws a message instead, without an error) is an error.
     */
    private render(text: string, config: MermaidConfig, ids: Record<string, DiagramTarget>): Promise<string> {
        const excess = diagramExcess({ text, ids });
        if (excess) return Promise.reject(new DiagramLimitError(excess, this.t.tooLarge(describeExcess(excess, this.lang))));
        return this.lock.run(async () => {
            const id = `hrk-preview-${++this.renderCount}`;
            try {
                mermaid.initialize(config);
                const { svg } = await mermaid.render(id, text);
                // Read back from an inert document: nothing in it loads or runs.
                const drawn = new DOMParser().parseFromString(svg, 'text/html').querySelector('svg');
                const expected = Object.keys(ids);
                const problem = drawn ? drawnProblem(readDrawn(drawn, expected), expected) : { expected: expected.length, drawn: 0 };
                if (problem) throw new DrawnDiagramError(problem, describeDrawnProblem(problem, this.lang));
                return svg;
            } finally {
                // After a failure Mermaid may leave its scratch elements in the page.
                document.getElementById(`d${id}`)?.remove();
                document.getElementById(id)?.remove();
            }
        });
    }

    private failed(err: unknown): void {
        const message = err instanceof Error ? err.message : String(err);
        this.stats.lastError = message;
        // A refusal for size is a whole sentence with its way out; anything else failed while drawing.
        this.renderError.textContent = err instanceof DiagramLimitError ? message : this.t.renderFailed(message);
        this.renderError.hidden = false;
        this.post({ type: 'error', message });
    }

    /** Which of message / diagram / table is visible. */
    private updateMain(drawable?: Drawable): void {
        const d = drawable ?? this.shown?.drawable;
        const noGoodData = !this.data;
        this.message.hidden = !noGoodData && d?.kind !== 'empty';
        this.message.textContent = noGoodData ? (this.errors.length > 0 ? '' : this.t.noData) : d?.kind === 'empty' ? d.message : '';
        if (noGoodData && this.errors.length > 0) this.message.hidden = true;
        this.viewport.hidden = noGoodData || d?.kind !== 'diagram';
        this.table.hidden = noGoodData || d?.kind !== 'table';
        this.walkPanel.hidden = noGoodData || !this.walk || d?.kind !== 'diagram' || d.tree?.tree.id !== this.walk.tree.id;
    }

    private showBanner(): void {
        const first = this.errors[0];
        if (!first) {
            this.banner.hidden = true;
            this.banner.replaceChildren();
            return;
        }
        const line = (first.range?.start?.line ?? 0) + 1;
        replace(this.banner,
            h('strong', { class: 'banner-error' }, this.t.errorBanner(first.message, line)),
            this.errors.length > 1 ? h('span', { class: 'banner-more' }, ` ${this.t.moreErrors(this.errors.length - 1)}`) : undefined,
            this.data ? h('span', { class: 'banner-kept' }, ` ${this.t.errorBannerKept}`) : undefined);
        this.banner.hidden = false;
    }

    private updateNotice(drawable: Drawable): void {
        const id = drawable.kind === 'diagram' ? drawable.tree?.tree.id : undefined;
        if (drawable.kind === 'diagram' && drawable.focus?.tooLarge) {
            const { left, total, tooLarge } = drawable.focus;
            replace(this.notice, h('span', {}, this.t.focusTooLarge(left, total, describeExcess(tooLarge, this.lang))));
            this.notice.hidden = false;
        } else if (drawable.kind === 'diagram' && drawable.focus && id !== undefined) {
            replace(this.notice, h('span', {}, this.t.focusNotice(drawable.focus.left, drawable.focus.total)), ' ',
                button(this.t.showAll, () => { this.showAll.add(id); this.persistSoon(); this.requestDraw(0); }, { class: 'show-all' }));
            this.notice.hidden = false;
        } else if (drawable.kind === 'diagram' && drawable.large && id !== undefined) {
            replace(this.notice, h('span', {}, this.t.allShown(drawable.large.total)), ' ',
                button(this.t.showFocus, () => { this.showAll.delete(id); this.persistSoon(); this.requestDraw(0); }, { class: 'show-focus' }));
            this.notice.hidden = false;
        } else {
            this.notice.hidden = true;
            this.notice.replaceChildren();
        }
    }

    /** The cursor and the walk's path as classes on the drawn groups: no render needed. */
    private applyMarks(): void {
        const drawable = this.shown?.drawable;
        const treeId = drawable?.kind === 'diagram' ? drawable.tree?.tree.id : undefined;
        const cursorNodes = treeId !== undefined && this.cursor.tree === treeId && this.cursor.node !== undefined ? [this.cursor.node] : [];
        this.diagram.mark('hrk-cursor', this.diagram.groupsOfNodes(cursorNodes));
        const walk = treeId !== undefined && this.walk?.tree.id === treeId ? this.walk : undefined;
        const path = walk ? walk.pathNodes() : [];
        const at = walk?.result.at;
        this.diagram.mark('hrk-walk-path', this.diagram.groupsOfNodes(path.filter(id => id !== at)));
        this.diagram.mark('hrk-walk-current', this.diagram.groupsOfNodes(at !== undefined ? [at] : []));
        this.diagram.markEdges('hrk-walk-edge', path);
    }

    private revealCursor(): void {
        const drawable = this.shown?.drawable;
        if (drawable?.kind !== 'diagram' || this.cursor.node === undefined || this.cursor.tree !== drawable.tree?.tree.id) return;
        this.revealCursorAfterDraw = false;
        const group = this.diagram.groupsOfNodes([this.cursor.node])[0];
        if (group) this.diagram.reveal(group);
    }

    private nodeClicked(_mermaidId: string, target: DiagramTarget): void {
        const drawable = this.shown?.drawable;
        const tree = drawable?.kind === 'diagram' ? drawable.tree : undefined;
        if (!tree) {
            // The funding overview: open the funding rule or typology where it is written.
            if (target.source) this.post({ type: 'revealSource', source: target.source });
            return;
        }
        const treeId = tree.tree.id;
        if (target.kind === 'node' || target.kind === 'link') {
            if (target.kind === 'node' && this.walk?.tree.id === treeId && this.walk.walker.node(target.id)?.kind === 'question') {
                this.setWalk(this.walk.startFrom(target.id));
            }
            this.post({ type: 'reveal', tree: treeId, node: target.id });
        } else if (target.kind === 'start') {
            this.post({ type: 'reveal', tree: treeId });
        }
    }

    // ---- theme ----------------------------------------------------------------------------

    /** VS Code swaps the body class and the colour variables on `<html>` when the theme changes. */
    private observeTheme(): void {
        let scheduled = false;
        const observer = new MutationObserver(() => {
            if (scheduled) return;
            scheduled = true;
            queueMicrotask(() => {
                scheduled = false;
                this.themeMayHaveChanged();
            });
        });
        observer.observe(document.body, { attributes: true, attributeFilter: ['class', 'data-vscode-theme-kind'] });
        observer.observe(document.documentElement, { attributes: true, attributeFilter: ['style', 'class'] });
    }

    private themeMayHaveChanged(): void {
        const palette = currentPalette(document, this.settings.theme);
        if (paletteKey(palette) === paletteKey(this.palette)) return;
        this.palette = palette;
        this.applyPaletteToPage();
        if (this.data) this.requestDraw(0);
    }

    private applyPaletteToPage(): void {
        const style = this.viewport.style;
        style.setProperty('--hrk-diagram-background', this.palette.background);
        style.setProperty('--hrk-diagram-foreground', this.palette.foreground);
        style.setProperty('--hrk-focus', this.palette.focus);
        style.setProperty('--hrk-highlight', this.palette.highlight);
    }

    // ---- walkthrough ----------------------------------------------------------------------

    private startWalkOnCurrent(): void {
        const tree = this.currentTree();
        if (!tree) return;
        if (this.walk?.tree.id === tree.tree.id) {
            this.renderWalk();
            this.updateMain();
            return;
        }
        this.startWalk(tree.tree.id, undefined);
    }

    private startWalk(treeId: string, from: string | undefined): void {
        const state: WalkState = { tree: treeId, ...(from !== undefined ? { from } : {}), answers: [] };
        const tree = this.data?.trees.find(t => t.tree.id === treeId);
        if (!tree) {
            this.pendingWalk = state;
            this.showPendingWalk = true;
            return;
        }
        this.setWalk(new Walkthrough(tree.tree, state));
        if (this.view?.kind !== 'tree' || this.view.tree !== treeId) this.setView({ kind: 'tree', tree: treeId });
    }

    private setWalk(walk: Walkthrough | undefined): void {
        this.walk = walk;
        this.pendingWalk = undefined;
        this.persistSoon();
        this.renderWalk();
        this.updateToolbar();
        this.updateMain();
        // A focus view follows the walk when it leaves the drawn part.
        const drawable = this.shown?.drawable;
        const at = walk?.result.at;
        if (drawable?.kind === 'diagram' && drawable.focus && at !== undefined && !drawable.focus.kept.has(at)) this.requestDraw(0);
        else this.applyMarks();
    }

    private renderWalk(): void {
        const walk = this.walk;
        if (!walk) {
            this.walkPanel.replaceChildren();
            return;
        }
        renderWalkPanel(this.walkPanel, walk, this.t, {
            answer: (question, label) => this.setWalk(walk.answer(question, label)),
            back: () => this.setWalk(walk.back()),
            restart: () => this.setWalk(walk.restart()),
            startFrom: node => this.setWalk(walk.startFrom(node)),
            close: () => this.setWalk(undefined),
            save: () => {
                const result = walk.result;
                if (result.status !== 'advice' || result.at === undefined) return;
                this.post({ type: 'saveScenario', tree: walk.tree.id, answers: walk.answers.map(a => ({ ...a })), expected: result.at });
            }
        });
    }

    /** After an edit: the same answers on the new tree, as far as they still apply. */
    private replayWalk(): void {
        const state = this.walk?.snapshot() ?? this.pendingWalk;
        if (!state) return;
        const tree = this.data?.trees.find(t => t.tree.id === state.tree);
        if (!tree) {
            this.walk = undefined;
            this.pendingWalk = undefined;
            this.renderWalk();
            return;
        }
        this.walk = new Walkthrough(tree.tree, state);
        this.pendingWalk = undefined;
        this.renderWalk();
        this.persistSoon();
    }

    // ---- exports --------------------------------------------------------------------------

    /** The SVG of a tree for a file: the shared light configuration with plain-text labels. */
    private async treeSvg(tree: PreviewTree): Promise<string> {
        const { text, ids } = treeToMermaid(tree.tree, { plainText: true, direction: directionOf(tree.mermaid) });
        return svgMarkupToXml(await this.render(text, plainTextConfig(), ids));
    }

    private async fundingSvg(data: PreviewData): Promise<string> {
        // Only the text is sent for the funding overview, with HTML labels: draw it as it is.
        return svgMarkupToXml(await this.render(data.funding.mermaid, { ...structuredClone(mermaidConfig), suppressErrorRendering: true }, data.funding.ids));
    }

    /** The PNG of an exported SVG, refused when the image would be beyond the PNG limits. */
    private png(svg: string): Promise<string> {
        const { width, height } = svgSize(svg);
        const excess = pngExcess(width, height, PNG_SCALE);
        if (excess) return Promise.reject(new DiagramLimitError(excess, this.t.pngTooLarge(describeExcess(excess, this.lang))));
        return svgXmlToPng(svg, PNG_SCALE);
    }

    private currentExport(): { name: string; text: string; svg: () => Promise<string> } | undefined {
        const data = this.data;
        if (!data) return undefined;
        if (this.view?.kind === 'funding') return { name: 'financiering', text: data.funding.mermaid, svg: () => this.fundingSvg(data) };
        const tree = this.currentTree();
        if (!tree) return undefined;
        return { name: tree.tree.id, text: tree.mermaid, svg: () => this.treeSvg(tree) };
    }

    private async exportCurrent(format: 'svg' | 'png' | 'mermaid'): Promise<void> {
        const target = this.currentExport();
        if (!target) return;
        try {
            if (format === 'mermaid') {
                this.post({ type: 'export', format, name: `${target.name}.mmd`, data: target.text });
                return;
            }
            const svg = await target.svg();
            const data = format === 'svg' ? svg : await this.png(svg);
            this.post({ type: 'export', format, name: `${target.name}.${format}`, data });
        } catch (err) {
            this.failed(err);
        }
    }

    private copyText(): void {
        const target = this.currentExport();
        if (target) this.post({ type: 'copy', text: target.text });
    }

    /**
     * Every tree, one after the other, for the export commands. A tree that cannot be drawn (too
     * large, or drawn wrong) is named in the error banner and in the answer, which then carries no
     * files: the export writes all trees or none.
     */
    private async renderAll(format: 'svg' | 'png', requestId: number): Promise<void> {
        const files: Array<{ name: string; data: string }> = [];
        const failed: string[] = [];
        for (const tree of this.data?.trees ?? []) {
            try {
                const svg = await this.treeSvg(tree);
                files.push({ name: `${tree.tree.id}.${format}`, data: format === 'svg' ? svg : await this.png(svg) });
            } catch (err) {
                const message = `${tree.tree.id}: ${err instanceof Error ? err.message : String(err)}`;
                failed.push(message);
                this.post({ type: 'error', message });
            }
        }
        if (failed.length > 0) {
            this.renderError.textContent = this.t.exportIncomplete(failed.join(' '));
            this.renderError.hidden = false;
        }
        this.post({ type: 'rendered', requestId, files: failed.length > 0 ? [] : files, failed });
    }

    // ---- state ----------------------------------------------------------------------------

    private restore(): void {
        const state = this.vscode.getState() as Persisted | undefined;
        if (!state || typeof state !== 'object') return;
        if (state.view && typeof state.view === 'object') this.view = state.view;
        if (state.zooms && typeof state.zooms === 'object') this.zooms = { ...state.zooms };
        if (state.walk && typeof state.walk.tree === 'string' && Array.isArray(state.walk.answers)) this.pendingWalk = state.walk;
        for (const id of state.showAll ?? []) this.showAll.add(id);
    }

    private persistSoon(): void {
        if (this.persistTimer !== undefined) return;
        this.persistTimer = setTimeout(() => {
            this.persistTimer = undefined;
            const state: Persisted = {
                ...(this.view ? { view: this.view } : {}),
                zooms: this.zooms,
                ...(this.walk ? { walk: this.walk.snapshot() } : this.pendingWalk ? { walk: this.pendingWalk } : {}),
                showAll: [...this.showAll]
            };
            this.vscode.setState(state);
        }, 100);
    }
}

/** The direction the server drew the tree in, so the focus view and exports draw it the same way. */
function directionOf(text: string): 'TD' | 'LR' {
    return /^\s*flowchart\s+LR\b/.test(text) ? 'LR' : 'TD';
}

const root = document.getElementById('app') ?? document.body.appendChild(document.createElement('div'));
new Preview(acquireVsCodeApi(), root);
