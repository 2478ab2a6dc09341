import type { LinkKind } from '../generation/json/handreiking-json.js';
import type { Lang } from './locale.js';

/**
 * How the kind of a `zie` link is named beside it, in every place that shows one: the link boxes
 * of the diagrams (Dutch, like the rest of a diagram), the HTML guide and the preview's walkthrough.
 */
export const linkKindWords: Readonly<Record<Lang, Readonly<Record<LinkKind, string>>>> = {
    nl: { tree: 'beslisboom', node: 'knoop', chapter: 'hoofdstuk', typology: 'typologie', funding: 'financiering' },
    en: { tree: 'decision tree', node: 'node', chapter: 'chapter', typology: 'typology', funding: 'funding' }
};
