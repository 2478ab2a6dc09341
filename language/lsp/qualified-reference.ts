import { CstUtils, GrammarAST, type LeafCstNode } from 'langium';

/**
 * For a token of a qualified reference `Boom.Knoop` (a `zie` to a node of another tree): the
 * reference's first token (the tree) and its dot. Undefined for any other token.
 */
export function qualifiedReferenceOf(leaf: LeafCstNode): { head: LeafCstNode; dot: LeafCstNode } | undefined {
    const container = leaf.container;
    if (!container || !GrammarAST.isCrossReference(container.grammarSource)) return undefined;
    const tokens = CstUtils.flattenCst(container).filter(l => !l.hidden).toArray();
    const dot = tokens.find(l => l.text === '.');
    return dot && tokens[0] !== dot ? { head: tokens[0], dot } : undefined;
}

/** Whether `leaf` is the tree part of a qualified reference `Boom.Knoop`. */
export function isTreePartOfQualifiedReference(leaf: LeafCstNode): boolean {
    const reference = qualifiedReferenceOf(leaf);
    return !!reference && leaf.offset < reference.dot.offset;
}
