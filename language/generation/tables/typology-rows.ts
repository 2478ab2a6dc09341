import type { HandreikingJson, ProvenanceJson, Term } from '../json/handreiking-json.js';
import { isFlagged } from '../../i18n/provenance-words.js';

/**
 * The comparison of typologies as the guide's slides show it, independent of the output format: a
 * row per characteristic, then activities, comparable rooms, and the funding sources per term.
 * Both table writers render exactly these rows, so HTML and Markdown cannot drift apart. Each item
 * carries the provenance of what it claims, so both can mark what is not the guide's own.
 */
export interface TypologyTable {
    columns: Array<{ id: string; title: string; provenance?: ProvenanceJson }>;
    rows: TypologyRow[];
}

export interface TypologyRow {
    /** Styling hook: `characteristic`, `activities`, `comparable` or `funding`. */
    group: 'characteristic' | 'activities' | 'comparable' | 'funding';
    /** The characteristic's id or the term; absent for activities and comparable. */
    key?: string;
    title: string;
    /** One cell per column; a cell lists its items (one for a characteristic, none when missing). */
    cells: TableItem[][];
}

export interface TableItem {
    text: string;
    /**
     * Where what the item says comes from: a value's own provenance, an activity's, the
     * typology's for a comparable room, and for a funding source the provenance of its `voor` line
     * (that it applies to this typology), or of the rule itself when that is the more doubtful.
     */
    provenance?: ProvenanceJson;
}

/** The cell of a value the guide says is not known. */
export const UNKNOWN = 'niet bekend';

const termTitles: ReadonlyArray<readonly [Term, string]> = [
    ['incidental', 'Financiering incidenteel'],
    ['multiYear', 'Financiering meerjarig'],
    ['structural', 'Financiering structureel']
];

export function typologyTable(json: HandreikingJson): TypologyTable {
    const typologies = json.typologies;
    const funding = new Map(json.funding.map(f => [f.id, f]));
    return {
        columns: typologies.map(t => ({ id: t.id, title: titleOr(t.title, t.id), ...withProvenance(t.provenance) })),
        rows: [
            ...json.characteristics.map((c): TypologyRow => ({
                group: 'characteristic',
                key: c.id,
                title: titleOr(c.title, c.id),
                cells: typologies.map(t => {
                    const provenance = withProvenance(t.valueProvenance?.[c.id] ?? t.provenance);
                    const value = Object.hasOwn(t.values, c.id) ? t.values[c.id] : undefined;
                    if (value !== undefined) return [{ text: value, ...provenance }];
                    // `Kenmerk = onbekend`: the guide says it is not known, which is not the same as blank.
                    return (t.unknownValues ?? []).includes(c.id) ? [{ text: UNKNOWN, ...provenance }] : [];
                })
            })),
            {
                group: 'activities', title: 'Activiteiten',
                cells: typologies.map(t => t.activities.map((text, i) => ({ text, ...withProvenance(t.activitiesProvenance?.[i] ?? t.provenance) })))
            },
            { group: 'comparable', title: 'Vergelijkbaar', cells: typologies.map(t => t.comparable.map(text => ({ text, ...withProvenance(t.provenance) }))) },
            ...termTitles.map(([term, title]): TypologyRow => ({
                group: 'funding',
                key: term,
                title,
                cells: typologies.map(t => (t.funding[term] ?? []).map(id => {
                    const rule = funding.get(id);
                    if (!rule) return { text: id };
                    const applies = rule.applicability.provenance;
                    // A doubtful rule is doubtful in every column; otherwise what the cell claims is its `voor` line.
                    const provenance = isFlagged(rule.provenance) && !isFlagged(applies) ? rule.provenance : applies ?? rule.provenance;
                    return { text: titleOr(rule.title, rule.id), ...withProvenance(provenance) };
                }))
            }))
        ]
    };
}

/** `{ provenance }` when there is one (older JSON, or hand-made JSON in a test, may have none). */
function withProvenance(provenance: ProvenanceJson | undefined): { provenance?: ProvenanceJson } {
    return provenance ? { provenance } : {};
}

/** A blank title (an error in the source) would give an empty header; the id at least says what it is. */
function titleOr(title: string, id: string): string {
    return title.trim() ? title : id;
}
