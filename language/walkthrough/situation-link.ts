import type { WalkState } from './walk-state.js';

/**
 * "Uw situatie" as a link: a walk's tree, start and answers in the URL's fragment, so a reader can
 * keep or share it and open it again. The fragment never leaves the reader's machine (a browser
 * sends no fragment with a request, and the guide makes no requests). Opening a link only replays
 * answers with `Walkthrough` (which drops any that do not fit the tree), so a changed guide or a
 * hand-made link can at worst give a shorter walk; anything else is refused with a reason.
 *
 * `#situatie?boom=Bewonersbeheer&a=Stabiel:nee&a=Onenigheid:ja` (`van=` when the walk did not start
 * at the tree's start). Question ids are names (no colon), so the first colon ends them; the answer
 * is any text. Pure, for the browser app and the tests.
 */

export const SITUATION_PREFIX = '#situatie?';

/** Longer fragments are refused unread: no guide has walks this long. */
export const MAX_FRAGMENT_LENGTH = 8_000;
export const MAX_ANSWERS = 200;

export function situationFragment(state: WalkState): string {
    const params = new URLSearchParams();
    params.append('boom', state.tree);
    if (state.from !== undefined) params.append('van', state.from);
    for (const answer of state.answers) params.append('a', `${answer.question}:${answer.answer}`);
    return SITUATION_PREFIX + params.toString();
}

export type ParsedSituation =
    | { kind: 'none' }
    | { kind: 'state'; state: WalkState }
    | { kind: 'invalid'; reason: string };

/** Reads a `location.hash`; `none` when it is no situation link at all (an ordinary anchor). */
export function parseSituationFragment(hash: string): ParsedSituation {
    if (!hash.startsWith(SITUATION_PREFIX)) return { kind: 'none' };
    if (hash.length > MAX_FRAGMENT_LENGTH) return { kind: 'invalid', reason: 'de link is te lang' };
    let params: URLSearchParams;
    try {
        params = new URLSearchParams(hash.slice(SITUATION_PREFIX.length));
    } catch {
        return { kind: 'invalid', reason: 'de link is beschadigd' };
    }
    const tree = params.get('boom');
    if (!tree) return { kind: 'invalid', reason: 'de link noemt geen beslisboom' };
    const raw = params.getAll('a');
    if (raw.length > MAX_ANSWERS) return { kind: 'invalid', reason: 'de link heeft te veel antwoorden' };
    const answers: WalkState['answers'] = [];
    for (const item of raw) {
        const colon = item.indexOf(':');
        if (colon <= 0) return { kind: 'invalid', reason: 'een antwoord in de link is beschadigd' };
        answers.push({ question: item.slice(0, colon), answer: item.slice(colon + 1) });
    }
    const from = params.get('van');
    return { kind: 'state', state: { tree, ...(from ? { from } : {}), answers } };
}
