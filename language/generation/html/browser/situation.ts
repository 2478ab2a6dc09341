import type { FundingJson, HandreikingJson, NodeJson, TreeJson } from '../../json/handreiking-json.js';
import { longDate } from '../../../i18n/condition-sentence.js';
import { h, replace, type Child } from '../../../browser/dom.js';
import { provenanceBadge } from '../../../browser/provenance.js';
import { Walkthrough } from '../../../walkthrough/walk-state.js';
import { parseSituationFragment, situationFragment } from '../../../walkthrough/situation-link.js';
import { anchorId, linkAnchor } from '../guide-contract.js';
import { calculatorLink } from '../calculator-link.js';
import { safeHttpUrl } from '../html-text.js';
import type { WalkthroughView } from './walkthrough-view.js';

/**
 * "Uw situatie": after a walk that reached an advice, one summary of it — the answers given, the
 * advice, the chapters it points to and the funding that fits its typology (with expiry and
 * sources) — to print or save as PDF, with a link that keeps the answers in the URL fragment.
 * Opening such a link restores the walk (and the summary). Everything is built from the guide's
 * JSON with `h()` (text stays text); nothing is sent anywhere.
 */

const terms: ReadonlyArray<readonly [keyof TypologyFunding, string]> = [
    ['incidental', 'Incidenteel'],
    ['multiYear', 'Meerjarig'],
    ['structural', 'Structureel']
];
type TypologyFunding = HandreikingJson['typologies'][number]['funding'];

export class SituationPanel {
    private opener?: HTMLElement;

    constructor(private readonly json: HandreikingJson, private readonly section: HTMLElement, private readonly views: ReadonlyMap<string, WalkthroughView>) {
        for (const view of views.values()) {
            view.onChange(v => this.offer(v));
        }
        window.addEventListener('hashchange', () => this.restoreFromHash());
    }

    /** Under an advice reached: the button that opens the summary. */
    private offer(view: WalkthroughView): void {
        if (view.state.result.status !== 'advice') return;
        const result = document.querySelector<HTMLElement>(`#${CSS.escape(anchorId('tree', view.tree.id))} .wt-result`);
        if (!result || result.querySelector('.wt-situation')) return;
        const button = h('button', { class: 'wt-situation', attrs: { type: 'button' } }, 'Bekijk uw situatie: antwoorden, advies en financiering');
        button.addEventListener('click', () => this.open(view, button));
        result.append(button);
    }

    /** Restores the walk of a situation link in the address (at load and when it changes). */
    restoreFromHash(): void {
        const parsed = parseSituationFragment(location.hash);
        if (parsed.kind === 'none') return;
        if (parsed.kind === 'invalid') {
            this.problem(`Deze link naar uw situatie kon niet worden hersteld: ${parsed.reason}.`);
            return;
        }
        const { state } = parsed;
        const tree = this.json.trees.find(t => t.id === state.tree);
        const view = tree ? this.views.get(tree.id) : undefined;
        if (!tree || !view) {
            this.problem('Deze link naar uw situatie kon niet worden hersteld: de beslisboom staat niet (meer) in deze gids.');
            return;
        }
        const walk = new Walkthrough(tree, state);
        view.restore(walk);
        if (walk.result.status === 'advice') {
            this.open(view, undefined, walk.answers.length < state.answers.length
                ? 'Niet alle antwoorden uit de link passen bij deze versie van de gids; de doorloop stopt waar ze niet meer passen.' : undefined);
        } else {
            this.close(false);
            this.problem(walk.answers.length < state.answers.length
                ? 'Niet alle antwoorden uit de link passen bij deze versie van de gids; de doorloop gaat verder waar ze ophielden.'
                : 'De doorloop uit de link is hersteld; beantwoord de volgende vraag om een advies te krijgen.');
            document.getElementById(anchorId('tree', tree.id))?.scrollIntoView({ block: 'start' });
            view.focusCurrent();
        }
    }

    private problem(message: string): void {
        replace(this.section,
            h('h2', { attrs: { id: 'uw-situatie-titel', tabindex: '-1' } }, 'Uw situatie'),
            h('p', { class: 'situation-problem', attrs: { role: 'status' } }, message),
            h('p', { class: 'situation-actions' }, this.closeButton()));
        this.show();
    }

    open(view: WalkthroughView, opener?: HTMLElement, note?: string): void {
        this.opener = opener;
        const walk = view.state;
        const tree = view.tree;
        const advices = walk.result.path.map(step => tree.nodes.find(n => n.id === step.node)).filter((n): n is NodeJson => n?.kind === 'advice');
        const advice = advices[advices.length - 1];
        if (!advice) return;
        const fragment = situationFragment(walk.snapshot());
        replace(this.section,
            h('h2', { attrs: { id: 'uw-situatie-titel', tabindex: '-1' } }, 'Uw situatie'),
            note ? h('p', { class: 'situation-problem', attrs: { role: 'status' } }, note) : undefined,
            h('p', {}, 'Beslisboom: ', h('a', { attrs: { href: `#${anchorId('tree', tree.id)}` } }, tree.title || 'beslisboom')),
            h('h3', {}, 'Uw antwoorden'),
            this.answers(tree, walk),
            h('h3', {}, advices.length > 1 ? 'Adviezen' : 'Advies'),
            ...advices.map(a => this.advice(a)),
            h('h3', {}, 'Hoofdstukken om te lezen'),
            this.chapters(advices),
            ...this.funding(advice),
            h('h3', {}, 'Bewaren'),
            h('p', {}, h('a', { class: 'situation-link', attrs: { href: fragment } }, 'Link naar deze situatie'),
                ' — bewaar of deel deze link om deze doorloop later weer te openen. De antwoorden staan alleen in de link zelf; er wordt niets verstuurd.'),
            h('p', { class: 'situation-actions' },
                h('button', { class: 'situation-print', attrs: { type: 'button' }, on: { click: () => window.print() } }, 'Afdrukken of bewaren als pdf'),
                ' ',
                this.closeButton()));
        this.show();
    }

    private closeButton(): HTMLButtonElement {
        return h('button', { class: 'situation-close', attrs: { type: 'button' }, on: { click: () => this.close(true) } }, 'Sluiten');
    }

    private show(): void {
        this.section.hidden = false;
        document.documentElement.setAttribute('data-situatie', 'open');
        this.section.scrollIntoView({ block: 'start' });
        this.section.querySelector<HTMLElement>('h2')?.focus({ preventScroll: true });
    }

    close(returnFocus: boolean): void {
        this.section.hidden = true;
        replace(this.section);
        document.documentElement.removeAttribute('data-situatie');
        if (returnFocus && this.opener?.isConnected) this.opener.focus();
    }

    private answers(tree: TreeJson, walk: Walkthrough): HTMLElement {
        if (walk.answers.length === 0) return h('p', { class: 'muted' }, 'Geen vragen beantwoord: het advies volgt direct.');
        return h('ol', { class: 'situation-answers' }, ...walk.answers.map(a => h('li', {},
            tree.nodes.find(n => n.id === a.question)?.text ?? 'vraag', ' — ', h('strong', {}, a.answer))));
    }

    private advice(node: NodeJson): HTMLElement {
        const typology = node.typology !== undefined ? this.json.typologies.find(t => t.id === node.typology) : undefined;
        return h('div', { class: 'situation-advice', attrs: { 'data-node': node.id } },
            h('p', { class: 'wt-text' }, node.text),
            provenanceBadge(node.provenance, 'nl'),
            node.description ? h('p', {}, node.description) : undefined,
            node.examples.length > 0 ? h('p', {}, 'Bijvoorbeeld: ', node.examples.join('; ')) : undefined,
            typology ? h('p', {}, 'Aanbevolen typologie: ', h('a', { attrs: { href: `#${anchorId('typology', typology.id)}` } }, typology.title || 'typologie')) : undefined,
            this.calculatorLink(node.calculation, 'p'));
    }

    /** A link to the rekenhulp of a calculation the guide has (calculator-html.ts writes it), or nothing. */
    private calculatorLink(id: string | undefined, tag: 'p' | 'span'): HTMLElement | undefined {
        const calculation = id !== undefined ? this.json.calculations.find(c => c.id === id) : undefined;
        if (!calculation) return undefined;
        const link = calculatorLink(calculation);
        return h(tag, { class: 'situation-calculator' }, tag === 'span' ? ' — ' : '', h('a', { attrs: { href: link.href } }, link.text));
    }

    private chapters(advices: readonly NodeJson[]): HTMLElement {
        const links = advices.flatMap(a => a.links).filter(l => l.kind === 'chapter');
        const unique = links.filter((l, i) => links.findIndex(o => o.target === l.target) === i);
        if (unique.length === 0) return h('p', { class: 'muted' }, 'Dit advies verwijst niet naar een hoofdstuk.');
        return h('ul', { class: 'situation-chapters' }, ...unique.map(l => h('li', {}, h('a', { attrs: { href: `#${linkAnchor(l)}` } }, l.title || 'hoofdstuk'))));
    }

    private funding(advice: NodeJson): Child[] {
        const typology = advice.typology !== undefined ? this.json.typologies.find(t => t.id === advice.typology) : undefined;
        if (!typology) {
            return [h('h3', {}, 'Financiering'),
                h('p', { class: 'muted' }, 'Bij dit advies hoort geen typologie. ', h('a', { attrs: { href: '#financiering' } }, 'Het overzicht van de financiering'), ' toont welke bron bij welke typologie past.')];
        }
        const groups = terms.map(([term, title]) => [title, (typology.funding[term] ?? [])
            .map(id => this.json.funding.find(f => f.id === id)).filter((f): f is FundingJson => !!f)] as const).filter(([, list]) => list.length > 0);
        return [
            h('h3', {}, `Financiering bij ‘${typology.title || 'deze typologie'}’`),
            groups.length === 0 ? h('p', { class: 'muted' }, 'De handreiking noemt voor deze typologie geen financieringsbronnen.') : undefined,
            ...groups.flatMap(([title, list]) => [
                h('h4', {}, title),
                h('ul', { class: 'situation-funding' }, ...list.map(f => this.fundingItem(f)))
            ])
        ];
    }

    private fundingItem(funding: FundingJson): HTMLElement {
        const sources = funding.sources.map(source => {
            const url = safeHttpUrl(source);
            return url ? h('a', { attrs: { href: url, rel: 'noopener noreferrer' } }, source) : h('span', {}, source);
        });
        return h('li', { attrs: { 'data-funding': funding.id } },
            h('a', { attrs: { href: `#${anchorId('funding', funding.id)}` } }, funding.title || 'financieringsbron'),
            funding.validUntil ? h('span', { class: 'situation-expiry' }, ` — geldig tot ${longDate(funding.validUntil)}`) : undefined,
            sources.length > 0 ? h('span', { class: 'situation-sources' }, ' — bron: ', ...sources.flatMap((s, i) => (i > 0 ? ['; ', s] : [s]))) : undefined,
            this.calculatorLink(funding.calculation, 'span'));
    }
}
