import { DefaultValueConverter, type CstNode, type GrammarAST, type ValueType } from 'langium';

/**
 * Langium's converter, with the value of a STRING token taken from slices of the token instead of
 * one character at a time. Langium's own (`ValueConverter.convertString`) appends each character
 * to the result (`result += c`); V8 keeps such a string as a chain of concatenation cells, some 30
 * bytes for every character, until something reads it. Every text in a guide is a STRING, so after
 * parsing 10 000 nodes those chains were a quarter of the heap (26 of 103 MB), and the garbage
 * collector copied them from young to old space with everything else. The value is the same,
 * character for character (test/parser/string-value-converter.test.ts compares the two).
 */
export class HandreikingValueConverter extends DefaultValueConverter {
    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        // Langium chooses its STRING conversion by the rule's name in capitals; so does this.
        return rule.name.toUpperCase() === 'STRING' ? convertString(input) : super.runConverter(rule, input, cstNode);
    }
}

/**
 * The text between the quotes, each backslash escape replaced as Langium does (`\n`, `\t`, … and
 * any other character after a backslash stands for itself). Like Langium's, it drops the first and
 * the last character whatever they are, and a backslash just before the end takes the last one.
 */
export function convertString(input: string): string {
    const end = input.length - 1;
    let backslash = input.indexOf('\\', 1);
    if (backslash < 0 || backslash >= end) return input.slice(1, Math.max(1, end));
    const parts: string[] = [];
    let from = 1;
    while (backslash >= 0 && backslash < end) {
        parts.push(input.slice(from, backslash), escaped(input.charAt(backslash + 1)));
        from = backslash + 2;
        backslash = input.indexOf('\\', from);
    }
    // After an escape that took the last character, `from` is past `end` and nothing is left.
    if (from < end) parts.push(input.slice(from, end));
    return parts.join('');
}

function escaped(char: string): string {
    switch (char) {
        case 'b': return '\b';
        case 'f': return '\f';
        case 'n': return '\n';
        case 'r': return '\r';
        case 't': return '\t';
        case 'v': return '\v';
        case '0': return '\0';
        default: return char;
    }
}
