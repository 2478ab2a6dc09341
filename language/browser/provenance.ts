import type { ProvenanceJson } from '../generation/json/handreiking-json.js';
import type { MermaidDiagram } from '../generation/mermaid/tree-mermaid.js';
import type { Lang } from '../i18n/locale.js';
import { drawnProvenanceText, isFlagged, provenanceWords } from '../i18n/provenance-words.js';
import { cleanText } from '../text/clean-text.js';
import { h } from './dom.js';
import { drawnNodes } from './mermaid-ids.js';

/**
 * Provenance where the HTML guide's app and the preview draw it: a badge beside a node's text (the
 * kind in words, the reason beside it, a colon only a screen reader hears between them), and in a
 * drawn diagram a tooltip and an accessible name that say why a dashed or dotted node is not the
 * guide's own. The border itself comes from the generator's classes. Every text goes in as text.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';
const TITLE_CLASS = 'hrk-herkomst-title';

export interface BadgeOptions {
    /** Only the kind, as a short mark in a list (the reason in its tooltip and for screen readers); none for a source. */
    compact?: boolean;
    /** Nothing when `provenance` says the same as this (a line that inherits what is shown already). */
    unlessSameAs?: ProvenanceJson;
}

/**
 * The badge for reconstructed, illustrative or public-source content; undefined for the guide's own
 * and for unmarked content.
 */
export function provenanceBadge(provenance: ProvenanceJson | undefined, lang: Lang, options: BadgeOptions = {}): HTMLElement | undefined {
    if (!provenance || !(isFlagged(provenance) || provenance.kind === 'source')) return undefined;
    const other = options.unlessSameAs;
    if (other && other.kind === provenance.kind && (other.detail ?? '') === (provenance.detail ?? '')) return undefined;
    const kind = provenance.kind;
    const detail = provenance.detail?.trim();
    const words = provenanceWords[lang][kind];
    if (options.compact) {
        // In a list of what was passed, only what is not the guide's own is worth a mark.
        if (!isFlagged(provenance)) return undefined;
        return h('span', { class: `hrk-mark-inline hrk-mark-${kind}`, attrs: { 'data-herkomst': kind, ...(detail ? { title: detail } : {}) } },
            `(${words.mark})`, detail ? h('span', { class: 'hrk-sr' }, `: ${detail}`) : undefined);
    }
    return h('p', { class: `hrk-herkomst hrk-herkomst-${kind}`, attrs: { 'data-herkomst': kind } },
        h('span', { class: `hrk-badge hrk-badge-${kind}` }, words.badge),
        detail ? h('span', { class: 'hrk-sr' }, ':') : undefined,
        detail ? ' ' : undefined,
        detail ? h('span', { class: 'hrk-reason' }, detail) : undefined);
}

/**
 * Marks the drawn nodes of `diagram` that are not the guide's own: `data-herkomst` on the group, a
 * `<title>` with the reason (the tooltip, and the description a screen reader gives), and the kind
 * added to the accessible name the host gave it. Call it after the host set the names; calling it
 * again replaces what it added.
 */
export function annotateProvenance(svg: Element, diagram: MermaidDiagram, lang: Lang): void {
    for (const { group, mermaidId } of drawnNodes(svg, diagram.ids)) {
        group.querySelector(`:scope > title.${TITLE_CLASS}`)?.remove();
        const drawn = diagram.provenance?.[mermaidId];
        // The name the host gave, without what an earlier call added (the host may have set it anew since).
        const current = group.getAttribute('aria-label');
        const base = group.getAttribute('data-hrk-label');
        const label = current !== null && base !== null && current === group.getAttribute('data-hrk-labelled') ? base : current;
        group.removeAttribute('data-hrk-label');
        group.removeAttribute('data-hrk-labelled');
        if (!drawn) {
            group.removeAttribute('data-herkomst');
            if (label !== null) group.setAttribute('aria-label', label);
            continue;
        }
        group.setAttribute('data-herkomst', drawn.kind);
        const title = document.createElementNS(SVG_NS, 'title');
        title.setAttribute('class', TITLE_CLASS);
        title.textContent = cleanText(drawnProvenanceText(drawn, lang));
        group.prepend(title);
        if (label !== null) {
            const labelled = `${label} (${provenanceWords[lang][drawn.kind].mark})`;
            group.setAttribute('aria-label', labelled);
            group.setAttribute('data-hrk-label', label);
            group.setAttribute('data-hrk-labelled', labelled);
        }
    }
}
