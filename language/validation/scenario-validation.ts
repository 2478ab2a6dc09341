import type { ValidationAcceptor } from 'langium';
import { isAdvies, isVraag, type Scenario } from '../generated/ast.js';
import type { CheckContext } from './check-context.js';
import { IssueCodes } from './codes.js';

/**
 * HRK040 beyond linking (unknown trees and nodes are reported by the document validator): each
 * answer must be one the question offers, a question is answered once, and a scenario expects an advice.
 */
export function scenarioMustNameKnownAnswers(scenario: Scenario, accept: ValidationAcceptor, ctx: CheckContext): void {
    const seen = new Set<string>();
    for (const stap of scenario.stappen) {
        const vraag = stap.vraag?.ref;
        if (!vraag || !isVraag(vraag)) continue;
        if (seen.has(vraag.name)) {
            accept('error', ctx.t('scenarioQuestionTwice', { vraag: vraag.name }), {
                node: stap, property: 'vraag', code: IssueCodes.ScenarioUnknown
            });
        }
        seen.add(vraag.name);
        const given = stap.soort ?? stap.label;
        const offered = vraag.antwoorden.map(a => a.soort ?? a.label);
        if (given === undefined || offered.includes(given)) continue;
        const mogelijk = vraag.antwoorden.map(a => a.soort ?? `"${a.label}"`).join(', ');
        accept('error', ctx.t('scenarioUnknownAnswer', { antwoord: stap.soort ? `‘${given}’` : `"${given}"`, vraag: vraag.name, mogelijk }), {
            node: stap, property: stap.soort ? 'soort' : 'label', code: IssueCodes.ScenarioUnknown,
            data: { offered }
        });
    }
    const verwacht = scenario.verwacht?.ref;
    if (verwacht && isAdvies(verwacht) && verwacht.daarna.length > 0) {
        accept('error', ctx.t('scenarioExpectsChainedAdvice', { naam: verwacht.name, daarna: verwacht.daarna[0].$refText }), {
            node: scenario, property: 'verwacht', code: IssueCodes.ScenarioUnknown
        });
    }
    if (verwacht && !isAdvies(verwacht)) {
        accept('error', ctx.t('scenarioExpectsNonAdvice', { naam: verwacht.name }), {
            node: scenario, property: 'verwacht', code: IssueCodes.ScenarioUnknown
        });
    }
}

/** HRK040: `langs` names each node once; the order of the path is checked by `handreiking test`. */
export function scenarioPassesMustNameEachNodeOnce(scenario: Scenario, accept: ValidationAcceptor, ctx: CheckContext): void {
    const seen = new Set<string>();
    scenario.langs.forEach((ref, index) => {
        const name = ref.ref?.name ?? ref.$refText;
        if (!name) return;
        if (seen.has(name)) {
            accept('error', ctx.t('scenarioPassesTwice', { knoop: name }), { node: scenario, property: 'langs', index, code: IssueCodes.ScenarioUnknown });
        }
        seen.add(name);
    });
}
