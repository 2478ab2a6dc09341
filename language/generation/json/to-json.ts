import { AstUtils, type AstNode, type CstNode } from 'langium';
import {
    isAdvies, isAlleTypologieen, isBerekening, isBeslisboom, isEnOf, isFinanciering, isHaakjes, isHoofdstuk, isKenmerk, isKnoop, isPartij,
    isScenario, isStap, isTypologie, isTypologieLijst, isTypologieVoorwaarde, isVergelijking, isVraag,
    type Berekening, type Beslisboom, type Element, type Financiering, type Knoop, type Scenario, type Typologie, type Verwijsbaar
} from '../../generated/ast.js';
import { resolveApplicability } from '../../model/funding.js';
import { PROVENANCE_KIND, effectiveHerkomst, lineHerkomst, type ContentElement, type EffectiveHerkomst } from '../../provenance/herkomst.js';
import { edgesOf, reachableNodes, startNode } from '../../model/tree-graph.js';
import { qualifiedNodeName } from '../../scoping/names.js';
import { calculationScenarioJson, calculationToJson, isCalculationScenario, type CalculationJsonContext } from './calculation-json.js';
import {
    FORMAT_VERSION, type CalculationJson, type ConditionJson, type EdgeJson, type FundingJson, type HandreikingJson, type LinkJson, type NodeJson,
    type ProvenanceJson, type ScenarioJson, type SourceJson, type Term, type TreeJson, type TypologyJson
} from './handreiking-json.js';

/** What the export needs from its host: documentation comments and file names. */
export interface JsonContext {
    /** The raw `/** … *\/` comment before a node, if any. */
    comment(node: AstNode): string | undefined;
    /** The file a node is written in, relative to the export's root, with `/`. */
    fileOf(node: AstNode): string;
}

const terms: Record<string, Term> = { incidenteel: 'incidental', meerjarig: 'multiYear', structureel: 'structural' };

/**
 * The whole workspace as one JSON document. Pure and deterministic: the elements come in a fixed
 * order (by file, then as written) and nothing depends on time or on the machine.
 */
export function toHandreikingJson(all: readonly Element[], ctx: JsonContext): HandreikingJson {
    // While a file is being edited, the parser keeps elements it could only partly read. One
    // without a name cannot be referred to and is left out; missing texts become ''. Scenarios are
    // all kept: the language server pairs them with the AST by position.
    const elements = all.filter(e => isScenario(e) || !!e.name);
    const typologieen = elements.filter(isTypologie);
    const financieringen = elements.filter(isFinanciering);
    const applicability = new Map(financieringen.map(f => [f, resolveApplicability(f, typologieen)]));
    const common: Common = (node, toelichting) => documented(node, toelichting, ctx);
    const calculationContext = calculationContextOf(ctx);
    const scenarios = elements.filter(isScenario);

    // Every content element: its provenance, its content, then the common part with the
    // provenance of its `toelichting` beside the description.
    return {
        formatVersion: FORMAT_VERSION,
        characteristics: elements.filter(isKenmerk).map(k => ({
            id: k.name, title: k.titel ?? '', values: [...k.waarden], ...common(k)
        })),
        typologies: typologieen.map((t): TypologyJson => {
            const named = t.waarden.filter(w => w.kenmerk?.$refText && (w.waarde !== undefined || w.onbekend));
            const set = named.flatMap(w => w.waarde !== undefined ? [{ kenmerk: w.kenmerk.$refText, waarde: w.waarde }] : []);
            return {
                id: t.name,
                title: t.titel ?? '',
                provenance: provenanceJson(effectiveHerkomst(t)),
                values: Object.fromEntries(set.map(w => [w.kenmerk, w.waarde])),
                unknownValues: named.filter(w => w.waarde === undefined).map(w => w.kenmerk.$refText),
                valueProvenance: Object.fromEntries(named.map(w => [w.kenmerk.$refText, provenanceJson(effectiveHerkomst(w))])),
                activities: [...t.activiteiten],
                activitiesProvenance: t.activiteiten.map((_, i) => provenanceJson(lineHerkomst(t, 'activiteiten', i))),
                comparable: [...t.vergelijkbaar],
                funding: fundingByTerm(t, financieringen, applicability),
                ...common(t, t.toelichting),
                ...descriptionProvenance(t)
            };
        }),
        trees: elements.filter(isBeslisboom).map(b => treeToJson(b, ctx)),
        funding: financieringen.map((f): FundingJson => ({
            id: f.name,
            title: f.titel ?? '',
            provenance: provenanceJson(effectiveHerkomst(f)),
            ...(f.termijn[0] ? { term: terms[f.termijn[0]] } : {}),
            applicability: applicabilityJson(f, applicability.get(f) ?? []),
            via: [...f.via],
            conditions: [...f.voorwaarden],
            conditionsProvenance: f.voorwaarden.map((_, i) => provenanceJson(lineHerkomst(f, 'voorwaarden', i))),
            sources: [...f.bronnen],
            ...(f.geldigTot[0] ? { validUntil: f.geldigTot[0] } : {}),
            ...(f.berekening[0]?.$refText ? { calculation: f.berekening[0].$refText } : {}),
            ...common(f, f.toelichting),
            ...descriptionProvenance(f)
        })),
        calculations: elements.filter(isBerekening).map(b => calculationToJson(b,
            financieringen.filter(f => f.berekening.some(r => r.ref === b)).map(f => f.name), calculationContext)),
        stakeholders: elements.filter(isPartij).map(p => ({
            id: p.name,
            title: p.titel ?? '',
            provenance: provenanceJson(effectiveHerkomst(p)),
            involvedIn: p.betrokkenBij.map(r => r.$refText).filter(name => !!name),
            roles: [...p.rollen],
            strengths: [...p.krachten],
            pitfalls: [...p.valkuilen],
            ...common(p, p.toelichting),
            ...descriptionProvenance(p)
        })),
        chapters: elements.filter(isHoofdstuk).map(h => ({
            id: h.name,
            title: h.titel ?? '',
            provenance: provenanceJson(effectiveHerkomst(h)),
            ...(h.werkgroep[0] !== undefined ? { workingGroup: h.werkgroep[0] } : {}),
            ...common(h, h.toelichting),
            ...descriptionProvenance(h)
        })),
        scenarios: scenarios.filter(s => !isCalculationScenario(s)).map(s => scenarioToJson(s, ctx)),
        calculationScenarios: scenarios.filter(isCalculationScenario).map(s => calculationScenarioJson(s, sourceOf(s, ctx)))
    };
}

/** One scenario of a tree as JSON; also used on its own by the language server (coverage of one tree). */
export function scenarioToJson(s: Scenario, ctx: JsonContext): ScenarioJson {
    return {
        name: s.name ?? '',
        tree: s.boom?.$refText ?? '',
        answers: s.stappen.map(st => ({ question: st.vraag?.$refText ?? '', answer: st.soort ?? st.label ?? '' })),
        ...(s.langs.length > 0 ? { passes: s.langs.map(ref => ref.$refText) } : {}),
        expected: s.verwacht?.$refText ?? '',
        source: sourceOf(s, ctx)
    };
}

/** What the conversion of a calculation needs, from the JSON export's context. */
function calculationContextOf(ctx: JsonContext): CalculationJsonContext {
    return {
        provenance: node => provenanceJson(effectiveHerkomst(node)),
        source: node => sourceOf(node, ctx),
        common: node => documented(node, node.toelichting, ctx),
        descriptionProvenance
    };
}

/** One calculation as JSON, on its own: the hover evaluates it with a scenario's inputs. */
export function calculationJson(berekening: Berekening, ctx: JsonContext): CalculationJson {
    return calculationToJson(berekening, [], calculationContextOf(ctx));
}

type Common = (node: AstNode, toelichting?: string | string[]) => { documentation?: string; description?: string; source: SourceJson };

/** The documentation, description and source every exported element carries. */
function documented(node: AstNode, toelichting: string | string[] | undefined, ctx: JsonContext): ReturnType<Common> {
    const documentation = cleanComment(ctx.comment(node));
    const description = Array.isArray(toelichting) ? toelichting[0] : toelichting;
    return {
        ...(documentation ? { documentation } : {}),
        ...(description !== undefined ? { description } : {}),
        source: sourceOf(node, ctx)
    };
}

/** The JSON form of an effective `herkomst`. */
export function provenanceJson(herkomst: EffectiveHerkomst): ProvenanceJson {
    return {
        kind: herkomst.soort ? PROVENANCE_KIND[herkomst.soort] : 'unmarked',
        ...(herkomst.tekst !== undefined ? { detail: herkomst.tekst } : {}),
        ...(herkomst.inherited ? { inherited: true as const } : {})
    };
}

/** Beside a description: the provenance of its `toelichting` line. */
function descriptionProvenance(element: ContentElement): { descriptionProvenance?: ProvenanceJson } {
    const toelichting = Array.isArray(element.toelichting) ? element.toelichting[0] : element.toelichting;
    return toelichting !== undefined ? { descriptionProvenance: provenanceJson(lineHerkomst(element, 'toelichting')) } : {};
}

/** One tree as JSON; also used on its own by the preview, which draws the trees of one document. */
export function treeToJson(boom: Beslisboom, ctx: JsonContext): TreeJson {
    const common: Common = (node, toelichting) => documented(node, toelichting, ctx);
    const reachable = reachableNodes(boom);
    const start = startNode(boom);
    const nodes = boom.knopen.filter(k => k.name).map((k): NodeJson => ({
        id: k.name,
        kind: isVraag(k) ? 'question' : isAdvies(k) ? 'advice' : 'step',
        text: k.tekst ?? '',
        provenance: provenanceJson(effectiveHerkomst(k)),
        examples: isAdvies(k) ? [...k.voorbeelden] : [],
        links: linksOf(k),
        ...(isAdvies(k) && k.typologie[0]?.$refText ? { typology: k.typologie[0].$refText } : {}),
        ...(isAdvies(k) && k.berekening[0]?.$refText ? { calculation: k.berekening[0].$refText } : {}),
        reachable: reachable.has(k),
        ...common(k, k.toelichting),
        ...descriptionProvenance(k)
    }));
    const edges: EdgeJson[] = boom.knopen.filter(k => k.name).flatMap(k => edgesOf(k).map((e): EdgeJson => ({
        from: e.from.name,
        to: e.to.name,
        kind: isVraag(k) ? 'answer' : isAdvies(k) ? 'then' : 'next',
        ...(e.label !== undefined ? { label: e.label } : {})
    })));
    return {
        id: boom.name,
        title: boom.titel ?? '',
        provenance: provenanceJson(effectiveHerkomst(boom)),
        ...(start?.name ? { start: start.name } : {}),
        nodes,
        edges,
        ...common(boom, boom.toelichting),
        ...descriptionProvenance(boom)
    };
}

function linksOf(knoop: Knoop): LinkJson[] {
    const zie = isAdvies(knoop) || isStap(knoop) ? knoop.zie : [];
    return zie.flatMap(ref => {
        const target = ref.ref;
        return target ? [linkJson(target)] : [];
    });
}

function linkJson(target: Verwijsbaar): LinkJson {
    if (isKnoop(target)) {
        const boom = AstUtils.getContainerOfType(target, isBeslisboom);
        return { kind: 'node', target: boom ? qualifiedNodeName(boom, target) : target.name, title: target.tekst ?? '' };
    }
    const kind = isBeslisboom(target) ? 'tree' : isHoofdstuk(target) ? 'chapter' : isTypologie(target) ? 'typology' : 'funding';
    return { kind, target: target.name, title: target.titel ?? '' };
}

function fundingByTerm(typologie: Typologie, financieringen: Financiering[], applicability: Map<Financiering, Typologie[]>): Record<Term, string[]> {
    const result: Record<Term, string[]> = { incidental: [], multiYear: [], structural: [] };
    for (const f of financieringen) {
        const term = terms[f.termijn[0] ?? ''];
        if (term && applicability.get(f)?.includes(typologie)) result[term].push(f.name);
    }
    return result;
}

function applicabilityJson(f: Financiering, resolved: Typologie[]): FundingJson['applicability'] {
    const typologies = resolved.map(t => t.name);
    const provenance = provenanceJson(lineHerkomst(f, 'voor'));
    const voor = f.voor[0];
    if (!voor) return { kind: 'none', typologies, provenance };
    if (isAlleTypologieen(voor)) return { kind: 'all', typologies, provenance };
    if (isTypologieLijst(voor)) return { kind: 'list', typologies, provenance };
    if (isTypologieVoorwaarde(voor)) {
        const condition = conditionJson(voor.conditie);
        return {
            kind: 'condition',
            ...(voor.conditie?.$cstNode ? { text: normalise(voor.conditie.$cstNode) } : {}),
            ...(condition ? { condition } : {}),
            typologies,
            provenance
        };
    }
    return { kind: 'none', typologies, provenance };
}

function conditionJson(node: AstNode | undefined): ConditionJson | undefined {
    if (!node) return undefined;
    if (isEnOf(node)) {
        const left = conditionJson(node.left);
        const right = conditionJson(node.right);
        if (!left || !right) return undefined;
        return { op: node.operator === 'en' ? 'and' : 'or', left, right };
    }
    if (isHaakjes(node)) return conditionJson(node.conditie);
    if (isVergelijking(node)) {
        // A comparison still being written (no characteristic, operator or value yet) is no condition.
        if (!node.kenmerk?.$refText || !node.operator || node.waarde === undefined) return undefined;
        return { op: 'compare', characteristic: node.kenmerk?.$refText ?? '', operator: node.operator, value: node.waarde };
    }
    return undefined;
}

/** The condition's text as written, on one line. */
function normalise(cst: CstNode): string {
    return cst.text.replace(/\s+/g, ' ').trim();
}

export function sourceOf(node: AstNode, ctx: JsonContext): SourceJson {
    const range = node.$cstNode?.range;
    return {
        file: ctx.fileOf(node),
        line: (range?.start.line ?? 0) + 1,
        column: (range?.start.character ?? 0) + 1,
        endLine: (range?.end.line ?? 0) + 1,
        endColumn: (range?.end.character ?? 0) + 1
    };
}

/** The text of a documentation comment without `/**`, `*\/` and the leading `*` of each line. */
export function cleanComment(comment: string | undefined): string | undefined {
    if (!comment || !comment.startsWith('/**')) return undefined;
    const body = comment.slice(3, -2)
        .split(/\r?\n/)
        .map(line => line.replace(/^\s*\*?\s*/, '').trimEnd())
        .join('\n')
        .trim();
    return body || undefined;
}
