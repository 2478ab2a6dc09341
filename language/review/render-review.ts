import type { CalculationErrorKind } from '../calculation/evaluate.js';
import { formatNumber, withUnit } from '../calculation/format.js';
import { Rational } from '../calculation/rational.js';
import { unitFromName } from '../calculation/units.js';
import type { ProvenanceJson, UnitName } from '../generation/json/handreiking-json.js';
import { escapeMarkdown } from '../generation/tables/typology-table.js';
import { calculationTexts } from '../i18n/calculation-messages.js';
import type { Lang } from '../i18n/locale.js';
import { reviewTexts, type ReviewTexts } from '../i18n/review-messages.js';
import type { BehaviourChange, CalculationOutcomeJson, ElementRef, EndJson, ReviewJson, StructureChange, Value, VersionJson } from './review-json.js';

/**
 * `handreiking diff` as a reader reads it: as lines for a terminal, or as Markdown for a
 * pull-request comment. Both come from the same `ReviewJson` and the same sentences; only the
 * quoting differs (‘Naam’ and “tekst” in a terminal; code spans and escaped text in Markdown, where
 * nothing from a .hrk file can become a link, an image or HTML).
 */

/** At most this many path changes are listed per tree in text and Markdown; JSON lists them all. */
export const MAX_LISTED_PATHS = 50;

interface Style {
    /** An id (of a node, tree, typology …): ids hold only letters, digits and `_`. */
    name(id: string): string;
    /** A text from the guide (a node's text, a title, a label, a scenario's name). */
    text(t: string): string;
    /** An answer label inside a path (`Stabiel=nee`). */
    label(t: string): string;
    /** A formula of a calculation, or a number or input of its scenario, as written in a .hrk file. */
    formula(t: string): string;
}

/** A text on one line: a report line is one line, and a documentation comment's line breaks say nothing there. */
const oneLine = (t: string) => t.replace(/\s+/g, ' ').trim();

/**
 * A code span that no text can end early: fenced by one backtick more than the longest run inside
 * (a reason in a `niet van toepassing` rule may hold backticks), with spaces when it starts or ends with one.
 */
export function codeSpan(t: string): string {
    const longest = Math.max(0, ...(t.match(/`+/g) ?? []).map(run => run.length));
    const fence = '`'.repeat(longest + 1);
    const pad = t.startsWith('`') || t.endsWith('`') ? ' ' : '';
    return `${fence}${pad}${t}${pad}${fence}`;
}

const terminalStyle: Style = { name: id => `‘${id}’`, text: t => `“${oneLine(t)}”`, label: t => t, formula: t => `“${oneLine(t)}”` };
const markdownStyle: Style = {
    name: id => `\`${id}\``, text: t => `“${escapeMarkdown(oneLine(t))}”`, label: t => escapeMarkdown(t), formula: t => codeSpan(oneLine(t))
};

interface Group {
    header: string;
    lines: string[];
}

/** The report as lines of text for a terminal (each line goes through the terminal-safe output). */
export function reviewText(review: ReviewJson, lang: Lang): string[] {
    const t = reviewTexts(lang);
    const s = terminalStyle;
    const lines = [`Handreiking: ${t.versions(versionText(review.old, t, s), versionText(review.new, t, s))}`];
    const structure = structureGroups(review, t, s);
    const behaviour = behaviourGroups(review, t, s, lang);
    if (structure.length > 0) {
        lines.push(t.structureHeading);
        for (const g of structure) lines.push(`  ${g.header}`, ...g.lines.map(l => `    ${l}`));
    }
    if (behaviour.length > 0) {
        lines.push(t.behaviourHeading);
        for (const g of behaviour) lines.push(`  ${g.header}`, ...g.lines.map(l => `    ${l}`));
    }
    for (const n of review.notCompared) lines.push(t.notCompared(`${t.type.tree} ${s.name(n.tree)}`, thousands(n.limit, lang)));
    lines.push(review.changed ? t.summary(review.structure.length, review.behaviour.length) : t.nothingChanged);
    return lines;
}

/** The report as a GitHub-flavoured Markdown comment for a pull request. */
export function reviewMarkdown(review: ReviewJson, lang: Lang): string {
    const t = reviewTexts(lang);
    const s = markdownStyle;
    const out = [`### ${t.title}`, ''];
    const summary = review.changed ? t.summary(review.structure.length, review.behaviour.length) : t.nothingChanged;
    out.push(`${t.versions(versionText(review.old, t, s), versionText(review.new, t, s))}: ${summary}`, '');
    const section = (heading: string, groups: Group[]) => {
        if (groups.length === 0) return;
        out.push(`#### ${heading}`, '');
        for (const g of groups) out.push(`**${g.header}**`, '', ...g.lines.map(l => `- ${l}`), '');
    };
    section(t.structureHeading, structureGroups(review, t, s));
    section(t.behaviourHeading, behaviourGroups(review, t, s, lang));
    for (const n of review.notCompared) out.push(`> ${t.notCompared(`${t.type.tree} ${s.name(n.tree)}`, thousands(n.limit, lang))}`, '');
    return out.join('\n').replace(/\n+$/, '\n');
}

/** One behaviour change as the terminal report says it (the preview's comparison lists them so). */
export function behaviourChangeText(c: BehaviourChange, lang: Lang): string {
    return behaviourLine(c, reviewTexts(lang), terminalStyle, lang);
}

function thousands(n: number, lang: Lang): string {
    return n.toLocaleString(lang === 'en' ? 'en-GB' : 'nl-NL');
}

function versionText(v: VersionJson, t: ReviewTexts, s: Style): string {
    const what = v.kind === 'workingCopy' ? t.workingCopy : s === markdownStyle ? `‘${escapeMarkdown(v.label)}’` : `‘${v.label}’`;
    const commit = v.commit ? (s === markdownStyle ? `\`${v.commit.slice(0, 7)}\`, ` : `${v.commit.slice(0, 7)}, `) : '';
    return `${what} (${commit}${t.files(v.files)})`;
}

// ---------------------------------------------------------------- structure

function groupKey(e: ElementRef): string {
    if (e.type === 'node') return `tree:${e.tree}`;
    // A tree's scenario and a calculation's may share a name (in different files).
    return e.type === 'scenario' && e.calculation !== undefined ? `calculationScenario:${e.id}` : `${e.type}:${e.id}`;
}

function elementName(e: ElementRef, s: Style): string {
    return e.type === 'scenario' ? s.text(e.id) : s.name(e.id);
}

function structureGroups(review: ReviewJson, t: ReviewTexts, s: Style): Group[] {
    const groups = new Map<string, Group>();
    const group = (e: ElementRef): Group => {
        const key = groupKey(e);
        let g = groups.get(key);
        if (!g) {
            const owner: ElementRef = e.type === 'node' ? { type: 'tree', id: e.tree ?? '' } : e;
            g = { header: `${t.type[owner.type]} ${elementName(owner, s)}`, lines: [] };
            groups.set(key, g);
        }
        return g;
    };
    for (const c of review.structure) {
        const g = group(c.element);
        if (c.element.type !== 'node' && (c.change === 'added' || c.change === 'removed' || c.change === 'renamed')) {
            // A whole element added, removed or renamed: said in its header.
            if (c.change === 'renamed') {
                g.header += ` (${t.renamedFrom(elementName({ ...c.element, id: c.oldId }, s))})`;
                continue;
            }
            g.header += ` (${c.change === 'added' ? t.added : t.removed})`;
            if (c.title !== '' && c.element.type !== 'scenario') g.header += `: ${s.text(c.title)}`;
            continue;
        }
        g.lines.push(structureLine(c, t, s));
    }
    return [...groups.values()];
}

function structureLine(c: StructureChange, t: ReviewTexts, s: Style): string {
    const e = c.element;
    const kind = e.nodeKind ?? 'question';
    const soort = t.nodeKind[kind];
    const naam = s.name(e.id);
    switch (c.change) {
        case 'added': return t.nodeAdded(kind, naam, s.text(c.title));
        case 'removed': return t.nodeRemoved(kind, naam, s.text(c.title));
        case 'renamed': return t.nodeRenamed(soort, naam, s.name(c.oldId), c.matchedBy);
        case 'arrowAdded': return t.answerAdded(soort, naam, arrowWord(c.arrow, c.label, t, s), s.name(c.to));
        case 'arrowRemoved': return t.answerRemoved(soort, naam, arrowWord(c.arrow, c.label, t, s), s.name(c.to));
        case 'rewired': return t.rewired(soort, naam, arrowWord(c.arrow, c.label, t, s), s.name(c.oldTo), s.name(c.newTo));
        case 'applicability': return c.applies ? t.appliesNow(naam, s.name(c.typology)) : t.appliesNoLonger(naam, s.name(c.typology));
        case 'modified': {
            if (e.type === 'node' && c.field === 'text') return t.reworded(soort, naam, s.text(String(c.old ?? '')), s.text(String(c.new ?? '')));
            if (e.type === 'node' && c.field === 'kind') {
                return t.kindChanged(naam, t.nodeKindWithArticle[String(c.old)] ?? String(c.old), t.nodeKindWithArticle[String(c.new)] ?? String(c.new));
            }
            const of = c.characteristic ?? c.name;
            const what = c.field === 'provenance' && c.part
                ? t.provenanceOf[c.part] + (of !== undefined ? ` ${s.name(of)}` : '')
                : c.field === 'value' && c.characteristic !== undefined ? s.name(c.characteristic)
                : c.name !== undefined ? `${c.field === 'value' ? t.namedValue : t.field[c.field]} ${s.name(c.name)}`
                : t.field[c.field];
            const verschil = difference(c.field, c.old, c.new, t, s, isFormula(e, c.field));
            return e.type === 'node' ? t.nodeField(soort, naam, what, verschil) : t.elementField(what, verschil);
        }
    }
}

function arrowWord(arrow: string, label: string | undefined, t: ReviewTexts, s: Style): string {
    if (arrow === 'answer') return t.arrowAnswer(label === 'ja' || label === 'nee' ? label : s.text(label ?? ''));
    return arrow === 'then' ? t.arrowThen : t.arrowNext;
}

/** Fields whose values are ids (shown as names), not texts. */
const idFields = new Set(['start', 'typology', 'links', 'involvedIn', 'passes', 'expected', 'tree', 'calculation']);

/** Whether a field's values are written as in a .hrk file: a calculation's formulas, a calculation scenario's numbers. */
function isFormula(e: ElementRef, field: string): boolean {
    if (e.type === 'calculation') return ['inputs', 'notApplicable', 'value', 'outcome', 'unit'].includes(field);
    return e.type === 'scenario' && e.calculation !== undefined && (field === 'inputs' || field === 'expected');
}

/** "was X, now Y"; for lists, what came and what went. */
function difference(field: string, o: Value | undefined, n: Value | undefined, t: ReviewTexts, s: Style, formula = false): string {
    const one = (v: string) => formula ? s.formula(v) : idFields.has(field) ? s.name(v) : s.text(v);
    const show = (v: Value | undefined): string => {
        if (v === undefined) return t.notSet;
        if (v === null) return t.unknownValue;
        if (typeof v === 'string') return !formula && (field === 'term' || field === 'validUntil') ? v : one(v);
        if (Array.isArray(v)) {
            if (v.length === 0) return t.none;
            return (v as Array<string | ProvenanceJson>).map(x => typeof x === 'string' ? one(x) : provenance(x, t, s)).join(', ');
        }
        return provenance(v, t, s);
    };
    if (Array.isArray(o) && Array.isArray(n) && o.every(x => typeof x === 'string') && n.every(x => typeof x === 'string')) {
        const before = o as string[];
        const after = n as string[];
        const erbij = after.filter(x => !before.includes(x));
        const eraf = before.filter(x => !after.includes(x));
        if (erbij.length === 0 && eraf.length === 0) return t.reordered;
        // A short list reads best whole; a long one by what came and what went.
        if (before.length > 3 || after.length > 3) return t.listChange(erbij.map(one), eraf.map(one));
    }
    return t.wasNow(show(o), show(n));
}

function provenance(p: ProvenanceJson, t: ReviewTexts, s: Style): string {
    return t.provenance(t.provenanceKind[p.kind] ?? p.kind, p.detail !== undefined ? s.text(p.detail) : undefined);
}

// ---------------------------------------------------------------- behaviour

function behaviourGroups(review: ReviewJson, t: ReviewTexts, s: Style, lang: Lang): Group[] {
    const groups = new Map<string, Group & { paths: number }>();
    for (const c of review.behaviour) {
        // Under the tree the change is about, or under the calculation.
        const [key, header] = c.change === 'calculationScenario'
            ? [`calculation:${c.calculation}`, `${t.type.calculation} ${s.name(c.calculation)}`]
            : [`tree:${c.tree}`, `${t.type.tree} ${s.name(c.tree)}`];
        let g = groups.get(key);
        if (!g) {
            g = { header, lines: [], paths: 0 };
            groups.set(key, g);
        }
        if (c.change !== 'scenario' && c.change !== 'calculationScenario') {
            g.paths++;
            if (g.paths > MAX_LISTED_PATHS) continue;
        }
        g.lines.push(behaviourLine(c, t, s, lang));
    }
    for (const g of groups.values()) if (g.paths > MAX_LISTED_PATHS) g.lines.push(t.moreChanges(g.paths - MAX_LISTED_PATHS));
    return [...groups.values()];
}

/** Where a walk ended, as a phrase: `‘A’`, or what stopped it. */
function end(e: EndJson, t: ReviewTexts, s: Style): string {
    const at = s.name(e.at ?? 'start');
    switch (e.status) {
        case 'advice': return t.atAdvice(at);
        case 'question': return t.atQuestion(at);
        case 'cycle': return t.atCycle(at);
        case 'noTree': return t.noTree;
        default: return t.atDeadEnd(at);
    }
}

function pathText(answers: ReadonlyArray<{ question: string; answer: string }>, t: ReviewTexts, s: Style): string {
    if (answers.length === 0) return t.noQuestions;
    return answers.map(a => `${a.question}=${s.label(a.answer)}`).join(', ');
}

/** What a calculation gave, as a reader writes amounts (`€ 112 500`), or why it gave none. */
function outcomeText(o: CalculationOutcomeJson, t: ReviewTexts, s: Style, lang: Lang): string {
    const c = calculationTexts(lang);
    switch (o.kind) {
        case 'value': {
            const value = Rational.parseDecimal(o.value);
            const number = value ? formatNumber(value, lang) : o.value;
            // The JSON names units as the language does; one without a name (m2 × m2) is shown as written.
            const named = o.unit === undefined || ['euro', 'm2', 'euro per m2', 'm2 per euro'].includes(o.unit);
            const amount = named ? withUnit(number, unitFromName(o.unit as UnitName | undefined)) : `${number} ${o.unit}`;
            return o.approximate ? `≈ ${amount}` : amount;
        }
        case 'notApplicable': return o.reason !== undefined ? `${c.notApplicable()} (${s.text(o.reason)})` : c.notApplicable();
        case 'error': return c.noOutcome(c.error(o.error as CalculationErrorKind, o.name ?? '') ?? o.error);
        case 'noCalculation': return t.noCalculation;
    }
}

function behaviourLine(c: BehaviourChange, t: ReviewTexts, s: Style, lang: Lang): string {
    switch (c.change) {
        case 'calculationScenario': {
            const naam = s.text(c.scenario);
            const verdict = c.old.passed !== c.new.passed ? (c.new.passed ? t.nowPasses : t.nowFails) : undefined;
            const was = outcomeText(c.old.outcome, t, s, lang);
            const now = outcomeText(c.new.outcome, t, s, lang);
            // Amounts that differ only beyond the decimals shown read as the same: then only the verdict is news.
            if (was === now && verdict) return t.scenarioPassFail(naam, verdict);
            const line = t.scenarioOutcome(naam, was, now);
            return verdict ? `${line}; ${verdict}` : line;
        }
        case 'scenario': {
            const naam = s.text(c.scenario);
            const moved = c.old.status !== c.new.status || c.old.at !== c.new.at;
            const verdict = c.old.passed !== c.new.passed ? (c.new.passed ? t.nowPasses : t.nowFails) : undefined;
            if (!moved) return t.scenarioPassFail(naam, verdict ?? '');
            const line = t.scenarioEnd(naam, end(c.old, t, s), end(c.new, t, s));
            return verdict ? `${line}; ${verdict}` : line;
        }
        case 'pathChanged': {
            const pad = pathText(c.answers, t, s);
            if (c.old.status === c.new.status && c.old.at === c.new.at) {
                const erbij = c.new.passes.filter(x => !c.old.passes.includes(x)).map(x => s.name(x));
                const eraf = c.old.passes.filter(x => !c.new.passes.includes(x)).map(x => s.name(x));
                // The same nodes in another order: say what is passed now.
                return erbij.length === 0 && eraf.length === 0
                    ? t.pathPasses(pad, c.new.passes.map(x => s.name(x)), [])
                    : t.pathPasses(pad, erbij, eraf);
            }
            if (c.newAdvice) return t.pathNewAdvice(pad, s.name(c.new.at ?? ''), end(c.old, t, s));
            return t.pathChanged(pad, end(c.old, t, s), end(c.new, t, s));
        }
        case 'pathAdded': return t.pathAdded(pathText(c.answers, t, s), end(c.end, t, s));
        case 'pathRemoved': return t.pathRemoved(pathText(c.answers, t, s), end(c.end, t, s));
    }
}
