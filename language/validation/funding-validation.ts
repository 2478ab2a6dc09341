import type { ValidationAcceptor } from 'langium';
import type { Financiering, Typologie } from '../generated/ast.js';
import { resolveApplicability } from '../model/funding.js';
import { isCalendarDate } from '../model/dates.js';
import type { CheckContext } from './check-context.js';
import { IssueCodes } from './codes.js';

/** HRK030 (part): without `voor` a funding rule applies to nothing; said as you type. */
export function fundingMustSayWhereItApplies(financiering: Financiering, accept: ValidationAcceptor, ctx: CheckContext): void {
    if (!financiering.name || financiering.voor.length > 0) return;
    accept('warning', ctx.t('fundingWithoutScope', { naam: financiering.name }), {
        node: financiering, property: 'name', code: IssueCodes.FundingAppliesToNone
    });
}

/** HRK030 (workspace-wide, slow): a condition that matches no typology of the guide. */
export function fundingShouldApplyToSomeTypology(financiering: Financiering, accept: ValidationAcceptor, ctx: CheckContext): void {
    if (!financiering.name || financiering.voor.length === 0) return;
    const typologieen = ctx.services.handreiking.WorkspaceModel.typologieen();
    if (resolveApplicability(financiering, typologieen).length > 0) return;
    accept('warning', ctx.t('fundingAppliesToNone', { naam: financiering.name }), {
        node: financiering, keyword: 'voor', code: IssueCodes.FundingAppliesToNone
    });
}

/** HRK031 (workspace-wide, slow): "financiering niet sluitend" — no structural source for a typology. */
export function typologyShouldHaveStructuralFunding(typologie: Typologie, accept: ValidationAcceptor, ctx: CheckContext): void {
    if (!typologie.name) return;
    const model = ctx.services.handreiking.WorkspaceModel;
    const applicability = model.applicability();
    const structural = model.financieringen().filter(f => f.termijn[0] === 'structureel');
    if (structural.some(f => applicability.get(f)?.has(typologie))) return;
    accept('warning', ctx.t('noStructuralFunding', { typologie: typologie.name }), {
        node: typologie, property: 'name', code: IssueCodes.NoStructuralFunding
    });
}

/** HRK050: a scheme past its `geldig tot` date. */
export function fundingShouldBeValid(financiering: Financiering, accept: ValidationAcceptor, ctx: CheckContext): void {
    const datum = financiering.geldigTot[0];
    if (!datum) return;
    if (!isCalendarDate(datum)) {
        accept('error', ctx.t('invalidDate', { datum }), {
            node: financiering, property: 'geldigTot', index: 0, code: IssueCodes.Expired
        });
        return;
    }
    const vandaag = ctx.services.i18n.Clock.today();
    // 'geldig tot 2027-01-01' means the scheme lapses on that day (as the SOO does).
    if (vandaag < datum) return;
    accept('warning', ctx.t('expired', { naam: financiering.name, datum, vandaag }), {
        node: financiering, property: 'geldigTot', index: 0, code: IssueCodes.Expired,
        data: { datum }
    });
}
