import type { CalculationErrorKind } from '../calculation/evaluate.js';
import type { Lang } from './locale.js';

/**
 * The texts of a calculation's outcome and of a failed calculation scenario, in Dutch and English:
 * `handreiking test`, the Testing view and the hover show the same lines. The labels are padded to
 * the width of the tree scenarios' labels (scenario-messages.ts), so the values line up.
 */
const nl = {
    notApplicable: () => 'niet van toepassing',
    noOutcome: (why: string) => `geen uitkomst: ${why}`,
    noValue: () => 'geen waarde',
    error: (kind: CalculationErrorKind, name: string): string => {
        switch (kind) {
            case 'missingInput': return name ? `invoer ‘${name}’ ontbreekt` : 'er ontbreekt invoer';
            case 'unknownName': return `‘${name}’ is geen invoer of waarde van de berekening`;
            case 'divisionByZero': return 'deling door nul';
            case 'tooLarge': return 'een getal werd te groot';
            case 'cycle': return `‘${name}’ hangt van zichzelf af`;
            case 'noElse': return 'een ‘als’ zonder ‘anders’ gold niet';
            case 'noOutcome': return 'de berekening heeft geen ‘uitkomst’';
            case 'badDecimals': return '‘afronden’ op een aantal decimalen dat niet kan';
        }
    },
    calculationMissing: (name: string) => `berekening ‘${name}’ bestaat niet`,
    expected: (text: string) => `verwacht: ${text}`,
    computed: (text: string) => `berekend: ${text}`,
    unknownInputs: (names: string) => `onbekende invoer: ${names}`,
    inputs: (text: string) => `invoer:   ${text}`,
    values: (text: string) => `waarden:  ${text}`,
    /** How it was computed (explain.ts): the rekenhulp's sentences, which are Dutch in either language. */
    how: (text: string) => `uitleg:   ${text}`
};

const en: typeof nl = {
    notApplicable: () => 'not applicable',
    noOutcome: why => `no outcome: ${why}`,
    noValue: () => 'no value',
    error: (kind, name) => {
        switch (kind) {
            case 'missingInput': return name ? `input ‘${name}’ is missing` : 'an input is missing';
            case 'unknownName': return `‘${name}’ is not an input or value of the calculation`;
            case 'divisionByZero': return 'division by zero';
            case 'tooLarge': return 'a number became too large';
            case 'cycle': return `‘${name}’ depends on itself`;
            case 'noElse': return 'an ‘als’ without ‘anders’ did not hold';
            case 'noOutcome': return 'the calculation has no ‘uitkomst’';
            case 'badDecimals': return '‘afronden’ to an impossible number of decimals';
        }
    },
    calculationMissing: name => `calculation ‘${name}’ does not exist`,
    expected: text => `expected: ${text}`,
    computed: text => `computed: ${text}`,
    unknownInputs: names => `unknown inputs: ${names}`,
    inputs: text => `inputs:   ${text}`,
    values: text => `values:   ${text}`,
    how: text => `how:      ${text}`
};

export type CalculationTexts = typeof nl;

export function calculationTexts(lang: Lang): CalculationTexts {
    return lang === 'en' ? en : nl;
}
