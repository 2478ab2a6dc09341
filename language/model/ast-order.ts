import { isAstNode, type AstNode } from 'langium';

/**
 * A document's AST nodes in the order Langium's `streamAst` gives them (depth first, a node before
 * its children, the children in the order of the node's own properties, those starting with `$`
 * left out), with, for each node, where its subtree ends: `nodes[i]`'s descendants are
 * `nodes[i + 1 .. ends[i] - 1]`, so a walk can skip them by going on at `ends[i]`.
 *
 * Why not `streamAst`: its stream makes an iterator, a state object and a closure per node; in a
 * profile of checking 10 000 nodes, the streams were about a third of the time of linking and of
 * the validator's walk (issue 11; docs/performance.md). Plain arrays and one loop do the same walk.
 */
export interface AstOrder {
    readonly nodes: readonly AstNode[];
    readonly ends: readonly number[];
}

export function astOrder(root: AstNode): AstOrder {
    const nodes: AstNode[] = [];
    const ends: number[] = [];
    // An explicit stack, not recursion: a file can nest thousands deep (the fuzzer's deep shapes).
    // A number on the stack marks where the subtree of the node at that index ends.
    const stack: Array<AstNode | number> = [root];
    const children: AstNode[] = [];
    while (stack.length > 0) {
        const top = stack.pop()!;
        if (typeof top === 'number') {
            ends[top] = nodes.length;
            continue;
        }
        stack.push(nodes.length);
        nodes.push(top);
        ends.push(0);
        children.length = 0;
        for (const key of Object.keys(top)) {
            if (key.startsWith('$')) continue;
            const value = (top as unknown as Record<string, unknown>)[key];
            if (isAstNode(value)) children.push(value);
            else if (Array.isArray(value)) {
                for (const element of value) if (isAstNode(element)) children.push(element);
            }
        }
        for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
    return { nodes, ends };
}
