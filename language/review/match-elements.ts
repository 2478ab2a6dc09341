import type { ElementType, StructureChange } from './review-json.js';

/**
 * Pairing the elements of two versions: by id, and an element whose id is gone to a new one with
 * the same title, so that a rename reads as a rename and not as a removal plus an addition.
 */

export interface Matched<T> {
    pairs: Array<[T, T]>;
    added: T[];
    removed: T[];
    /** Pairs (also in `pairs`) whose ids differ. */
    renamed: Array<[T, T]>;
}

/**
 * Pairs elements by id; of the rest, an old and a new element with the same (non-empty) title are
 * one element renamed, when no other element has that title. The first of a duplicated id counts.
 */
export function matchElements<T extends { id: string }>(olds: readonly T[], news: readonly T[], title: (e: T) => string | undefined): Matched<T> {
    const oldById = firstById(olds);
    const newById = firstById(news);
    const pairs: Array<[T, T]> = [];
    for (const [id, o] of oldById) {
        const n = newById.get(id);
        if (n) pairs.push([o, n]);
    }
    let removed = [...oldById.values()].filter(o => !newById.has(o.id));
    let added = [...newById.values()].filter(n => !oldById.has(n.id));
    const renamed: Array<[T, T]> = [];
    for (const o of removed) {
        const t = title(o);
        if (!t) continue;
        const candidates = added.filter(n => title(n) === t);
        if (candidates.length === 1 && removed.filter(r => title(r) === t).length === 1) renamed.push([o, candidates[0]]);
    }
    removed = removed.filter(o => !renamed.some(([r]) => r === o));
    added = added.filter(n => !renamed.some(([, a]) => a === n));
    return { pairs: [...pairs, ...renamed], added, removed, renamed };
}

export function firstById<T extends { id: string }>(elements: readonly T[]): Map<string, T> {
    const byId = new Map<string, T>();
    for (const e of elements) if (!byId.has(e.id)) byId.set(e.id, e);
    return byId;
}

export function report<T extends { id: string; title?: string; text?: string }>(changes: StructureChange[], type: ElementType, matched: Matched<T>): void {
    for (const n of matched.added) changes.push({ change: 'added', element: { type, id: n.id }, title: n.title ?? '' });
    for (const o of matched.removed) changes.push({ change: 'removed', element: { type, id: o.id }, title: o.title ?? '' });
    for (const [o, n] of matched.renamed) changes.push({ change: 'renamed', element: { type, id: n.id }, oldId: o.id, matchedBy: 'text' });
}
