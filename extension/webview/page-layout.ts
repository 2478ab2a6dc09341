import { button, h, replace } from '../../language/browser/dom.js';
import type { PreviewView } from './messages.js';
import type { Strings } from './strings.js';

/** The page's parts: the toolbar, the banners, and the main area. */
export interface PageParts {
    treePicker: HTMLSelectElement;
    tabs: Record<PreviewView['kind'], HTMLElement>;
    walkButton: HTMLButtonElement;
    /** "Dekking": the coverage overlay on or off (aria-pressed). */
    coverageButton: HTMLButtonElement;
    /** "Vergelijk…": the extension asks which version. */
    compareButton: HTMLButtonElement;
    /** Zoom and export buttons: only for a diagram. */
    diagramButtons: HTMLButtonElement[];
    /** The document's errors, while the last good diagram stays. */
    banner: HTMLElement;
    /** A diagram that could not be drawn or exported. */
    renderError: HTMLElement;
    /** The focus view or "Toon alles" of a large tree. */
    notice: HTMLElement;
    /** The coverage overlay's counts and legend. */
    coverageBar: HTMLElement;
    /** What the tree is compared with, the counts and the legend. */
    compareBar: HTMLElement;
    /** Beside the diagram: the behaviour changes of the comparison. */
    comparePanel: HTMLElement;
    message: HTMLElement;
    viewport: HTMLElement;
    table: HTMLElement;
    walkPanel: HTMLElement;
    /** The calculation scenario under the cursor (calc-panel.ts). */
    calcPanel: HTMLElement;
}

/** What the toolbar's controls do. */
export interface ToolbarActions {
    pick(view: PreviewView): void;
    walk(): void;
    toggleCoverage(): void;
    compare(): void;
    zoomOut(): void;
    zoomIn(): void;
    fit(): void;
    export(format: 'svg' | 'png' | 'mermaid'): void;
    copy(): void;
}

/** Builds the page in `root`: every text is the page's own (strings.ts) and goes in as text. */
export function buildPage(root: HTMLElement, t: Strings, actions: ToolbarActions): PageParts {
    const treePicker = h('select', { class: 'tree-picker', attrs: { 'aria-label': t.treePicker, title: t.treePicker } });
    treePicker.addEventListener('change', () => actions.pick({ kind: 'tree', tree: treePicker.value }));
    const typologies = button(t.typologies, () => actions.pick({ kind: 'typologies' }), { class: 'tab tab-typologies' });
    const funding = button(t.funding, () => actions.pick({ kind: 'funding' }), { class: 'tab tab-funding' });
    const walkButton = button(t.walk, () => actions.walk(), { class: 'walk-button' });
    const compareButton = button(t.compare, () => actions.compare(), { class: 'compare-button', attrs: { title: t.compareTitle } });
    const coverageButton = button(t.coverage, () => actions.toggleCoverage(), { class: 'coverage-button', attrs: { title: t.coverageTitle, 'aria-pressed': 'false' } });
    const zoomOut = button('−', () => actions.zoomOut(), { class: 'zoom-out', attrs: { title: t.zoomOut, 'aria-label': t.zoomOut } });
    const zoomIn = button('+', () => actions.zoomIn(), { class: 'zoom-in', attrs: { title: t.zoomIn, 'aria-label': t.zoomIn } });
    const fit = button('⤢', () => actions.fit(), { class: 'zoom-fit', attrs: { title: t.fit, 'aria-label': t.fit } });
    const svg = button(t.exportSvg, () => actions.export('svg'), { class: 'export-svg', attrs: { title: t.exportSvgTitle } });
    const png = button(t.exportPng, () => actions.export('png'), { class: 'export-png', attrs: { title: t.exportPngTitle } });
    const text = button(t.exportMermaid, () => actions.export('mermaid'), { class: 'export-mermaid', attrs: { title: t.exportMermaidTitle } });
    const copy = button(t.copy, () => actions.copy(), { class: 'copy', attrs: { title: t.copyTitle } });

    const parts: PageParts = {
        treePicker,
        tabs: { tree: treePicker, typologies, funding },
        walkButton,
        coverageButton,
        compareButton,
        diagramButtons: [zoomOut, zoomIn, fit, svg, png, text, copy],
        banner: h('div', { class: 'banner', attrs: { role: 'alert', hidden: '' } }),
        renderError: h('div', { class: 'render-error', attrs: { role: 'alert', hidden: '' } }),
        notice: h('div', { class: 'notice', attrs: { role: 'status', hidden: '' } }),
        coverageBar: h('div', { class: 'coverage-bar', attrs: { role: 'status', hidden: '' } }),
        compareBar: h('div', { class: 'compare-bar', attrs: { role: 'status', hidden: '' } }),
        comparePanel: h('aside', { class: 'compare-panel', attrs: { 'aria-label': t.behaviourHeading, hidden: '' } }),
        message: h('p', { class: 'message' }, t.noData),
        viewport: h('section', { class: 'diagram-viewport', attrs: { 'aria-label': t.diagramLabel, hidden: '' } }),
        table: h('section', { class: 'table-view', attrs: { hidden: '' } }),
        walkPanel: h('aside', { class: 'walk-panel', attrs: { 'aria-label': t.walkPanel, hidden: '' } }),
        calcPanel: h('aside', { class: 'calc-panel', attrs: { 'aria-label': t.calcPanel, hidden: '' } })
    };
    replace(root,
        h('header', { class: 'toolbar' },
            h('div', { class: 'views', attrs: { role: 'group' } }, treePicker, typologies, funding),
            h('div', { class: 'actions', attrs: { role: 'group' } }, walkButton, coverageButton, compareButton),
            h('div', { class: 'zoom', attrs: { role: 'group' } }, zoomOut, zoomIn, fit),
            h('div', { class: 'exports', attrs: { role: 'group' } }, svg, png, text, copy)),
        parts.banner,
        parts.renderError,
        parts.notice,
        parts.coverageBar,
        parts.compareBar,
        h('main', { class: 'content' }, parts.message, parts.viewport, parts.table, parts.calcPanel, parts.walkPanel, parts.comparePanel));
    return parts;
}
