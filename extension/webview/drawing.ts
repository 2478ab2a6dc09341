import type { MermaidRenderer } from '../../language/browser/mermaid-render.js';
import { annotateProvenance } from '../../language/browser/provenance.js';
import type { DiagramTarget } from '../../language/generation/mermaid/tree-mermaid.js';
import { DiagramView, type ZoomState } from './diagram-view.js';
import type { Drawable } from './drawable.js';
import type { PreviewStats } from './preview-stats.js';
import { ProvenanceLegend } from './provenance-legend.js';
import { Debouncer, LatestWinsQueue } from './render-queue.js';
import { pageLang } from './strings.js';
import { paletteKey, previewMermaidConfig } from './theme.js';

/**
 * Drawing the main area: the diagram (through the page's one renderer, with a small cache of
 * drawings, and no new render for the same text in the same colours) or the typology table. What
 * to draw is asked of the host when a draw starts; everything around the drawing (notices, marks,
 * the error banner) is the host's.
 */

export interface DrawingHost {
    /** What to draw now: read when a draw starts, so it is always the latest state. */
    drawable(): Drawable | undefined;
    /** The main area is about to show `drawable` (undefined: nothing yet). */
    showing(drawable: Drawable | undefined): void;
    /**
     * `drawable` is shown, or failed to draw and nothing is. `placed`: a drawing was put in place
     * (rendered now or taken from the cache), so an earlier render error no longer applies.
     */
    drawn(drawable: Drawable, placed: boolean): void;
    zoomOf(key: string): ZoomState | undefined;
    zoomChanged(key: string, zoom: ZoomState): void;
    nodeClicked(target: DiagramTarget): void;
    failed(err: unknown): void;
}

const MAX_CACHED_SVGS = 12;

export class Drawing {
    readonly view: DiagramView;
    private readonly queue: LatestWinsQueue;
    private readonly debounce = new Debouncer();
    private readonly svgCache = new Map<string, string>();
    /** What the dashed and dotted borders of the drawn diagram mean. */
    private readonly legend: ProvenanceLegend;
    /** What the main area shows now: the skip-identical check compares against it. */
    private current: { key: string; text: string; palette: string; drawable: Drawable } | undefined;

    constructor(
        viewport: HTMLElement,
        private readonly table: HTMLElement,
        private readonly renderer: MermaidRenderer,
        private readonly stats: PreviewStats,
        private readonly host: DrawingHost
    ) {
        this.queue = new LatestWinsQueue(err => host.failed(err));
        this.view = new DiagramView(viewport, (_id, target) => host.nodeClicked(target), zoom => {
            if (this.current?.drawable.kind === 'diagram') host.zoomChanged(this.current.key, zoom);
        });
        this.legend = new ProvenanceLegend(viewport, pageLang(document));
    }

    /** What is shown now, if anything. */
    get shown(): Drawable | undefined {
        return this.current?.drawable;
    }

    /** Draws the current state: after `delay` ms (edits), or as soon as the running draw is done. */
    request(delay: number): void {
        this.stats.busy = true;
        const enqueue = () => {
            this.queue.request(() => this.draw());
            void this.queue.idle().then(() => { this.stats.busy = this.queue.busy || this.debounce.waiting; });
        };
        if (delay > 0) this.debounce.schedule(delay, enqueue);
        else {
            this.debounce.cancel();
            enqueue();
        }
    }

    private async draw(): Promise<void> {
        this.stats.draws++;
        const drawable = this.host.drawable();
        this.host.showing(drawable);
        if (!drawable) return;
        if (drawable.kind !== 'diagram') {
            const text = drawable.kind === 'table' ? drawable.html : drawable.message;
            if (drawable.kind === 'table' && (this.current?.key !== 'typologies' || this.current.text !== text)) {
                // Generated HTML: every text in it is escaped by typologyTableHtml.
                this.table.innerHTML = text;
            }
            this.current = { key: drawable.key, text, palette: '', drawable };
            this.view.clear();
            this.legend.show(undefined);
            this.host.drawn(drawable, false);
            return;
        }
        const { text, ids } = drawable.diagram;
        const palette = paletteKey(drawable.palette);
        const shown = this.current;
        if (shown && shown.key === drawable.key && shown.text === text && shown.palette === palette && this.view.svg) {
            this.stats.skipped++;
            this.view.setIds(ids);
            this.showProvenance(drawable);
            this.current = { ...shown, drawable };
            this.host.drawn(drawable, false);
            return;
        }
        const cacheKey = `${palette}\n${text}`;
        // A fresh drawing comes as the element it was checked in (no second parse of its markup);
        // one from the cache as markup.
        let drawing: string | SVGSVGElement | undefined = this.svgCache.get(cacheKey);
        if (drawing === undefined) {
            try {
                const drawn = await this.renderer.renderDrawn(drawable.diagram, previewMermaidConfig(drawable.palette));
                this.svgCache.set(cacheKey, drawn.svg);
                drawing = drawn.element;
            } catch (err) {
                // Another view's diagram must not stand under a message about this one.
                if (this.current?.key !== drawable.key) {
                    this.view.clear();
                    this.legend.show(undefined);
                    this.current = undefined;
                    this.host.drawn(drawable, false);
                }
                throw err;
            }
            for (const old of this.svgCache.keys()) {
                if (this.svgCache.size <= MAX_CACHED_SVGS) break;
                this.svgCache.delete(old);
            }
        }
        this.current = { key: drawable.key, text, palette, drawable };
        this.host.showing(drawable);
        this.view.show(drawing, ids, this.host.zoomOf(drawable.key));
        this.showProvenance(drawable);
        this.host.zoomChanged(drawable.key, this.view.zoom);
        this.host.drawn(drawable, true);
    }

    /** The nodes that are not the guide's own say why (tooltip, name), and the legend says what their borders mean. */
    private showProvenance(drawable: Extract<Drawable, { kind: 'diagram' }>): void {
        if (this.view.svg) annotateProvenance(this.view.svg, drawable.diagram, pageLang(document));
        this.legend.show(drawable);
    }
}
