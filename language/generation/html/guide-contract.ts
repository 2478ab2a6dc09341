import type { LinkJson } from '../json/handreiking-json.js';

/**
 * What the generated page and the browser app agree on: the data block's id and the in-page
 * anchors (the generator writes the `id`s, the app builds links to them), so a link always finds
 * its section. Pure, and small: the browser bundle imports it.
 */

/** The id of the `<script type="application/json">` block the browser app reads. */
export const DATA_ELEMENT_ID = 'handreiking-data';

export type AnchorKind = 'tree' | 'typology' | 'funding' | 'stakeholder' | 'chapter' | 'calculation';

const prefixes: Record<AnchorKind, string> = {
    tree: 'boom',
    typology: 'typologie',
    funding: 'financiering',
    stakeholder: 'partij',
    chapter: 'hoofdstuk',
    calculation: 'rekenhulp'
};

/**
 * `boom-Bewonersbeheer`. Names are identifiers already; anything outside `[A-Za-z0-9-]` is still
 * written as `_hex_`, so the anchor is a plain token and two names never share one.
 */
export function anchorId(kind: AnchorKind, id: string): string {
    return `${prefixes[kind]}-${id.replace(/[^A-Za-z0-9-]/gu, c => `_${c.codePointAt(0)!.toString(16)}_`)}`;
}

/**
 * The ids of a rekenhulp's parts (calculator-html.ts writes them, browser/calculator.ts finds
 * them): the input's field, its hint and its error message. The `.` between calculation and input
 * is written as `_2e_`, so no two inputs share an id.
 */
export function calculatorIds(calculation: string, input: string): { field: string; hint: string; error: string } {
    const base = anchorId('calculation', `${calculation}.${input}`);
    return { field: `${base}-veld`, hint: `${base}-hint`, error: `${base}-fout` };
}

/** Where a `zie` link points in the page; a node link opens its tree. */
export function linkAnchor(link: LinkJson): string {
    switch (link.kind) {
        case 'node': return anchorId('tree', link.target.split('.')[0]);
        default: return anchorId(link.kind, link.target);
    }
}
