import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { GrammarAST, GrammarUtils } from 'langium';
import { HandreikingGrammar } from '../language/generated/grammar.js';

/**
 * fast-check arbitraries that damage the example files the way editing, copying and other tools
 * do: tokens deleted, duplicated or swapped, text cut off, foreign characters, other line endings,
 * a byte-order mark, NUL bytes; and inputs at the limits (a 10 MB file, 5 000-deep nesting).
 *
 * A mutation is data (`Mutation`), applied by `applyMutation`: a failing case can be printed,
 * replayed and shrunk. Positions are plain numbers taken modulo the current text or token count,
 * so a mutation stays valid after the ones before it changed the text.
 */

export type Mutation =
    | { kind: 'deleteToken'; at: number; count: number }
    | { kind: 'duplicateToken'; at: number }
    | { kind: 'swapTokens'; a: number; b: number }
    | { kind: 'insertToken'; at: number; token: string }
    | { kind: 'deleteLines'; at: number; count: number }
    | { kind: 'duplicateLines'; at: number; count: number }
    | { kind: 'truncate'; at: number }
    | { kind: 'insertText'; at: number; text: string }
    | { kind: 'nul'; at: number; count: number; replace: boolean }
    | { kind: 'lineEndings'; style: 'crlf' | 'cr' | 'mixed' }
    | { kind: 'bom' }
    /** A token replaced by a name or a string of `length` characters (the issue's 30 000-letter names). */
    | { kind: 'longToken'; at: number; length: number; what: 'name' | 'string' }
    /** A string or comment opened `count` times and never closed (`"\"\"\…` was quadratic). */
    | { kind: 'unclosed'; at: number; opener: string; count: number }
    /** Control characters and line breaks put into every string of the file. */
    | { kind: 'textControls'; text: string };

/** One workspace to check: file name → text, and how it was made (for the report and replay). */
export interface FuzzCase {
    kind: 'mutated' | 'deep' | 'huge';
    /** What was done, in words: `quickscan.hrk: truncate@1234, bom`. */
    label: string;
    files: Record<string, string>;
    /** Offsets (modulo each document's length) at which the LSP features are probed. */
    probes: number[];
}

// ---------------------------------------------------------------- the examples and the grammar

/** Every `.hrk` file below `dir`, by path relative to it (`scenarios/soo.hrk`). */
export function loadExamples(dir: string): Record<string, string> {
    const files: Record<string, string> = {};
    const walk = (folder: string): void => {
        for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
            const full = path.join(folder, entry.name);
            if (entry.isDirectory()) walk(full);
            else if (entry.name.endsWith('.hrk')) files[path.relative(dir, full).split(path.sep).join('/')] = fs.readFileSync(full, 'utf-8');
        }
    };
    walk(dir);
    return Object.fromEntries(Object.entries(files).sort(([a], [b]) => a.localeCompare(b)));
}

let keywordCache: string[] | undefined;

/** The keywords and punctuation of the grammar, read from the generated grammar so they cannot drift. */
export function grammarKeywords(): string[] {
    keywordCache ??= [...new Set([...GrammarUtils.getAllReachableRules(HandreikingGrammar(), false)]
        .flatMap(rule => GrammarAST.isParserRule(rule) || GrammarAST.isInfixRule(rule) ? [...streamKeywords(rule)] : []))].sort();
    return keywordCache;
}

function* streamKeywords(rule: GrammarAST.AbstractRule): Generator<string> {
    const stack: unknown[] = [rule];
    while (stack.length > 0) {
        const node = stack.pop();
        if (!node || typeof node !== 'object') continue;
        if (GrammarAST.isKeyword(node)) yield node.value;
        for (const [key, value] of Object.entries(node)) {
            if (key.startsWith('$')) continue;
            if (Array.isArray(value)) stack.push(...value);
            else if (value && typeof value === 'object' && !('$refText' in value)) stack.push(value);
        }
    }
}

// ---------------------------------------------------------------- tokens

export interface Token {
    text: string;
    /** Whitespace (kept in place by token mutations, so the text keeps its shape). */
    space: boolean;
}

// Strings (also unterminated ones, up to the end of the line), comments, names, the arrows and
// comparison operators, and any other single character.
const tokenPattern = /"(?:\\.|[^"\\\n])*"?|\/\/[^\n]*|\/\*[\s\S]*?(?:\*\/|$)|\s+|[\p{L}\p{N}_]+|->|!=|>=|<=|[^]/gu;

/** Splits a text roughly as the lexer does; joining the tokens gives the text back. */
export function tokenize(text: string): Token[] {
    return (text.match(tokenPattern) ?? []).map(t => ({ text: t, space: /^\s+$/.test(t) }));
}

// ---------------------------------------------------------------- applying mutations

export function applyMutation(text: string, m: Mutation): string {
    switch (m.kind) {
        case 'deleteToken':
        case 'duplicateToken':
        case 'swapTokens':
            return mutateTokens(text, m);
        case 'insertToken': {
            const at = m.at % (text.length + 1);
            return `${text.slice(0, at)} ${m.token} ${text.slice(at)}`;
        }
        case 'deleteLines':
        case 'duplicateLines': {
            const lines = text.split('\n');
            const at = m.at % lines.length;
            const chunk = lines.slice(at, at + m.count);
            const rest = lines.slice(at + m.count);
            return [...lines.slice(0, at), ...(m.kind === 'duplicateLines' ? [...chunk, ...chunk] : []), ...rest].join('\n');
        }
        case 'truncate':
            return text.slice(0, m.at % (text.length + 1));
        case 'insertText': {
            const at = m.at % (text.length + 1);
            return text.slice(0, at) + m.text + text.slice(at);
        }
        case 'nul': {
            const at = m.at % (text.length + 1);
            return text.slice(0, at) + '\0'.repeat(m.count) + text.slice(m.replace ? at + m.count : at);
        }
        case 'lineEndings':
            return changeLineEndings(text, m.style);
        case 'bom':
            return '\uFEFF' + text;
        case 'longToken': {
            const tokens = tokenize(text);
            const solid = tokens.flatMap((t, i) => t.space ? [] : [i]);
            if (solid.length === 0) return text;
            const long = m.what === 'name' ? `Lang${'x'.repeat(m.length)}` : `"${'tekst '.repeat(Math.ceil(m.length / 6))}"`;
            const out = tokens.map(t => t.text);
            out[solid[m.at % solid.length]] = long;
            return out.join('');
        }
        case 'unclosed': {
            const at = m.at % (text.length + 1);
            return text.slice(0, at) + m.opener.repeat(m.count) + text.slice(at);
        }
        case 'textControls':
            // After the opening quote of every complete string: each text of the file carries them.
            return tokenize(text).map(t => /^"[^]*"$/.test(t.text) && t.text.length >= 2 ? `"${m.text}${t.text.slice(1)}` : t.text).join('');
    }
}

function mutateTokens(text: string, m: Extract<Mutation, { kind: 'deleteToken' | 'duplicateToken' | 'swapTokens' }>): string {
    const tokens = tokenize(text);
    const solid = tokens.flatMap((t, i) => t.space ? [] : [i]);
    if (solid.length === 0) return text;
    const pick = (n: number) => solid[n % solid.length];
    const out = tokens.map(t => t.text);
    switch (m.kind) {
        case 'deleteToken':
            for (let k = 0; k < m.count; k++) out[pick(m.at + k)] = '';
            break;
        case 'duplicateToken': {
            const i = pick(m.at);
            out[i] = `${out[i]} ${out[i]}`;
            break;
        }
        case 'swapTokens': {
            const a = pick(m.a);
            const b = pick(m.b);
            [out[a], out[b]] = [out[b], out[a]];
            break;
        }
    }
    return out.join('');
}

function changeLineEndings(text: string, style: 'crlf' | 'cr' | 'mixed'): string {
    const lf = text.replace(/\r\n?/g, '\n');
    if (style === 'crlf') return lf.replace(/\n/g, '\r\n');
    if (style === 'cr') return lf.replace(/\n/g, '\r');
    let i = 0;
    return lf.replace(/\n/g, () => ['\n', '\r\n', '\r'][i++ % 3]);
}

export function describeMutation(m: Mutation): string {
    switch (m.kind) {
        case 'deleteToken': return `deleteToken@${m.at}×${m.count}`;
        case 'duplicateToken': return `duplicateToken@${m.at}`;
        case 'swapTokens': return `swapTokens@${m.a},${m.b}`;
        case 'insertToken': return `insertToken@${m.at}:${JSON.stringify(m.token)}`;
        case 'deleteLines': return `deleteLines@${m.at}×${m.count}`;
        case 'duplicateLines': return `duplicateLines@${m.at}×${m.count}`;
        case 'truncate': return `truncate@${m.at}`;
        case 'insertText': return `insertText@${m.at}:${JSON.stringify(m.text)}`;
        case 'nul': return `nul@${m.at}×${m.count}${m.replace ? ' (replacing)' : ''}`;
        case 'lineEndings': return `lineEndings:${m.style}`;
        case 'bom': return 'bom';
        case 'longToken': return `longToken@${m.at}:${m.what}×${m.length}`;
        case 'unclosed': return `unclosed@${m.at}:${JSON.stringify(m.opener)}×${m.count}`;
        case 'textControls': return `textControls:${JSON.stringify(m.text)}`;
    }
}

// ---------------------------------------------------------------- arbitraries

/** Characters that trouble text handling: every one is a separate test of the lexer and of positions. */
export const awkwardCharacters: readonly string[] = [
    '\uD800', '\uDBFF', '\uDC00', '\uDFFF',          // lone surrogates (invalid UTF-16)
    '😀', '👩‍👩‍👧', '🇳🇱', '𝔘',                            // astral characters, a ZWJ sequence, a flag
    '\u0301', 'e\u0301', '\u0308\u0308\u0308',        // combining marks, also stacked
    '\u202E', '\u202D', '\u2066', '\u2069', '\u200F', // bidi overrides and isolates
    '\u200B', '\u200D', '\uFEFF', '\u00A0', '\u3000', // zero-width, a BOM inside the text, no-break and ideographic spaces
    '\u2028', '\u2029', '\u0085', '\u000B', '\u000C', // line and paragraph separators, NEL, VT, FF
    '\u0000', '\u0007', '\u001B', '\u007F',           // control characters
    '“', '”', '‘', '’', '\\', '"', '\\"', '/*', '*/', '//',
    'é', 'ß', 'Ÿ', 'ĳ', 'Ω', 'א', 'ع', '中文', 'ｆｕｌｌ',
    '\r', '\r\n', '\n\n\n'
];

const position = fc.nat({ max: 1_000_000 });

/**
 * What text from a file can carry to a terminal or a CI log: escape sequences (OSC sets the window
 * title, CSI erases a line), BEL, NUL, DEL, C1 controls, every kind of line break, and a line that
 * looks like a GitHub Actions command or a summary line.
 */
export const controlTexts: readonly string[] = [
    '\u001b]0;titel\u0007', '\u001b[2K\r', '\u001b[31mrood\u001b[0m', '\u0007', '\u0000', '\u007f', '\u009b31m', '\u0085',
    '\n::error file=x.hrk,line=1::nep\n', '\r\n0 bestanden gecontroleerd: 0 fouten, 0 waarschuwingen.\n', '\u2028', '\u2029', '\r',
    '\u000b\u000c', '\u202e', '\t'
];

const keywordArb = fc.constantFrom(...grammarKeywords());

const unicodeTextArb = fc.oneof(
    fc.constantFrom(...awkwardCharacters),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }),
    // Any UTF-16 code unit, lone surrogates included.
    fc.string({ unit: fc.integer({ min: 0, max: 0xFFFF }).map(c => String.fromCharCode(c)), minLength: 1, maxLength: 8 })
);

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('deleteToken' as const), at: position, count: fc.integer({ min: 1, max: 3 }) }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('duplicateToken' as const), at: position }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('swapTokens' as const), a: position, b: position }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('insertToken' as const), at: position, token: keywordArb }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteLines' as const), at: position, count: fc.integer({ min: 1, max: 10 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicateLines' as const), at: position, count: fc.integer({ min: 1, max: 10 }) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: position }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('insertText' as const), at: position, text: unicodeTextArb }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('nul' as const), at: position, count: fc.integer({ min: 1, max: 4 }), replace: fc.boolean() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('lineEndings' as const), style: fc.constantFrom('crlf' as const, 'cr' as const, 'mixed' as const) }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'bom' as const }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('longToken' as const), at: position, length: fc.constantFrom(150, 2_000, 30_000), what: fc.constantFrom('name' as const, 'string' as const) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('unclosed' as const), at: position, opener: fc.constantFrom('"', '"\\', '/*', '/** ', '"\\\n'), count: fc.constantFrom(1, 50, 5_000) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('textControls' as const), text: fc.oneof(fc.constantFrom(...controlTexts), fc.array(fc.constantFrom(...controlTexts), { minLength: 2, maxLength: 4 }).map(a => a.join(''))) }) }
);

const probesArb = fc.array(fc.nat({ max: 1_000_000 }), { minLength: 3, maxLength: 3 });

/**
 * A workspace of some example files, one to three of them changed by one to six mutations each.
 * Files not chosen are left out, so references into them break too.
 */
export function mutatedWorkspaceArb(examples: Record<string, string>): fc.Arbitrary<FuzzCase> {
    const names = Object.keys(examples);
    return fc.subarray(names, { minLength: 1 }).chain(chosen => fc.record({
        chosen: fc.constant(chosen),
        changes: fc.uniqueArray(
            fc.tuple(fc.constantFrom(...chosen), fc.array(mutationArb, { minLength: 1, maxLength: 6 })),
            { minLength: 1, maxLength: Math.min(3, chosen.length), selector: ([name]) => name }
        ),
        probes: probesArb
    })).map(({ chosen, changes, probes }) => {
        const files: Record<string, string> = {};
        for (const name of chosen) files[name] = examples[name];
        for (const [name, mutations] of changes) files[name] = mutations.reduce(applyMutation, files[name]);
        const label = changes.map(([name, mutations]) => `${name}: ${mutations.map(describeMutation).join(', ')}`).join('; ');
        return { kind: 'mutated' as const, label, files, probes };
    });
}

// ---------------------------------------------------------------- deep nesting

export type DeepShape = 'parentheses' | 'parenthesesUnclosed' | 'andChain' | 'stepChain' | 'thenChain' | 'questionChain' | 'braces';

export const deepShapes: readonly DeepShape[] = ['parentheses', 'parenthesesUnclosed', 'andChain', 'stepChain', 'thenChain', 'questionChain', 'braces'];

const characteristic = 'kenmerk Schaal "Schaal" { "klein", "groot" }\ntypologie Huiskamer "Huiskamer" { Schaal = "klein" }\n';

/** A file nested or chained `depth` deep, in one of the ways the grammar allows (and one it does not). */
export function deepText(shape: DeepShape, depth: number): string {
    const funding = (condition: string) => `${characteristic}financiering Diep "Diep" {\n    termijn structureel\n    voor typologie waar ${condition}\n}\n`;
    switch (shape) {
        case 'parentheses':
            return funding(`${'('.repeat(depth)}Schaal = "klein"${')'.repeat(depth)}`);
        case 'parenthesesUnclosed':
            return funding(`${'('.repeat(depth)}Schaal = "klein"`);
        case 'andChain':
            return funding(Array.from({ length: depth }, (_, i) => `Schaal ${i % 2 ? '!=' : '='} "klein"`).join(' en '));
        case 'stepChain':
            return `beslisboom Keten "Keten" {\n${Array.from({ length: depth }, (_, i) => `    stap S${i} "Stap ${i}" -> ${i + 1 < depth ? `S${i + 1}` : 'Einde'}\n`).join('')}    advies Einde "Klaar"\n}\n`;
        case 'thenChain':
            return `beslisboom Daarna "Daarna" {\n${Array.from({ length: depth }, (_, i) => `    advies A${i} "Advies ${i}" { daarna -> ${i + 1 < depth ? `A${i + 1}` : 'Einde'} }\n`).join('')}    advies Einde "Klaar"\n}\n`;
        case 'questionChain':
            return `beslisboom Vragen "Vragen" {\n${Array.from({ length: depth }, (_, i) => `    vraag V${i} "Vraag ${i}?" { ja -> ${i + 1 < depth ? `V${i + 1}` : 'Einde'} nee -> Stop }\n`).join('')}    advies Einde "Klaar"\n    advies Stop "Gestopt"\n}\n`
                + `scenario "helemaal ja" {\n    beslisboom Vragen\n${Array.from({ length: depth }, (_, i) => `    V${i}: ja\n`).join('')}    verwacht Einde\n}\n`;
        case 'braces':
            // Not allowed by the grammar: the parser must recover, not recurse.
            return `beslisboom B "B" ${'{ '.repeat(depth)}advies A "a" ${'} '.repeat(depth)}\n`;
    }
}

/** A deep file, sometimes damaged further (an unbalanced cut, a stray token). */
export function deepWorkspaceArb(depth = 5000): fc.Arbitrary<FuzzCase> {
    return fc.record({
        shape: fc.constantFrom(...deepShapes),
        mutations: fc.array(mutationArb, { maxLength: 2 }),
        probes: probesArb
    }).map(({ shape, mutations, probes }) => {
        const text = mutations.reduce(applyMutation, deepText(shape, depth));
        const label = `deep ${shape} ×${depth}${mutations.length ? `: ${mutations.map(describeMutation).join(', ')}` : ''}`;
        return { kind: 'deep' as const, label, files: { 'diep.hrk': text }, probes };
    });
}

// ---------------------------------------------------------------- huge files

export type HugeShape = 'renamedCopies' | 'verbatimCopies' | 'manySmallElements' | 'manyAnswers' | 'oneLongString' | 'tokenSoup';

export const hugeShapes: readonly HugeShape[] = ['renamedCopies', 'verbatimCopies', 'manySmallElements', 'manyAnswers', 'oneLongString', 'tokenSoup'];

/**
 * A file of about `bytes` (UTF-16 code units, close to bytes for this mostly ASCII text), built by
 * repetition:
 * - renamedCopies: all examples in one file, again and again, each copy's names given a suffix so
 *   that every reference resolves within its copy;
 * - verbatimCopies: the same without renaming (every name defined many times), leaving out the
 *   typologies and funding rules: copied verbatim, every funding rule applies to every copy of
 *   every typology, and the HTML guide grows with the square of the copies (past JavaScript's
 *   maximum string length of 512 MB at 10 MB; see docs/reliability.md);
 * - manySmallElements: hundreds of thousands of one-line elements;
 * - manyAnswers: one question with hundreds of thousands of answers;
 * - oneLongString: one explanation of `bytes` characters;
 * - tokenSoup: keywords, names, strings and punctuation in random order.
 */
export function hugeText(shape: HugeShape, examples: Record<string, string>, bytes: number, seed = 1): string {
    const parts: string[] = [];
    let size = 0;
    const push = (s: string) => { parts.push(s); size += s.length; };
    const all = Object.values(examples).join('\n');
    switch (shape) {
        case 'renamedCopies': {
            const keywords = new Set(grammarKeywords());
            const tokens = tokenize(all);
            for (let copy = 0; size < bytes; copy++) {
                push(tokens.map(t => !t.space && /^[\p{L}_][\p{L}\p{N}_]*$/u.test(t.text) && !keywords.has(t.text) ? `${t.text}_${copy}` : t.text).join('') + '\n');
            }
            break;
        }
        case 'verbatimCopies': {
            const some = Object.entries(examples).filter(([name]) => !/^(typologieen|financiering)\.hrk$/.test(name)).map(([, text]) => text).join('\n');
            while (size < bytes) push(some + '\n');
            break;
        }
        case 'manySmallElements':
            for (let i = 0; size < bytes; i++) push(`hoofdstuk H${i} "Hoofdstuk ${i}"\n`);
            break;
        case 'manyAnswers':
            push('beslisboom Groot "Groot" {\n    vraag V "Welke?" {\n');
            for (let i = 0; size < bytes; i++) push(`        antwoord "keuze ${i}" -> ${i % 2 ? 'A' : 'B'}\n`);
            push('    }\n    advies A "a"\n    advies B "b"\n}\n');
            break;
        case 'oneLongString':
            push('hoofdstuk Lang "Lang" {\n    toelichting "');
            while (size < bytes) push('Een heel lange toelichting, met ‘aanhalingstekens’ en \\"escapes\\". ');
            push('"\n}\n');
            break;
        case 'tokenSoup': {
            const vocabulary = [...grammarKeywords(), 'Naam', 'Schaal', 'Boom', 'V', '"tekst"', '"klein"', '2026-01-01', '\n', '/* c */', '// c\n'];
            let state = seed >>> 0 || 1;
            const next = () => { state ^= state << 13; state ^= state >>> 17; state ^= state << 5; return (state >>> 0) % vocabulary.length; };
            while (size < bytes) {
                const line: string[] = [];
                for (let i = 0; i < 12; i++) line.push(vocabulary[next()]);
                push(line.join(' ') + '\n');
            }
            break;
        }
    }
    return parts.join('');
}

export function hugeWorkspaceArb(examples: Record<string, string>, bytes = 10 * 1024 * 1024): fc.Arbitrary<FuzzCase> {
    return fc.record({ shape: fc.constantFrom(...hugeShapes), seed: fc.nat(), probes: probesArb })
        .map(({ shape, seed, probes }) => ({
            kind: 'huge' as const,
            label: `huge ${shape} ${(bytes / 1024 / 1024).toFixed(1)} MB`,
            files: { 'groot.hrk': hugeText(shape, examples, bytes, seed) },
            probes
        }));
}
