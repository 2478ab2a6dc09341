import type { ProvenanceJson } from '../generation/json/handreiking-json.js';
import type { ElementRef, Field, ProvenancePart, StructureChange, Value } from './review-json.js';

/** Fields of one element in two versions compared, each difference recorded as a `modified` change. */

/** What a change of a field is about, besides the element: which line, which characteristic, which named value or input. */
export interface FieldQualifier {
    part?: ProvenancePart;
    characteristic?: string;
    name?: string;
}

export class FieldDiff {
    constructor(private readonly changes: StructureChange[]) {}

    /** Records a change of `field` when the values differ (an absent value is "not set"). */
    field(element: ElementRef, field: Field, o: Value | undefined, n: Value | undefined, extra: FieldQualifier = {}): void {
        if (JSON.stringify(o) === JSON.stringify(n)) return;
        this.changed(element, field, o, n, extra);
    }

    /**
     * Records a change of `field` when the trees `oTree` and `nTree` differ (undefined: not set), shown
     * as the texts `o` and `n`: a calculation's formula is compared as a tree and shown as it is written.
     */
    tree(element: ElementRef, field: Field, oTree: unknown, nTree: unknown, o: Value | undefined, n: Value | undefined, extra: FieldQualifier = {}): void {
        if (JSON.stringify(oTree) === JSON.stringify(nTree)) return;
        this.changed(element, field, o, n, extra);
    }

    private changed(element: ElementRef, field: Field, o: Value | undefined, n: Value | undefined, extra: FieldQualifier): void {
        this.changes.push({
            change: 'modified', element, field, ...extra,
            ...(o !== undefined ? { old: o } : {}),
            ...(n !== undefined ? { new: n } : {})
        });
    }

    /**
     * A provenance that differs. One inherited in both versions is its container's (a tree's for
     * its nodes, an element's for its lines) and is reported there, not once per node or line.
     */
    provenance(element: ElementRef, o: ProvenanceJson | undefined, n: ProvenanceJson | undefined, part?: ProvenancePart, of: Omit<FieldQualifier, 'part'> = {},
        topLevel = false): void {
        if (!topLevel && o?.inherited && n?.inherited) return;
        this.field(element, 'provenance', o && plainProvenance(o), n && plainProvenance(n), { ...(part ? { part } : {}), ...of });
    }

    /** The provenance of the lines of a list (activities, conditions), unless all are inherited in both. */
    provenanceList(element: ElementRef, o: ProvenanceJson[], n: ProvenanceJson[], part: ProvenancePart): void {
        if (o.every(p => p.inherited) && n.every(p => p.inherited)) return;
        this.field(element, 'provenance', o.map(plainProvenance), n.map(plainProvenance), { part });
    }

    /** The documentation comment, the `toelichting` and its provenance: every element has them. */
    described(element: ElementRef, o: { documentation?: string; description?: string; descriptionProvenance?: ProvenanceJson },
        n: { documentation?: string; description?: string; descriptionProvenance?: ProvenanceJson }): void {
        this.field(element, 'description', o.description, n.description);
        this.field(element, 'documentation', o.documentation, n.documentation);
        if (o.description !== undefined && n.description !== undefined) this.provenance(element, o.descriptionProvenance, n.descriptionProvenance, 'description');
    }
}

/** What a reader sees of a provenance: its kind and text, not whether it was written here or inherited. */
function plainProvenance(p: ProvenanceJson): ProvenanceJson {
    return { kind: p.kind, ...(p.detail !== undefined ? { detail: p.detail } : {}) };
}
