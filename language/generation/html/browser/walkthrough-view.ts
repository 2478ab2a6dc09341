import type { HandreikingJson, LinkJson, NodeJson, TreeJson } from '../../json/handreiking-json.js';
import type { MermaidDiagram } from '../../mermaid/tree-mermaid.js';
import { TreeWalker, type WalkResult, type WalkStep } from '../../../walkthrough/walk.js';
import { linkKindWords } from '../../../i18n/link-kinds.js';
import { anchorId, linkAnchor } from '../guide-contract.js';
import { h, replace, type Child } from './dom.js';
import { drawnEdges, drawnNodes, markNode, revealInBox } from './diagrams.js';

/** What a walkthrough needs from the rest of the page. */
export interface WalkthroughHost {
    json: HandreikingJson;
    /** Follows a `zie` link: scrolls to its section (and, for a node, starts that tree there). */
    follow(link: LinkJson): void;
}

const kindWords: Record<NodeJson['kind'], string> = { question: 'Vraag', advice: 'Advies', step: 'Stap' };

/**
 * The walkthrough of one tree: answer buttons, back, restart, the path taken (listed and
 * highlighted in the diagram), and the advice at the end. The walking itself is `TreeWalker`'s,
 * the same code the scenario runner uses; this class only keeps the answers and draws.
 */
export class WalkthroughView {
    private readonly walker: TreeWalker;
    private readonly answers = new Map<string, string>();
    private from: string | undefined;
    private result: WalkResult;
    private diagram?: { svg: SVGSVGElement; mermaid: MermaidDiagram };

    constructor(readonly tree: TreeJson, private readonly container: HTMLElement, private readonly host: WalkthroughHost) {
        this.walker = new TreeWalker(tree);
        this.from = tree.start;
        this.result = this.walk();
        this.show();
    }

    /** Starts the walk at another node (a click in the diagram, or a link to a node). */
    startFrom(nodeId: string): void {
        if (!this.walker.node(nodeId)) return;
        this.from = nodeId;
        this.answers.clear();
        this.update(true);
    }

    restart(): void {
        this.from = this.tree.start;
        this.answers.clear();
        this.update(true);
    }

    /** Back to the previous question: forgets the last answer given. */
    back(): void {
        const answered = this.result.path.filter(s => s.answer !== undefined);
        const last = answered[answered.length - 1];
        if (!last) return;
        this.answers.delete(last.node);
        this.update(true);
    }

    /** Back to a question on the path: forgets its answer and every later one. */
    backTo(questionId: string): void {
        const index = this.result.path.findIndex(s => s.node === questionId);
        if (index < 0) return;
        for (const step of this.result.path.slice(index)) this.answers.delete(step.node);
        this.update(true);
    }

    answer(questionId: string, label: string): void {
        this.answers.set(questionId, label);
        this.update(true);
    }

    /** The diagram is drawn (later than the walkthrough): keep it in step from now on. */
    attachDiagram(svg: SVGSVGElement, mermaid: MermaidDiagram): void {
        this.diagram = { svg, mermaid };
        this.highlight();
    }

    private walk(): WalkResult {
        return this.walker.walk(q => this.answers.get(q), this.from);
    }

    private update(focus: boolean): void {
        this.result = this.walk();
        this.show();
        this.highlight();
        if (focus) this.container.querySelector<HTMLElement>('.wt-focus')?.focus({ preventScroll: true });
    }

    private show(): void {
        const result = this.result;
        const answered = result.path.some(s => s.answer !== undefined);
        const atStart = this.from === this.tree.start;
        const startNode = this.from !== undefined ? this.walker.node(this.from) : undefined;
        replace(this.container,
            h('h4', {}, 'Doorloop deze beslisboom'),
            !atStart && startNode
                ? h('p', { class: 'wt-start-note' }, 'Gestart vanaf: ', h('em', {}, startNode.text), '. ', h('button', { class: 'wt-from-start', attrs: { type: 'button' }, on: { click: () => this.restart() } }, 'Vanaf het begin'))
                : undefined,
            h('div', { class: 'wt-current', attrs: { 'aria-live': 'polite' } }, ...this.current(result)),
            h('div', { class: 'wt-controls' },
                h('button', { class: 'wt-back', attrs: { type: 'button', ...(answered ? {} : { disabled: '' }) }, on: { click: () => this.back() } }, '← Terug'),
                h('button', { class: 'wt-restart', attrs: { type: 'button', ...(answered || !atStart ? {} : { disabled: '' }) }, on: { click: () => this.restart() } }, 'Opnieuw')),
            h('h5', {}, 'Gevolgde route'),
            h('ol', { class: 'wt-path' }, ...result.path.map((step, i) => this.pathItem(step, i === result.path.length - 1)))
        );
    }

    private current(result: WalkResult): Child[] {
        const node = result.at !== undefined ? this.walker.node(result.at) : undefined;
        switch (result.status) {
            case 'question': {
                if (!node) return [];
                return [h('div', { class: 'wt-question', attrs: { 'data-node': node.id } },
                    h('p', { class: 'wt-kind' }, 'Vraag'),
                    h('p', { class: 'wt-text wt-focus', attrs: { tabindex: '-1' } }, node.text),
                    ...descriptionOf(node),
                    h('div', { class: 'wt-answers', attrs: { role: 'group', 'aria-label': 'Antwoorden' } },
                        ...this.walker.answers(node.id).map(edge => h('button', {
                            class: 'wt-answer',
                            attrs: { type: 'button', 'data-answer': edge.label ?? '' },
                            on: { click: () => this.answer(node.id, edge.label ?? '') }
                        }, edge.label ?? '')))
                )];
            }
            case 'advice': {
                if (!node) return [];
                const earlier = result.path.slice(0, -1)
                    .map(s => this.walker.node(s.node))
                    .filter((n): n is NodeJson => n?.kind === 'advice');
                return [
                    h('div', { class: 'wt-advice wt-result', attrs: { 'data-node': node.id } },
                        h('p', { class: 'wt-kind' }, 'Advies'),
                        h('p', { class: 'wt-text wt-focus', attrs: { tabindex: '-1' } }, node.text),
                        ...this.adviceDetails(node)),
                    earlier.length > 0 ? h('div', { class: 'wt-earlier' },
                        h('h5', {}, 'Eerder op de route'),
                        ...earlier.map(n => h('div', { class: 'wt-advice wt-advice-earlier', attrs: { 'data-node': n.id } },
                            h('p', { class: 'wt-text' }, n.text),
                            ...this.adviceDetails(n)))) : undefined
                ];
            }
            default:
                return [h('div', { class: 'wt-problem', attrs: { role: 'alert', 'data-status': result.status } },
                    h('p', { class: 'wt-text wt-focus', attrs: { tabindex: '-1' } }, problemText(result, node)))];
        }
    }

    private adviceDetails(node: NodeJson): Child[] {
        const typology = node.typology !== undefined ? this.host.json.typologies.find(t => t.id === node.typology) : undefined;
        return [
            ...descriptionOf(node),
            node.examples.length > 0 ? h('h5', {}, 'Voorbeelden') : undefined,
            node.examples.length > 0 ? h('ul', { class: 'wt-examples' }, ...node.examples.map(e => h('li', {}, e))) : undefined,
            node.typology !== undefined ? h('p', { class: 'wt-typology' }, 'Aanbevolen typologie: ',
                typology ? h('a', { attrs: { href: `#${anchorId('typology', typology.id)}` } }, typology.title || typology.id) : node.typology) : undefined,
            node.links.length > 0 ? h('h5', {}, 'Zie ook') : undefined,
            node.links.length > 0 ? h('ul', { class: 'wt-links' }, ...node.links.map(link => h('li', {},
                h('a', {
                    attrs: { href: `#${linkAnchor(link)}`, 'data-link-kind': link.kind },
                    on: { click: event => { event.preventDefault(); this.host.follow(link); } }
                }, link.title || link.target),
                ' ', h('span', { class: 'tag' }, linkKindWords.nl[link.kind])))) : undefined
        ];
    }

    private pathItem(step: WalkStep, last: boolean): HTMLLIElement {
        const node = this.walker.node(step.node);
        const attrs: Record<string, string> = { 'data-node': step.node, 'data-kind': step.kind };
        if (step.answer !== undefined) attrs['data-answer'] = step.answer;
        const automatic = !last && step.kind !== 'question' ? ' (daarna automatisch verder)' : '';
        return h('li', { class: last ? 'wt-here' : undefined, attrs },
            h('span', { class: 'wt-step-kind' }, `${kindWords[step.kind]}: `),
            node?.text ?? step.node,
            step.answer !== undefined ? ' — ' : undefined,
            step.answer !== undefined ? h('span', { class: 'wt-answer-given' }, step.answer) : undefined,
            automatic,
            step.answer !== undefined ? ' ' : undefined,
            step.answer !== undefined ? h('button', {
                class: 'wt-change',
                attrs: { type: 'button', 'aria-label': `Wijzig het antwoord op: ${node?.text ?? step.node}` },
                on: { click: () => this.backTo(step.node) }
            }, 'wijzig') : undefined);
    }

    /** Marks the path's nodes and edges in the drawn diagram (classes only: no re-render). */
    private highlight(reveal = true): void {
        if (!this.diagram) return;
        const { svg, mermaid } = this.diagram;
        const path = this.result.path.map(s => s.node);
        const onPath = new Set(path);
        const mermaidIdOf = new Map<string, string>();
        const nodes = drawnNodes(svg, mermaid);
        for (const { mermaidId, target } of nodes) {
            if (target.kind === 'node' && !mermaidIdOf.has(target.id)) mermaidIdOf.set(target.id, mermaidId);
        }
        const fromStart = path.length > 0 && path[0] === this.tree.start;
        let current: SVGGElement | undefined;
        for (const { group, target } of nodes) {
            const isNode = target.kind === 'node';
            if (isNode && target.id === this.result.at) {
                markNode(group, 'current');
                current = group;
            } else {
                markNode(group, (isNode && onPath.has(target.id)) || (target.kind === 'start' && fromStart) ? 'path' : 'none');
            }
        }
        const box = svg.closest<HTMLElement>('.diagram-canvas');
        if (current && box && reveal) revealInBox(box, current);
        const pairs = new Set<string>();
        if (fromStart && mermaidIdOf.has(path[0])) pairs.add(`s0>${mermaidIdOf.get(path[0])}`);
        for (let i = 0; i + 1 < path.length; i++) pairs.add(`${mermaidIdOf.get(path[i])}>${mermaidIdOf.get(path[i + 1])}`);
        for (const edge of drawnEdges(svg)) edge.path.classList.toggle('hrk-on-path', pairs.has(`${edge.from}>${edge.to}`));
    }
}

function descriptionOf(node: NodeJson): Child[] {
    return node.description ? [h('p', { class: 'wt-description' }, node.description)] : [];
}

function problemText(result: WalkResult, node: NodeJson | undefined): string {
    const name = node ? `‘${node.text}’` : 'deze plek';
    switch (result.status) {
        case 'unknownAnswer': return `Dit antwoord hoort niet bij de vraag ${name}.`;
        case 'cycle': return `De route komt opnieuw bij ${name}: de beslisboom bevat een kringloop.`;
        default: return node
            ? `Bij ${name} gaat de route niet verder: de beslisboom is hier niet af.`
            : 'Deze beslisboom heeft geen beginpunt.';
    }
}
