import { AstUtils, CstUtils, GrammarAST, isCompositeCstNode, isLeafCstNode, type AstNode, type CstNode, type LangiumDocument, type LeafCstNode } from 'langium';
import { AbstractFormatter, Formatting, type FormattingAction } from 'langium/lsp';
import {
    isAntwoord, isElement, isGetal, isGids, isHerkomst, isInvoer, isKenmerk, isKenmerkWaarde, isKnoop, isNietVanToepassing, isScenarioInvoer,
    isScenarioStap, isTegengesteld, isTussenwaarde, isUitkomst, isVraag, type Antwoord, type Vraag
} from '../../generated/ast.js';

/** Keywords that begin a property inside a block, so each goes on its own line in a multi-line block. */
const propertyKeywords = new Set([
    'start', 'toelichting', 'activiteiten', 'vergelijkbaar', 'voorbeeld', 'zie', 'daarna', 'typologie', 'termijn', 'voor',
    'via', 'voorwaarde', 'bron', 'geldig', 'betrokken', 'rol', 'kracht', 'valkuil', 'werkgroep', 'beslisboom', 'langs', 'verwacht',
    'berekening'
]);

/** The functions of a calculation: their `(` is written against them, `minimum(a, b)`. */
const functionWords = new Set(['minimum', 'maximum', 'afronden']);

/** Punctuation written against the token before it, and tokens written against the one after. */
const tightBefore = new Set([',', ':', ')', '.']);
const tightAfter = new Set(['(', '.']);

/** An item on its own line one level deeper, keeping at most one blank line above it. */
const itemLine: FormattingAction = Formatting.fit(Formatting.indent(), { options: {}, moves: [{ tabs: 1, lines: 2 }] });
/** Top-level elements start on a new line at column 0, with at most one blank line between them. */
const elementLine: FormattingAction = Formatting.fit(Formatting.newLine(), Formatting.newLines(2));
/** A comment line inside a block: indented like the items (its line breaks are its own). */
const commentIndent: FormattingAction = { options: {}, moves: [{ tabs: 1 }] };

/**
 * Formats whitespace only: indentation by block, one space between the tokens of a line, items of a
 * multi-line block on their own lines, and the `->` of a question's answers aligned. A block written
 * on one line stays on one line; a token the author put on a continuation line stays there
 * (indented one level deeper than its item). Comments are never moved to another line: Langium's
 * formatter only edits the whitespace between tokens, and comment lines are indented with their block.
 */
export class HandreikingFormatter extends AbstractFormatter {
    /**
     * A range (or on-type) format only in a document that parses, as for the whole document.
     * Langium's check lets a range through when the first syntax error lies below it, but compares
     * the error's 1-based line with the range's 0-based one and keeps edits that reach past the
     * range: the whitespace edit after the last token of the range then spans the unparsed text
     * after it, and formatting a selection deleted that text.
     */
    protected override isFormatRangeErrorFree(document: LangiumDocument): boolean {
        return document.parseResult.lexerErrors.length === 0 && document.parseResult.parserErrors.length === 0;
    }

    protected format(node: AstNode): void {
        if (isGids(node)) {
            // The file's `herkomst` and the elements, in the order written: each at column 0.
            const parts = [...node.herkomst, ...node.elementen].sort((a, b) => (a.$cstNode?.offset ?? 0) - (b.$cstNode?.offset ?? 0));
            parts.forEach((part, index) => {
                this.getNodeFormatter(node).node(part).prepend(index === 0 ? Formatting.noIndent() : elementLine);
            });
            return;
        }
        const cst = node.$cstNode;
        if (!cst) return;
        const formatter = this.getNodeFormatter(node);
        const own = ownChildren(cst, node);
        const leaves = own.filter((c): c is LeafCstNode => isLeafCstNode(c) && !c.hidden);
        const open = leaves.find(l => l.text === '{' && GrammarAST.isKeyword(l.grammarSource));
        const close = [...leaves].reverse().find(l => l.text === '}' && GrammarAST.isKeyword(l.grammarSource));
        const multiline = !!open && !!close && open.range.start.line !== close.range.start.line;
        const inBlock = (c: CstNode) => !!open && !!close && c.offset > open.offset && c.offset < close.offset;

        let previous: CstNode | undefined;
        let comment: CstNode | undefined;
        for (const child of own) {
            if (child.hidden) {
                if (multiline && inBlock(child)) formatter.cst([child]).prepend(commentIndent);
                comment = child;
                continue;
            }
            const afterComment = comment !== undefined && comment.range.end.line === child.range.start.line;
            comment = undefined;
            if (child.offset !== cst.offset) {
                const item = inBlock(child) && this.startsItem(node, child, previous, open);
                // After a comment on the same line (`/* … */ stap …`) the token stays where it is;
                // an item there still indents its contents (Langium makes no edit after a comment).
                const spacing = afterComment
                    ? { options: {}, moves: [{ characters: 1, tabs: item && multiline ? 1 : 0 }] }
                    : this.spacing(node, child, previous, { open, close, multiline, item, inBlock: inBlock(child) });
                // An item node carries its indentation to its contents; any other child node (a
                // condition, a list of typologies) is spaced by its first token, so that it does not.
                const target = item || !isCompositeCstNode(child) ? child : firstLeaf(child);
                if (target) formatter.cst([target]).prepend(spacing);
            }
            previous = lastLeaf(child) ?? previous;
        }
    }

    /** The whitespace before one token or child node of `node`. */
    private spacing(node: AstNode, child: CstNode, previous: CstNode | undefined,
        block: { open?: LeafCstNode; close?: LeafCstNode; multiline: boolean; item: boolean; inBlock: boolean }): FormattingAction {
        const text = isLeafCstNode(child) ? child.text : undefined;
        if (child === block.open) return Formatting.oneSpace();
        if (child === block.close) return block.multiline ? Formatting.newLine() : Formatting.oneSpace();
        if (block.item) return block.multiline ? itemLine : Formatting.oneSpace();
        if (text !== undefined && tightBefore.has(text)) return Formatting.noSpace();
        if (previous && isLeafCstNode(previous) && tightAfter.has(previous.text)) return Formatting.noSpace();
        if (text === '(' && previous && isLeafCstNode(previous) && functionWords.has(previous.text)) return Formatting.noSpace();
        // A minus sign belongs to its number: `-3`, `- -3` for a subtraction of a negative one.
        if ((isTegengesteld(node) || isGetal(node)) && previous && isLeafCstNode(previous) && previous.text === '-' && previous.offset >= (node.$cstNode?.offset ?? 0)) {
            return Formatting.noSpace();
        }
        if (previous && child.range.start.line > previous.range.end.line) {
            // The author broke the line here: keep the break, one level deeper than the line's
            // start — the element or item itself (header), or the property inside its block.
            // Inside a rule of a calculation (an expression over lines), that is one level below the rule.
            const inRule = !isBlockLevel(node) && isCalculationLine(AstUtils.getContainerOfType(node, (n): n is AstNode => isBlockLevel(n)));
            return { options: {}, moves: [{ lines: 1, tabs: (isBlockLevel(node) && !block.inBlock) || inRule ? 1 : 2 }] };
        }
        if (text === '->' && isAntwoord(node)) return Formatting.spaces(arrowPadding(node));
        return Formatting.oneSpace();
    }

    /**
     * Whether `child` begins an item of the block: a node, an answer, a value, a step, the block's
     * own `herkomst`, or a property keyword. A `herkomst` behind a line belongs to that line and
     * stays on it.
     */
    private startsItem(node: AstNode, child: CstNode, previous: CstNode | undefined, open: LeafCstNode | undefined): boolean {
        if (isCompositeCstNode(child) && child.astNode !== node) {
            const item = child.astNode;
            return isBlockItem(item) || (isHerkomst(item) && item.$containerProperty === 'herkomst');
        }
        if (!isLeafCstNode(child)) return false;
        if (isKenmerk(node)) return child.tokenType.name === 'STRING' && (previous === open || previous?.text === ',');
        return GrammarAST.isKeyword(child.grammarSource) && propertyKeywords.has(child.text);
    }
}

/** The parts of a block that each begin a line of their own: nodes, answers, values, a scenario's answers and inputs, a calculation's rules. */
function isBlockItem(node: AstNode): boolean {
    return isKnoop(node) || isAntwoord(node) || isKenmerkWaarde(node) || isScenarioStap(node) || isScenarioInvoer(node)
        || isInvoer(node) || isNietVanToepassing(node) || isTussenwaarde(node) || isUitkomst(node);
}

/** The lines of a calculation and of its scenario, which hold expressions but no block. */
function isCalculationLine(node: AstNode | undefined): boolean {
    return isInvoer(node) || isNietVanToepassing(node) || isTussenwaarde(node) || isUitkomst(node) || isScenarioInvoer(node);
}

/** Elements and items: the nodes whose lines are indented by their container (the rest sit inside a line). */
function isBlockLevel(node: AstNode): boolean {
    return isElement(node) || isBlockItem(node);
}

/**
 * The CST children that belong to `node` itself, with datatype-rule composites (a qualified name)
 * flattened into their tokens and child AST nodes kept whole.
 */
function ownChildren(cst: CstNode, node: AstNode): CstNode[] {
    const result: CstNode[] = [];
    const visit = (c: CstNode) => {
        if (isCompositeCstNode(c) && c.astNode === node) c.content.forEach(visit);
        else result.push(c);
    };
    if (isCompositeCstNode(cst)) cst.content.forEach(visit);
    return result;
}

function firstLeaf(node: CstNode): CstNode | undefined {
    return CstUtils.flattenCst(node).find(l => !l.hidden);
}

function lastLeaf(node: CstNode): CstNode | undefined {
    if (isLeafCstNode(node)) return node.hidden ? undefined : node;
    const leaves = CstUtils.flattenCst(node).filter(l => !l.hidden).toArray();
    return leaves[leaves.length - 1];
}

/**
 * The spaces before `->` so that the arrows of a question's answers line up: one more than the
 * difference between this answer's head (`ja`, `nee`, `antwoord "…"`) and the longest head of the
 * answers written on their own lines. Heads spanning lines are not aligned.
 */
function arrowPadding(antwoord: Antwoord): number {
    const vraag = AstUtils.getContainerOfType(antwoord, isVraag);
    const width = headWidth(antwoord);
    if (!vraag || width === undefined || !spansLines(vraag)) return 1;
    return Math.max(widestHead(vraag), width) - width + 1;
}

/**
 * The longest answer head of a question, computed once per question (every answer asks for it:
 * per answer it would be quadratic), without spreading the widths into Math.max (which overflows
 * the stack for a question of some 100 000 answers). The AST is new after each edit, so the cache
 * never outlives the text it was computed from.
 */
const widestHeads = new WeakMap<Vraag, number>();
function widestHead(vraag: Vraag): number {
    let widest = widestHeads.get(vraag);
    if (widest === undefined) {
        widest = 0;
        for (const antwoord of vraag.antwoorden) widest = Math.max(widest, headWidth(antwoord) ?? 0);
        widestHeads.set(vraag, widest);
    }
    return widest;
}

function headWidth(antwoord: Antwoord): number | undefined {
    if (antwoord.soort) return antwoord.soort.length;
    const label = antwoord.$cstNode && CstUtils.flattenCst(antwoord.$cstNode).find(l => l.tokenType.name === 'STRING');
    if (!label || label.text.includes('\n')) return undefined;
    return 'antwoord'.length + 1 + label.text.length;
}

/** A question written over several lines, where its answers are on their own lines and alignment means something. */
function spansLines(vraag: AstNode): boolean {
    const range = vraag.$cstNode?.range;
    return !!range && range.start.line !== range.end.line;
}
