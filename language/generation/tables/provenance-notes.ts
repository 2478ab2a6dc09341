import type { ProvenanceJson } from '../json/handreiking-json.js';
import { isFlagged, type FlaggedProvenance } from '../../i18n/provenance-words.js';

/**
 * The notes under a table that say why a marked cell is not the guide's own: one per distinct
 * kind and reason, numbered in the order the cells are read, so twenty values "Niet op de dia."
 * share one note.
 */
export class ProvenanceNotes {
    private readonly numbers = new Map<string, number>();
    readonly notes: FlaggedProvenance[] = [];

    /** The note's number (from 1) for reconstructed or illustrative content; undefined for the rest. */
    number(provenance: ProvenanceJson | undefined): number | undefined {
        if (!isFlagged(provenance)) return undefined;
        const key = `${provenance.kind}\n${provenance.detail?.trim() ?? ''}`;
        let number = this.numbers.get(key);
        if (number === undefined) {
            this.notes.push(provenance);
            number = this.notes.length;
            this.numbers.set(key, number);
        }
        return number;
    }
}
