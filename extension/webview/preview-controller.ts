import mermaid from 'mermaid';
import { h, replace } from '../../language/browser/dom.js';
import { MermaidRenderer, type MermaidApi } from '../../language/browser/mermaid-render.js';
import { describeExcess, DiagramLimitError } from '../../language/generation/mermaid/diagram-limits.js';
import { describeDrawnProblem } from '../../language/generation/mermaid/drawn-diagram.js';
import type { DiagramTarget } from '../../language/generation/mermaid/tree-mermaid.js';
import type { PreviewData, PreviewProblem, PreviewTree } from '../../language/lsp/protocol.js';
import type { ZoomState } from './diagram-view.js';
import { drawableFor, type Drawable } from './drawable.js';
import { Drawing } from './drawing.js';
import { PreviewExports } from './exports.js';
import type { FromWebview, PreviewView, ToWebview } from './messages.js';
import { markComparison, showComparison } from './comparison-overlay.js';
import { markCoverage, showCoverageBar } from './coverage-overlay.js';
import { buildPage, type PageParts } from './page-layout.js';
import { showBanner, showMain, showNotice } from './page-status.js';
import { createStats, type PreviewStats } from './preview-stats.js';
import { readSavedState, StateSaver, type StateStore } from './saved-state.js';
import { pageLang, stringsFor, type Lang, type Strings } from './strings.js';
import { currentPalette, paletteKey, watchTheme, type Palette, type ThemeSetting } from './theme.js';
import { WalkSession } from './walk-session.js';
import { renderCalcPanel } from './calc-panel.js';

/**
 * The live preview's controller: it keeps the state (the last good data, the view, the cursor, the
 * walkthrough, the reader's pan/zoom) and answers the extension's messages and the reader's
 * clicks. The server computes; this page draws (drawing.ts, from what drawable.ts decides), walks
 * (with the shared `Walkthrough`), exports (exports.ts) and keeps its state (saved-state.ts).
 */

/** VS Code's webview API, as the page sees it. */
export interface VsCodeApi extends StateStore {
    postMessage(message: FromWebview): void;
}

interface Settings {
    theme: ThemeSetting;
    renderDelay: number;
    largeDiagramThreshold: number;
}

/** Starts the preview in the page's `#app` element (made when missing). */
export function startPreview(vscode: VsCodeApi, mermaidApi: MermaidApi = mermaid): PreviewController {
    const root = document.getElementById('app') ?? document.body.appendChild(document.createElement('div'));
    return new PreviewController(vscode, root, mermaidApi);
}

export class PreviewController {
    readonly stats: PreviewStats = createStats();
    private readonly lang: Lang;
    private readonly t: Strings;
    private readonly page: PageParts;
    private readonly drawing: Drawing;
    private readonly exports: PreviewExports;
    private readonly saver: StateSaver;
    private settings: Settings = { theme: 'auto', renderDelay: 0, largeDiagramThreshold: 150 }; // replaced by the extension's first message (package.json's defaults)
    private palette: Palette;

    /** The last data without errors: what is drawn. */
    private data: PreviewData | undefined;
    private errors: PreviewProblem[] = [];
    private view: PreviewView | undefined;
    private cursor: { tree?: string; node?: string } = {};
    /** The name of the calculation scenario the cursor is in, if any. */
    private cursorScenario: string | undefined;
    private zooms: Record<string, ZoomState>;
    private readonly showAll: Set<string>;
    private readonly focusCentres = new Map<string, string>();
    private readonly walks: WalkSession;
    private revealCursorAfterDraw = false;
    /** The coverage overlay is on ("Dekking"). */
    private coverage: boolean;

    constructor(private readonly vscode: VsCodeApi, root: HTMLElement, mermaidApi: MermaidApi = mermaid) {
        this.lang = pageLang(document);
        this.t = stringsFor(this.lang);
        this.palette = currentPalette(document, 'auto');
        const saved = readSavedState(vscode);
        this.view = saved.view;
        this.zooms = saved.zooms;
        this.showAll = new Set(saved.showAll);
        this.coverage = saved.coverage ?? false;
        this.saver = new StateSaver(vscode, () => ({
            ...(this.view ? { view: this.view } : {}),
            zooms: this.zooms,
            ...(this.walks.state ? { walk: this.walks.state } : {}),
            showAll: [...this.showAll],
            ...(this.coverage ? { coverage: true } : {})
        }));

        const renderer = new MermaidRenderer(mermaidApi, {
            idPrefix: 'hrk-preview',
            counters: this.stats,
            messages: {
                tooLarge: excess => this.t.tooLarge(describeExcess(excess, this.lang)),
                drawnWrong: problem => describeDrawnProblem(problem, this.lang)
            }
        });
        this.page = buildPage(root, this.t, {
            pick: view => this.pick(view),
            walk: () => this.startWalkOnCurrent(),
            toggleCoverage: () => this.setCoverage(!this.coverage),
            compare: () => this.post({ type: 'compare' }),
            zoomOut: () => this.drawing.view.zoomOut(),
            zoomIn: () => this.drawing.view.zoomIn(),
            fit: () => this.drawing.view.fit(),
            export: format => void this.exports.exportCurrent(format),
            copy: () => this.exports.copyText()
        });
        this.walks = new WalkSession(this.page.walkPanel, this.t, {
            tree: id => this.data?.trees.find(t => t.tree.id === id)?.tree,
            calculation: id => (Array.isArray(this.data?.calculations) ? this.data.calculations.find(c => c.id === id) : undefined),
            changed: () => this.walkChanged(),
            persist: () => this.saver.soon(),
            post: message => this.post(message)
        }, saved.walk);
        this.drawing = new Drawing(this.page.viewport, this.page.table, renderer, this.stats, {
            drawable: () => this.drawable(),
            showing: drawable => this.updateMain(drawable),
            drawn: (drawable, placed) => {
                if (placed) this.page.renderError.hidden = true;
                this.updateNotice(drawable);
                this.applyMarks();
                if (this.revealCursorAfterDraw) this.revealCursor();
            },
            zoomOf: key => this.zooms[key],
            zoomChanged: (key, zoom) => {
                this.zooms[key] = zoom;
                this.saver.soon();
            },
            nodeClicked: target => this.nodeClicked(target),
            failed: err => this.failed(err)
        });
        this.exports = new PreviewExports(renderer, this.lang, this.t, {
            data: () => this.data,
            view: () => this.view,
            currentTree: () => this.currentTree(),
            post: message => this.post(message),
            failed: err => this.failed(err),
            exportIncomplete: problems => {
                this.page.renderError.textContent = this.t.exportIncomplete(problems);
                this.page.renderError.hidden = false;
            }
        });

        this.applyPaletteToPage();
        watchTheme(document, () => this.themeMayHaveChanged());
        this.updateToolbar();
        window.addEventListener('message', event => this.received(event.data));
        this.post({ type: 'ready' });
        // The extension asks the server for coverage only while the overlay is on.
        if (this.coverage) this.post({ type: 'coverage', shown: true });
    }

    // ---- messages -------------------------------------------------------------------------

    private received(message: unknown): void {
        if (!message || typeof message !== 'object' || typeof (message as { type?: unknown }).type !== 'string') return;
        const m = message as ToWebview;
        switch (m.type) {
            case 'update': return this.update(m.data);
            case 'cursor':
                this.cursorScenario = typeof m.scenario === 'string' ? m.scenario : undefined;
                this.showCalculation();
                return this.moveCursor(m.tree, m.node);
            case 'show': return this.setView(m.view);
            case 'settings': return this.applySettings(m);
            case 'walk': return this.startWalk(m.tree, m.from);
            case 'coverage': return this.setCoverage(m.shown === true);
            case 'renderAll': return void this.exports.renderAll(m.format, m.requestId);
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
        this.showCalculation();
        const walked = this.walks.replay();
        if (walked !== undefined) this.view = { kind: 'tree', tree: walked };
        this.view = this.validView(this.view);
        this.fillTreePicker();
        this.updateToolbar();
        this.updateReviewBars();
        this.drawing.request(first || !this.drawing.shown ? 0 : this.settings.renderDelay);
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
        if (this.data) this.drawing.request(0);
    }

    private moveCursor(tree: string | undefined, node: string | undefined): void {
        this.cursor = { ...(tree !== undefined ? { tree } : {}), ...(node !== undefined ? { node } : {}) };
        const data = this.data;
        if (!data) return;
        this.revealCursorAfterDraw = node !== undefined;
        if (tree !== undefined && data.trees.some(t => t.tree.id === tree) && (this.view === undefined || this.view.kind === 'tree') && this.view?.tree !== tree) {
            this.view = { kind: 'tree', tree };
            this.saver.soon();
            this.updateToolbar();
            this.updateReviewBars();
            this.drawing.request(0);
            return;
        }
        const shown = this.drawing.shown;
        if (shown?.kind === 'diagram' && shown.focus && node !== undefined && tree === shown.tree?.tree.id && !shown.focus.kept.has(node)) {
            this.drawing.request(0);
            return;
        }
        this.applyMarks();
        this.revealCursor();
    }

    /** The calculation scenario under the cursor, by name in the latest data: an edit of it shows its new outcome. */
    private showCalculation(): void {
        const scenarios = Array.isArray(this.data?.calculationScenarios) ? this.data.calculationScenarios : [];
        const scenario = this.cursorScenario !== undefined ? scenarios.find(s => s.name === this.cursorScenario) : undefined;
        renderCalcPanel(this.page.calcPanel, scenario, this.t);
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
        this.saver.soon();
        this.updateToolbar();
        this.updateReviewBars();
        this.drawing.request(0);
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

    private drawable(): Drawable | undefined {
        const data = this.data;
        const view = this.view;
        if (!data || !view) return undefined;
        return drawableFor({
            data,
            view,
            palette: this.palette,
            largeDiagramThreshold: this.settings.largeDiagramThreshold,
            showAll: this.showAll,
            wanted: id => this.walks.walk?.tree.id === id ? this.walks.walk.result.at : this.cursor.tree === id ? this.cursor.node : undefined,
            focusCentres: this.focusCentres,
            noFunding: this.t.noFunding
        });
    }

    private fillTreePicker(): void {
        const trees = this.data?.trees ?? [];
        const options = trees.map(t => h('option', { attrs: { value: t.tree.id } }, t.tree.title ? `${t.tree.title} (${t.tree.id})` : t.tree.id));
        // Selected while another view shows, so that picking any tree (the last one too) is a change.
        const placeholder = h('option', { attrs: { value: '', disabled: '', hidden: '' } }, trees.length > 0 ? `${this.t.treePicker}…` : this.t.noTrees);
        replace(this.page.treePicker, placeholder, ...options);
        this.page.treePicker.value = this.currentTree()?.tree.id ?? '';
    }

    private updateToolbar(): void {
        const view = this.view;
        const trees = this.data?.trees ?? [];
        const { treePicker, tabs, walkButton, coverageButton, diagramButtons } = this.page;
        coverageButton.setAttribute('aria-pressed', String(this.coverage));
        coverageButton.disabled = trees.length === 0;
        this.page.compareButton.disabled = trees.length === 0;
        this.page.compareButton.setAttribute('aria-pressed', String(trees.some(t => t.comparison)));
        treePicker.disabled = trees.length === 0;
        const tree = this.currentTree();
        treePicker.value = tree?.tree.id ?? '';
        for (const [kind, element] of Object.entries(tabs)) {
            const active = view?.kind === kind;
            element.classList.toggle('active', active);
            if (element instanceof HTMLButtonElement) element.setAttribute('aria-pressed', String(active));
        }
        walkButton.disabled = !tree;
        walkButton.setAttribute('aria-pressed', String(!!tree && this.walks.walk?.tree.id === tree.tree.id));
        const diagramShown = view?.kind === 'tree' ? !!tree : view?.kind === 'funding';
        for (const b of diagramButtons) b.disabled = !diagramShown || !this.data;
    }

    // ---- around the drawing ---------------------------------------------------------------

    private failed(err: unknown): void {
        const message = err instanceof Error ? err.message : String(err);
        // A refusal for size is a whole sentence with its way out; anything else failed while drawing.
        this.page.renderError.textContent = err instanceof DiagramLimitError ? message : this.t.renderFailed(message);
        this.page.renderError.hidden = false;
        this.post({ type: 'error', message });
    }

    private updateMain(drawable?: Drawable): void {
        showMain(this.page, this.t, {
            hasData: !!this.data,
            hasErrors: this.errors.length > 0,
            shown: drawable ?? this.drawing.shown,
            walkedTree: this.walks.walk?.tree.id
        });
    }

    private showBanner(): void {
        showBanner(this.page.banner, this.errors, !!this.data, this.t);
    }

    private updateNotice(drawable: Drawable): void {
        showNotice(this.page.notice, drawable, this.t, this.lang, {
            showAll: tree => { this.showAll.add(tree); this.saver.soon(); this.drawing.request(0); },
            showFocus: tree => { this.showAll.delete(tree); this.saver.soon(); this.drawing.request(0); }
        });
    }

    /** The cursor and the walk's path as classes on the drawn groups: no render needed. */
    private applyMarks(): void {
        const shown = this.drawing.shown;
        const view = this.drawing.view;
        const treeId = shown?.kind === 'diagram' ? shown.tree?.tree.id : undefined;
        const cursorNodes = treeId !== undefined && this.cursor.tree === treeId && this.cursor.node !== undefined ? [this.cursor.node] : [];
        view.mark('hrk-cursor', view.groupsOfNodes(cursorNodes));
        const walk = treeId !== undefined && this.walks.walk?.tree.id === treeId ? this.walks.walk : undefined;
        const path = walk ? walk.pathNodes() : [];
        const at = walk?.result.at;
        view.mark('hrk-walk-path', view.groupsOfNodes(path.filter(id => id !== at)));
        view.mark('hrk-walk-current', view.groupsOfNodes(at !== undefined ? [at] : []));
        view.markEdges('hrk-walk-edge', path);
        const tree = shown?.kind === 'diagram' ? shown.tree : undefined;
        // Both overlays add to a node's accessible name: undone in the reverse order they are
        // done, so that each puts back the name it found.
        markComparison(view, undefined, this.t);
        markCoverage(view, tree, this.coverage, this.t);
        markComparison(view, tree, this.t);
    }

    // ---- coverage -------------------------------------------------------------------------

    /** The overlay on or off: the extension has the server send (or stop sending) the coverage. */
    private setCoverage(shown: boolean): void {
        if (shown === this.coverage) return;
        this.coverage = shown;
        this.saver.soon();
        this.post({ type: 'coverage', shown });
        this.updateToolbar();
        this.updateReviewBars();
        this.applyMarks();
    }

    /** The counts and legend above the drawing, for the tree in view; and the comparison's bar and list. */
    private updateReviewBars(): void {
        const tree = this.currentTree();
        showCoverageBar(this.page.coverageBar, tree, this.coverage, this.t);
        showComparison(this.page.compareBar, this.page.comparePanel, tree, this.t, {
            stop: () => this.post({ type: 'compare', stop: true }),
            reveal: node => { if (tree) this.post({ type: 'reveal', tree: tree.tree.id, node }); }
        });
    }

    private revealCursor(): void {
        const shown = this.drawing.shown;
        if (shown?.kind !== 'diagram' || this.cursor.node === undefined || this.cursor.tree !== shown.tree?.tree.id) return;
        this.revealCursorAfterDraw = false;
        const group = this.drawing.view.groupsOfNodes([this.cursor.node])[0];
        if (group) this.drawing.view.reveal(group);
    }

    private nodeClicked(target: DiagramTarget): void {
        const shown = this.drawing.shown;
        const tree = shown?.kind === 'diagram' ? shown.tree : undefined;
        if (!tree) {
            // The funding overview: open the funding rule or typology where it is written.
            if (target.source) this.post({ type: 'revealSource', source: target.source });
            return;
        }
        const treeId = tree.tree.id;
        if (target.kind === 'node' || target.kind === 'link') {
            const walk = this.walks.walk;
            if (target.kind === 'node' && walk?.tree.id === treeId && walk.walker.node(target.id)?.kind === 'question') {
                this.walks.set(walk.startFrom(target.id));
            }
            this.post({ type: 'reveal', tree: treeId, node: target.id });
        } else if (target.kind === 'start') {
            this.post({ type: 'reveal', tree: treeId });
        }
    }

    // ---- theme ----------------------------------------------------------------------------

    private themeMayHaveChanged(): void {
        const palette = currentPalette(document, this.settings.theme);
        if (paletteKey(palette) === paletteKey(this.palette)) return;
        this.palette = palette;
        this.applyPaletteToPage();
        if (this.data) this.drawing.request(0);
    }

    private applyPaletteToPage(): void {
        const style = this.page.viewport.style;
        style.setProperty('--hrk-diagram-background', this.palette.background);
        style.setProperty('--hrk-diagram-foreground', this.palette.foreground);
        style.setProperty('--hrk-focus', this.palette.focus);
        style.setProperty('--hrk-highlight', this.palette.highlight);
    }

    // ---- walkthrough ----------------------------------------------------------------------

    private startWalkOnCurrent(): void {
        const tree = this.currentTree();
        if (!tree) return;
        if (this.walks.walk?.tree.id === tree.tree.id) {
            this.walks.render();
            this.updateMain();
            return;
        }
        this.startWalk(tree.tree.id, undefined);
    }

    private startWalk(treeId: string, from: string | undefined): void {
        if (!this.walks.start(treeId, from)) return;
        if (this.view?.kind !== 'tree' || this.view.tree !== treeId) this.setView({ kind: 'tree', tree: treeId });
    }

    /** The reader walked: save, and follow in the toolbar and the diagram. */
    private walkChanged(): void {
        this.saver.soon();
        this.updateToolbar();
        this.updateMain();
        // A focus view follows the walk when it leaves the drawn part.
        const shown = this.drawing.shown;
        const at = this.walks.walk?.result.at;
        if (shown?.kind === 'diagram' && shown.focus && at !== undefined && !shown.focus.kept.has(at)) this.drawing.request(0);
        else this.applyMarks();
    }
}
