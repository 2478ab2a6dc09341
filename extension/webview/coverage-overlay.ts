import { h, replace } from '../../language/browser/dom.js';
import { drawnTreeEdges } from '../../language/browser/mermaid-ids.js';
import type { PreviewTree } from '../../language/lsp/protocol.js';
import type { DiagramView } from './diagram-view.js';
import type { Strings } from './strings.js';

/**
 * The coverage overlay ("Dekking"): what the server computed of the scenarios (PreviewTree.coverage)
 * drawn over the diagram as classes — the answers no scenario takes dashed, the advices none reaches
 * greyed — and said in words in the bar above it, so colour is never the only sign. Like the walk's
 * marks it needs no new render, and in the focus view it marks what is drawn.
 */

export const UNCOVERED_EDGE = 'hrk-uncovered-edge';
export const UNCOVERED_NODE = 'hrk-uncovered';

/** Marks the gaps of `tree` in the drawn diagram, or removes every mark when the overlay is off. */
export function markCoverage(view: DiagramView, tree: PreviewTree | undefined, shown: boolean, t: Strings): void {
    const coverage = shown ? tree?.coverage : undefined;
    const svg = view.svg;
    if (!svg) return;
    const advices = view.groupsOfNodes(coverage?.uncoveredAdvices ?? []);
    view.mark(UNCOVERED_NODE, advices);
    // The accessible name says it too: a greyed box alone is lost on a screen reader. (The name
    // before is kept in an attribute of its own: provenance.ts keeps its own in `data-hrk-label`.)
    for (const group of svg.querySelectorAll<SVGGElement>('g.node[data-hrk-coverage-label]')) {
        group.setAttribute('aria-label', group.getAttribute('data-hrk-coverage-label') ?? '');
        group.removeAttribute('data-hrk-coverage-label');
    }
    for (const group of advices) {
        const label = group.getAttribute('aria-label') ?? '';
        group.setAttribute('data-hrk-coverage-label', label);
        group.setAttribute('aria-label', `${label} (${t.notCovered})`);
    }
    const edges = tree?.tree.edges ?? [];
    const gaps = new Set((coverage?.uncoveredAnswers ?? []).map(a => `${a.node}\n${a.answer}`));
    view.mark(UNCOVERED_EDGE, coverage
        ? drawnTreeEdges(svg, edges, view.targets, i => edges[i].kind === 'answer' && gaps.has(`${edges[i].from}\n${edges[i].label ?? ''}`))
        : []);
}

/**
 * The bar under the toolbar while the overlay is on and a tree is shown: the counts of the whole
 * tree (the focus view draws part of it) and what dashed and grey mean.
 */
export function showCoverageBar(bar: HTMLElement, tree: PreviewTree | undefined, shown: boolean, t: Strings): void {
    if (!shown || !tree) {
        bar.hidden = true;
        bar.replaceChildren();
        return;
    }
    const coverage = tree.coverage;
    replace(bar,
        h('strong', { class: 'coverage-counts' }, coverage ? t.coverageSummary(coverage.answers, coverage.advices) : t.coverageWaiting),
        coverage ? h('ul', { class: 'coverage-legend' },
            h('li', {}, h('span', { class: 'coverage-swatch coverage-swatch-answer', attrs: { 'aria-hidden': 'true' } }), ' ', t.coverageLegendAnswer),
            h('li', {}, h('span', { class: 'coverage-swatch coverage-swatch-advice', attrs: { 'aria-hidden': 'true' } }), ' ', t.coverageLegendAdvice)) : undefined);
    bar.hidden = false;
}
