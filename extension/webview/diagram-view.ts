import Panzoom, { type PanzoomObject } from '@panzoom/panzoom';
import { drawnNodes, markPathEdges, mermaidNodeId } from '../../language/browser/mermaid-ids.js';
import type { DiagramTarget } from '../../language/generation/mermaid/tree-mermaid.js';

/**
 * The drawn diagram: the SVG Mermaid made, inside a pan/zoom canvas, with our own click listener on
 * its node groups (Mermaid's `click` needs securityLevel 'loose') and highlighting by CSS classes
 * on the groups, so highlighting never needs a new render.
 */

/**
 * A pan/zoom position: the scale, and where the diagram's top left corner is in the view (px). Kept
 * this way (not as Panzoom's translation, which is relative to the canvas centre) so that a diagram
 * that grows or shrinks after an edit stays anchored where the reader left it.
 */
export interface ZoomState {
    scale: number;
    left: number;
    top: number;
}

const MIN_SCALE = 0.05;
const MAX_SCALE = 8;
const ZOOM_STEP = 1.25;

/** Pointer travel (px) up to which a press and release still counts as a click, not a drag. */
const CLICK_SLOP = 5;

export class DiagramView {
    readonly canvas: HTMLElement;
    private readonly panzoom: PanzoomObject;
    private svgElement: SVGSVGElement | undefined;
    private ids: Record<string, DiagramTarget> = {};
    private groups = new Map<string, SVGGElement>();
    private pressedAt: { x: number; y: number } | undefined;
    private size = { width: 0, height: 0 };

    constructor(
        readonly viewport: HTMLElement,
        private readonly onNodeClick: (mermaidId: string, target: DiagramTarget) => void,
        onZoomChanged: (state: ZoomState) => void
    ) {
        this.canvas = document.createElement('div');
        this.canvas.className = 'diagram-canvas';
        viewport.appendChild(this.canvas);
        // Panzoom does the dragging; zooming is done here, around a point of the view (Panzoom's own
        // focal-point maths assumes an element centred in its parent).
        this.panzoom = Panzoom(this.canvas, { maxScale: MAX_SCALE, minScale: MIN_SCALE, canvas: true, cursor: 'grab', disableZoom: true });
        viewport.addEventListener('wheel', event => {
            if (!this.svgElement) return;
            event.preventDefault();
            const delta = event.deltaMode === 1 ? event.deltaY * 16 : event.deltaY;
            this.zoomAt(Math.exp(-delta * 0.002), event.clientX, event.clientY);
        }, { passive: false });
        this.canvas.addEventListener('panzoomchange', () => onZoomChanged(this.zoom));
        // Panzoom takes the pointer for dragging; a click is a press and release in (nearly) one place.
        viewport.addEventListener('pointerdown', event => { this.pressedAt = { x: event.clientX, y: event.clientY }; }, { capture: true });
        viewport.addEventListener('click', event => this.clicked(event));
        viewport.addEventListener('keydown', event => {
            if (event.key !== 'Enter' && event.key !== ' ') return;
            const group = (event.target as Element | null)?.closest?.('g.node');
            if (group) {
                event.preventDefault();
                this.activate(group);
            }
        });
    }

    get svg(): SVGSVGElement | undefined {
        return this.svgElement;
    }

    get zoom(): ZoomState {
        const { x, y } = this.panzoom.getPan();
        const scale = this.panzoom.getScale();
        const c = this.centre;
        return { scale, left: c.x * (1 - scale) + scale * x, top: c.y * (1 - scale) + scale * y };
    }

    /**
     * Panzoom transforms an HTML element as `scale(s) translate(x, y)` around its centre c, so the
     * canvas point p lands at `c + s·(p + t − c)` in the view; the top left (p = 0) at `c(1 − s) + s·t`.
     */
    private get centre(): { x: number; y: number } {
        return { x: this.size.width / 2, y: this.size.height / 2 };
    }

    /**
     * Puts Mermaid's SVG in place (from `mermaid.render` with securityLevel 'strict': sanitised, every
     * label escaped by the generator; as markup, or as the element the renderer parsed it into in an
     * inert document) and restores `zoom`, or fits the diagram to the view.
     */
    show(drawing: string | SVGSVGElement, ids: Record<string, DiagramTarget>, zoom: ZoomState | undefined): SVGSVGElement {
        if (typeof drawing === 'string') this.canvas.innerHTML = drawing;
        else this.canvas.replaceChildren(document.adoptNode(drawing));
        const svg = this.canvas.querySelector('svg');
        if (!svg) throw new Error('Mermaid returned no SVG');
        this.svgElement = svg;
        // A definite size, so the canvas (and fit-to-view) know how large the drawing is.
        const box = svg.viewBox.baseVal;
        const width = box && box.width > 0 ? box.width : svg.getBoundingClientRect().width;
        const height = box && box.height > 0 ? box.height : svg.getBoundingClientRect().height;
        this.size = { width, height };
        svg.setAttribute('width', String(width));
        svg.setAttribute('height', String(height));
        svg.style.maxWidth = 'none';
        this.canvas.style.width = `${width}px`;
        this.canvas.style.height = `${height}px`;
        this.setIds(ids);
        if (zoom) this.setZoom(zoom);
        else this.fit();
        return svg;
    }

    /** Removes the diagram (a view without one, or no data). */
    clear(): void {
        this.canvas.replaceChildren();
        this.svgElement = undefined;
        this.groups.clear();
        this.ids = {};
    }

    /** Mermaid id → what it stands for, in the diagram shown. */
    get targets(): Readonly<Record<string, DiagramTarget>> {
        return this.ids;
    }

    /** The Mermaid ids may map to other tree nodes after an edit that left the text the same. */
    setIds(ids: Record<string, DiagramTarget>): void {
        this.ids = ids;
        this.groups.clear();
        if (!this.svgElement) return;
        const nodes = drawnNodes(this.svgElement, ids);
        // Every label is read before anything is written: reading a label's rendered text after a
        // write lays the page out again, once per node.
        const labels = nodes.map(({ group }) => labelText(group));
        nodes.forEach(({ group, mermaidId }, i) => {
            this.groups.set(mermaidId, group);
            group.setAttribute('tabindex', '0');
            group.setAttribute('role', 'button');
            // Read out as its label; set as an attribute value, never parsed.
            group.setAttribute('aria-label', labels[i]);
            group.classList.add('hrk-clickable');
        });
    }

    /** The drawn groups of the tree nodes with these ids (kind 'node'). */
    groupsOfNodes(nodeIds: Iterable<string>): SVGGElement[] {
        const wanted = new Set(nodeIds);
        const result: SVGGElement[] = [];
        for (const [mermaidId, group] of this.groups) {
            const target = this.ids[mermaidId];
            if (target.kind === 'node' && wanted.has(target.id)) result.push(group);
        }
        return result;
    }

    /** Sets `className` on exactly these groups (and removes it from every other). */
    mark(className: string, groups: readonly Element[]): void {
        if (!this.svgElement) return;
        for (const element of this.svgElement.querySelectorAll(`.${className}`)) element.classList.remove(className);
        for (const group of groups) group.classList.add(className);
    }

    /** Marks the edges between consecutive tree nodes of `path`. */
    markEdges(className: string, path: readonly string[]): void {
        if (this.svgElement) markPathEdges(this.svgElement, path, this.ids, className);
    }

    zoomIn(): void {
        this.zoomAtCentre(ZOOM_STEP);
    }

    zoomOut(): void {
        this.zoomAtCentre(1 / ZOOM_STEP);
    }

    private zoomAtCentre(factor: number): void {
        const view = this.viewport.getBoundingClientRect();
        this.zoomAt(factor, view.left + view.width / 2, view.top + view.height / 2);
    }

    /** Scales by `factor`, keeping the diagram point under (clientX, clientY) where it is. */
    private zoomAt(factor: number, clientX: number, clientY: number): void {
        const view = this.viewport.getBoundingClientRect();
        const current = this.zoom;
        const scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, current.scale * factor));
        const sx = clientX - view.left, sy = clientY - view.top;
        const px = (sx - current.left) / current.scale, py = (sy - current.top) / current.scale;
        this.setZoom({ scale, left: sx - scale * px, top: sy - scale * py });
    }

    setZoom(zoom: ZoomState): void {
        const scale = zoom.scale > 0 && Number.isFinite(zoom.scale) ? Math.min(MAX_SCALE, Math.max(MIN_SCALE, zoom.scale)) : 1;
        const c = this.centre;
        this.panzoom.zoom(scale, { animate: false, force: true });
        this.panzoom.pan((zoom.left - c.x * (1 - scale)) / scale, (zoom.top - c.y * (1 - scale)) / scale, { animate: false, force: true });
    }

    /** Scales the diagram to fit the view (never above 100 %) and centres it. */
    fit(): void {
        const { width, height } = this.size;
        const view = this.viewport.getBoundingClientRect();
        if (width <= 0 || height <= 0 || view.width <= 0 || view.height <= 0) return;
        const scale = Math.min(1, (view.width - 16) / width, (view.height - 16) / height);
        this.centreOnPoint({ x: width / 2, y: height / 2 }, Math.max(scale, MIN_SCALE));
    }

    /** Pans (keeping the scale) so that `group` is in the middle, unless it is already well in view. */
    reveal(group: Element): void {
        const view = this.viewport.getBoundingClientRect();
        const rect = group.getBoundingClientRect();
        const margin = 24;
        if (rect.left >= view.left + margin && rect.right <= view.right - margin && rect.top >= view.top + margin && rect.bottom <= view.bottom - margin) return;
        const canvas = this.canvas.getBoundingClientRect();
        const scale = this.panzoom.getScale();
        this.centreOnPoint({
            x: (rect.left + rect.width / 2 - canvas.left) / scale,
            y: (rect.top + rect.height / 2 - canvas.top) / scale
        }, scale);
    }

    /** Puts the canvas point `p` (unscaled, from the canvas's top left) in the middle of the view. */
    private centreOnPoint(p: { x: number; y: number }, scale: number): void {
        const view = this.viewport.getBoundingClientRect();
        this.setZoom({ scale, left: view.width / 2 - scale * p.x, top: view.height / 2 - scale * p.y });
    }

    private clicked(event: MouseEvent): void {
        const pressed = this.pressedAt;
        this.pressedAt = undefined;
        if (pressed && Math.hypot(event.clientX - pressed.x, event.clientY - pressed.y) > CLICK_SLOP) return;
        const group = (event.target as Element | null)?.closest?.('g.node');
        if (group) this.activate(group);
    }

    private activate(group: Element): void {
        const id = mermaidNodeId(group);
        if (id === undefined || !Object.prototype.hasOwnProperty.call(this.ids, id)) return;
        this.onNodeClick(id, this.ids[id]);
    }
}

/** A drawn node's label as read: HTML labels break lines with `<br>`, which textContent drops. */
function labelText(group: Element): string {
    const labels = [...group.querySelectorAll('foreignObject')].map(f => {
        const html = f.firstElementChild;
        return html instanceof HTMLElement ? html.innerText : f.textContent ?? '';
    });
    return (labels.length > 0 ? labels.join(' ') : group.textContent ?? '').replace(/\s+/g, ' ').trim();
}
