import { AstUtils, GrammarAST, isCompositeCstNode, isLeafCstNode, type AstNode, type CstNode } from 'langium';
import {
    isAdvies, isBerekening, isBeslisboom, isFinanciering, isGids, isHerkomst, isHoofdstuk, isKenmerkWaarde, isNietVanToepassing, isPartij,
    isStap, isTussenwaarde, isTypologie, isUitkomst, isVraag,
    type Advies, type Berekening, type Beslisboom, type Financiering, type Gids, type Herkomst, type Hoofdstuk, type KenmerkWaarde,
    type NietVanToepassing, type Partij, type Stap, type Tussenwaarde, type Typologie, type Uitkomst, type Vraag
} from '../generated/ast.js';

/**
 * Where the guide's content comes from (`herkomst`), and the one place that decides which
 * `herkomst` applies to an element: the checks, the JSON export, the hover and the balance of
 * `check --herkomst` all ask here. The rule is inheritance by containment: an element's own
 * `herkomst` (first in its block), else its block's (a node's tree, a value's typology), else the
 * file's (a `herkomst` at the top of the file). A line's own `herkomst` (behind a `toelichting`,
 * `voor`, `voorwaarde` or `activiteiten`) speaks for that line; without one the line has its
 * element's.
 */

/** The four kinds, as written. */
export type HerkomstSoort = 'handreiking' | 'bron' | 'gereconstrueerd' | 'illustratief';

export const HERKOMST_SOORTEN: readonly HerkomstSoort[] = ['handreiking', 'bron', 'gereconstrueerd', 'illustratief'];

/** The English name of each kind, as in the JSON export and the balance (docs/json-format.md). */
export const PROVENANCE_KIND = {
    handreiking: 'guide',
    bron: 'source',
    gereconstrueerd: 'reconstructed',
    illustratief: 'illustrative'
} as const satisfies Record<HerkomstSoort, string>;

/** The elements that carry content a reader sees, and so must say where it comes from. */
export type ContentElement = Beslisboom | Vraag | Advies | Stap | Typologie | Financiering | Berekening | Partij | Hoofdstuk;

export function isContentElement(node: unknown): node is ContentElement {
    return isBeslisboom(node) || isVraag(node) || isAdvies(node) || isStap(node) || isTypologie(node)
        || isFinanciering(node) || isBerekening(node) || isPartij(node) || isHoofdstuk(node);
}

/** The rules of a calculation that can say where they come from, each behind its own line. */
export type CalculationRule = NietVanToepassing | Tussenwaarde | Uitkomst;

export function isCalculationRule(node: unknown): node is CalculationRule {
    return isNietVanToepassing(node) || isTussenwaarde(node) || isUitkomst(node);
}

/** Parts with a `herkomst` of their own behind them (a single one), that inherit from their block. */
type OwnLine = KenmerkWaarde | CalculationRule;

function isOwnLine(node: unknown): node is OwnLine {
    return isKenmerkWaarde(node) || isCalculationRule(node);
}

/** The `herkomst` that applies to an element or line, and whether it was written there or inherited. */
export interface EffectiveHerkomst {
    /** Undefined: nothing says where it comes from (unmarked). */
    soort?: HerkomstSoort;
    /** The citation, the source or the reason, as written. */
    tekst?: string;
    /** True when it comes from an enclosing block or the file, not from the element or line itself. */
    inherited: boolean;
    /** The `herkomst` written in the source, if any. */
    herkomst?: Herkomst;
}

const UNMARKED: EffectiveHerkomst = { inherited: false };

function fromNode(herkomst: Herkomst | undefined, inherited: boolean): EffectiveHerkomst | undefined {
    if (!herkomst || !isSoort(herkomst.soort)) return undefined;
    return { soort: herkomst.soort, ...(herkomst.tekst !== undefined ? { tekst: herkomst.tekst } : {}), inherited, herkomst };
}

function isSoort(value: string | undefined): value is HerkomstSoort {
    return (HERKOMST_SOORTEN as readonly string[]).includes(value ?? '');
}

/** The `herkomst` written on the element itself (the first, when it is written twice: HRK003). */
export function ownHerkomst(node: ContentElement | OwnLine): Herkomst | undefined {
    return isOwnLine(node) ? node.herkomst : node.herkomst[0];
}

/** The file's default: the first `herkomst` at the top level of the file. */
export function fileHerkomst(node: AstNode): Herkomst | undefined {
    const root = AstUtils.findRootNode(node);
    return isGids(root) ? (root as Gids).herkomst[0] : undefined;
}

/** The element's `herkomst` after inheritance: its own, its block's, or its file's. */
export function effectiveHerkomst(node: ContentElement | OwnLine): EffectiveHerkomst {
    const own = fromNode(ownHerkomst(node), false);
    if (own) return own;
    const block = isOwnLine(node) ? node.$container : isVraag(node) || isAdvies(node) || isStap(node) ? node.$container : undefined;
    if (block) {
        const inherited = effectiveHerkomst(block);
        if (inherited.soort) return { ...inherited, inherited: true };
    }
    return fromNode(fileHerkomst(node), true) ?? UNMARKED;
}

/** The lines that can carry their own `herkomst`, by the property that holds their text. */
export type LineProperty = 'toelichting' | 'voor' | 'voorwaarden' | 'activiteiten';

const lineProperties = new Set<string>(['toelichting', 'voor', 'voorwaarden', 'activiteiten']);

/** The `herkomst` of one line of an element: written behind it, else the element's (inherited). */
export function lineHerkomst(element: ContentElement, property: LineProperty, index = 0): EffectiveHerkomst {
    const own = fromNode(lineSuffixes(element).get(property)?.[index], false);
    if (own) return own;
    const inherited = effectiveHerkomst(element);
    return inherited.soort ? { ...inherited, inherited: true } : UNMARKED;
}

/**
 * Per line property, the `herkomst` written behind each item (aligned with the property's list;
 * for `activiteiten "a", "b" herkomst …` both items). Read from the element's own syntax nodes:
 * a `herkomst` there belongs to the items written since the last keyword before it. Computed once
 * per element; the AST is replaced when its document changes.
 */
const suffixCache = new WeakMap<AstNode, Map<string, Array<Herkomst | undefined>>>();

export function lineSuffixes(element: AstNode): Map<string, Array<Herkomst | undefined>> {
    let result = suffixCache.get(element);
    if (result) return result;
    result = new Map();
    suffixCache.set(element, result);
    const counters = new Map<string, number>();
    let pending: Array<{ property: string; index: number }> = [];
    for (const child of ownChildren(element)) {
        if (child.hidden) continue;
        if (isCompositeCstNode(child) && isHerkomst(child.astNode) && child.astNode !== element) {
            const herkomst = child.astNode;
            if (herkomst.$containerProperty === 'regelHerkomst') {
                for (const item of pending) {
                    const list = result.get(item.property) ?? [];
                    list[item.index] = herkomst;
                    result.set(item.property, list);
                }
            }
            pending = [];
            continue;
        }
        const assignment = child.grammarSource ? AstUtils.getContainerOfType(child.grammarSource, GrammarAST.isAssignment) : undefined;
        if (assignment && lineProperties.has(assignment.feature)) {
            const index = counters.get(assignment.feature) ?? 0;
            counters.set(assignment.feature, index + 1);
            pending.push({ property: assignment.feature, index });
        } else if (!(isLeafCstNode(child) && child.text === ',')) {
            // Any other keyword, value or part starts another line.
            pending = [];
        }
    }
    return result;
}

/** The syntax nodes that belong to `node` itself: tokens, and child elements kept whole. */
function ownChildren(node: AstNode): CstNode[] {
    const result: CstNode[] = [];
    const visit = (c: CstNode) => {
        if (isCompositeCstNode(c) && c.astNode === node) c.content.forEach(visit);
        else result.push(c);
    };
    const cst = node.$cstNode;
    if (cst && isCompositeCstNode(cst)) cst.content.forEach(visit);
    return result;
}
