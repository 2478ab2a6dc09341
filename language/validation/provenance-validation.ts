import type { ValidationAcceptor } from 'langium';
import { isBeslisboom, type Gids, type Herkomst } from '../generated/ast.js';
import type { MessageKey } from '../i18n/messages.js';
import { effectiveHerkomst, type ContentElement } from '../provenance/herkomst.js';
import type { CheckContext } from './check-context.js';
import { IssueCodes } from './codes.js';

/** Which word names each top-level content element in HRK060. */
const kindWords: Record<string, MessageKey> = {
    Beslisboom: 'kindBeslisboomHoofdletter',
    Typologie: 'kindTypologieHoofdletter',
    Financiering: 'kindFinancieringHoofdletter',
    Berekening: 'kindBerekeningHoofdletter',
    Partij: 'kindPartijHoofdletter',
    Hoofdstuk: 'kindHoofdstukHoofdletter'
};

/**
 * HRK060: content should say where it comes from, so that no reader takes a reconstruction for
 * the guide's own words. Reported once per top-level element whose `herkomst` is unknown (its own,
 * nor the file's): a node or value inherits from its block, so it can only be unmarked when its
 * block is, and the message counts the tree's unmarked nodes instead of repeating itself. A hint,
 * or a warning when strict (`--streng`, the setting `handreiking.herkomst.streng`).
 */
export function contentShouldSayWhereItComesFrom(element: ContentElement, accept: ValidationAcceptor, ctx: CheckContext): void {
    const key = kindWords[element.$type];
    if (!key || !element.name || effectiveHerkomst(element).soort) return;
    const knopen = isBeslisboom(element) ? element.knopen.filter(k => !effectiveHerkomst(k).soort).length : 0;
    const severity = ctx.services.handreiking.HerkomstSetting.streng ? 'warning' : 'hint';
    accept(severity, ctx.t('contentWithoutHerkomst', { soort: ctx.t(key), naam: element.name, knopen }), {
        node: element,
        property: 'name',
        code: IssueCodes.ContentWithoutProvenance
    });
}

/** Text that says nothing: empty, or only spaces and punctuation (the `"…"` a quick fix leaves). */
function isBlank(text: string): boolean {
    return !/[\p{L}\p{N}]/u.test(text);
}

/** HRK061: a reconstruction must say why, a source must be named, and a text written must say something. */
export function herkomstMustBeComplete(herkomst: Herkomst, accept: ValidationAcceptor, ctx: CheckContext): void {
    const tekst = herkomst.tekst;
    if (herkomst.soort === 'gereconstrueerd' && (tekst === undefined || isBlank(tekst))) {
        accept('error', ctx.t('herkomstWithoutReason'), { node: herkomst, ...(tekst === undefined ? { property: 'soort' } : { property: 'tekst' }), code: IssueCodes.BadProvenance });
    } else if (herkomst.soort === 'bron' && (tekst === undefined || isBlank(tekst))) {
        accept('error', ctx.t('herkomstWithoutSource'), { node: herkomst, ...(tekst === undefined ? { property: 'soort' } : { property: 'tekst' }), code: IssueCodes.BadProvenance });
    } else if (tekst !== undefined && isBlank(tekst) && herkomst.soort) {
        accept('error', ctx.t('herkomstBlankText', { soort: herkomst.soort }), { node: herkomst, property: 'tekst', code: IssueCodes.BadProvenance });
    }
}

/**
 * HRK061 and HRK003 for the file's default: one, above the first element. (The grammar reads a
 * `herkomst` anywhere between elements, so that one in the wrong place gets this message instead
 * of a syntax error.)
 */
export function fileHerkomstMustComeFirst(gids: Gids, accept: ValidationAcceptor, ctx: CheckContext): void {
    const first = gids.elementen[0]?.$cstNode?.offset;
    gids.herkomst.forEach((herkomst, index) => {
        const offset = herkomst.$cstNode?.offset ?? 0;
        if (first !== undefined && offset > first) {
            accept('error', ctx.t('herkomstFileNotFirst'), { node: gids, property: 'herkomst', index, code: IssueCodes.BadProvenance });
        } else if (index > 0) {
            accept('error', ctx.t('herkomstTwiceInFile'), { node: gids, property: 'herkomst', index, code: IssueCodes.PropertyMissingOrRepeated });
        }
    });
}
