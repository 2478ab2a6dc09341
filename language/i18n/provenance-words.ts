import type { ProvenanceJson, ProvenanceKind } from '../generation/json/handreiking-json.js';
import type { Lang } from './locale.js';

/**
 * How provenance (`herkomst`) is named for a reader, in every place that shows it: the HTML guide
 * (its badges, the typology table's notes, the diagrams' legend and tooltips), the preview and the
 * Markdown table. Pure, no DOM: the browser bundles import it too.
 */

/** The kinds a reader must be told about: content that is not the guide's own words. */
export type FlaggedKind = 'reconstructed' | 'illustrative';

export type FlaggedProvenance = ProvenanceJson & { kind: FlaggedKind };

/** True for reconstructed and illustrative content: a reader must not take it for the guide's. */
export function isFlagged(provenance: ProvenanceJson | undefined): provenance is FlaggedProvenance {
    return provenance?.kind === 'reconstructed' || provenance?.kind === 'illustrative';
}

/** The first flagged one, reconstructed before illustrative (reconstructed claims more). */
export function mostFlagged(...provenances: Array<ProvenanceJson | undefined>): FlaggedProvenance | undefined {
    const flagged = provenances.filter(isFlagged);
    return flagged.find(p => p.kind === 'reconstructed') ?? flagged[0];
}

/** The kind as a badge says it (capitalised) and as a marker in running text (lower case). */
export const provenanceWords: Readonly<Record<Lang, Readonly<Record<ProvenanceKind, { badge: string; mark: string }>>>> = {
    nl: {
        guide: { badge: 'Handreiking', mark: 'handreiking' },
        source: { badge: 'Bron', mark: 'bron' },
        reconstructed: { badge: 'Gereconstrueerd', mark: 'gereconstrueerd' },
        illustrative: { badge: 'Illustratief', mark: 'illustratief' },
        unmarked: { badge: 'Zonder herkomst', mark: 'zonder herkomst' }
    },
    en: {
        guide: { badge: 'Guide', mark: 'guide' },
        source: { badge: 'Source', mark: 'source' },
        reconstructed: { badge: 'Reconstructed', mark: 'reconstructed' },
        illustrative: { badge: 'Illustrative', mark: 'illustrative' },
        unmarked: { badge: 'Unmarked', mark: 'unmarked' }
    }
};

/** What the two flagged kinds mean, for legends. */
export const flaggedMeaning: Readonly<Record<Lang, Readonly<Record<FlaggedKind, string>>>> = {
    nl: {
        reconstructed: 'de lezing van de redactie, niet de tekst van de handreiking',
        illustrative: 'een voorbeeld van de redactie, niet uit de handreiking'
    },
    en: {
        reconstructed: 'the editors\' reading, not the guide\'s text',
        illustrative: 'an example made up by the editors, not from the guide'
    }
};

/** `Gereconstrueerd: <reason>`, or the kind alone when nothing is written after it. */
export function provenanceSentence(provenance: ProvenanceJson, lang: Lang): string {
    const word = provenanceWords[lang][provenance.kind].badge;
    const detail = provenance.detail?.trim();
    return detail ? `${word}: ${detail}` : word;
}

/**
 * What a drawn node says about its provenance (diagrams): a node's text, or for a funding rule
 * also which typologies it applies to. Each part is flagged; `kind` is what the border shows.
 */
export interface DrawnProvenance {
    kind: FlaggedKind;
    parts: Array<{ part: 'element' | 'applicability'; provenance: FlaggedProvenance }>;
}

const partWords: Readonly<Record<Lang, Readonly<Record<'element' | 'applicability', string>>>> = {
    nl: { element: '', applicability: 'Voor welke typologieën' },
    en: { element: '', applicability: 'Which typologies' }
};

/** One line per part, for a tooltip: `Gereconstrueerd: …` or `Voor welke typologieën — Gereconstrueerd: …`. */
export function drawnProvenanceText(drawn: DrawnProvenance, lang: Lang): string {
    return drawn.parts.map(({ part, provenance }) => {
        const about = partWords[lang][part];
        return about ? `${about} — ${provenanceSentence(provenance, lang)}` : provenanceSentence(provenance, lang);
    }).join('\n');
}

/**
 * The legend of a diagram: what its dashed and dotted borders mean. `hint` is for a page where a
 * node can be pointed at; `exportHint` for a diagram on its own (`.mmd`, SVG, PNG), where it cannot.
 */
export const diagramLegend: Readonly<Record<Lang, { title: string; reconstructed: string; illustrative: string; hint: string; exportHint: string; tree: string }>> = {
    nl: {
        title: 'Herkomst',
        reconstructed: `Gestreepte rand: gereconstrueerd (${flaggedMeaning.nl.reconstructed})`,
        illustrative: `Gestippelde rand: illustratief (${flaggedMeaning.nl.illustrative})`,
        hint: 'Wijs een knoop aan voor de reden.',
        exportHint: 'De reden per knoop staat in de HTML-handreiking.',
        tree: 'De verbindingen van deze boom'
    },
    en: {
        title: 'Provenance',
        reconstructed: `Dashed border: reconstructed (${flaggedMeaning.en.reconstructed})`,
        illustrative: `Dotted border: illustrative (${flaggedMeaning.en.illustrative})`,
        hint: 'Point at a node for the reason.',
        exportHint: 'The reason for each node is in the HTML guide.',
        tree: 'The connections of this tree'
    }
};
