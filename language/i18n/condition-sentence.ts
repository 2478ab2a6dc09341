import type { CharacteristicJson, ConditionJson } from '../generation/json/handreiking-json.js';
import type { Lang } from './locale.js';

/**
 * A funding rule's condition (`voor typologie waar Faciliteiten >= "gemiddeld" en …`) as a sentence
 * a reader understands, never in the notation of the language (`>=`, `!=`, `en`/`of` with
 * parentheses): "ruimten waar de faciliteiten ten minste ‘gemiddeld’ zijn (‘gemiddeld’ of ‘veel’)".
 * Pure: it works on the JSON form of the condition and the characteristics, so the generator and the
 * browser app can both use it. The values are quoted as the guide writes them.
 */

export interface ConditionWords {
    /** Before the clauses: "ruimten waar". */
    lead: string;
    /** `=`: "{kenmerk} is {waarde}". */
    equals: (characteristic: string, value: string) => string;
    notEquals: (characteristic: string, value: string) => string;
    atLeast: (characteristic: string, value: string) => string;
    atMost: (characteristic: string, value: string) => string;
    /** After `atLeast`/`atMost`: the values on the scale that it covers. */
    covers: (values: string) => string;
    and: string;
    or: string;
    /** A group of one kind inside a group of the other: "zowel A als B", "A of B" (first, last). */
    bothOpen: string;
    bothClose: string;
    eitherOpen: string;
    eitherClose: string;
}

const words: Readonly<Record<Lang, ConditionWords>> = {
    nl: {
        lead: 'ruimten waar',
        equals: (c, v) => `${c} ${v} is`,
        notEquals: (c, v) => `${c} niet ${v} is`,
        atLeast: (c, v) => `${c} ten minste ${v} is`,
        atMost: (c, v) => `${c} ten hoogste ${v} is`,
        covers: values => ` (dus ${values})`,
        and: 'en',
        or: 'of',
        bothOpen: 'zowel ',
        bothClose: ' als ',
        eitherOpen: 'ofwel ',
        eitherClose: ' ofwel '
    },
    en: {
        lead: 'rooms where',
        equals: (c, v) => `${c} is ${v}`,
        notEquals: (c, v) => `${c} is not ${v}`,
        atLeast: (c, v) => `${c} is at least ${v}`,
        atMost: (c, v) => `${c} is at most ${v}`,
        covers: values => ` (that is ${values})`,
        and: 'and',
        or: 'or',
        bothOpen: 'both ',
        bothClose: ' and ',
        eitherOpen: 'either ',
        eitherClose: ' or '
    }
};

/** ‘waarde’, in typographic quotes: the guide's own word for the value. */
export function quoted(value: string): string {
    return `‘${value}’`;
}

/** "a, b of c" (Dutch) / "a, b or c". */
export function listWords(items: readonly string[], conjunction: string): string {
    if (items.length <= 1) return items.join('');
    return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/**
 * The characteristic's name inside a sentence: its title, with a capital only where the title has
 * more than one (an abbreviation like "SOO" stays). Never its internal name, unless it has no title.
 */
function characteristicName(id: string, characteristics: ReadonlyMap<string, CharacteristicJson>): string {
    const title = characteristics.get(id)?.title.trim() || id;
    return /^\p{Lu}\p{Ll}/u.test(title) ? title.charAt(0).toLocaleLowerCase('nl') + title.slice(1) : title;
}

/**
 * The clauses of a condition without the lead: "faciliteiten ten minste ‘gemiddeld’ is (dus
 * ‘gemiddeld’ of ‘veel’) en gerichtheid ‘extern’ is".
 */
export function conditionClauses(condition: ConditionJson, characteristics: readonly CharacteristicJson[], lang: Lang = 'nl'): string {
    const byId = new Map(characteristics.map(c => [c.id, c]));
    const w = words[lang];
    const clause = (c: ConditionJson, parent?: 'and' | 'or'): string => {
        if (c.op === 'compare') {
            const name = characteristicName(c.characteristic, byId);
            const value = quoted(c.value);
            switch (c.operator) {
                case '=': return w.equals(name, value);
                case '!=': return w.notEquals(name, value);
                case '>=':
                case '<=': {
                    const scale = byId.get(c.characteristic)?.values ?? [];
                    const at = scale.indexOf(c.value);
                    const covered = at < 0 ? [] : c.operator === '>=' ? scale.slice(at) : scale.slice(0, at + 1);
                    const text = c.operator === '>=' ? w.atLeast(name, value) : w.atMost(name, value);
                    return covered.length > 1 ? text + w.covers(listWords(covered.map(quoted), w.or)) : text;
                }
            }
        }
        // A run of the same kind reads as one list: "A, B of C".
        const parts = flatten(c, c.op).map(part => clause(part, c.op));
        const joined = listWords(parts, c.op === 'and' ? w.and : w.or);
        if (parent === undefined || parent === c.op) return joined;
        // A group inside a group of the other kind: "zowel A als B", "ofwel A ofwel B".
        const open = c.op === 'and' ? w.bothOpen : w.eitherOpen;
        const between = c.op === 'and' ? w.bothClose : w.eitherClose;
        return parts.length === 2 ? `${open}${parts[0]}${between}${parts[1]}` : `${open}${parts.slice(0, -1).join(', ')}${between}${parts[parts.length - 1]}`;
    };
    return clause(condition);
}

/** The whole phrase: "ruimten waar …". */
export function conditionSentence(condition: ConditionJson, characteristics: readonly CharacteristicJson[], lang: Lang = 'nl'): string {
    return `${words[lang].lead} ${conditionClauses(condition, characteristics, lang)}`;
}

function flatten(condition: ConditionJson, op: 'and' | 'or'): ConditionJson[] {
    if (condition.op !== op) return [condition];
    return [...flatten(condition.left, op), ...flatten(condition.right, op)];
}

/**
 * Why a condition holds or not for one typology: for each comparison, the typology's own value.
 * "faciliteiten is hier ‘veel’; gerichtheid is hier ‘intern’". Values it does not give are said so.
 */
export function conditionValues(condition: ConditionJson, characteristics: readonly CharacteristicJson[], values: Readonly<Record<string, string>>, lang: Lang = 'nl'): string {
    const byId = new Map(characteristics.map(c => [c.id, c]));
    const seen: string[] = [];
    const walk = (c: ConditionJson): void => {
        if (c.op === 'compare') {
            if (!seen.includes(c.characteristic)) seen.push(c.characteristic);
        } else {
            walk(c.left);
            walk(c.right);
        }
    };
    walk(condition);
    return seen.map(id => {
        const name = characteristicName(id, byId);
        const value = Object.prototype.hasOwnProperty.call(values, id) ? values[id] : undefined;
        if (lang === 'en') return value !== undefined ? `${name} is ${quoted(value)} here` : `${name} is not known here`;
        return value !== undefined ? `${name} is hier ${quoted(value)}` : `${name} is hier niet bekend`;
    }).join('; ');
}

const months: Readonly<Record<Lang, readonly string[]>> = {
    nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
    en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
};

/** `2027-01-01` → "1 januari 2027"; anything that is not such a date is returned as it is. */
export function longDate(date: string, lang: Lang = 'nl'): string {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
    const month = match ? months[lang][Number(match[2]) - 1] : undefined;
    if (!match || !month) return date;
    const day = Number(match[3]);
    return lang === 'en' ? `${month} ${day}, ${match[1]}` : `${day} ${month} ${match[1]}`;
}
