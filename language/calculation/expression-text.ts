import type { CalculationConditionJson, DecimalString, ExpressionJson } from '../generation/json/handreiking-json.js';

/**
 * An expression or condition of a calculation written back in the language's own notation, as an
 * editor writes it in a `.hrk` file: `minimum(2.500 euro per m2 * oppervlakte, plafond, bouwkosten)`.
 * Reading the text again gives the same tree: parentheses only where the tree needs them (`*` binds
 * tighter than `+`, `en` tighter than `of`, an `als` takes the rest of the expression). The JSON
 * keeps no layout, so numbers come out in one way of writing them: a decimal comma and points between
 * groups of three digits (`100.000`, `2,5`). Pure and without dependencies, so browser code can use it.
 */

/** How tightly a form binds: an operand that binds less tightly than its place needs gets parentheses. */
const IF = 0;
const SUM = 1;
const PRODUCT = 2;
const TERM = 3;

const operatorSigns = { add: '+', subtract: '-', multiply: '*', divide: '/' } as const;

export function expressionText(e: ExpressionJson): string {
    return write(e, IF);
}

export function conditionText(c: CalculationConditionJson): string {
    return writeCondition(c, 0);
}

/** `100000` → `100.000`, `-2.5` → `-2,5`; a string that is no decimal is shown as it is. */
export function decimalText(value: DecimalString): string {
    const m = /^(-?)([0-9]+)(?:\.([0-9]+))?$/.exec(value);
    if (!m) return value;
    const whole = m[2].replace(/\B(?=(\d{3})+(?!\d))/g, '.');
    return `${m[1]}${whole}${m[3] !== undefined ? `,${m[3]}` : ''}`;
}

function precedence(e: ExpressionJson): number {
    switch (e.op) {
        case 'if': return IF;
        case 'add': case 'subtract': return SUM;
        case 'multiply': case 'divide': return PRODUCT;
        default: return TERM;
    }
}

/** `e` where the text must bind at least as tightly as `needed`. */
function write(e: ExpressionJson, needed: number): string {
    const text = bare(e);
    return precedence(e) < needed ? `(${text})` : text;
}

function bare(e: ExpressionJson): string {
    switch (e.op) {
        case 'number': return e.unit ? `${decimalText(e.value)} ${e.unit}` : decimalText(e.value);
        // A name still being typed is exported as the empty name.
        case 'input': case 'value': return e.name || '?';
        case 'add': case 'subtract': case 'multiply': case 'divide': {
            const level = precedence(e);
            // Left-associative: `a - b - c` is `(a - b) - c`, so only the right operand of the same level needs parentheses.
            return `${write(e.left, level)} ${operatorSigns[e.op]} ${write(e.right, level + 1)}`;
        }
        case 'negate': {
            const operand = write(e.operand, TERM);
            // `--x` would read as one token to a reader, if not to the parser.
            return operand.startsWith('-') ? `-(${operand})` : `-${operand}`;
        }
        case 'minimum': case 'maximum': return `${e.op}(${e.arguments.map(a => write(a, IF)).join(', ')})`;
        case 'round': return e.decimals === 0 ? `afronden(${write(e.operand, IF)})` : `afronden(${write(e.operand, IF)}, ${e.decimals})`;
        case 'if': {
            // An `als` after `dan` would take the `anders` that belongs to the outer one.
            const then = e.then.op === 'if' ? `(${bare(e.then)})` : bare(e.then);
            const otherwise = e.else ? ` anders ${bare(e.else)}` : '';
            return `als ${conditionText(e.condition)} dan ${then}${otherwise}`;
        }
    }
}

const conditionLevel = { or: 1, and: 2, compare: 3 } as const;

function writeCondition(c: CalculationConditionJson, needed: number): string {
    const level = conditionLevel[c.op];
    const text = c.op === 'compare'
        // Both sides are sums: an `als` there needs parentheses.
        ? `${write(c.left, SUM)} ${c.operator} ${write(c.right, SUM)}`
        : `${writeCondition(c.left, level)} ${c.op === 'and' ? 'en' : 'of'} ${writeCondition(c.right, level + 1)}`;
    return level < needed ? `(${text})` : text;
}
