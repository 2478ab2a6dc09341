import { AstUtils, type AstNode } from 'langium';
import {
    isAfronden, isAls, isGetalwaarde, isInvoer, isMinimumMaximum, isNaamwaarde, isRekenEnOf, isRekenhaakjes, isRekensom, isRekenvergelijking,
    isTegengesteld, isTussenwaarde, isVoorwaardehaakjes,
    type Berekening, type Eenheid, type Invoer, type Naamwaarde, type Tussenwaarde
} from '../generated/ast.js';
import type { Lang } from '../i18n/locale.js';
import { message } from '../i18n/messages.js';
import { IssueCodes, type IssueCode } from '../validation/codes.js';
import { MAX_DECIMALS } from './evaluate.js';
import {
    ANY, add, canHold, constraint, contains, divide, hull, intersect, isEmpty, maximum, minimum, mirrored, multiply, negate, opposite, point,
    round, single, subtract, type Comparison, type Interval
} from './interval.js';
import { Rational } from './rational.js';
import { PLAIN, divideUnits, isPlain, multiplyUnits, sameUnit, unitOf, unitSource, type Unit } from './units.js';

/**
 * The checks of a calculation that need to understand it: units (HRK071), branches that can never
 * apply (HRK072), divisions by something that can be zero (HRK074) and values that depend on
 * themselves (HRK076), plus the simpler ones that look at one part (HRK073, HRK075, HRK077).
 *
 * Ranges (interval.ts) carry what the conditions say: after `niet van toepassing als woningen < 5`
 * the rest of the calculation knows `woningen >= 5`, and the `dan` of `als woningen > 20` knows
 * `woningen > 20`. A named value is looked at with what is known where it is first needed (a
 * `niet van toepassing` condition, or the outcome), not per place it is used. The checks only speak
 * when they are sure that a branch can never apply; for a division they ask for a guard unless they
 * can prove the divisor is never zero.
 */

/** One finding: where, what, and the message in either language. */
export interface Finding {
    severity: 'error' | 'warning';
    code: IssueCode;
    node: AstNode;
    property?: string;
    index?: number;
    keyword?: string;
    text: (lang: Lang) => string;
}

/** What the conditions written before a point say about the inputs and values (by their declaration). */
type Knowledge = ReadonlyMap<AstNode, Interval>;

const NOTHING_KNOWN: Knowledge = new Map();

/**
 * Interval work per calculation. Past it the ranges are taken as unknown and the checks that need
 * them stay silent: conditions nested in conditions could otherwise take time exponential in their depth.
 */
const BUDGET = 200_000;

const analyses = new WeakMap<Berekening, CalculationAnalysis>();

/** The analysis of a calculation, made once per AST (which is replaced when its document changes). */
export function analyseCalculation(berekening: Berekening): CalculationAnalysis {
    let analysis = analyses.get(berekening);
    if (!analysis) analyses.set(berekening, analysis = new CalculationAnalysis(berekening));
    return analysis;
}

export class CalculationAnalysis {
    readonly findings: Finding[] = [];
    /** The unit of each named value (undefined: not known, because of an error). */
    readonly valueUnits = new Map<Tussenwaarde, Unit | undefined>();
    /** The unit the outcome's expression gives. */
    outcomeUnit: Unit | undefined;
    private readonly valueRanges = new Map<Tussenwaarde, Interval>();
    private steps = 0;

    constructor(readonly berekening: Berekening) {
        const { order, cyclic } = this.orderValues();
        this.units(order);
        this.structure();
        this.ranges(order, cyclic);
    }

    private get exhausted(): boolean {
        return this.steps > BUDGET;
    }

    // ------------------------------------------------------------ order and cycles (HRK076)

    /** The values in an order where each comes after those it uses, and those that depend on themselves. */
    private orderValues(): { order: Tussenwaarde[]; cyclic: Set<Tussenwaarde> } {
        const waarden = this.berekening.waarden.filter(w => w.name);
        const uses = new Map<Tussenwaarde, Array<{ target: Tussenwaarde; at: Naamwaarde }>>();
        for (const w of waarden) {
            const list: Array<{ target: Tussenwaarde; at: Naamwaarde }> = [];
            for (const n of namesIn(w.waarde)) {
                const target = n.naam?.ref;
                if (isTussenwaarde(target) && target.$container === this.berekening && !list.some(u => u.target === target)) list.push({ target, at: n });
            }
            uses.set(w, list);
        }
        const waiting = new Map(waarden.map(w => [w, uses.get(w)!.length]));
        const users = new Map<Tussenwaarde, Tussenwaarde[]>();
        for (const w of waarden) for (const u of uses.get(w)!) users.set(u.target, [...(users.get(u.target) ?? []), w]);
        const order = waarden.filter(w => waiting.get(w) === 0);
        for (let next = 0; next < order.length; next++) {
            for (const user of users.get(order[next]) ?? []) {
                const left = waiting.get(user)! - 1;
                waiting.set(user, left);
                if (left === 0) order.push(user);
            }
        }
        const cyclic = new Set(waarden.filter(w => waiting.get(w)! > 0));
        this.reportCycles(cyclic, uses);
        return { order, cyclic };
    }

    /** One message per loop, at the name that closes it: `a → b → a`. */
    private reportCycles(cyclic: Set<Tussenwaarde>, uses: Map<Tussenwaarde, Array<{ target: Tussenwaarde; at: Naamwaarde }>>): void {
        const done = new Set<Tussenwaarde>();
        for (const start of cyclic) {
            if (done.has(start)) continue;
            const path: Tussenwaarde[] = [];
            const at = new Map<Tussenwaarde, number>();
            let current: Tussenwaarde | undefined = start;
            let closing: Naamwaarde | undefined;
            while (current && !done.has(current) && !at.has(current)) {
                at.set(current, path.length);
                path.push(current);
                const step: { target: Tussenwaarde; at: Naamwaarde } | undefined = uses.get(current)!.find(u => cyclic.has(u.target));
                closing = step?.at;
                current = step?.target;
            }
            for (const w of path) done.add(w);
            if (!current || !at.has(current) || !closing) continue;
            const loop = [...path.slice(at.get(current)!), current].map(w => w.name).join(' → ');
            const naam = this.berekening.name;
            this.findings.push({
                severity: 'error', code: IssueCodes.CalculationCycle, node: closing, property: 'naam',
                text: lang => message(lang, 'calcCycle', { berekening: naam, lus: loop })
            });
        }
    }

    // ------------------------------------------------------------ units (HRK071)

    private units(order: Tussenwaarde[]): void {
        for (const w of order) this.valueUnits.set(w, this.unit(w.waarde));
        for (const n of this.berekening.nietVanToepassing) this.conditionUnits(n.conditie);
        const uitkomst = this.berekening.uitkomst[0];
        if (!uitkomst) return;
        const computed = this.unit(uitkomst.waarde);
        this.outcomeUnit = computed;
        const declared = declaredUnit(uitkomst.eenheid);
        if (computed && declared && !sameUnit(computed, declared)) {
            this.findings.push({
                severity: 'error', code: IssueCodes.UnitMismatch, node: uitkomst, property: 'eenheid',
                text: lang => message(lang, 'calcUnitOutcome', { verklaard: unitSource(declared), berekend: unitWords(lang, computed) })
            });
        }
    }

    private unit(node: AstNode | undefined): Unit | undefined {
        if (isGetalwaarde(node)) return node.eenheid ? unitOf(node.eenheid.teller, node.eenheid.noemer) : PLAIN;
        if (isNaamwaarde(node)) {
            const target = node.naam?.ref;
            if (isInvoer(target)) return declaredUnit(target.eenheid) ?? PLAIN;
            if (isTussenwaarde(target)) return this.valueUnits.get(target);
            return undefined;
        }
        if (isRekensom(node)) {
            const left = this.unit(node.left);
            const right = this.unit(node.right);
            if (!left || !right) return undefined;
            if (node.operator === '*') return multiplyUnits(left, right);
            if (node.operator === '/') return divideUnits(left, right);
            if (sameUnit(left, right)) return left;
            this.mismatch(node, 'operator', node.operator, left, right);
            return undefined;
        }
        if (isTegengesteld(node) || isRekenhaakjes(node) || isAfronden(node)) return this.unit(node.waarde);
        if (isMinimumMaximum(node)) {
            let first: Unit | undefined;
            let known = true;
            node.argumenten.forEach((argument, index) => {
                const unit = this.unit(argument);
                if (!unit) { known = false; return; }
                if (!first) { first = unit; return; }
                if (!sameUnit(first, unit)) {
                    const eerste = first;
                    known = false;
                    this.findings.push({
                        severity: 'error', code: IssueCodes.UnitMismatch, node, property: 'argumenten', index,
                        text: lang => message(lang, 'calcUnitArguments', { functie: node.functie, eerste: unitWords(lang, eerste), deze: unitWords(lang, unit) })
                    });
                }
            });
            return known ? first : undefined;
        }
        if (isAls(node)) {
            this.conditionUnits(node.conditie);
            const dan = this.unit(node.dan);
            const anders = node.anders ? this.unit(node.anders) : dan;
            if (!dan || !anders) return undefined;
            if (sameUnit(dan, anders)) return dan;
            this.findings.push({
                severity: 'error', code: IssueCodes.UnitMismatch, node, property: 'anders',
                text: lang => message(lang, 'calcUnitBranches', { dan: unitWords(lang, dan), anders: unitWords(lang, anders) })
            });
            return undefined;
        }
        return undefined;
    }

    private conditionUnits(node: AstNode | undefined): void {
        if (isRekenEnOf(node)) {
            this.conditionUnits(node.left);
            this.conditionUnits(node.right);
        } else if (isVoorwaardehaakjes(node)) {
            this.conditionUnits(node.voorwaarde);
        } else if (isRekenvergelijking(node)) {
            const left = this.unit(node.links);
            const right = this.unit(node.rechts);
            if (left && right && !sameUnit(left, right)) this.mismatch(node, 'operator', node.operator, left, right);
        }
    }

    private mismatch(node: AstNode, property: string, teken: string, left: Unit, right: Unit): void {
        this.findings.push({
            severity: 'error', code: IssueCodes.UnitMismatch, node, property,
            text: lang => message(lang, 'calcUnitMismatch', { teken, links: unitWords(lang, left), rechts: unitWords(lang, right) })
        });
    }

    // ------------------------------------------------------------ parts on their own (HRK073, HRK075, HRK077)

    private structure(): void {
        const uitkomst = this.berekening.uitkomst[0];
        if (uitkomst && !uitkomst.eenheid) {
            this.findings.push({
                severity: 'error', code: IssueCodes.OutcomeWithoutUnit, node: uitkomst, keyword: 'uitkomst',
                text: lang => message(lang, 'calcOutcomeWithoutUnit', { titel: uitkomst.titel ?? '' })
            });
        }
        for (const node of AstUtils.streamAllContents(this.berekening)) {
            if (isAls(node) && !node.anders && node.dan) {
                const voorwaarde = sourceText(node.conditie);
                this.findings.push({
                    severity: 'error', code: IssueCodes.MissingElse, node, keyword: 'als',
                    text: lang => message(lang, 'calcMissingElse', { voorwaarde })
                });
            } else if (isNaamwaarde(node) && isInvoer(node.naam?.ref) && node.naam.ref.optioneel && !directArgument(node)) {
                const naam = node.naam.ref.name;
                this.findings.push({
                    severity: 'error', code: IssueCodes.CalculationNotAllowed, node, property: 'naam',
                    text: lang => message(lang, 'calcOptionalOutside', { naam })
                });
            } else if (isMinimumMaximum(node) && node.argumenten.length > 0 && node.argumenten.every(isOptionalInput)) {
                this.findings.push({
                    severity: 'error', code: IssueCodes.CalculationNotAllowed, node, property: 'functie',
                    text: lang => message(lang, 'calcOnlyOptional', { functie: node.functie })
                });
            } else if (isAfronden(node) && node.decimalen !== undefined && !validDecimals(node.decimalen)) {
                const decimalen = node.decimalen;
                this.findings.push({
                    severity: 'error', code: IssueCodes.CalculationNotAllowed, node, property: 'decimalen',
                    text: lang => message(lang, 'calcBadDecimals', { decimalen, max: MAX_DECIMALS })
                });
            }
        }
    }

    // ------------------------------------------------------------ ranges (HRK072, HRK074)

    private ranges(order: Tussenwaarde[], cyclic: Set<Tussenwaarde>): void {
        const rules = this.berekening.nietVanToepassing;
        const firstUse = this.firstUses(order, cyclic);
        const valuesUsedAt = (k: number) => order.filter(w => !cyclic.has(w) && (firstUse.get(w) ?? rules.length) === k);
        let known = NOTHING_KNOWN;
        rules.forEach((rule, k) => {
            for (const w of valuesUsedAt(k)) this.valueRanges.set(w, this.range(w.waarde, known, true));
            if (!rule.conditie) return;
            this.reportCondition(rule.conditie, known);
            if (!this.exhausted && !contradictory(known)) {
                const voorwaarde = sourceText(rule.conditie);
                if (!this.holds(rule.conditie, known, false)) {
                    this.findings.push({
                        severity: 'warning', code: IssueCodes.BranchNeverApplies, node: rule, property: 'conditie',
                        text: lang => message(lang, 'calcNotApplicableNever', { voorwaarde })
                    });
                } else if (!this.holds(rule.conditie, known, true)) {
                    this.findings.push({
                        severity: 'warning', code: IssueCodes.BranchNeverApplies, node: rule, property: 'conditie',
                        text: lang => message(lang, 'calcNotApplicableAlways', { voorwaarde })
                    });
                }
            }
            known = this.refine(known, rule.conditie, true);
        });
        for (const w of valuesUsedAt(rules.length)) this.valueRanges.set(w, this.range(w.waarde, known, true));
        const uitkomst = this.berekening.uitkomst[0];
        if (uitkomst) this.range(uitkomst.waarde, known, true);
    }

    /**
     * Per value, the first rule (index of `niet van toepassing`, or their number for the outcome)
     * that needs it, directly or through other values. A value is looked at with what is known there.
     */
    private firstUses(order: Tussenwaarde[], cyclic: Set<Tussenwaarde>): Map<Tussenwaarde, number> {
        const rules = this.berekening.nietVanToepassing;
        const first = new Map<Tussenwaarde, number>();
        const use = (w: Tussenwaarde, k: number) => first.set(w, Math.min(first.get(w) ?? rules.length, k));
        rules.forEach((rule, k) => { for (const n of namesIn(rule.conditie)) if (isTussenwaarde(n.naam?.ref)) use(n.naam.ref, k); });
        for (const w of [...order].reverse()) {
            const k = first.get(w) ?? rules.length;
            for (const n of namesIn(w.waarde)) if (isTussenwaarde(n.naam?.ref)) use(n.naam.ref, k);
        }
        for (const w of cyclic) first.delete(w);
        return first;
    }

    /** The range of an expression given `known`; with `report`, its divisions and branches are checked. */
    private range(node: AstNode | undefined, known: Knowledge, report: boolean): Interval {
        if (++this.steps > BUDGET) return ANY;
        if (isGetalwaarde(node)) {
            const value = node.getal ? Rational.parseDutch(node.getal) : undefined;
            return value ? point(value) : ANY;
        }
        if (isNaamwaarde(node)) {
            const target = node.naam?.ref;
            if (!target) return ANY;
            const own = isTussenwaarde(target) ? this.valueRanges.get(target) ?? ANY : ANY;
            return intersect(own, known.get(target) ?? ANY);
        }
        if (isRekenhaakjes(node)) return this.range(node.waarde, known, report);
        if (isTegengesteld(node)) return negate(this.range(node.waarde, known, report));
        if (isAfronden(node)) {
            const inner = this.range(node.waarde, known, report);
            const decimals = node.decimalen === undefined ? 0 : validDecimals(node.decimalen) ? Number(node.decimalen) : undefined;
            return decimals === undefined ? ANY : round(inner, decimals);
        }
        if (isMinimumMaximum(node)) {
            const required: Interval[] = [];
            const optional: Interval[] = [];
            for (const argument of node.argumenten) (isOptionalInput(argument) ? optional : required).push(this.range(argument, known, report));
            return node.functie === 'maximum' ? maximum(required, optional) : minimum(required, optional);
        }
        if (isRekensom(node)) {
            const left = this.range(node.left, known, report);
            const right = this.range(node.right, known, report);
            switch (node.operator) {
                case '+': return add(left, right);
                case '-': return subtract(left, right);
                case '*': return multiply(left, right);
                default: {
                    const result = divide(left, right);
                    if (report && contains(right, Rational.ZERO) && !this.exhausted && !contradictory(known)) this.reportDivision(node, right);
                    return result ?? ANY;
                }
            }
        }
        if (isAls(node)) {
            if (!node.conditie) return ANY;
            if (report) this.reportCondition(node.conditie, known);
            const canDan = this.holds(node.conditie, known, false);
            const canAnders = this.holds(node.conditie, known, true);
            if (report && !this.exhausted && !contradictory(known)) {
                const voorwaarde = sourceText(node.conditie);
                if (!canDan) {
                    this.findings.push({
                        severity: 'warning', code: IssueCodes.BranchNeverApplies, node, property: 'dan',
                        text: lang => message(lang, 'calcThenNever', { voorwaarde })
                    });
                } else if (!canAnders && node.anders) {
                    this.findings.push({
                        severity: 'warning', code: IssueCodes.BranchNeverApplies, node, property: 'anders',
                        text: lang => message(lang, 'calcElseNever', { voorwaarde })
                    });
                }
            }
            const dan = this.range(node.dan, this.refine(known, node.conditie, false), report);
            const anders = node.anders ? this.range(node.anders, this.refine(known, node.conditie, true), report) : undefined;
            if (!anders) return dan;
            if (!canDan) return anders;
            if (!canAnders) return dan;
            return hull(dan, anders);
        }
        return ANY;
    }

    private reportDivision(node: AstNode & { right: AstNode }, divisor: Interval): void {
        const deler = sourceText(node.right);
        const zero = single(divisor)?.isZero() ?? false;
        this.findings.push({
            severity: 'error', code: IssueCodes.DivisionByZero, node: node.right,
            text: lang => message(lang, zero ? 'calcDivisionAlwaysZero' : 'calcDivisionByZero', { deler })
        });
    }

    /** Checks the expressions inside a condition once, each with what is known when it is evaluated. */
    private reportCondition(node: AstNode | undefined, known: Knowledge): void {
        if (isVoorwaardehaakjes(node)) return this.reportCondition(node.voorwaarde, known);
        if (isRekenvergelijking(node)) {
            this.range(node.links, known, true);
            this.range(node.rechts, known, true);
        } else if (isRekenEnOf(node)) {
            this.reportCondition(node.left, known);
            // `en` looks right only when the left holds; `of` only when it does not.
            this.reportCondition(node.right, this.refine(known, node.left, node.operator === 'of'));
        }
    }

    /** Whether the condition (or, `negated`, its opposite) can hold for some values within `known`. */
    private holds(node: AstNode | undefined, known: Knowledge, negated: boolean): boolean {
        if (this.exhausted) return true;
        if (isVoorwaardehaakjes(node)) return this.holds(node.voorwaarde, known, negated);
        if (isRekenvergelijking(node) && node.operator) {
            const op = negated ? opposite(node.operator) : node.operator;
            return canHold(op, this.range(node.links, known, false), this.range(node.rechts, known, false));
        }
        if (isRekenEnOf(node)) {
            const both = (node.operator === 'en') !== negated;
            return both
                ? this.holds(node.left, known, negated) && this.holds(node.right, this.refine(known, node.left, negated), negated)
                : this.holds(node.left, known, negated) || this.holds(node.right, known, negated);
        }
        return true;
    }

    /** What is known once the condition (or, `negated`, its opposite) holds. */
    private refine(known: Knowledge, node: AstNode | undefined, negated: boolean): Knowledge {
        if (this.exhausted) return known;
        if (isVoorwaardehaakjes(node)) return this.refine(known, node.voorwaarde, negated);
        if (isRekenvergelijking(node) && node.operator) {
            const op: Comparison = negated ? opposite(node.operator) : node.operator;
            let result = known;
            const left = declarationOf(node.links);
            const right = declarationOf(node.rechts);
            if (left) result = narrowed(result, left, constraint(op, this.range(node.rechts, known, false)));
            if (right) result = narrowed(result, right, constraint(mirrored(op), this.range(node.links, known, false)));
            return result;
        }
        if (isRekenEnOf(node)) {
            const both = (node.operator === 'en') !== negated;
            if (both) return this.refine(this.refine(known, node.left, negated), node.right, negated);
            return hullKnowledge(this.refine(known, node.left, negated), this.refine(known, node.right, negated));
        }
        return known;
    }
}

/** The input or value a bare name (possibly in parentheses) stands for. */
function declarationOf(node: AstNode | undefined): Invoer | Tussenwaarde | undefined {
    if (isRekenhaakjes(node)) return declarationOf(node.waarde);
    if (isNaamwaarde(node)) {
        const target = node.naam?.ref;
        return isInvoer(target) || isTussenwaarde(target) ? target : undefined;
    }
    return undefined;
}

function narrowed(known: Knowledge, target: AstNode, range: Interval): Knowledge {
    if (range === ANY) return known;
    const result = new Map(known);
    result.set(target, intersect(known.get(target) ?? ANY, range));
    return result;
}

/** What is known when either of two things holds: per name the hull; a name free in either is free. */
function hullKnowledge(a: Knowledge, b: Knowledge): Knowledge {
    const result = new Map<AstNode, Interval>();
    for (const [target, range] of a) {
        const other = b.get(target);
        if (other) result.set(target, hull(range, other));
    }
    return result;
}

/** Knowledge that no value can meet: everything after it is unreachable, and is not checked again. */
function contradictory(known: Knowledge): boolean {
    for (const range of known.values()) if (isEmpty(range)) return true;
    return false;
}

function namesIn(node: AstNode | undefined): Naamwaarde[] {
    if (!node) return [];
    const result: Naamwaarde[] = isNaamwaarde(node) ? [node] : [];
    for (const child of AstUtils.streamAllContents(node)) if (isNaamwaarde(child)) result.push(child);
    return result;
}

function isOptionalInput(node: AstNode): boolean {
    if (isRekenhaakjes(node)) return isOptionalInput(node.waarde);
    return isNaamwaarde(node) && isInvoer(node.naam?.ref) && node.naam.ref.optioneel;
}

/** Whether a name is an argument of `minimum`/`maximum` itself (possibly in parentheses). */
function directArgument(node: Naamwaarde): boolean {
    let parent: AstNode | undefined = node.$container;
    while (isRekenhaakjes(parent)) parent = parent.$container;
    return isMinimumMaximum(parent);
}

function validDecimals(text: string): boolean {
    return /^[0-9]{1,2}$/.test(text) && Number(text) <= MAX_DECIMALS;
}

/** The declared unit (`in …`); `in getal` is a plain number; undefined when nothing is written. */
export function declaredUnit(eenheid: Eenheid | undefined): Unit | undefined {
    if (!eenheid) return undefined;
    return eenheid.getal ? PLAIN : unitOf(eenheid.teller, eenheid.noemer);
}

/** A unit in a message: ‘euro’, ‘m2’, ‘euro per m2’, or "a plain number". */
export function unitWords(lang: Lang, unit: Unit): string {
    return isPlain(unit) ? message(lang, 'calcPlainNumber') : `‘${unitSource(unit)}’`;
}

/** The text of a part as written, on one line. */
export function sourceText(node: AstNode | undefined): string {
    return node?.$cstNode?.text.replace(/\s+/g, ' ').trim() ?? '';
}
