import type { CalculationJson } from '../json/handreiking-json.js';
import { anchorId } from './guide-contract.js';

/**
 * The link from an advice to the rekenhulp of its calculation (`berekening X`), in the same words
 * wherever the guide shows that advice: the walkthrough, "Uw situatie" and the text version of the
 * flowchart. Pure, no DOM: the page's generator and its browser app both use it.
 */
export function calculatorLink(calculation: Pick<CalculationJson, 'id' | 'title'>): { href: string; text: string } {
    return { href: `#${anchorId('calculation', calculation.id)}`, text: `Reken het uit: ${calculation.title || 'rekenhulp'}` };
}
