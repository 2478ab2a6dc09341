import type { HandreikingJson, LinkJson, NodeJson, TreeJson } from '../../json/handreiking-json.js';
import type { MermaidDiagram } from '../../mermaid/tree-mermaid.js';
import type { TreeWalker, WalkResult, WalkStep } from '../../../walkthrough/walk.js';
import { Walkthrough } from '../../../walkthrough/walk-state.js';
import { linkKindWords } from '../../../i18n/link-kinds.js';
import { h, replace, type Child } from '../../../browser/dom.js';
import { cleanText } from '../../../text/clean-text.js';
import { drawnNodes, markPathEdges } from '../../../browser/mermaid-ids.js';
import { provenanceBadge } from '../../../browser/provenance.js';
import { calculatorLink } from '../calculator-link.js';
import { anchorId, linkAnchor } from '../guide-contract.js';
import { markNode, revealInBox } from './diagrams.js';

/** What a walkthrough needs from the rest of the page. */
export interface WalkthroughHost {
    json: HandreikingJson;
    /** Follows a `zie` link: scrolls to its section (and, for a node, starts that tree there). */
    follow(link: LinkJson): void;
}

const kindWords: Record<NodeJson['kind'], string> = { question: 'Vraag', advice: 'Advies', step: 'Stap' };

/**
 * The walkthrough of one tree: answer buttons, back, restart, the path taken (listed and
 * highlighted in the diagram), and the advice at the end. The state is a `Walkthrough`, the model
 * the preview's walkthrough uses too (the walking itself is the scenario runner's `TreeWalker`);
 * this class only keeps the current one and draws it.
 */
export class WalkthroughView {
    private walk: Walkthrough;
    private diagram?: { svg: SVGSVGElement; mermaid: MermaidDiagram };
    /** Redrawn on every step. */
    private readonly body = h('div', { class: 'wt-body' });
    /**
     * What a screen reader announces after a step. It stays in the page from the start (a live
     * region added together with its text is often not read) and is never redrawn, only its text.
     */
    private readonly live = h('p', { class: 'hrk-sr wt-status', attrs: { role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' } });
    private readonly listeners: Array<(view: WalkthroughView) => void> = [];

    constructor(readonly tree: TreeJson, private readonly container: HTMLElement, private readonly host: WalkthroughHost) {
        this.walk = new Walkthrough(tree, { tree: tree.id, answers: [] });
        replace(this.container, this.body, this.live);
        this.show();
    }

    /** The walk as it stands: the state to keep (a link), and the result. */
    get state(): Walkthrough {
        return this.walk;
    }

    /** Called after every change of the walk (answer, back, restart, restore). */
    onChange(listener: (view: WalkthroughView) => void): void {
        this.listeners.push(listener);
    }

    /** Moves the focus to the question or advice shown. */
    focusCurrent(): void {
        this.container.querySelector<HTMLElement>('.wt-focus')?.focus({ preventScroll: true });
    }

    /** Replaces the walk by a kept one (a link with answers): the same as walking it again. */
    restore(walk: Walkthrough): void {
        this.update(walk);
    }

    private get walker(): TreeWalker {
        return this.walk.walker;
    }

    private get result(): WalkResult {
        return this.walk.result;
    }

    /** Starts the walk at another node (a click in the diagram, or a link to a node). */
    startFrom(nodeId: string): void {
        if (!this.walker.node(nodeId)) return;
        this.update(this.walk.startFrom(nodeId));
    }

    /** "Opnieuw": from the tree's start, whatever node the walk started at. */
    restart(): void {
        this.update(this.walk.startFrom(undefined));
    }

    /** Back to the previous question: forgets the last answer given. */
    back(): void {
        this.update(this.walk.back());
    }

    /** Back to a question on the path: forgets its answer and every later one. */
    backTo(questionId: string): void {
        this.update(this.walk.backTo(questionId));
    }

    answer(questionId: string, label: string): void {
        this.update(this.walk.answer(questionId, label));
    }

    /** The diagram is drawn (later than the walkthrough): keep it in step from now on. */
    attachDiagram(svg: SVGSVGElement, mermaid: MermaidDiagram): void {
        this.diagram = { svg, mermaid };
        // A walk not yet begun is at the start, which the diagram shows first anyway: scrolling to
        // it would only measure the page's layout, once per tree, while the page is loading.
        this.highlight(this.walk.answers.length > 0 || !this.walk.fromStart);
    }

    private update(walk: Walkthrough): void {
        this.walk = walk;
        this.show();
        this.highlight();
        // Focus to the new question (or the advice): the keyboard goes on from there, and a screen
        // reader reads it; the live region says what happened for those who stay where they are.
        this.container.querySelector<HTMLElement>('.wt-focus')?.focus({ preventScroll: true });
        this.live.textContent = cleanText(this.announcement());
        for (const listener of this.listeners) listener(this);
    }

    private announcement(): string {
        const result = this.result;
        const node = result.at !== undefined ? this.walker.node(result.at) : undefined;
        const last = this.walk.answers[this.walk.answers.length - 1];
        const given = last ? `Antwoord ‘${last.answer}’ gekozen. ` : '';
        switch (result.status) {
            case 'question': return `${given}Volgende vraag: ${node?.text ?? ''}`;
            case 'advice': return `${given}Advies: ${node?.text ?? ''}`;
            default: return `${given}${problemText(result, node)}`;
        }
    }

    private show(): void {
        const result = this.result;
        const answered = this.walk.answers.length > 0;
        const atStart = this.walk.fromStart;
        const startNode = this.walk.from !== undefined ? this.walker.node(this.walk.from) : undefined;
        replace(this.body,
            h('h4', {}, 'Doorloop deze beslisboom'),
            !atStart && startNode
                ? h('p', { class: 'wt-start-note' }, 'Gestart vanaf: ', h('em', {}, startNode.text), '. ', h('button', { class: 'wt-from-start', attrs: { type: 'button' }, on: { click: () => this.restart() } }, 'Vanaf het begin'))
                : undefined,
            h('div', { class: 'wt-current' }, ...this.current(result)),
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
                    provenanceBadge(node.provenance, 'nl'),
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
                        provenanceBadge(node.provenance, 'nl'),
                        ...this.adviceDetails(node)),
                    earlier.length > 0 ? h('div', { class: 'wt-earlier' },
                        h('h5', {}, 'Eerder op de route'),
                        ...earlier.map(n => h('div', { class: 'wt-advice wt-advice-earlier', attrs: { 'data-node': n.id } },
                            h('p', { class: 'wt-text' }, n.text),
                            provenanceBadge(n.provenance, 'nl'),
                            ...this.adviceDetails(n)))) : undefined
                ];
            }
            default:
                return [h('div', { class: 'wt-problem', attrs: { role: 'alert', 'data-status': result.status } },
                    h('p', { class: 'wt-text wt-focus', attrs: { tabindex: '-1' } }, problemText(result, node)),
                    provenanceBadge(node?.provenance, 'nl'))];
        }
    }

    private adviceDetails(node: NodeJson): Child[] {
        const typology = node.typology !== undefined ? this.host.json.typologies.find(t => t.id === node.typology) : undefined;
        // An advice such as "komt in aanmerking" refers to what the funding brings: its rekenhulp.
        const calculation = node.calculation !== undefined ? this.host.json.calculations.find(c => c.id === node.calculation) : undefined;
        const calculator = calculation ? calculatorLink(calculation) : undefined;
        return [
            ...descriptionOf(node),
            node.examples.length > 0 ? h('h5', {}, 'Voorbeelden') : undefined,
            node.examples.length > 0 ? h('ul', { class: 'wt-examples' }, ...node.examples.map(e => h('li', {}, e))) : undefined,
            node.typology !== undefined ? h('p', { class: 'wt-typology' }, 'Aanbevolen typologie: ',
                typology ? h('a', { attrs: { href: `#${anchorId('typology', typology.id)}` } }, typology.title || typology.id) : node.typology) : undefined,
            calculator ? h('p', { class: 'wt-calculator' }, h('a', { attrs: { href: calculator.href } }, calculator.text)) : undefined,
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
        const mark = provenanceBadge(node?.provenance, 'nl', { compact: true });
        return h('li', { class: last ? 'wt-here' : undefined, attrs },
            h('span', { class: 'wt-step-kind' }, `${kindWords[step.kind]}: `),
            node?.text ?? step.node,
            mark ? ' ' : undefined,
            mark,
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
        const path = this.walk.pathNodes();
        const onPath = new Set(path);
        const nodes = drawnNodes(svg, mermaid.ids);
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
        markPathEdges(svg, path, mermaid.ids, 'hrk-on-path');
    }
}

/** The toelichting, with its own provenance when it differs from the node's (shown above it). */
function descriptionOf(node: NodeJson): Child[] {
    return node.description
        ? [h('p', { class: 'wt-description' }, node.description), provenanceBadge(node.descriptionProvenance, 'nl', { unlessSameAs: node.provenance })]
        : [];
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
