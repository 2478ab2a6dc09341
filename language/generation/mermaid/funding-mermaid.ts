import { isFlagged, type DrawnProvenance } from '../../i18n/provenance-words.js';
import type { FundingJson, HandreikingJson, Term } from '../json/handreiking-json.js';
import { mermaidLabel, type LabelOptions } from './escape.js';
import { boxStyle, checkedPalette, lightPalette, type DiagramPalette } from './palette.js';
import { provenanceLegend } from './provenance-legend.js';
import { classDefStatements, classStatements, END } from './statements.js';
import { provenanceClassDefs, type DiagramTarget, type MermaidDiagram } from './tree-mermaid.js';

/** The guide's three columns, in its order, with the titles it uses. */
const terms: ReadonlyArray<readonly [Term, string]> = [
    ['incidental', 'Incidenteel'],
    ['multiYear', 'Meerjarig'],
    ['structural', 'Structureel']
];

export interface FundingDiagramOptions {
    /** Characters per label line; 0 turns wrapping off. */
    wrap?: number;
    /** Escape for rendering with `plainTextConfig()` (SVG text labels); see escape.ts. */
    plainText?: boolean;
    /** The colours; default the light palette of every export. */
    palette?: DiagramPalette;
    /** Draw the provenance legend into the diagram, for the `.mmd` export (see `TreeDiagramOptions`). */
    legend?: boolean;
}

/** What the overview draws: the rules and the typologies they fund. */
export type FundingOverviewModel = Pick<HandreikingJson, 'funding' | 'typologies'>;

/** A rule looks like a tree's step, a typology like an advice. */
function classDefs(palette: DiagramPalette): Record<string, string> {
    const width = palette.borderWidth;
    return {
        funding: boxStyle(palette.step, width),
        typology: boxStyle(palette.advice, width),
        allTypologies: boxStyle(palette.allTypologies, width, ',stroke-dasharray:3 3'),
        unused: 'stroke-dasharray:6 4,opacity:0.75',
        ...provenanceClassDefs
    };
}

/**
 * The funding overview: one subgraph per term (`t_incidental`, `t_multiYear`, `t_structural`, and
 * `t_none` for rules without a term, an error in the source), each rule (`f0`…) inside its term,
 * the typologies (`y0`…) on the right, and an edge from each rule to each typology it applies to.
 *
 * A rule for `alle typologieen` gets one edge to a single "alle typologieën" node (`a0`), which has
 * a dotted edge to every typology: that is what the rule says, it keeps the edges of two or three
 * such rules from crossing the whole diagram and hiding the rules that do choose, and no typology
 * looks unfunded for lack of an edge. Empty terms are left out. Subgraph ids are not in `ids`: a
 * term has no source to open.
 */
export function fundingOverviewMermaid(json: FundingOverviewModel, options: FundingDiagramOptions = {}): MermaidDiagram {
    const label: LabelOptions = { ...(options.wrap !== undefined ? { wrap: options.wrap } : {}), plainText: options.plainText ?? false };
    const palette = checkedPalette(options.palette ?? lightPalette);
    const ids: Record<string, DiagramTarget> = {};
    const fundingIds = new Map<FundingJson, string>();
    json.funding.forEach((funding, i) => {
        fundingIds.set(funding, `f${i}`);
        ids[`f${i}`] = { kind: 'funding', id: funding.id, source: funding.source };
    });
    const typologyIds = new Map<string, string>();
    json.typologies.forEach((typology, i) => {
        if (!typologyIds.has(typology.id)) typologyIds.set(typology.id, `y${i}`);
        ids[`y${i}`] = { kind: 'typology', id: typology.id, source: typology.source };
    });

    const lines = ['flowchart LR'];
    const groups: ReadonlyArray<readonly [string, string, FundingJson[]]> = [
        ...terms.map(([term, title]) => [`t_${term}`, title, json.funding.filter(f => f.term === term)] as const),
        ['t_none', 'Zonder termijn', json.funding.filter(f => f.term === undefined)]
    ];
    for (const [id, title, rules] of groups) {
        if (rules.length === 0) continue;
        lines.push(`    subgraph ${id} [${mermaidLabel(title, label)}]`);
        for (const rule of rules) lines.push(`        ${fundingIds.get(rule)}[${mermaidLabel(fundingParagraphs(rule), label)}]${END}`);
        lines.push('    end');
    }
    json.typologies.forEach((typology, i) => lines.push(`    y${i}(${mermaidLabel(titleOr(typology.title, typology.id), label)})${END}`));

    const forAll = json.funding.filter(f => f.applicability.kind === 'all');
    if (forAll.length > 0) {
        ids.a0 = { kind: 'allTypologies', id: '' };
        lines.push(`    a0(${mermaidLabel('alle typologieën', label)})${END}`);
    }

    // A rule's box says what the rule is and, in its edges and its `waar …`, which typologies it
    // applies to: it is drawn as doubtful when either is (reconstructed before illustrative).
    const provenance: Record<string, DrawnProvenance> = {};
    for (const [funding, id] of fundingIds) {
        const parts: DrawnProvenance['parts'] = [];
        if (isFlagged(funding.provenance)) parts.push({ part: 'element', provenance: funding.provenance });
        if (isFlagged(funding.applicability.provenance)) parts.push({ part: 'applicability', provenance: funding.applicability.provenance });
        if (parts.length > 0) provenance[id] = { kind: parts.some(p => p.provenance.kind === 'reconstructed') ? 'reconstructed' : 'illustrative', parts };
    }
    json.typologies.forEach((typology, i) => {
        if (isFlagged(typology.provenance)) provenance[`y${i}`] = { kind: typology.provenance.kind, parts: [{ part: 'element', provenance: typology.provenance }] };
    });
    const flagged = (kind: DrawnProvenance['kind']) => Object.entries(provenance).filter(([, p]) => p.kind === kind).map(([id]) => id);

    const unused: string[] = [];
    for (const [funding, id] of fundingIds) {
        const targets = funding.applicability.kind === 'all'
            ? ['a0']
            : funding.applicability.typologies.flatMap(t => typologyIds.get(t) ?? []);
        if (targets.length === 0) unused.push(id);
        for (const target of targets) lines.push(`    ${id} --> ${target}${END}`);
    }
    if (forAll.length > 0) json.typologies.forEach((_, i) => lines.push(`    a0 -.-> y${i}${END}`));

    lines.push(
        ...classStatements([
            ['funding', [...fundingIds.values()]],
            ['typology', json.typologies.map((_, i) => `y${i}`)],
            ['allTypologies', forAll.length > 0 ? ['a0'] : []],
            ['unused', unused],
            ['reconstructed', flagged('reconstructed')],
            ['illustrative', flagged('illustrative')]
        ]),
        ...classDefStatements(classDefs(palette))
    );
    const legend = options.legend
        ? provenanceLegend(new Set((['reconstructed', 'illustrative'] as const).filter(kind => flagged(kind).length > 0)), undefined, label)
        : undefined;
    for (const box of legend?.boxes ?? []) ids[box] = { kind: 'legend', id: '' };
    lines.push(...(legend?.lines ?? []));
    return { text: lines.join('\n') + '\n', ids, provenance };
}

/** The title, and what limits the rule: its condition and the date it lapses. */
function fundingParagraphs(funding: FundingJson): string[] {
    const paragraphs = [titleOr(funding.title, funding.id)];
    if (funding.applicability.kind === 'condition' && funding.applicability.text) paragraphs.push(`waar ${funding.applicability.text}`);
    if (funding.validUntil) paragraphs.push(`geldig tot ${funding.validUntil}`);
    return paragraphs;
}

/** A blank title (an error in the source) would give an empty box; the id at least says what it is. */
function titleOr(title: string, id: string): string {
    return title.trim() ? title : id;
}
