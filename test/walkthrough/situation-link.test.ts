import { describe, expect, test } from 'vitest';
import { MAX_ANSWERS, MAX_FRAGMENT_LENGTH, parseSituationFragment, situationFragment } from '../../language/walkthrough/situation-link.js';

describe('a walk in the URL fragment ("uw situatie")', () => {
    test('round trip: tree, start and answers, whatever the answers say', () => {
        const state = {
            tree: 'Bewonersbeheer',
            from: 'Stabiel',
            answers: [
                { question: 'Stabiel', answer: 'nee' },
                { question: 'Vraag2', answer: 'a&b=c:d#e f?g%h' },
                { question: 'Vraag3', answer: '</script><img src=x onerror=alert(1)> ‘ü’ 😀' }
            ]
        };
        const fragment = situationFragment(state);
        expect(fragment.startsWith('#situatie?boom=Bewonersbeheer&van=Stabiel&a=Stabiel%3Anee')).toBe(true);
        expect(fragment.slice(1)).not.toMatch(/[#<>\s"]/);
        expect(parseSituationFragment(fragment)).toEqual({ kind: 'state', state });
        expect(parseSituationFragment(situationFragment({ tree: 'T', answers: [] }))).toEqual({ kind: 'state', state: { tree: 'T', answers: [] } });
    });

    test('an ordinary anchor is no situation link', () => {
        for (const hash of ['', '#', '#inhoud', '#boom-Bewonersbeheer', '#situatie', '#Situatie?boom=x']) expect(parseSituationFragment(hash)).toEqual({ kind: 'none' });
    });

    test.each([
        ['no tree', '#situatie?a=V:ja', 'de link noemt geen beslisboom'],
        ['an empty tree', '#situatie?boom=&a=V:ja', 'de link noemt geen beslisboom'],
        ['an answer without its question', '#situatie?boom=T&a=ja', 'een antwoord in de link is beschadigd'],
        ['an answer with an empty question', '#situatie?boom=T&a=:ja', 'een antwoord in de link is beschadigd'],
        ['too long', `#situatie?boom=T&a=V:${'x'.repeat(MAX_FRAGMENT_LENGTH)}`, 'de link is te lang'],
        ['too many answers', `#situatie?boom=T${'&a=V:j'.repeat(MAX_ANSWERS + 1)}`, 'de link heeft te veel antwoorden']
    ])('refused with a reason: %s', (_name, hash, reason) => {
        expect(parseSituationFragment(hash)).toEqual({ kind: 'invalid', reason });
    });

    test('broken escapes and odd names are read as text, never thrown', () => {
        expect(parseSituationFragment('#situatie?boom=%E0%A4%A&a=V:%ZZ')).toMatchObject({ kind: 'state', state: { answers: [{ question: 'V', answer: '%ZZ' }] } });
        expect(parseSituationFragment('#situatie?boom=__proto__&a=constructor:toString')).toEqual({
            kind: 'state', state: { tree: '__proto__', answers: [{ question: 'constructor', answer: 'toString' }] }
        });
    });
});
