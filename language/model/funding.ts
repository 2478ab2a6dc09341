import {
    isAlleTypologieen, isEnOf, isHaakjes, isTypologieLijst, isTypologieVoorwaarde, isVergelijking,
    type Financiering, type Typologie
} from '../generated/ast.js';
import type { AstNode } from 'langium';

/** The value a typology gives a characteristic, by characteristic name (the first if set twice). */
export function valueOf(typologie: Typologie, kenmerk: string): string | undefined {
    return typologie.waarden.find(w => w.kenmerk?.$refText === kenmerk)?.waarde;
}

/**
 * Evaluates a condition on one typology. A comparison whose characteristic the typology does not
 * set is false (also for `!=`): an unknown value never makes a funding rule apply.
 * `>=` and `<=` compare positions on the characteristic's ordered scale.
 */
export function conditionHolds(conditie: AstNode | undefined, typologie: Typologie): boolean {
    if (!conditie) return false;
    if (isEnOf(conditie)) {
        const left = conditionHolds(conditie.left, typologie);
        return conditie.operator === 'en'
            ? left && conditionHolds(conditie.right, typologie)
            : left || conditionHolds(conditie.right, typologie);
    }
    if (isHaakjes(conditie)) return conditionHolds(conditie.conditie, typologie);
    if (isVergelijking(conditie)) {
        const kenmerk = conditie.kenmerk?.ref;
        const actual = valueOf(typologie, conditie.kenmerk?.$refText ?? '');
        if (!kenmerk || actual === undefined) return false;
        switch (conditie.operator) {
            case '=': return actual === conditie.waarde;
            case '!=': return actual !== conditie.waarde;
            case '>=':
            case '<=': {
                const a = kenmerk.waarden.indexOf(actual);
                const b = kenmerk.waarden.indexOf(conditie.waarde);
                if (a < 0 || b < 0) return false;
                return conditie.operator === '>=' ? a >= b : a <= b;
            }
        }
    }
    return false;
}

/** The typologies (of those given, in their order) to which a funding rule applies. */
export function resolveApplicability(financiering: Financiering, typologieen: readonly Typologie[]): Typologie[] {
    const voor = financiering.voor[0];
    if (!voor) return [];
    if (isAlleTypologieen(voor)) return [...typologieen];
    if (isTypologieLijst(voor)) {
        const listed = new Set(voor.typologieen.map(t => t.ref).filter((t): t is Typologie => !!t));
        return typologieen.filter(t => listed.has(t));
    }
    if (isTypologieVoorwaarde(voor)) {
        return typologieen.filter(t => conditionHolds(voor.conditie, t));
    }
    return [];
}
