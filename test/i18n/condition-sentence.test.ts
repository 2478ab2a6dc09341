import { describe, expect, test } from 'vitest';
import type { CharacteristicJson, ConditionJson } from '../../language/generation/json/handreiking-json.js';
import { conditionSentence, conditionValues, longDate } from '../../language/i18n/condition-sentence.js';

const source = { file: 'k.hrk', line: 1, column: 1, endLine: 1, endColumn: 2 };
const characteristics: CharacteristicJson[] = [
    { id: 'Faciliteiten', title: 'Faciliteiten', values: ['minimaal', 'gemiddeld', 'veel'], source },
    { id: 'Gerichtheid', title: 'Gerichtheid', values: ['intern', 'extern'], source },
    { id: 'Organisatie', title: 'Organisatie', values: ['bewoners', 'bewoners met ondersteuning'], source },
    { id: 'SooKlasse', title: 'SOO-klasse', values: ['a', 'b'], source }
];
const compare = (characteristic: string, operator: '=' | '!=' | '>=' | '<=', value: string): ConditionJson => ({ op: 'compare', characteristic, operator, value });
const and = (left: ConditionJson, right: ConditionJson): ConditionJson => ({ op: 'and', left, right });
const or = (left: ConditionJson, right: ConditionJson): ConditionJson => ({ op: 'or', left, right });

/** No notation of the language may reach a reader. */
function expectNoOperators(text: string): void {
    expect(text).not.toMatch(/>=|<=|!=|(^|\s)=(\s|$)|\bnu:|"/);
}

describe('conditions as Dutch sentences', () => {
    test.each([
        ['=', compare('Gerichtheid', '=', 'extern'), 'ruimten waar gerichtheid ‘extern’ is'],
        ['!=', compare('Organisatie', '!=', 'bewoners'), 'ruimten waar organisatie niet ‘bewoners’ is'],
        ['>=', compare('Faciliteiten', '>=', 'gemiddeld'), 'ruimten waar faciliteiten ten minste ‘gemiddeld’ is (dus ‘gemiddeld’ of ‘veel’)'],
        ['<=', compare('Faciliteiten', '<=', 'gemiddeld'), 'ruimten waar faciliteiten ten hoogste ‘gemiddeld’ is (dus ‘minimaal’ of ‘gemiddeld’)'],
        ['>= at the top of the scale names no list', compare('Faciliteiten', '>=', 'veel'), 'ruimten waar faciliteiten ten minste ‘veel’ is'],
        ['en', and(compare('Gerichtheid', '=', 'extern'), compare('Faciliteiten', '=', 'veel')), 'ruimten waar gerichtheid ‘extern’ is en faciliteiten ‘veel’ is'],
        ['of, three in a row', or(or(compare('Organisatie', '=', 'bewoners'), compare('Gerichtheid', '=', 'extern')), compare('Faciliteiten', '=', 'veel')),
            'ruimten waar organisatie ‘bewoners’ is, gerichtheid ‘extern’ is of faciliteiten ‘veel’ is'],
        ['en inside of', or(compare('Organisatie', '=', 'bewoners'), and(compare('Gerichtheid', '=', 'extern'), compare('Faciliteiten', '<=', 'minimaal'))),
            'ruimten waar organisatie ‘bewoners’ is of zowel gerichtheid ‘extern’ is als faciliteiten ten hoogste ‘minimaal’ is'],
        ['of inside en', and(compare('Faciliteiten', '=', 'veel'), or(compare('Gerichtheid', '=', 'extern'), compare('Organisatie', '!=', 'bewoners'))),
            'ruimten waar faciliteiten ‘veel’ is en ofwel gerichtheid ‘extern’ is ofwel organisatie niet ‘bewoners’ is'],
        ['a title with more than one capital keeps them', compare('SooKlasse', '=', 'a'), 'ruimten waar SOO-klasse ‘a’ is'],
        ['an unknown characteristic is named by its name', compare('Onbekend', '>=', 'x'), 'ruimten waar onbekend ten minste ‘x’ is']
    ])('%s', (_name, condition, expected) => {
        const sentence = conditionSentence(condition, characteristics);
        expect(sentence).toBe(expected);
        expectNoOperators(sentence);
    });

    test('in English too', () => {
        expect(conditionSentence(and(compare('Faciliteiten', '>=', 'gemiddeld'), compare('Organisatie', '!=', 'bewoners')), characteristics, 'en'))
            .toBe('rooms where faciliteiten is at least ‘gemiddeld’ (that is ‘gemiddeld’ or ‘veel’) and organisatie is not ‘bewoners’');
    });

    test('a typology\'s own values, for the reason in the funding matrix', () => {
        const condition = or(compare('Faciliteiten', '>=', 'gemiddeld'), and(compare('Gerichtheid', '=', 'extern'), compare('Faciliteiten', '=', 'veel')));
        expect(conditionValues(condition, characteristics, { Faciliteiten: 'minimaal' })).toBe('faciliteiten is hier ‘minimaal’; gerichtheid is hier niet bekend');
        // A value named like an Object method is just a key.
        expect(conditionValues(compare('constructor', '=', 'x'), characteristics, {})).toBe('constructor is hier niet bekend');
    });
});

describe('dates in words', () => {
    test.each([
        ['2027-01-01', 'nl', '1 januari 2027'],
        ['2026-12-31', 'nl', '31 december 2026'],
        ['2027-03-09', 'en', 'March 9, 2027'],
        ['2027-13-01', 'nl', '2027-13-01'],
        ['morgen', 'nl', 'morgen']
    ] as const)('%s (%s) → %s', (date, lang, expected) => {
        expect(longDate(date, lang)).toBe(expected);
    });
});
