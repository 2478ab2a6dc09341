import type { ValidationAcceptor } from 'langium';
import { Kenmerk, type KenmerkWaarde, type Typologie, type Vergelijking } from '../generated/ast.js';
import type { CheckContext } from './check-context.js';
import { IssueCodes } from './codes.js';

/** HRK020: a typology gives every declared characteristic a value (the guide compares them side by side). */
export function typologyShouldSetEveryCharacteristic(typologie: Typologie, accept: ValidationAcceptor, ctx: CheckContext): void {
    if (!typologie.name) return;
    const set = new Set(typologie.waarden.map(w => w.kenmerk?.$refText));
    const missing = ctx.services.shared.workspace.IndexManager.allElements(Kenmerk.$type)
        .map(d => d.name)
        .filter(name => !set.has(name))
        .distinct()
        .toArray();
    if (missing.length === 0) return;
    const kenmerken = missing.map(m => `‘${m}’`).join(', ');
    accept('warning', ctx.t('missingCharacteristic', { typologie: typologie.name, kenmerken }), {
        node: typologie, property: 'name', code: IssueCodes.MissingCharacteristic,
        data: { missing }
    });
}

/** HRK021: a value must be on the characteristic's scale. */
export function valueMustBeOnScale(item: KenmerkWaarde | Vergelijking, accept: ValidationAcceptor, ctx: CheckContext): void {
    const kenmerk = item.kenmerk?.ref;
    if (!kenmerk || item.waarde === undefined || kenmerk.waarden.includes(item.waarde)) return;
    accept('error', ctx.t('valueNotOnScale', {
        waarde: item.waarde, kenmerk: kenmerk.name, schaal: kenmerk.waarden.map(w => `"${w}"`).join(', ')
    }), {
        node: item, property: 'waarde', code: IssueCodes.BadCharacteristicValue,
        data: { scale: kenmerk.waarden }
    });
}

/** HRK021: a typology sets each characteristic once. */
export function characteristicMustBeSetOnce(typologie: Typologie, accept: ValidationAcceptor, ctx: CheckContext): void {
    const seen = new Set<string>();
    for (const waarde of typologie.waarden) {
        const name = waarde.kenmerk?.$refText;
        if (!name) continue;
        if (seen.has(name)) {
            accept('error', ctx.t('characteristicTwice', { kenmerk: name, typologie: typologie.name }), {
                node: waarde, property: 'kenmerk', code: IssueCodes.BadCharacteristicValue
            });
        }
        seen.add(name);
    }
}

/** HRK021: a scale lists each value once, and has at least one. */
export function scaleMustBeProper(kenmerk: Kenmerk, accept: ValidationAcceptor, ctx: CheckContext): void {
    if (!kenmerk.name) return;
    if (kenmerk.waarden.length === 0) {
        accept('error', ctx.t('emptyScale', { kenmerk: kenmerk.name }), {
            node: kenmerk, property: 'name', code: IssueCodes.BadCharacteristicValue
        });
        return;
    }
    const seen = new Set<string>();
    kenmerk.waarden.forEach((waarde, index) => {
        if (seen.has(waarde)) {
            accept('error', ctx.t('valueTwiceOnScale', { waarde, kenmerk: kenmerk.name }), {
                node: kenmerk, property: 'waarden', index, code: IssueCodes.BadCharacteristicValue
            });
        }
        seen.add(waarde);
    });
}
