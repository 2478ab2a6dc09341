import type { HandreikingJson, Term } from '../json/handreiking-json.js';

/**
 * The comparison of typologies as the guide's slides show it, independent of the output format: a
 * row per characteristic, then activities, comparable rooms, and the funding sources per term.
 * Both table writers render exactly these rows, so HTML and Markdown cannot drift apart.
 */
export interface TypologyTable {
    columns: Array<{ id: string; title: string }>;
    rows: TypologyRow[];
}

export interface TypologyRow {
    /** Styling hook: `characteristic`, `activities`, `comparable` or `funding`. */
    group: 'characteristic' | 'activities' | 'comparable' | 'funding';
    /** The characteristic's id or the term; absent for activities and comparable. */
    key?: string;
    title: string;
    /** One cell per column; a cell lists its values (one for a characteristic, none when missing). */
    cells: string[][];
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
    const fundingTitles = new Map(json.funding.map(f => [f.id, titleOr(f.title, f.id)]));
    return {
        columns: typologies.map(t => ({ id: t.id, title: titleOr(t.title, t.id) })),
        rows: [
            ...json.characteristics.map((c): TypologyRow => ({
                group: 'characteristic',
                key: c.id,
                title: titleOr(c.title, c.id),
                cells: typologies.map(t => {
                    const value = Object.hasOwn(t.values, c.id) ? t.values[c.id] : undefined;
                    if (value !== undefined) return [value];
                    // `Kenmerk = onbekend`: the guide says it is not known, which is not the same as blank.
                    return (t.unknownValues ?? []).includes(c.id) ? [UNKNOWN] : [];
                })
            })),
            { group: 'activities', title: 'Activiteiten', cells: typologies.map(t => [...t.activities]) },
            { group: 'comparable', title: 'Vergelijkbaar', cells: typologies.map(t => [...t.comparable]) },
            ...termTitles.map(([term, title]): TypologyRow => ({
                group: 'funding',
                key: term,
                title,
                cells: typologies.map(t => (t.funding[term] ?? []).map(id => fundingTitles.get(id) ?? id))
            }))
        ]
    };
}

/** A blank title (an error in the source) would give an empty header; the id at least says what it is. */
function titleOr(title: string, id: string): string {
    return title.trim() ? title : id;
}
