import type { Mermaid } from 'mermaid';
import type { HandreikingJson, LinkJson } from '../../json/handreiking-json.js';
import { treeToMermaid, type DiagramTarget } from '../../mermaid/tree-mermaid.js';
import { h, replace } from '../../../browser/dom.js';
import { drawnNodes } from '../../../browser/mermaid-ids.js';
import { annotateProvenance } from '../../../browser/provenance.js';
import { DATA_ELEMENT_ID, linkAnchor } from '../guide-contract.js';
import { DIAGRAMS_META, EMPTY_TREE_TEXT, treeDiagramNames } from '../diagram-texts.js';
import { guideRenderer, makeClickable, renderSequentially, wirePredrawn, type DiagramJob } from './diagrams.js';
import { dismissibleTips } from './matrix-tips.js';
import { wireCalculators } from './calculator.js';
import { SituationPanel } from './situation.js';
import { WalkthroughView } from './walkthrough-view.js';

/**
 * The browser side of the HTML guide. The page is written by `generateHtmlGuide`; this app reads
 * the guide's JSON from the page, builds a walkthrough per tree, and wires the diagrams: those the
 * export drew (`<meta name="hrk-diagrams" content="predrawn">`, the page has no Mermaid) as they
 * are, or else draws them first with the Mermaid inlined before it. It fetches nothing; the page's
 * CSP would not let it.
 *
 * When it is done, `<html>` carries `data-hrk-app="ready"` and, once every diagram is drawn,
 * `data-hrk-diagrams="ready"` (for tests, and for anyone scripting the page).
 */

declare global {
    interface Window {
        mermaid?: Mermaid;
    }
}

function readData(): HandreikingJson {
    const element = document.getElementById(DATA_ELEMENT_ID);
    if (!element?.textContent) throw new Error('De gegevens van de handreiking ontbreken in de pagina.');
    return JSON.parse(element.textContent) as HandreikingJson;
}

/** Scrolls to an in-page anchor without a navigation (and so without any request). */
function goTo(anchor: string): void {
    const target = document.getElementById(anchor);
    if (!target) return;
    target.scrollIntoView({ block: 'start' });
    try {
        history.replaceState(null, '', `#${anchor}`);
    } catch {
        // Some browsers refuse URL changes in a file:// page; the scroll is what matters.
    }
    const heading = target.querySelector<HTMLElement>('h2, h3, h4');
    if (heading) {
        heading.setAttribute('tabindex', '-1');
        heading.focus({ preventScroll: true });
    }
}

async function main(): Promise<void> {
    const json = readData();
    const views = new Map<string, WalkthroughView>();
    const host = {
        json,
        follow(link: LinkJson) {
            if (link.kind === 'node') {
                const [treeId, nodeId] = link.target.split('.');
                if (nodeId !== undefined) views.get(treeId)?.startFrom(nodeId);
            }
            goTo(linkAnchor(link));
        }
    };

    json.trees.forEach((tree, index) => {
        const container = document.querySelector<HTMLElement>(`[data-walkthrough="${index}"]`);
        if (container && !views.has(tree.id)) {
            const view = new WalkthroughView(tree, container, host);
            views.set(tree.id, view);
            const section = container.closest<HTMLElement>('section.tree');
            if (section) addStartButtons(section, view);
        }
    });

    const picker = document.getElementById('hrk-tree-picker');
    if (picker instanceof HTMLSelectElement) {
        picker.closest('nav')?.removeAttribute('hidden');
        picker.addEventListener('change', () => {
            if (!picker.value) return;
            goTo(picker.value);
            document.getElementById(picker.value)?.querySelector<HTMLElement>('.wt-focus')?.focus({ preventScroll: true });
        });
    }
    dismissibleTips(document);
    wireCalculators(json, document);
    const situation = document.getElementById('uw-situatie');
    if (situation) new SituationPanel(json, situation, views).restoreFromHash();
    document.documentElement.setAttribute('data-hrk-app', 'ready');

    const predrawn = document.querySelector(`meta[name="${DIAGRAMS_META}"]`)?.getAttribute('content') === 'predrawn';
    const jobs: DiagramJob[] = [];
    json.trees.forEach((tree, index) => {
        const canvas = document.querySelector<HTMLElement>(`.diagram-canvas[data-tree-index="${index}"]`);
        const view = views.get(tree.id);
        if (!canvas || !view || view.tree !== tree) return;
        if (tree.nodes.length === 0) {
            replace(canvas, h('p', { class: 'muted' }, EMPTY_TREE_TEXT));
            return;
        }
        // The ids the export's drawing has too: the same generator on the same JSON.
        const diagram = treeToMermaid(tree);
        jobs.push({
            canvas,
            diagram,
            names: treeDiagramNames(tree),
            drawn(svg) {
                hideFromScreenReaders(svg, canvas, `Schema van ‘${tree.title || 'deze beslisboom'}’. Een screenreader leest de tekstversie eronder.`);
                for (const { group, target } of drawnNodes(svg, diagram.ids)) wireTreeNode(group, target, view, host.follow);
                // Before the walkthrough marks its path: a marked node keeps its dashed border.
                annotateProvenance(svg, diagram, 'nl');
                view.attachDiagram(svg, diagram);
            }
        });
    });
    // The funding overview is a table (funding-matrix.ts), not a diagram: only the trees are drawn.
    if (predrawn) {
        wirePredrawn(jobs);
    } else if (window.mermaid) {
        await renderSequentially(guideRenderer(window.mermaid), jobs);
    } else {
        for (const { canvas } of jobs) replace(canvas, h('p', { class: 'diagram-error' }, 'Mermaid is niet geladen; de schema\'s kunnen niet getekend worden.'));
        return;
    }
    document.documentElement.setAttribute('data-hrk-diagrams', 'ready');
}

/**
 * The drawn SVG is a picture for sighted readers: screen readers get the text version instead
 * (generated beside it from the same tree), so the SVG is hidden from them and its nodes are no
 * tab stops (they stay clickable). The canvas scrolls a large diagram, so it is focusable itself
 * and says what it holds: a keyboard can scroll it with the arrow keys.
 */
function hideFromScreenReaders(svg: SVGSVGElement, canvas: HTMLElement, name: string): void {
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    canvas.setAttribute('tabindex', '0');
    canvas.setAttribute('role', 'group');
    canvas.setAttribute('aria-label', name);
}

/** In the text version, a button beside each question: the keyboard's way to what a click in the diagram does. */
function addStartButtons(section: HTMLElement, view: WalkthroughView): void {
    for (const item of section.querySelectorAll<HTMLElement>('.text-version li.tv-question[data-tv-node]')) {
        const node = view.tree.nodes[Number(item.getAttribute('data-tv-node'))];
        if (!node) continue;
        const answers = item.querySelector(':scope > .tv-answers, :scope > .tv-none');
        const button = h('button', { class: 'tv-start', attrs: { type: 'button' } }, 'Doorloop vanaf deze vraag');
        button.addEventListener('click', () => {
            view.startFrom(node.id);
            section.querySelector<HTMLElement>('.walkthrough')?.scrollIntoView({ block: 'nearest' });
        });
        if (answers) answers.before(' ', button);
        else item.append(' ', button);
    }
}

function wireTreeNode(group: SVGGElement, target: DiagramTarget, view: WalkthroughView, follow: (link: LinkJson) => void): void {
    switch (target.kind) {
        case 'node': {
            const node = view.tree.nodes.find(n => n.id === target.id);
            const what = node?.kind === 'question' ? 'deze vraag' : node?.kind === 'advice' ? 'dit advies' : 'deze stap';
            makeClickable(group, `Doorloop vanaf ${what}: ${node?.text ?? target.id}`, () => view.startFrom(target.id));
            break;
        }
        case 'link': {
            const link = target.link;
            if (link) makeClickable(group, `Open ${link.title || link.target}`, () => follow(link));
            break;
        }
        case 'start':
            makeClickable(group, 'Doorloop vanaf het begin', () => view.restart());
            break;
        default:
            break;
    }
}

main().catch(err => {
    const message = err instanceof Error ? err.message : String(err);
    document.documentElement.setAttribute('data-hrk-app', 'error');
    const main = document.querySelector('main');
    main?.prepend(h('p', { class: 'wt-problem', attrs: { role: 'alert' } }, `De interactieve gids kon niet starten: ${message}`));
    console.error(err);
});
