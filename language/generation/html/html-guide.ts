import type {
    ChapterJson, FundingJson, HandreikingJson, LinkJson, ProvenanceJson, StakeholderJson, TreeJson, TypologyJson
} from '../json/handreiking-json.js';
import { flaggedMeaning, isFlagged, mostFlagged, type FlaggedKind } from '../../i18n/provenance-words.js';
import { htmlText } from '../../text/html-escape.js';
import { typologyTableHtml } from '../tables/typology-table.js';
import { anchorId, DATA_ELEMENT_ID, type AnchorKind } from './guide-contract.js';
import type { GuideScripts } from './guide-scripts.js';
import { guideCss } from './guide-style.js';
import { darkSchemeCss, themeSetsColours } from './guide-tokens.js';
import { embedJson, inlineScript, paragraphs, safeHttpUrl } from './html-text.js';
import { cspHashSource } from './csp-hash.js';
import { contentSecurityPolicy } from './page-policy.js';
import { diagramLegendHtml, provenanceBadge } from './provenance-html.js';
import { textVersionAnchor, treeTextVersion } from './tree-text.js';
import { fundingMatrixHtml, termTitles } from './funding-matrix.js';
import { conditionSentence, longDate } from '../../i18n/condition-sentence.js';
import { DIAGRAMS_META, EMPTY_TREE_TEXT, type PredrawnCanvas, type PredrawnDiagrams } from './diagram-texts.js';
import type { GuideTheme } from './guide-theme.js';
import { CALCULATOR_CSS, calculatorSection } from './calculator-html.js';

/**
 * The interactive HTML guide: one self-contained page with every diagram, the tables, and a
 * walkthrough of each tree. This function only writes text (it reads no file): the page's static
 * part is written here with every user text escaped; the browser app (`browser/guide-app.ts`)
 * reads the same JSON from the page and draws the diagrams and walkthroughs.
 */

export interface GuideAssets extends GuideScripts {
    /** The page title; default "Handreiking ontmoetingsruimten". */
    title?: string;
    /**
     * The diagrams drawn at export time (export/guide-drawings.ts). With them the page carries
     * their SVG and not Mermaid (`mermaidJs` is left out); without them Mermaid draws in the page.
     */
    predrawn?: PredrawnDiagrams;
    /** A house style (guide-theme.ts): its tokens, written after the guide's own. */
    theme?: GuideTheme;
}

export const DEFAULT_TITLE = 'Handreiking ontmoetingsruimten';

/**
 * The page's Content Security Policy: only the inline scripts with exactly these texts may run,
 * nothing may be fetched (no `connect-src`, `default-src 'none'`), images and fonts only as data.
 */
export function guideCsp(inlineScripts: readonly string[]): string {
    return contentSecurityPolicy({
        scripts: inlineScripts.map(cspHashSource),
        styles: ["'unsafe-inline'"],
        images: ['data:'],
        fonts: ['data:'],
        noBaseOrForms: true
    });
}

/**
 * For a page that carries its diagrams drawn: the browser lays out and paints a diagram only when
 * it comes near the screen (the labels are hundreds of small HTML boxes), and keeps the size it had.
 * A label's box was measured with the exporting machine's fonts: should the reader's be wider, the
 * text runs a little past its box instead of being cut off. The page that draws with Mermaid is left
 * as it was: it is the benchmark's baseline.
 */
const PREDRAWN_CSS = '\n.diagram-canvas { content-visibility: auto; contain-intrinsic-size: auto 40rem; }\n'
    + '.diagram-canvas foreignObject { overflow: visible; }\n';

/**
 * The house style's tokens, as parseTheme wrote them from what it accepted. A second lock: nothing
 * in it may end the `<style>` element or start anything but custom properties.
 */
function themeCss(theme: GuideTheme): string {
    if (/[<\\]/.test(theme.css) || !/^:root \{\n(?: {2}--hrk-[a-z-]+: [^\n]*;\n)*\}\n$/.test(theme.css)) {
        throw new Error('a house style that parseTheme did not write');
    }
    return theme.css;
}

export function generateHtmlGuide(json: HandreikingJson, assets: GuideAssets): string {
    const title = assets.title ?? DEFAULT_TITLE;
    const predrawn = assets.predrawn;
    const scripts = [...(predrawn ? [] : [inlineScript(assets.mermaidJs, 'mermaid.min.js')]), inlineScript(assets.appJs, 'guide-app.js')];
    const page = new GuidePage(json, predrawn);
    // A house style's colours have no dark values: its page stays light (docs/publiceren.md).
    const dark = !(assets.theme && themeSetsColours(assets.theme.values));
    return `<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${htmlText(guideCsp(scripts))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="handreiking export html">
<meta name="${DIAGRAMS_META}" content="${predrawn ? 'predrawn' : 'mermaid'}">
<title>${htmlText(title)}</title>
<link rel="icon" href="data:,">
<style>${guideCss}${dark ? darkSchemeCss : ''}${json.calculations.length > 0 ? CALCULATOR_CSS : ''}${predrawn ? PREDRAWN_CSS : ''}</style>${assets.theme?.css ? `\n<style data-hrk-theme>${themeCss(assets.theme)}</style>` : ''}
</head>
<body id="hrk-guide">
<a class="skip" href="#inhoud">Naar de inhoud</a>
<header class="site-header">
<h1>${htmlText(title)}</h1>
<p>Interactieve gids: de beslisbomen om vraag voor vraag te doorlopen, de typologieën, de financiering, de partijen en de hoofdstukken. Deze pagina werkt zonder internet.</p>
${page.treePicker()}
</header>
<div class="layout">
${page.toc()}
<main id="inhoud">
<noscript><p class="hint">Zet JavaScript aan om de schema's te zien en de beslisbomen te doorlopen. De teksten hieronder zijn ook zonder JavaScript te lezen.</p></noscript>
${page.provenanceIntro()}
<section id="uw-situatie" class="situation" aria-label="Uw situatie" hidden></section>
${page.trees()}
${page.typologies()}
${page.funding()}
${calculatorSection(json, { fundingLink: id => page.fundingLinkOf(id) })}
${page.stakeholders()}
${page.chapters()}
</main>
</div>
<footer>Gemaakt met <code>handreiking export html</code> (JSON-formaat ${htmlText(String(json.formatVersion))}).</footer>
<script type="application/json" id="${DATA_ELEMENT_ID}">${embedJson(json)}</script>
${scripts.map(script => `<script>${script}</script>`).join('\n')}
</body>
</html>
`;
}


/** The static sections of the page; one instance per export, with the look-ups they share. */
class GuidePage {
    private readonly typologyTitles: Map<string, string>;
    private readonly fundingTitles: Map<string, string>;
    private readonly stakeholdersByTypology = new Map<string, StakeholderJson[]>();

    constructor(private readonly json: HandreikingJson, private readonly predrawn?: PredrawnDiagrams) {
        this.typologyTitles = new Map(json.typologies.map(t => [t.id, t.title || t.id]));
        this.fundingTitles = new Map(json.funding.map(f => [f.id, f.title || f.id]));
        for (const stakeholder of json.stakeholders) {
            for (const typology of stakeholder.involvedIn) {
                const list = this.stakeholdersByTypology.get(typology) ?? [];
                list.push(stakeholder);
                this.stakeholdersByTypology.set(typology, list);
            }
        }
    }

    treePicker(): string {
        if (this.json.trees.length === 0) return '';
        const options = this.json.trees.map(t => `<option value="${htmlText(anchorId('tree', t.id))}">${htmlText(t.title || t.id)}</option>`).join('');
        return `<nav class="toolbar" aria-label="Beslisboom kiezen" hidden>
<label for="hrk-tree-picker">Beslisboom doorlopen:</label>
<select id="hrk-tree-picker"><option value="">Kies een beslisboom…</option>${options}</select>
</nav>`;
    }

    toc(): string {
        const entries = (items: ReadonlyArray<{ id: string; title: string }>, kind: AnchorKind) =>
            items.length === 0 ? '' : `<ol>${items.map(i => `<li><a href="#${htmlText(anchorId(kind, i.id))}">${htmlText(i.title || i.id)}</a></li>`).join('')}</ol>`;
        return `<nav class="toc" aria-label="Inhoudsopgave">
<h2>Inhoud</h2>
<ol>
<li><a href="#beslisbomen">Beslisbomen</a>${entries(this.json.trees, 'tree')}</li>
<li><a href="#typologieen">Typologieën</a>${entries(this.json.typologies, 'typology')}</li>
<li><a href="#financiering">Financiering</a></li>
${this.json.calculations.length > 0 ? `<li><a href="#rekenhulp">Rekenhulp</a>${entries(this.json.calculations, 'calculation')}</li>\n` : ''}<li><a href="#partijen">Partijen</a></li>
<li><a href="#hoofdstukken">Hoofdstukken</a>${entries(this.json.chapters, 'chapter')}</li>
</ol>
</nav>`;
    }

    trees(): string {
        const body = this.json.trees.length === 0
            ? '<p class="muted">Deze handreiking heeft geen beslisbomen.</p>'
            : this.json.trees.map((tree, i) => this.tree(tree, i)).join('\n');
        return `<section id="beslisbomen" aria-labelledby="beslisbomen-titel">
<h2 id="beslisbomen-titel">Beslisbomen</h2>
<p class="hint">Doorloop een beslisboom door de vragen te beantwoorden; de gevolgde route wordt in het schema gemarkeerd. Met <strong>Terug</strong> gaat u een vraag terug, met <strong>Opnieuw</strong> begint u bij het begin. Klik in een schema op een vraag om de doorloop vanaf die vraag te beginnen.</p>
${body}
</section>`;
    }

    private tree(tree: TreeJson, index: number): string {
        const anchor = anchorId('tree', tree.id);
        const count = (kind: string) => tree.nodes.filter(n => n.kind === kind).length;
        const counts = [
            [count('question'), 'vraag', 'vragen'],
            [count('advice'), 'advies', 'adviezen'],
            [count('step'), 'stap', 'stappen']
        ] as const;
        const summary = counts.filter(([n]) => n > 0).map(([n, one, more]) => `${n} ${n === 1 ? one : more}`).join(', ');
        return `<section class="tree" id="${htmlText(anchor)}" aria-labelledby="${htmlText(anchor)}-titel" data-tree-index="${index}">
<h3 id="${htmlText(anchor)}-titel">${htmlText(tree.title || tree.id)}</h3>
${summary ? `<p class="muted">${summary}</p>` : ''}
${provenanceBadge(tree.provenance, { about: 'Dit schema (titel en verbindingen):' })}
${paragraphs(tree.documentation, 'doc')}
${paragraphs(tree.description, 'description')}
${provenanceBadge(tree.descriptionProvenance, { unlessSameAs: tree.provenance, about: 'Toelichting:' })}
<div class="tree-body">
<div class="walkthrough" data-walkthrough="${index}" aria-label="Doorloop van ${htmlText(tree.title || tree.id)}">
<p class="muted">De doorloop verschijnt hier zodra de pagina geladen is.</p>
</div>
<figure class="diagram" aria-labelledby="${htmlText(anchor)}-schema">
<figcaption id="${htmlText(anchor)}-schema">Schema van ‘${htmlText(tree.title || 'deze beslisboom')}’. Ruit: vraag · afgeronde rechthoek: advies · rechthoek: stap · dubbele rand: verwijzing (klik om te openen). Klik op een vraag om de doorloop daar te beginnen. <a href="#${htmlText(textVersionAnchor(tree))}" class="tv-link">Naar de tekstversie van dit schema</a>.
${diagramLegendHtml(flaggedKinds(tree.nodes.map(n => n.provenance)), 'bij de knoop in de doorloop')}</figcaption>
<div class="diagram-canvas" data-diagram="tree" data-tree-index="${index}">${this.canvas(this.predrawn?.trees[index], 'Het schema wordt getekend…')}</div>
${treeTextVersion(tree, { typologyTitle: id => this.typologyTitles.get(id), calculation: id => this.json.calculations.find(c => c.id === id) })}
</figure>
</div>
</section>`;
    }

    /**
     * A diagram's place: the SVG drawn at export time (checked markup, see page-svg.ts), what
     * stands there instead, or, for the page that draws with Mermaid, a note until it is drawn.
     */
    private canvas(drawn: PredrawnCanvas | undefined, waiting: string): string {
        if (!drawn) return `<p class="diagram-wait">${waiting}</p>`;
        if ('svg' in drawn) return drawn.svg.markup;
        if ('problem' in drawn) return `<p class="diagram-error" role="alert">${htmlText(drawn.problem)}</p>`;
        return `<p class="muted">${EMPTY_TREE_TEXT}</p>`;
    }

    typologies(): string {
        const json = this.json;
        if (json.typologies.length === 0) {
            return '<section id="typologieen"><h2>Typologieën</h2><p class="muted">Deze handreiking heeft geen typologieën.</p></section>';
        }
        const cards = json.typologies.map(t => this.typology(t)).join('\n');
        return `<section id="typologieen" aria-labelledby="typologieen-titel">
<h2 id="typologieen-titel">Typologieën</h2>
<div class="table-wrap" role="region" aria-label="Tabel van de typologieën" tabindex="0">
${typologyTableHtml(json)}</div>
<div class="cards">
${cards}
</div>
</section>`;
    }

    /** The table has the characteristics, activities and comparable rooms; the card adds text and links. */
    private typology(typology: TypologyJson): string {
        const funding = termTitles.map(([term, title]) => {
            const ids = typology.funding[term] ?? [];
            return `<dt>${title}</dt><dd>${ids.length === 0 ? '<span class="muted">geen</span>' : ids.map(id => this.fundingLink(id) + this.appliesBadge(id)).join(', ')}</dd>`;
        }).join('');
        const stakeholders = this.stakeholdersByTypology.get(typology.id) ?? [];
        return `<article class="card" id="${htmlText(anchorId('typology', typology.id))}">
<h3>${htmlText(typology.title || typology.id)}</h3>
${provenanceBadge(typology.provenance)}
${paragraphs(typology.documentation, 'doc')}
${paragraphs(typology.description, 'description')}
${provenanceBadge(typology.descriptionProvenance, { unlessSameAs: typology.provenance, about: 'Toelichting:' })}
<h4>Financiering</h4>
<dl class="facts">${funding}</dl>
${stakeholders.length > 0 ? `<h4>Partijen</h4><ul>${stakeholders.map(s => `<li><a href="#${htmlText(anchorId('stakeholder', s.id))}">${htmlText(s.title || s.id)}</a></li>`).join('')}</ul>` : ''}
${this.backlinks('typology', typology.id, 4)}
</article>`;
    }

    funding(): string {
        const json = this.json;
        const groups: ReadonlyArray<readonly [string, FundingJson[]]> = [
            ...termTitles.map(([term, title]) => [title, json.funding.filter(f => f.term === term)] as const),
            ['Zonder termijn', json.funding.filter(f => f.term === undefined)]
        ];
        const body = json.funding.length === 0
            ? '<p class="muted">Deze handreiking heeft geen financieringsbronnen.</p>'
            : `${fundingMatrixHtml(json)}
${groups.filter(([, rules]) => rules.length > 0).map(([title, rules]) => `<h3>${htmlText(title)}</h3>
<div class="cards">
${rules.map(f => this.fundingCard(f)).join('\n')}
</div>`).join('\n')}`;
        return `<section id="financiering" aria-labelledby="financiering-titel">
<h2 id="financiering-titel">Financiering</h2>
${body}
</section>`;
    }

    private fundingCard(funding: FundingJson): string {
        const applicability = funding.applicability;
        const typologies = applicability.typologies.map(id => this.typologyLink(id)).join(', ');
        const appliesTo = applicability.kind === 'all'
            ? 'alle typologieën'
            : applicability.kind === 'none'
                ? '<span class="muted">niet opgegeven</span>'
                : applicability.kind === 'condition'
                    // The condition as a sentence, never in the notation of the language.
                    ? `${applicability.condition ? htmlText(conditionSentence(applicability.condition, this.json.characteristics)) : 'ruimten die aan een voorwaarde voldoen'}. `
                        + (applicability.typologies.length > 0 ? `In deze handreiking zijn dat: ${typologies}.` : 'Geen van de typologieën in deze handreiking voldoet daaraan.')
                    : applicability.typologies.length > 0 ? typologies : '<span class="muted">geen typologie</span>';
        const facts = [
            `<dt>Termijn</dt><dd>${funding.term ? termTitles.find(([t]) => t === funding.term)![1] : '<span class="muted">niet opgegeven</span>'}</dd>`,
            `<dt>Geldt voor</dt><dd>${appliesTo}${provenanceBadge(funding.applicability.provenance, { unlessSameAs: funding.provenance })}</dd>`,
            funding.validUntil ? `<dt>Geldig tot</dt><dd><time datetime="${htmlText(funding.validUntil)}">${htmlText(longDate(funding.validUntil))}</time></dd>` : ''
        ].join('');
        const sources = funding.sources.map(source => {
            const url = safeHttpUrl(source);
            // The address is the link's text, so it is on paper too; it opens in the same window, as any link.
            return url ? `<a href="${htmlText(url)}" rel="noopener noreferrer">${htmlText(source)}</a>` : htmlText(source);
        });
        return `<article class="card" id="${htmlText(anchorId('funding', funding.id))}">
<h4>${htmlText(funding.title || funding.id)}</h4>
${provenanceBadge(funding.provenance)}
${paragraphs(funding.documentation, 'doc')}
${paragraphs(funding.description, 'description')}
${provenanceBadge(funding.descriptionProvenance, { unlessSameAs: funding.provenance, about: 'Toelichting:' })}
<dl class="facts">${facts}</dl>
${list('Via', funding.via, 5)}
${list('Voorwaarden', funding.conditions, 5, i => provenanceBadge(funding.conditionsProvenance?.[i], { inline: true, unlessSameAs: funding.provenance }))}
${this.calculatorLink(funding)}
${sources.length > 0 ? `<h5>Bron</h5><ul>${sources.map(s => `<li>${s}</li>`).join('')}</ul>` : ''}
${this.backlinks('funding', funding.id, 5)}
</article>`;
    }

    stakeholders(): string {
        const cards = this.json.stakeholders.map(s => `<article class="card" id="${htmlText(anchorId('stakeholder', s.id))}">
<h3>${htmlText(s.title || s.id)}</h3>
${provenanceBadge(s.provenance)}
${paragraphs(s.documentation, 'doc')}
${paragraphs(s.description, 'description')}
${provenanceBadge(s.descriptionProvenance, { unlessSameAs: s.provenance, about: 'Toelichting:' })}
${s.involvedIn.length > 0 ? `<h4>Betrokken bij</h4><p>${s.involvedIn.map(id => this.typologyLink(id)).join(', ')}</p>` : ''}
${list('Rollen', s.roles, 4)}
${list('Kracht', s.strengths, 4)}
${list('Valkuilen', s.pitfalls, 4)}
</article>`).join('\n');
        return `<section id="partijen" aria-labelledby="partijen-titel">
<h2 id="partijen-titel">Partijen</h2>
${this.json.stakeholders.length === 0 ? '<p class="muted">Deze handreiking noemt geen partijen.</p>' : `<div class="cards">\n${cards}\n</div>`}
</section>`;
    }

    chapters(): string {
        const cards = this.json.chapters.map((c: ChapterJson) => `<article class="card" id="${htmlText(anchorId('chapter', c.id))}">
<h3>${htmlText(c.title || c.id)}</h3>
${provenanceBadge(c.provenance)}
${c.workingGroup ? `<p class="muted">Werkgroep ${htmlText(c.workingGroup)}</p>` : ''}
${paragraphs(c.documentation, 'doc')}
${paragraphs(c.description, 'description')}
${provenanceBadge(c.descriptionProvenance, { unlessSameAs: c.provenance, about: 'Toelichting:' })}
${this.backlinks('chapter', c.id, 4)}
</article>`).join('\n');
        return `<section id="hoofdstukken" aria-labelledby="hoofdstukken-titel">
<h2 id="hoofdstukken-titel">Hoofdstukken</h2>
${this.json.chapters.length === 0 ? '<p class="muted">Deze handreiking heeft geen hoofdstukken.</p>' : `<div class="cards">\n${cards}\n</div>`}
</section>`;
    }

    /** "Verwezen vanuit": the tree nodes whose `zie` points here. */
    private backlinks(kind: LinkJson['kind'], id: string, level: 4 | 5): string {
        const from = this.json.trees.flatMap(tree => tree.nodes
            .filter(node => node.links.some(l => l.kind === kind && l.target === id))
            .map(node => `<li><a href="#${htmlText(anchorId('tree', tree.id))}">${htmlText(tree.title || tree.id)}</a>: ${htmlText(node.text)}</li>`));
        return from.length === 0 ? '' : `<h${level}>Verwezen vanuit de beslisbomen</h${level}><ul>${from.join('')}</ul>`;
    }

    /**
     * Beside a funding source in a typology's card: that it applies to this typology is not the
     * guide's word (its `voor` line), or the source itself is not.
     */
    private appliesBadge(id: string): string {
        const funding = this.json.funding.find(f => f.id === id);
        if (!funding) return '';
        return ' ' + provenanceBadge(mostFlagged(funding.applicability.provenance, funding.provenance), { inline: true });
    }

    /** The explanation of the badges, once at the top, when the guide has any. */
    provenanceIntro(): string {
        if (!hasFlagged(this.json)) return '';
        return `<p class="hint hrk-intro">Niet alles in deze gids is de tekst van de handreiking. Wat de redactie heeft ingevuld, staat erbij met de reden: `
            + `<span class="hrk-badge hrk-badge-reconstructed">Gereconstrueerd</span> is ${flaggedMeaning.nl.reconstructed}; `
            + `<span class="hrk-badge hrk-badge-illustrative">Illustratief</span> is ${flaggedMeaning.nl.illustrative}. `
            + `In de schema's hebben die knopen een gestreepte of gestippelde rand. <span class="hrk-badge hrk-badge-source">Bron</span> noemt de openbare bron van een gegeven.</p>`;
    }

    private typologyLink(id: string): string {
        const title = this.typologyTitles.get(id);
        return title !== undefined ? `<a href="#${htmlText(anchorId('typology', id))}">${htmlText(title)}</a>` : htmlText(id);
    }

    /** Beside a funding rule with a calculation: the way to its rekenhulp. */
    private calculatorLink(funding: FundingJson): string {
        const calculation = funding.calculation !== undefined ? this.json.calculations.find(c => c.id === funding.calculation) : undefined;
        if (!calculation) return '';
        return `<p class="calc-link"><a href="#${htmlText(anchorId('calculation', calculation.id))}">Reken het uit: ${htmlText(calculation.title || calculation.id)}</a></p>`;
    }

    fundingLinkOf(id: string): string {
        return this.fundingLink(id);
    }

    private fundingLink(id: string): string {
        const title = this.fundingTitles.get(id);
        return title !== undefined ? `<a href="#${htmlText(anchorId('funding', id))}">${htmlText(title)}</a>` : htmlText(id);
    }
}

function list(title: string, items: readonly string[], level: 4 | 5, after?: (index: number) => string): string {
    return items.length === 0 ? '' : `<h${level}>${title}</h${level}><ul>${items.map((item, i) => {
        const extra = after?.(i) ?? '';
        return `<li>${htmlText(item)}${extra ? ` ${extra}` : ''}</li>`;
    }).join('')}</ul>`;
}

/** The kinds among these that a diagram's legend must explain. */
function flaggedKinds(provenances: ReadonlyArray<ProvenanceJson | undefined>): Set<FlaggedKind> {
    return new Set(provenances.filter(isFlagged).map(p => p.kind));
}

/** Whether anything in the guide is reconstructed or illustrative (then the page explains the badges). */
function hasFlagged(json: HandreikingJson): boolean {
    const all: Array<ProvenanceJson | undefined> = [
        ...json.trees.flatMap(t => [t.provenance, t.descriptionProvenance, ...t.nodes.flatMap(n => [n.provenance, n.descriptionProvenance])]),
        ...json.typologies.flatMap(t => [t.provenance, t.descriptionProvenance, ...Object.values(t.valueProvenance ?? {}), ...(t.activitiesProvenance ?? [])]),
        ...json.funding.flatMap(f => [f.provenance, f.descriptionProvenance, f.applicability.provenance, ...(f.conditionsProvenance ?? [])]),
        ...json.stakeholders.flatMap(s => [s.provenance, s.descriptionProvenance]),
        ...json.chapters.flatMap(c => [c.provenance, c.descriptionProvenance])
    ];
    return all.some(isFlagged);
}
