import { isBerekening, isBeslisboom, isFinanciering, isTypologie, type Element } from '../generated/ast.js';
import { PROVENANCE_KIND, effectiveHerkomst, isContentElement, lineHerkomst, type ContentElement, type EffectiveHerkomst } from './herkomst.js';

/**
 * The balance of `handreiking check --herkomst`: per kind of content, how much comes from the
 * guide, from a public source, is reconstructed, illustrative, or unmarked — after inheritance, as
 * a reader meets it. Parts that can carry their own `herkomst` (a typology's values and
 * activities, a funding rule's applicability and conditions, a calculation's rules — its `niet van
 * toepassing`, named values and outcome —, every `toelichting`) are counted as rows of their own.
 */

/** The kinds of content counted, in the order of the table (English: they are the JSON's keys). */
export const BALANCE_KINDS = [
    'tree', 'question', 'advice', 'step', 'typology', 'value', 'activity', 'funding', 'applicability', 'condition',
    'calculation', 'rule', 'stakeholder', 'chapter', 'description'
] as const;

export type BalanceKind = typeof BALANCE_KINDS[number];

/** Counts per kind; `total` is their sum. English keys, as in the JSON. */
export interface BalanceRow {
    kind: BalanceKind;
    guide: number;
    source: number;
    reconstructed: number;
    illustrative: number;
    unmarked: number;
    total: number;
}

export type BalanceColumn = Exclude<keyof BalanceRow, 'kind' | 'total'>;


export function provenanceBalance(elements: readonly Element[]): BalanceRow[] {
    const rows = new Map<BalanceKind, BalanceRow>(BALANCE_KINDS.map(kind => [kind, {
        kind, guide: 0, source: 0, reconstructed: 0, illustrative: 0, unmarked: 0, total: 0
    }]));
    const count = (kind: BalanceKind, herkomst: EffectiveHerkomst) => {
        const row = rows.get(kind)!;
        row[herkomst.soort ? PROVENANCE_KIND[herkomst.soort] : 'unmarked']++;
        row.total++;
    };
    const countElement = (element: ContentElement, kind: BalanceKind) => {
        count(kind, effectiveHerkomst(element));
        const toelichting = element.toelichting;
        if (Array.isArray(toelichting) ? toelichting.length > 0 : toelichting !== undefined) count('description', lineHerkomst(element, 'toelichting'));
    };
    for (const element of elements) {
        if (!isContentElement(element) || !element.name) continue;
        if (isBeslisboom(element)) {
            countElement(element, 'tree');
            for (const knoop of element.knopen) {
                if (!knoop.name) continue;
                countElement(knoop, knoop.$type === 'Vraag' ? 'question' : knoop.$type === 'Advies' ? 'advice' : 'step');
            }
        } else if (isTypologie(element)) {
            countElement(element, 'typology');
            for (const waarde of element.waarden) count('value', effectiveHerkomst(waarde));
            element.activiteiten.forEach((_, i) => count('activity', lineHerkomst(element, 'activiteiten', i)));
        } else if (isFinanciering(element)) {
            countElement(element, 'funding');
            if (element.voor.length > 0) count('applicability', lineHerkomst(element, 'voor'));
            element.voorwaarden.forEach((_, i) => count('condition', lineHerkomst(element, 'voorwaarden', i)));
        } else if (isBerekening(element)) {
            countElement(element, 'calculation');
            for (const rule of [...element.nietVanToepassing, ...element.waarden, ...element.uitkomst]) count('rule', effectiveHerkomst(rule));
        } else {
            countElement(element, element.$type === 'Partij' ? 'stakeholder' : 'chapter');
        }
    }
    return [...rows.values()];
}
