/**
 * How strictly content without `herkomst` is reported (HRK060): a hint by default, a warning when
 * strict — `handreiking check --streng`, or the editor's setting `handreiking.herkomst.streng`.
 */
export class HerkomstSetting {
    streng = false;
}

/** The client setting (section `handreiking`): `handreiking.herkomst.streng`. */
export const HerkomstSettingKey = { section: 'handreiking', key: 'herkomst', streng: 'streng' } as const;

/** Reads `streng` from a settings object `{ streng?: boolean }` (the section's `herkomst` part, or initialization options). */
export function strengFrom(value: unknown): boolean | undefined {
    if (typeof value !== 'object' || value === null) return undefined;
    const streng = (value as Record<string, unknown>)[HerkomstSettingKey.streng];
    return typeof streng === 'boolean' ? streng : undefined;
}
