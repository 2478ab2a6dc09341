import type { ProvenanceJson } from '../json/handreiking-json.js';
import { diagramLegend, isFlagged, provenanceWords, type FlaggedKind } from '../../i18n/provenance-words.js';
import { htmlText } from '../../text/html-escape.js';

/**
 * Provenance in the guide's static HTML: a badge that says, in words, that content is not the
 * guide's own (reconstructed, illustrative) and why, or which public source it comes from. The
 * guide's own content gets none: it is the rule, and the page says so once at the top. The badge
 * is text (never colour alone) and the reason stands beside it, so a screen reader and a printout
 * have it too; the kind and the reason are separated by a colon only a screen reader hears.
 */

/** The kinds a badge is shown for. */
function shown(provenance: ProvenanceJson | undefined): provenance is ProvenanceJson & { kind: FlaggedKind | 'source' } {
    return isFlagged(provenance) || provenance?.kind === 'source';
}

function same(a: ProvenanceJson | undefined, b: ProvenanceJson | undefined): boolean {
    return a?.kind === b?.kind && (a?.detail ?? '') === (b?.detail ?? '');
}

export interface BadgeOptions {
    /** A `<span>` inside running text instead of a paragraph of its own. */
    inline?: boolean;
    /** Nothing when the provenance says the same as this one (a line that inherits its element's, shown already). */
    unlessSameAs?: ProvenanceJson;
    /** What the badge is about, said first: "Geldt voor". */
    about?: string;
}

/** The badge for `provenance`, or '' for the guide's own content and unmarked content. */
export function provenanceBadge(provenance: ProvenanceJson | undefined, options: BadgeOptions = {}): string {
    if (!shown(provenance) || (options.unlessSameAs && same(provenance, options.unlessSameAs))) return '';
    const kind = provenance.kind;
    const detail = provenance.detail?.trim();
    const tag = options.inline ? 'span' : 'p';
    const about = options.about ? `<span class="hrk-about">${htmlText(options.about)}</span> ` : '';
    return `<${tag} class="hrk-herkomst hrk-herkomst-${kind}" data-herkomst="${kind}">${about}`
        + `<span class="hrk-badge hrk-badge-${kind}">${provenanceWords.nl[kind].badge}</span>`
        + (detail ? `<span class="hrk-sr">:</span> <span class="hrk-reason">${htmlText(detail)}</span>` : '')
        + `</${tag}>`;
}

/**
 * The legend under a diagram with reconstructed or illustrative nodes: a sample of each border and
 * what it means. The swatches are decoration (the words say it), hidden from screen readers.
 */
export function diagramLegendHtml(kinds: ReadonlySet<FlaggedKind>, alsoAt: string): string {
    if (kinds.size === 0) return '';
    const words = diagramLegend.nl;
    const item = (kind: FlaggedKind) => kinds.has(kind)
        ? `<span class="hrk-legend-item"><span class="hrk-swatch hrk-swatch-${kind}" aria-hidden="true"></span> ${htmlText(words[kind])}</span>`
        : '';
    return `<p class="hrk-legend" data-legend="herkomst"><span class="hrk-legend-title">${htmlText(words.title)}:</span> `
        + `${item('reconstructed')} ${item('illustrative')} <span class="hrk-legend-hint">${htmlText(words.hint)} De reden staat ook ${htmlText(alsoAt)}.</span></p>`;
}
