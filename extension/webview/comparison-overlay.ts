import { button, h, replace } from '../../language/browser/dom.js';
import { drawnTreeEdges } from '../../language/browser/mermaid-ids.js';
import type { PreviewTree } from '../../language/lsp/protocol.js';
import type { DiagramView } from './diagram-view.js';
import type { Strings } from './strings.js';

/**
 * "Vergelijk met …": what the server computed of the tree against an older version
 * (PreviewTree.comparison, review/tree-comparison.ts) drawn as classes on the diagram of the tree
 * with its ghosts — new nodes and arrows green, removed ones red (the ghosts also dashed and faded),
 * reworded nodes and rewired arrows amber — with the old text as the tooltip and in the accessible
 * name, and in words above the diagram; the behaviour changes are listed beside it, each a button
 * to its node. No new render: the ghosts are in the tree the server sent.
 */

const NODE_CLASSES = { added: 'hrk-added', removed: 'hrk-removed', reworded: 'hrk-reworded' } as const;
const EDGE_CLASSES = { added: 'hrk-edge-added', removed: 'hrk-edge-removed', rewired: 'hrk-edge-rewired' } as const;
/** The tooltips this overlay adds (SVG `<title>` children), to remove them again. */
const TITLE_CLASS = 'hrk-compare-title';

export function markComparison(view: DiagramView, tree: PreviewTree | undefined, t: Strings): void {
    const svg = view.svg;
    if (!svg) return;
    for (const title of svg.querySelectorAll(`title.${TITLE_CLASS}`)) title.remove();
    for (const group of svg.querySelectorAll<SVGGElement>('g.node[data-hrk-compare-label]')) {
        group.setAttribute('aria-label', group.getAttribute('data-hrk-compare-label') ?? '');
        group.removeAttribute('data-hrk-compare-label');
    }
    const c = tree?.comparison;
    const say = (element: Element, text: string) => {
        const title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
        title.classList.add(TITLE_CLASS);
        // Text from the guide goes in as text: never parsed.
        title.textContent = text;
        element.insertBefore(title, element.firstChild);
        if (element.matches('g.node')) {
            const label = element.getAttribute('aria-label') ?? '';
            element.setAttribute('data-hrk-compare-label', label);
            element.setAttribute('aria-label', `${label} (${text})`);
        }
    };
    const nodes = (ids: readonly string[], className: string, text: (id: string) => string) => {
        const marked = ids.map(id => ({ id, groups: view.groupsOfNodes([id]) }));
        view.mark(className, marked.flatMap(m => m.groups));
        for (const { id, groups } of marked) for (const group of groups) say(group, text(id));
    };
    const reworded = new Map((c?.reworded ?? []).map(r => [r.node, r]));
    nodes(c ? (c.newTree ? [] : c.added) : [], NODE_CLASSES.added, () => t.addedNode);
    nodes(c?.removed ?? [], NODE_CLASSES.removed, () => t.removedNode);
    nodes([...reworded.keys()], NODE_CLASSES.reworded, id => t.wasText(reworded.get(id)!.oldText, reworded.get(id)!.oldId));
    const drawn = c?.tree.edges ?? [];
    for (const change of ['added', 'removed', 'rewired'] as const) {
        const wanted = new Map((c && !c.newTree ? c.edges : []).filter(e => e.change === change).map(e => [e.index, e]));
        const paths = drawnTreeEdges(svg, drawn, view.targets, i => wanted.has(i));
        view.mark(EDGE_CLASSES[change], paths);
        const indexes = [...wanted.keys()].sort((a, b) => a - b);
        // drawnTreeEdges returns the paths in the order of the tree's edges.
        paths.forEach((path, i) => {
            const e = wanted.get(indexes[i]);
            say(path, change === 'rewired' && e?.oldTo !== undefined ? t.wasTo(e.oldTo) : change === 'added' ? t.addedArrow : t.removedArrow);
        });
    }
}

export interface ComparisonActions {
    stop(): void;
    reveal(node: string): void;
}

/** The bar above the diagram (what it is compared with, the counts, the legend) and the list beside it. */
export function showComparison(bar: HTMLElement, list: HTMLElement, tree: PreviewTree | undefined, t: Strings, actions: ComparisonActions): void {
    const c = tree?.comparison;
    if (!c) {
        for (const element of [bar, list]) {
            element.hidden = true;
            element.replaceChildren();
        }
        return;
    }
    const arrows = c.edges.length;
    const legend = (className: string, text: string) =>
        h('li', {}, h('span', { class: `compare-swatch ${className}`, attrs: { 'aria-hidden': 'true' } }), ' ', text);
    replace(bar,
        h('strong', { class: 'compare-summary' }, c.newTree ? t.compareNewTree(c.against) : t.compareSummary(c.against, c.added.length, c.removed.length, c.reworded.length, arrows)),
        c.newTree ? undefined : h('ul', { class: 'compare-legend' },
            legend('compare-swatch-added', t.compareLegendAdded),
            legend('compare-swatch-removed', t.compareLegendRemoved),
            legend('compare-swatch-reworded', t.compareLegendReworded),
            legend('compare-swatch-rewired', t.compareLegendRewired)),
        button(t.compareStop, () => actions.stop(), { class: 'compare-stop' }));
    bar.hidden = false;
    replace(list,
        h('h2', {}, t.behaviourHeading),
        c.behaviour.length === 0 ? h('p', { class: 'compare-none' }, t.noBehaviourChange) : h('ul', { class: 'compare-changes' },
            ...c.behaviour.map(b => h('li', {}, b.node !== undefined
                ? button(b.text, () => actions.reveal(b.node!), { class: 'compare-change', attrs: { 'data-node': b.node } })
                : h('span', { class: 'compare-change' }, b.text)))),
        c.pathsNotCompared ? h('p', { class: 'compare-limit' }, t.pathsNotCompared) : undefined);
    list.hidden = false;
}
