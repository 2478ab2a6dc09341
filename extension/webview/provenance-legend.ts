import { h, replace } from '../../language/browser/dom.js';
import { diagramLegend, isFlagged, provenanceSentence } from '../../language/i18n/provenance-words.js';
import type { Lang } from '../../language/i18n/locale.js';
import type { Drawable } from './drawable.js';

/**
 * The legend over the drawn diagram: what a dashed and a dotted border mean, shown only when the
 * diagram has such nodes, and for a tree whose connections are not the guide's own, that too, with
 * the reason. It sits in a corner of the view and lets the pointer through to the diagram.
 */
export class ProvenanceLegend {
    readonly element: HTMLElement;

    constructor(viewport: HTMLElement, private readonly lang: Lang) {
        this.element = h('div', { class: 'hrk-legend', attrs: { 'data-legend': 'herkomst', hidden: '' } });
        viewport.appendChild(this.element);
    }

    /** Shows the legend of what is drawn now (nothing for a table, a message or no drawing). */
    show(drawable: Drawable | undefined): void {
        const words = diagramLegend[this.lang];
        const kinds = new Set(drawable?.kind === 'diagram' ? Object.values(drawable.diagram.provenance ?? {}).map(p => p.kind) : []);
        const tree = drawable?.kind === 'diagram' ? drawable.tree?.tree.provenance : undefined;
        const treeLine = isFlagged(tree) ? `${words.tree}: ${provenanceSentence(tree, this.lang)}` : undefined;
        if (kinds.size === 0 && !treeLine) {
            this.element.hidden = true;
            this.element.replaceChildren();
            return;
        }
        const item = (kind: 'reconstructed' | 'illustrative') => kinds.has(kind)
            ? h('li', { attrs: { 'data-kind': kind } }, h('span', { class: `hrk-swatch hrk-swatch-${kind}`, attrs: { 'aria-hidden': 'true' } }), ' ', words[kind])
            : undefined;
        replace(this.element,
            h('p', { class: 'hrk-legend-title' }, words.title),
            h('ul', {}, item('reconstructed'), item('illustrative'), treeLine ? h('li', { class: 'hrk-legend-tree' }, treeLine) : undefined),
            kinds.size > 0 ? h('p', { class: 'hrk-legend-hint' }, words.hint) : undefined);
        this.element.hidden = false;
    }
}
