import type { EdgeJson, LinkJson, NodeJson, TreeJson } from '../json/handreiking-json.js';
import { linkKindWords } from '../../i18n/link-kinds.js';
import { htmlText } from '../../text/html-escape.js';
import { calculatorLink } from './calculator-link.js';
import { anchorId, linkAnchor } from './guide-contract.js';
import { isFlagged, provenanceWords } from '../../i18n/provenance-words.js';

/**
 * The text version of a flowchart: the same tree as nested lists, generated from the model, for
 * screen readers (the drawn SVG is hidden from them), for readers who cannot follow arrows, and
 * for print. A question lists its answers, each with where it leads; a step or an advice with
 * `daarna` is followed in the same list, so a long chain does not nest deeper and deeper. A node
 * reached a second time (two answers leading to one advice) is written once and referred to after
 * that, with a link to where it stands, so the text is as long as the tree, never longer.
 */

export interface TreeTextContext {
    /** The title of a typology, for an advice's recommendation; undefined when the guide has none by that name. */
    typologyTitle(id: string): string | undefined;
    /** The calculation of an advice (`berekening X`), for the link to its rekenhulp; undefined when the guide has none by that name. */
    calculation(id: string): { id: string; title: string } | undefined;
}

const kindWords: Record<NodeJson['kind'], string> = { question: 'Vraag', advice: 'Advies', step: 'Stap' };

/** The id of a node's item in the text version: the tree's anchor and the node's position (never user text). */
export function textNodeAnchor(tree: TreeJson, index: number): string {
    return `${anchorId('tree', tree.id)}-tekst-${index}`;
}

/** The id of the text version of a tree (the `<details>` element). */
export function textVersionAnchor(tree: TreeJson): string {
    return `${anchorId('tree', tree.id)}-tekst`;
}

/**
 * At most this many questions are nested inside each other in the text version. A deeper chain goes
 * on in a list of its own below ("verder bij vraag … (hieronder)"): the generator stays off the stack
 * limit on a 5 000-deep tree, and a browser builds no elements deeper than its own limit (Chromium's
 * HTML parser puts the 513th level beside the 512th instead of inside it). docs/reliability.md.
 */
export const MAX_NESTED_QUESTIONS = 25;

export function treeTextVersion(tree: TreeJson, context: TreeTextContext): string {
    return new TreeText(tree, context).html();
}

class TreeText {
    private readonly index = new Map<string, number>();
    private readonly nodes = new Map<string, NodeJson>();
    private readonly outgoing = new Map<string, EdgeJson[]>();
    private readonly written = new Set<string>();
    /** Nodes past the nesting limit, written at the top level after what refers to them. */
    private readonly deferred: NodeJson[] = [];

    constructor(private readonly tree: TreeJson, private readonly context: TreeTextContext) {
        tree.nodes.forEach((node, i) => {
            if (!this.nodes.has(node.id)) {
                this.nodes.set(node.id, node);
                this.index.set(node.id, i);
            }
        });
        for (const edge of tree.edges) {
            if (!this.nodes.has(edge.to)) continue;
            const list = this.outgoing.get(edge.from) ?? [];
            list.push(edge);
            this.outgoing.set(edge.from, list);
        }
    }

    html(): string {
        const title = this.tree.title || 'deze beslisboom';
        const start = this.tree.start !== undefined ? this.nodes.get(this.tree.start) : undefined;
        const main = start ? `<ol class="tv-list">${this.run(start, 0)}${this.drain()}</ol>` : '<p class="muted">Deze beslisboom heeft geen beginpunt.</p>';
        const rest = this.tree.nodes.filter(n => !this.written.has(n.id) && this.nodes.get(n.id) === n);
        const unreachable = rest.length === 0 ? '' : `<p class="tv-unreachable">Niet bereikbaar vanaf het begin:</p>
<ol class="tv-list">${rest.map(n => (this.written.has(n.id) ? '' : this.run(n, 0) + this.drain())).join('')}</ol>`;
        return `<details class="text-version" id="${htmlText(textVersionAnchor(this.tree))}">
<summary>Tekstversie van dit schema</summary>
<div class="tv-body">
<p class="muted">Het schema van ‘${htmlText(title)}’ in woorden: elke vraag met haar antwoorden en waar die heen leiden.</p>
${main}
${unreachable}
</div>
</details>`;
    }

    /** The nodes deferred past the nesting limit, each at the top level (which may defer more). */
    private drain(): string {
        const items: string[] = [];
        for (let next = this.deferred.shift(); next; next = this.deferred.shift()) {
            if (!this.written.has(next.id)) items.push(this.run(next, 0));
        }
        return items.join('');
    }

    /** A node and what follows it without an answer (steps, `daarna`), as sibling items; `depth` questions around it. */
    private run(first: NodeJson, depth: number): string {
        const items: string[] = [];
        let node: NodeJson | undefined = first;
        while (node) {
            if (this.written.has(node.id)) {
                items.push(`<li class="tv-ref">${this.reference(node, 'hierboven')}</li>`);
                break;
            }
            if (depth >= MAX_NESTED_QUESTIONS) {
                this.deferred.push(node);
                items.push(`<li class="tv-ref">${this.reference(node, 'hieronder')}</li>`);
                break;
            }
            this.written.add(node.id);
            items.push(this.item(node, depth));
            if (node.kind === 'question') break;
            const next: EdgeJson | undefined = (this.outgoing.get(node.id) ?? []).find(e => e.kind !== 'answer');
            node = next ? this.nodes.get(next.to) : undefined;
        }
        return items.join('');
    }

    private item(node: NodeJson, depth: number): string {
        const i = this.index.get(node.id)!;
        const parts = [
            `<span class="tv-kind">${kindWords[node.kind]}:</span> <span class="tv-text">${htmlText(node.text)}</span>`,
            provenanceMark(node),
            node.kind === 'advice' ? this.adviceDetails(node) : ''
        ];
        const answers = node.kind === 'question' ? this.answers(node, depth + 1) : '';
        return `<li id="${htmlText(textNodeAnchor(this.tree, i))}" class="tv-${node.kind}" data-tv-node="${i}">${parts.filter(p => p).join(' ')}${answers}</li>`;
    }

    private answers(node: NodeJson, depth: number): string {
        const edges = (this.outgoing.get(node.id) ?? []).filter(e => e.kind === 'answer');
        if (edges.length === 0) return '<p class="tv-none">Bij deze vraag staan nog geen antwoorden.</p>';
        return `<ul class="tv-answers">${edges.map(edge => {
            const target = this.nodes.get(edge.to)!;
            return `<li><span class="tv-answer">Antwoord ‘${htmlText(edge.label ?? '')}’:</span><ol class="tv-list">${this.run(target, depth)}</ol></li>`;
        }).join('')}</ul>`;
    }

    /** Where the node stands: above (written before), or below (past the nesting limit, written after). */
    private reference(node: NodeJson, where: 'hierboven' | 'hieronder'): string {
        const i = this.index.get(node.id)!;
        return `verder bij ${kindWords[node.kind].toLowerCase()} <a href="#${htmlText(textNodeAnchor(this.tree, i))}">${htmlText(node.text)}</a> (${where})`;
    }

    private adviceDetails(node: NodeJson): string {
        const parts: string[] = [];
        if (node.examples.length > 0) parts.push(`<p class="tv-detail">Bijvoorbeeld: ${node.examples.map(htmlText).join('; ')}</p>`);
        if (node.typology !== undefined) {
            const title = this.context.typologyTitle(node.typology);
            if (title !== undefined) parts.push(`<p class="tv-detail">Aanbevolen typologie: <a href="#${htmlText(anchorId('typology', node.typology))}">${htmlText(title)}</a></p>`);
        }
        const calculation = node.calculation !== undefined ? this.context.calculation(node.calculation) : undefined;
        if (calculation) {
            const link = calculatorLink(calculation);
            parts.push(`<p class="tv-detail"><a href="${htmlText(link.href)}">${htmlText(link.text)}</a></p>`);
        }
        if (node.links.length > 0) parts.push(`<p class="tv-detail">Zie ook: ${node.links.map(link => this.link(link)).join(', ')}</p>`);
        return parts.join('');
    }

    private link(link: LinkJson): string {
        // A link without a title names no internal id: the kind says what it is.
        const title = link.title.trim() ? link.title : linkKindWords.nl[link.kind];
        return `<a href="#${htmlText(linkAnchor(link))}">${htmlText(title)}</a> (${linkKindWords.nl[link.kind]})`;
    }
}

/**
 * Where the diagram draws a dashed or dotted border, the text says it in words: "(gereconstrueerd:
 * reden)". A mark of its own, not the page's badge: the text version is a list to read through.
 */
function provenanceMark(node: NodeJson): string {
    const provenance = node.provenance;
    if (!isFlagged(provenance)) return '';
    const detail = provenance.detail?.trim();
    return `<span class="tv-herkomst" data-herkomst="${provenance.kind}">(${provenanceWords.nl[provenance.kind].mark}${detail ? `: ${htmlText(detail)}` : ''})</span>`;
}
