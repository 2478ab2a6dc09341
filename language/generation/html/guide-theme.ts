import type { Lang } from '../../i18n/locale.js';
import { contrastPairs, designTokens, MIN_CONTRAST, tokensCss, type DesignToken, type TokenKind } from './guide-tokens.js';

/**
 * A house style for the HTML guide (`handreiking export html --thema huisstijl.css`): a CSS file
 * that gives the guide's design tokens (guide-tokens.ts) other values, and does nothing else. It is
 * user input that ends up inside the page, so it is read with a parser of its own that accepts only
 * `:root { --hrk-…: value; }` rules, with values from a small grammar per kind of token (colours as
 * `#rrggbb`, `rgb()` or `hsl()`; font names; lengths), and refuses everything else with its place:
 * other selectors, at-rules (`@import`, `@font-face`, `@media`), `url()` and every other function
 * that could load something, escapes, `<`, `!important`. What the page gets is written again from
 * what was read, never copied. A style that gives a text colour too little contrast with its
 * background (WCAG 2.1 AA, 4.5:1, for every pair the page uses) is refused too, naming the pair.
 */

export interface ThemeProblem {
    line: number;
    column: number;
    message: string;
}

export interface GuideTheme {
    /** The tokens the house style sets, in the order it sets them (the last value of each). */
    values: ReadonlyMap<string, string>;
    /** `:root { … }` with exactly those, for the page. */
    css: string;
}

export type ThemeResult = { ok: true; theme: GuideTheme } | { ok: false; problems: ThemeProblem[] };

/** Functions a value may use: colours, references to other tokens, arithmetic. None of them loads anything. */
const FUNCTIONS = new Set(['rgb', 'rgba', 'hsl', 'hsla', 'var', 'calc', 'min', 'max', 'clamp']);
const UNITS = new Set(['px', 'rem', 'em', '%', 'ch', 'ex', 'pt', 'vw', 'vh', 'vmin', 'vmax', 'deg']);

const tokensByName = new Map(designTokens.map(t => [t.name, t]));

interface Words {
    unclosedComment: string;
    atRule(rule: string): string;
    selector(selector: string): string;
    openBrace: string;
    closeBrace: string;
    property(name: string): string;
    colon(name: string): string;
    unknown(name: string, suggestion?: string): string;
    empty(name: string): string;
    forbidden(what: string): string;
    fn(fn: string): string;
    unclosedString: string;
    parens: string;
    color(name: string, value: string): string;
    transparent(name: string, value: string): string;
    fontFamily(name: string): string;
    length(name: string): string;
    lineHeight(name: string): string;
    reference(name: string, target: string): string;
    cycle(name: string): string;
    contrast(where: string, text: string, textColor: string, background: string, backgroundColor: string, ratio: string, min: string): string;
}

const words: Record<Lang, Words> = {
    nl: {
        unclosedComment: 'Dit commentaar (/* …) wordt niet gesloten met */.',
        atRule: (rule: string) => `${rule} is niet toegestaan: een huisstijl zet alleen tokens (--hrk-…) in :root { … } en laadt niets.`,
        selector: (selector: string) => `Alleen :root { … } is toegestaan, niet ‘${selector}’: een huisstijl zet tokens (--hrk-…), geen eigen regels.`,
        openBrace: 'Na :root hoort een {.',
        closeBrace: 'Deze :root { … } wordt niet gesloten met }.',
        property: (name: string) => `Alleen design tokens (--hrk-…) mogen in een huisstijl, niet de eigenschap ‘${name}’.`,
        colon: (name: string) => `Na ${name} hoort een dubbele punt en een waarde.`,
        unknown: (name: string, suggestion?: string) => `Onbekend token ${name}.${suggestion ? ` Bedoelt u ${suggestion}?` : ''} De tokens staan in docs/publiceren.md.`,
        empty: (name: string) => `${name} heeft geen waarde.`,
        forbidden: (what: string) => `${what} is niet toegestaan in een huisstijl.`,
        fn: (fn: string) => fn === 'url' || fn === 'image' || fn === 'image-set' || fn === 'src' || fn === 'element' || fn === 'cross-fade'
            ? `${fn}() is niet toegestaan: een huisstijl mag niets laden.`
            : `${fn}() is niet toegestaan; een waarde mag alleen ${[...FUNCTIONS].join('(), ')}() gebruiken.`,
        unclosedString: 'Deze tekst tussen aanhalingstekens wordt niet gesloten (op dezelfde regel).',
        parens: 'De haakjes in deze waarde kloppen niet.',
        color: (name: string, value: string) => `${name}: ‘${value}’ is geen kleur die gecontroleerd kan worden; schrijf #rrggbb, rgb(…) of hsl(…), of var(--hrk-color-…).`,
        transparent: (name: string, value: string) => `${name}: ‘${value}’ is (deels) doorzichtig; een kleur in de huisstijl moet ondoorzichtig zijn, anders hangt het contrast af van wat eronder ligt.`,
        fontFamily: (name: string) => `${name}: schrijf lettertypen als namen, gescheiden door komma's (bijvoorbeeld "Rijksoverheid Sans", Arial, sans-serif).`,
        length: (name: string) => `${name}: schrijf een maat, bijvoorbeeld 1rem of 16px (of calc(…)).`,
        lineHeight: (name: string) => `${name}: schrijf een getal (1.5) of een maat.`,
        reference: (name: string, target: string) => `${name} verwijst naar ${target}, dat geen token van dezelfde soort is.`,
        cycle: (name: string) => `${name} verwijst (via andere tokens) naar zichzelf.`,
        contrast: (where: string, text: string, textColor: string, background: string, backgroundColor: string, ratio: string, min: string) =>
            `Te weinig contrast voor ${where}: ${text} (${textColor}) op ${background} (${backgroundColor}) is ${ratio}:1; nodig is minstens ${min}:1 (WCAG 2.1 AA).`
    },
    en: {
        unclosedComment: 'This comment (/* …) is not closed with */.',
        atRule: (rule: string) => `${rule} is not allowed: a house style sets tokens (--hrk-…) in :root { … } and loads nothing.`,
        selector: (selector: string) => `Only :root { … } is allowed, not ‘${selector}’: a house style sets tokens (--hrk-…), no rules of its own.`,
        openBrace: 'After :root comes a {.',
        closeBrace: 'This :root { … } is not closed with }.',
        property: (name: string) => `Only design tokens (--hrk-…) may be in a house style, not the property ‘${name}’.`,
        colon: (name: string) => `After ${name} come a colon and a value.`,
        unknown: (name: string, suggestion?: string) => `Unknown token ${name}.${suggestion ? ` Did you mean ${suggestion}?` : ''} The tokens are listed in docs/publiceren.md.`,
        empty: (name: string) => `${name} has no value.`,
        forbidden: (what: string) => `${what} is not allowed in a house style.`,
        fn: (fn: string) => fn === 'url' || fn === 'image' || fn === 'image-set' || fn === 'src' || fn === 'element' || fn === 'cross-fade'
            ? `${fn}() is not allowed: a house style may load nothing.`
            : `${fn}() is not allowed; a value may only use ${[...FUNCTIONS].join('(), ')}().`,
        unclosedString: 'This quoted text is not closed (on the same line).',
        parens: 'The parentheses in this value do not match.',
        color: (name: string, value: string) => `${name}: ‘${value}’ is not a colour that can be checked; write #rrggbb, rgb(…) or hsl(…), or var(--hrk-color-…).`,
        transparent: (name: string, value: string) => `${name}: ‘${value}’ is (partly) transparent; a house style's colours must be opaque, or the contrast depends on what lies beneath.`,
        fontFamily: (name: string) => `${name}: write fonts as names separated by commas (for example "Rijksoverheid Sans", Arial, sans-serif).`,
        length: (name: string) => `${name}: write a size, for example 1rem or 16px (or calc(…)).`,
        lineHeight: (name: string) => `${name}: write a number (1.5) or a size.`,
        reference: (name: string, target: string) => `${name} refers to ${target}, which is not a token of the same kind.`,
        cycle: (name: string) => `${name} refers (through other tokens) to itself.`,
        contrast: (where: string, text: string, textColor: string, background: string, backgroundColor: string, ratio: string, min: string) =>
            `Too little contrast for ${where}: ${text} (${textColor}) on ${background} (${backgroundColor}) is ${ratio}:1; at least ${min}:1 is needed (WCAG 2.1 AA).`
    }
};

interface Declaration {
    name: string;
    value: string;
    line: number;
    column: number;
    /** Where the value starts. */
    valueLine: number;
    valueColumn: number;
}

/** Reads a house style; `lang` is the language of the problems. */
export function parseTheme(text: string, lang: Lang = 'nl'): ThemeResult {
    const t: Words = words[lang];
    const reader = new Reader(text.replace(/^\uFEFF/, ''), t);
    const declarations = reader.stylesheet();
    const problems = [...reader.problems];
    const values = new Map<string, { declaration: Declaration; value: string }>();
    for (const declaration of declarations) {
        const token = tokensByName.get(declaration.name);
        if (!token) {
            problems.push(at(declaration, t.unknown(declaration.name, closest(declaration.name))));
            continue;
        }
        const problem = checkValue(token, declaration.value, t);
        if (problem) {
            problems.push({ line: declaration.valueLine, column: declaration.valueColumn, message: problem });
            continue;
        }
        values.delete(token.name);
        values.set(token.name, { declaration, value: declaration.value });
    }
    if (problems.length === 0) problems.push(...referenceProblems(values, t), ...contrastProblems(values, t, lang));
    if (problems.length > 0) return { ok: false, problems: problems.sort((a, b) => a.line - b.line || a.column - b.column) };
    const set = new Map([...values].map(([name, { value }]) => [name, value]));
    return { ok: true, theme: { values: set, css: set.size === 0 ? '' : tokensCss(set) } };
}

function at(declaration: Declaration, message: string): ThemeProblem {
    return { line: declaration.line, column: declaration.column, message };
}

/** A known token whose name differs from `name` by a few characters, for "Bedoelt u …?". */
function closest(name: string): string | undefined {
    let best: { name: string; distance: number } | undefined;
    for (const token of designTokens) {
        const distance = editDistance(name, token.name);
        if (distance <= 4 && (!best || distance < best.distance)) best = { name: token.name, distance };
    }
    return best?.name;
}

function editDistance(a: string, b: string): number {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        previous = current;
    }
    return previous[b.length];
}

/**
 * The file, character by character: comments and white space between rules and declarations,
 * `:root { … }` rules, and in them `--name: value` declarations. Anything else is a problem with its
 * place; the reader goes on after it where it can, so one run names every problem.
 */
class Reader {
    readonly problems: ThemeProblem[] = [];
    private index = 0;
    private line = 1;
    private column = 1;

    constructor(private readonly text: string, private readonly t: Words) {}

    stylesheet(): Declaration[] {
        const declarations: Declaration[] = [];
        for (;;) {
            this.skip();
            if (this.done()) return declarations;
            const line = this.line, column = this.column;
            if (this.text.startsWith('@', this.index)) {
                const rule = /^@[A-Za-z-]*/.exec(this.text.slice(this.index))![0];
                this.problem(line, column, this.t.atRule(rule || '@'));
                this.skipStatement();
                continue;
            }
            const selector = this.readUntil(/[{;]/).replace(/\/\*[\s\S]*?\*\//g, ' ').trim();
            if (selector.toLowerCase() !== ':root') {
                this.problem(line, column, this.t.selector(short(selector)));
                this.skipStatement();
                continue;
            }
            if (this.peek() !== '{') {
                this.problem(this.line, this.column, this.t.openBrace);
                this.skipStatement();
                continue;
            }
            this.advance();
            if (!this.declarations(declarations, line, column)) return declarations;
        }
    }

    /** The declarations of one rule, up to its `}`; false when the file ends first. */
    private declarations(into: Declaration[], ruleLine: number, ruleColumn: number): boolean {
        for (;;) {
            this.skip();
            if (this.done()) {
                this.problem(ruleLine, ruleColumn, this.t.closeBrace);
                return false;
            }
            const c = this.peek();
            if (c === '}') {
                this.advance();
                return true;
            }
            if (c === ';') {
                this.advance();
                continue;
            }
            const line = this.line, column = this.column;
            const name = this.readUntil(/[:;}\s]|\/\*/);
            if (!name.startsWith('--')) {
                this.problem(line, column, name.startsWith('@') ? this.t.atRule(name) : this.t.property(short(name || this.peek())));
                this.skipDeclaration();
                continue;
            }
            this.skip();
            if (this.peek() !== ':') {
                this.problem(line, column, this.t.colon(name));
                this.skipDeclaration();
                continue;
            }
            this.advance();
            this.skip();
            const valueLine = this.line, valueColumn = this.column;
            const value = this.value();
            if (value === undefined) {
                this.skipDeclaration();
                continue;
            }
            if (value.length === 0) {
                this.problem(line, column, this.t.empty(name));
                continue;
            }
            into.push({ name, value, line, column, valueLine, valueColumn });
        }
    }

    /**
     * A value up to `;` or `}` outside quotes and parentheses, its comments left out and its white
     * space made single; undefined (with a problem) when it holds what no token's value may hold.
     */
    private value(): string | undefined {
        let out = '';
        let depth = 0;
        for (;;) {
            if (this.done()) break;
            const c = this.peek();
            const line = this.line, column = this.column;
            if (depth === 0 && (c === ';' || c === '}')) break;
            if (this.text.startsWith('/*', this.index)) {
                this.skip();
                out += ' ';
                continue;
            }
            if (c === '"' || c === "'") {
                const string = this.string();
                if (typeof string !== 'string') {
                    this.problem(string.line, string.column, string.forbidden ? this.t.forbidden(string.forbidden) : this.t.unclosedString);
                    return undefined;
                }
                out += string;
                continue;
            }
            const forbidden = c === '\\' ? '\\' : c === '<' ? '<' : c === '>' ? '>' : c === '{' ? '{' : c === '@' ? '@' : c === '!' ? '!important' : c === '&' ? '&' : undefined;
            if (forbidden !== undefined || /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/.test(c)) {
                this.problem(line, column, this.t.forbidden(forbidden ?? `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`));
                return undefined;
            }
            if (c === '(') {
                const fn = /[A-Za-z-]*$/.exec(out)![0].toLowerCase();
                // A bare parenthesis groups terms inside calc(); a name before it must be one of ours.
                if (!(fn === '' && depth > 0) && !FUNCTIONS.has(fn)) {
                    this.problem(line, column - fn.length, this.t.fn(fn || '('));
                    return undefined;
                }
                depth++;
            } else if (c === ')') {
                if (depth === 0) {
                    this.problem(line, column, this.t.parens);
                    return undefined;
                }
                depth--;
            }
            out += /\s/.test(c) ? ' ' : c;
            this.advance();
        }
        if (depth !== 0) {
            this.problem(this.line, this.column, this.t.parens);
            return undefined;
        }
        return out.replace(/\s+/g, ' ').trim();
    }

    /**
     * A quoted string on one line, as written; where it goes wrong when it does not end there, or
     * holds an escape or a `<` (which could end the page's `<style>`).
     */
    private string(): string | { line: number; column: number; forbidden?: string } {
        const start = { line: this.line, column: this.column };
        const quote = this.peek();
        let out = quote;
        this.advance();
        while (!this.done()) {
            const c = this.peek();
            if (c === '\n') break;
            if (c === '\\' || c === '<' || /[\u0000-\u0008\u000B-\u001F\u007F]/.test(c)) {
                return { line: this.line, column: this.column, forbidden: c === '\\' ? '\\' : c === '<' ? '<' : `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` };
            }
            out += c;
            this.advance();
            if (c === quote) return out;
        }
        return start;
    }

    /** White space and comments. */
    private skip(): void {
        for (;;) {
            if (this.done()) return;
            if (/\s/.test(this.peek())) {
                this.advance();
            } else if (this.text.startsWith('/*', this.index)) {
                const line = this.line, column = this.column;
                const end = this.text.indexOf('*/', this.index + 2);
                if (end < 0) {
                    this.problem(line, column, this.t.unclosedComment);
                    while (!this.done()) this.advance();
                    return;
                }
                while (this.index < end + 2) this.advance();
            } else {
                return;
            }
        }
    }

    /** After a problem outside a rule: past the next `;`, or past the block `{ … }` that follows. */
    private skipStatement(): void {
        let depth = 0;
        while (!this.done()) {
            const c = this.peek();
            this.advance();
            if (c === ';' && depth === 0) return;
            if (c === '{') depth++;
            if (c === '}' && --depth <= 0) return;
        }
    }

    /** After a problem in a declaration: up to its `;` or the rule's `}` (left for the rule). */
    private skipDeclaration(): void {
        let depth = 0;
        while (!this.done()) {
            const c = this.peek();
            if (depth === 0 && c === '}') return;
            this.advance();
            if (c === ';' && depth === 0) return;
            if (c === '{' || c === '(') depth++;
            if ((c === '}' || c === ')') && depth > 0) depth--;
        }
    }

    private readUntil(stop: RegExp): string {
        const rest = this.text.slice(this.index);
        const match = stop.exec(rest);
        const length = match ? match.index : rest.length;
        const read = rest.slice(0, length);
        for (let i = 0; i < length; i++) this.advance();
        return read;
    }

    private problem(line: number, column: number, message: string): void {
        this.problems.push({ line, column, message });
    }

    private peek(): string {
        return this.text[this.index] ?? '';
    }

    private done(): boolean {
        return this.index >= this.text.length;
    }

    private advance(): void {
        if (this.text[this.index] === '\n') {
            this.line++;
            this.column = 1;
        } else {
            this.column++;
        }
        this.index++;
    }
}

function short(text: string): string {
    const one = text.replace(/\s+/g, ' ').trim();
    return one.length > 60 ? `${one.slice(0, 59)}…` : one;
}

// ---- values

const NUMBER = String.raw`[+-]?(?:\d+\.?\d*|\.\d+)`;
const reference = /^var\(\s*(--[A-Za-z0-9-]+)\s*\)$/;

/** Why `value` is not a value of `token`'s kind, or undefined when it is. */
function checkValue(token: DesignToken, value: string, t: Words): string | undefined {
    const ref = reference.exec(value);
    if (ref) return undefined; // Checked with every value known (referenceProblems).
    switch (token.kind) {
        case 'color': {
            const color = parseColor(value);
            if (color === undefined) return t.color(token.name, value);
            if (color.alpha < 1) return t.transparent(token.name, value);
            return undefined;
        }
        case 'font-family':
            return /^(?:(?:"[^"]*"|'[^']*'|[A-Za-z_][A-Za-z0-9_-]*(?: [A-Za-z_][A-Za-z0-9_-]*)*)\s*,\s*)*(?:"[^"]*"|'[^']*'|[A-Za-z_][A-Za-z0-9_-]*(?: [A-Za-z_][A-Za-z0-9_-]*)*)$/.test(value)
                ? undefined : t.fontFamily(token.name);
        case 'length':
            return isLength(value) ? undefined : t.length(token.name);
        case 'line-height':
            return new RegExp(`^${NUMBER}$`).test(value) || isLength(value) ? undefined : t.lineHeight(token.name);
    }
}

/** A size: `0`, a number with a unit, or calc()/min()/max()/clamp() of sizes, numbers, operators and var(). */
function isLength(value: string): boolean {
    if (new RegExp(`^(?:0|${NUMBER}(?:${[...UNITS].filter(u => u !== 'deg').map(u => (u === '%' ? '%' : u)).join('|')}))$`).test(value)) return true;
    if (!/^(?:calc|min|max|clamp)\(/i.test(value)) return false;
    // Inside: numbers with or without units, operators, commas, parentheses and var(--…): nothing else.
    const inner = value.replace(/var\(\s*--[A-Za-z0-9-]+\s*\)/g, '0').replace(/(?:calc|min|max|clamp)\(/gi, '(');
    return new RegExp(`^(?:\\s|[()*/,+-]|${NUMBER}(?:px|rem|em|%|ch|ex|pt|vw|vh|vmin|vmax)?)+$`).test(inner);
}

interface Rgb { r: number; g: number; b: number; alpha: number }

/** `#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa`, `rgb()`/`rgba()`, `hsl()`/`hsla()`; undefined for anything else. */
export function parseColor(value: string): Rgb | undefined {
    const v = value.trim().toLowerCase();
    const hex = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/.exec(v);
    if (hex) {
        const digits = hex[1].length <= 4 ? [...hex[1]].map(d => d + d).join('') : hex[1];
        const [r, g, b, a] = [0, 2, 4, 6].map(i => (i < digits.length ? parseInt(digits.slice(i, i + 2), 16) : 255));
        return { r, g, b, alpha: a / 255 };
    }
    const n = String.raw`(${NUMBER})(%?)`;
    const sep = String.raw`\s*[\s,]\s*`;
    const alphaPart = String.raw`(?:\s*[,/]\s*(${NUMBER})(%?))?`;
    const rgb = new RegExp(String.raw`^rgba?\(\s*${n}${sep}${n}${sep}${n}${alphaPart}\s*\)$`).exec(v);
    if (rgb) {
        const channel = (x: string, percent: string) => Math.min(255, Math.max(0, percent ? Number(x) * 2.55 : Number(x)));
        return { r: channel(rgb[1], rgb[2]), g: channel(rgb[3], rgb[4]), b: channel(rgb[5], rgb[6]), alpha: alpha(rgb[7], rgb[8]) };
    }
    const hsl = new RegExp(String.raw`^hsla?\(\s*(${NUMBER})(deg)?${sep}(${NUMBER})%${sep}(${NUMBER})%${alphaPart}\s*\)$`).exec(v);
    if (hsl) {
        const h = ((Number(hsl[1]) % 360) + 360) % 360 / 360;
        const s = Math.min(1, Math.max(0, Number(hsl[3]) / 100));
        const l = Math.min(1, Math.max(0, Number(hsl[4]) / 100));
        const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
        const p = 2 * l - q;
        const hue = (x: number) => {
            const k = ((x % 1) + 1) % 1;
            if (k < 1 / 6) return p + (q - p) * 6 * k;
            if (k < 1 / 2) return q;
            if (k < 2 / 3) return p + (q - p) * (2 / 3 - k) * 6;
            return p;
        };
        return { r: hue(h + 1 / 3) * 255, g: hue(h) * 255, b: hue(h - 1 / 3) * 255, alpha: alpha(hsl[5], hsl[6]) };
    }
    return undefined;
}

function alpha(value: string | undefined, percent: string | undefined): number {
    if (value === undefined) return 1;
    return Math.min(1, Math.max(0, percent ? Number(value) / 100 : Number(value)));
}

/** WCAG 2.1 contrast ratio of two opaque colours. */
export function contrastRatio(a: Rgb, b: Rgb): number {
    const luminance = ({ r, g, b: blue }: Rgb) => [r, g, blue].map(c => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    }).reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
    const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (light + 0.05) / (dark + 0.05);
}

type Values = ReadonlyMap<string, { declaration: Declaration; value: string }>;

/** The value of a token in the page: the house style's, else the default. */
function effective(values: Values, name: string): string {
    return values.get(name)?.value ?? tokensByName.get(name)!.value;
}

/** Follows var(--…) to the token's own value; undefined for a loop. */
function resolve(values: Values, name: string, seen = new Set<string>()): string | undefined {
    if (seen.has(name)) return undefined;
    seen.add(name);
    const value = effective(values, name);
    const ref = reference.exec(value);
    return ref ? resolve(values, ref[1], seen) : value;
}

/** Every var() names a known token of the same kind (a font may name a font, a size a size), and none loops. */
function referenceProblems(values: Values, t: Words): ThemeProblem[] {
    const problems: ThemeProblem[] = [];
    const kindOf = (name: string): TokenKind | undefined => tokensByName.get(name)?.kind;
    const compatible = (a: TokenKind, b: TokenKind) => a === b || (a === 'line-height' && b === 'length');
    for (const [name, { declaration, value }] of values) {
        for (const [, target] of value.matchAll(/var\(\s*(--[A-Za-z0-9-]+)\s*\)/g)) {
            const kind = kindOf(target);
            if (kind === undefined) problems.push(at(declaration, t.unknown(target, closest(target))));
            else if (!compatible(kindOf(name)!, kind)) problems.push(at(declaration, t.reference(name, target)));
        }
        if (reference.test(value) && resolve(values, name) === undefined) problems.push(at(declaration, t.cycle(name)));
    }
    return problems;
}

/**
 * Every text/background pair of the page at 4.5:1 or more, with the house style's colours (the
 * defaults pass, as the tests check, so a pair that fails has a colour the house style set).
 */
function contrastProblems(values: Values, t: Words, lang: Lang): ThemeProblem[] {
    const problems: ThemeProblem[] = [];
    for (const pair of contrastPairs) {
        const textValue = resolve(values, pair.text), backgroundValue = resolve(values, pair.background);
        const text = textValue !== undefined ? parseColor(textValue) : undefined;
        const background = backgroundValue !== undefined ? parseColor(backgroundValue) : undefined;
        if (!text || !background) continue;
        const ratio = contrastRatio(text, background);
        if (ratio >= MIN_CONTRAST) continue;
        const where = declarationBehind(values, pair.text) ?? declarationBehind(values, pair.background);
        // Rounded down: a ratio of 4.499 is not shown as 4.50.
        const shown = (Math.floor(ratio * 100) / 100).toFixed(2);
        const number = (s: string) => (lang === 'nl' ? s.replace('.', ',') : s);
        problems.push({ line: where?.line ?? 1, column: where?.column ?? 1, message: t.contrast(wordsFor(pair.where, lang), pair.text, textValue!, pair.background, backgroundValue!, number(shown), number(MIN_CONTRAST.toFixed(1))) });
    }
    return problems;
}

/** The house style's declaration a token's value comes from, directly or through var(). */
function declarationBehind(values: Values, name: string, seen = new Set<string>()): Declaration | undefined {
    if (seen.has(name)) return undefined;
    seen.add(name);
    const set = values.get(name);
    if (set) return set.declaration;
    const ref = reference.exec(tokensByName.get(name)?.value ?? '');
    return ref ? declarationBehind(values, ref[1], seen) : undefined;
}

const whereEn: Record<string, string> = {
    'tekst': 'text',
    'bijzaken': 'secondary text',
    'links en knoppen': 'links and buttons',
    'meldingen': 'messages',
    'tekst in de doorloop': 'text in the walkthrough',
    'bijzaken in de doorloop': 'secondary text in the walkthrough',
    'links in de doorloop': 'links in the walkthrough',
    '"Vraag" in de doorloop': '"Vraag" in the walkthrough',
    '"Advies" in de doorloop': '"Advies" in the walkthrough',
    'gegeven antwoorden in de route': 'answers given in the path',
    'meldingen in de doorloop': 'messages in the walkthrough',
    'de kop van de pagina en de antwoordknoppen': 'the page header and the answer buttons',
    'een antwoordknop onder de muis': 'an answer button under the mouse',
    'uitleg en de kop van de typologietabel': 'explanations and the typology table\'s header',
    'links in uitleg': 'links in explanations',
    '"Vraag" in de tekstversie van een schema': '"Vraag" in the text version of a diagram',
    '"Advies" in de tekstversie en ✓ in de financieringstabel': '"Advies" in the text version and ✓ in the funding table'
};

function wordsFor(where: string, lang: Lang): string {
    return lang === 'en' ? whereEn[where] ?? where : where;
}
