import type { FundingJson, HandreikingJson, Term, TypologyJson } from '../json/handreiking-json.js';
import { conditionSentence, conditionValues, longDate } from '../../i18n/condition-sentence.js';
import { isFlagged, provenanceWords } from '../../i18n/provenance-words.js';
import { htmlText } from '../../text/html-escape.js';
import { anchorId } from './guide-contract.js';

/**
 * The funding overview of the HTML guide as a matrix: funding sources (rows, grouped by term) ×
 * typologies (columns), each cell ✓ or – with the reason, shown on hover and on keyboard focus and
 * read by screen readers as the cell's description. It replaces the Mermaid overview in the guide
 * (a tangle of crossing arrows); that one stays for the editors' preview.
 */

export const termTitles: ReadonlyArray<readonly [Term, string]> = [
    ['incidental', 'Incidenteel'],
    ['multiYear', 'Meerjarig'],
    ['structural', 'Structureel']
];

/** Why a source does or does not fit a typology, in words. */
export function fitReason(funding: FundingJson, typology: TypologyJson, json: HandreikingJson): { fits: boolean; reason: string } {
    const applicability = funding.applicability;
    const fits = applicability.typologies.includes(typology.id);
    let reason: string;
    switch (applicability.kind) {
        case 'all':
            reason = 'Deze bron geldt voor alle typologieën.';
            break;
        case 'list':
            reason = fits ? 'Deze bron noemt deze typologie.' : 'Deze bron noemt deze typologie niet.';
            break;
        case 'condition': {
            const condition = applicability.condition;
            const sentence = condition ? conditionSentence(condition, json.characteristics) : 'ruimten die aan een voorwaarde voldoen';
            const values = condition ? conditionValues(condition, json.characteristics, typology.values) : '';
            reason = `${fits ? 'Deze bron geldt voor' : 'Deze bron geldt alleen voor'} ${sentence}${values ? `; ${values}` : ''}.`;
            break;
        }
        default:
            reason = 'Bij deze bron staat niet voor welke typologieën ze geldt.';
    }
    const provenance = applicability.provenance;
    if (isFlagged(provenance)) {
        reason += ` ${provenanceWords.nl[provenance.kind].badge}${provenance.detail?.trim() ? `: ${provenance.detail.trim()}` : ''}`;
    }
    return { fits, reason };
}

export function fundingMatrixHtml(json: HandreikingJson): string {
    const groups: ReadonlyArray<readonly [string, FundingJson[]]> = [
        ...termTitles.map(([term, title]) => [title, json.funding.filter(f => f.term === term)] as const),
        ['Zonder termijn', json.funding.filter(f => f.term === undefined)]
    ];
    const columns = json.typologies.length + 1;
    const head = `<tr><th scope="col">Financieringsbron</th>${json.typologies.map(t =>
        `<th scope="col"><a href="#${htmlText(anchorId('typology', t.id))}">${htmlText(t.title || 'typologie')}</a></th>`).join('')}</tr>`;
    let row = 0;
    const bodies = groups.filter(([, rules]) => rules.length > 0).map(([title, rules]) => `<tbody>
<tr class="hrk-term"><th scope="colgroup" colspan="${columns}">${htmlText(title)}</th></tr>
${rules.map(funding => {
        const r = row++;
        const expiry = funding.validUntil ? `<span class="hrk-expiry">geldig tot ${htmlText(longDate(funding.validUntil))}</span>` : '';
        const cells = json.typologies.map((typology, c) => {
            const { fits, reason } = fitReason(funding, typology, json);
            const id = `hrk-fit-${r}-${c}`;
            return `<td class="${fits ? 'hrk-fits' : 'hrk-fits-not'}"><span class="hrk-cell" tabindex="0" aria-describedby="${id}">`
                + `<span aria-hidden="true">${fits ? '✓' : '–'}</span><span class="hrk-sr">${fits ? 'past' : 'past niet'}</span></span>`
                + `<span class="hrk-tip" role="tooltip" id="${id}">${htmlText(reason)}</span></td>`;
        }).join('');
        return `<tr><th scope="row"><a href="#${htmlText(anchorId('funding', funding.id))}">${htmlText(funding.title || 'financieringsbron')}</a>${expiry}</th>${cells}</tr>`;
    }).join('\n')}
</tbody>`).join('\n');
    return `<div class="table-wrap hrk-matrix-wrap" role="region" aria-labelledby="hrk-matrix-titel" tabindex="0">
<table class="hrk-matrix">
<caption id="hrk-matrix-titel">Welke financieringsbron past bij welke typologie</caption>
<thead>${head}</thead>
${bodies}
</table>
</div>
<p class="muted hrk-matrix-hint">✓ past, – past niet. Wijs een vakje aan of ga er met de Tab-toets naartoe voor de reden; Escape verbergt die weer.</p>`;
}
