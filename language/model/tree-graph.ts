import type { Reference } from 'langium';
import { Advies, Antwoord, Beslisboom, Stap, isAdvies, isStap, isVraag, type Knoop } from '../generated/ast.js';

/**
 * The references that are arrows of a tree, by the AST type that holds them: each names a node of
 * the same tree. `start` counts too (it points at a node), though it is no edge. Scoping, the quick
 * fix that creates a missing node, and `edgesOf` below read this one table.
 */
export const arrowProperties: Readonly<Record<string, string>> = {
    [Antwoord.$type]: Antwoord.doel,
    [Advies.$type]: Advies.daarna,
    [Stap.$type]: Stap.volgende,
    [Beslisboom.$type]: Beslisboom.start
};

/** Whether `property` of an AST node of type `type` is an arrow (see `arrowProperties`). */
export function isArrow(type: string, property: string): boolean {
    return Object.hasOwn(arrowProperties, type) && arrowProperties[type] === property;
}

/**
 * An outgoing arrow of a node: the target and where in the source it is written, so that checks
 * can point at the arrow and generators can label the edge.
 */
export interface Edge {
    from: Knoop;
    to: Knoop;
    /** `ja`, `nee`, the label of an `antwoord "…"`, or undefined for `daarna` and a step's `->`. */
    label?: string;
    /** The AST node and property holding the reference, for diagnostics. */
    source: { node: import('langium').AstNode; property: string; index?: number };
}

/** The node a walk through the tree starts at: `start`, or else the first node. */
export function startNode(boom: Beslisboom): Knoop | undefined {
    if (boom.start) return boom.start.ref;
    return boom.knopen[0];
}

/** The outgoing edges of a node, in source order; unresolved references are left out. */
export function edgesOf(knoop: Knoop): Edge[] {
    const edges: Edge[] = [];
    const add = (ref: Reference<Knoop> | undefined, label: string | undefined, node: import('langium').AstNode, property: string, index?: number) => {
        const to = ref?.ref;
        if (to) edges.push({ from: knoop, to, label, source: { node, property, index } });
    };
    if (isVraag(knoop)) {
        for (const antwoord of knoop.antwoorden) {
            add(antwoord.doel, antwoord.soort ?? antwoord.label, antwoord, arrowProperties[Antwoord.$type]);
        }
    } else if (isAdvies(knoop)) {
        knoop.daarna.forEach((ref, i) => add(ref, undefined, knoop, arrowProperties[Advies.$type], i));
    } else if (isStap(knoop)) {
        add(knoop.volgende, undefined, knoop, arrowProperties[Stap.$type]);
    }
    return edges;
}

/** Every node reachable from the start, in breadth-first order. */
export function reachableNodes(boom: Beslisboom): Set<Knoop> {
    const seen = new Set<Knoop>();
    const start = startNode(boom);
    if (!start) return seen;
    const queue: Knoop[] = [start];
    seen.add(start);
    while (queue.length > 0) {
        const knoop = queue.shift()!;
        for (const edge of edgesOf(knoop)) {
            if (!seen.has(edge.to)) {
                seen.add(edge.to);
                queue.push(edge.to);
            }
        }
    }
    return seen;
}

/** A cycle: the nodes of the loop in order (first = last) and the edge that closes it. */
export interface Cycle {
    loop: Knoop[];
    closingEdge: Edge;
}

/** What a depth-first walk reports (see `depthFirst`). */
export interface DepthFirstVisitor {
    /** An edge back to a node still open: it closes a cycle. `path` runs from the root to `edge.from`. */
    backEdge?(edge: Edge, path: readonly Knoop[]): void;
    /** Any other edge: to a node not yet seen (which is entered next) or to one already done. */
    edge?(edge: Edge): void;
    /** A node all of whose edges have been followed (post-order). */
    done?(knoop: Knoop): void;
}

/**
 * Depth-first search along `edgesOf`, from each root in turn (a root already reached is skipped).
 * The one walk behind the cycle check and the path counts. Iterative, so a very deep chain cannot
 * overflow the stack.
 */
export function depthFirst(roots: Iterable<Knoop>, visitor: DepthFirstVisitor): void {
    const state = new Map<Knoop, 'open' | 'done'>();
    for (const root of roots) {
        if (state.has(root)) continue;
        const path: Knoop[] = [];
        const stack: Array<{ edges: Edge[]; next: number }> = [];
        const enter = (knoop: Knoop) => {
            state.set(knoop, 'open');
            path.push(knoop);
            stack.push({ edges: edgesOf(knoop), next: 0 });
        };
        enter(root);
        while (stack.length > 0) {
            const frame = stack[stack.length - 1];
            if (frame.next >= frame.edges.length) {
                const knoop = path.pop()!;
                stack.pop();
                state.set(knoop, 'done');
                visitor.done?.(knoop);
                continue;
            }
            const edge = frame.edges[frame.next++];
            const s = state.get(edge.to);
            if (s === 'open') {
                visitor.backEdge?.(edge, path);
                continue;
            }
            visitor.edge?.(edge);
            if (s === undefined) enter(edge.to);
        }
    }
}

/**
 * Finds the cycles of a tree: each back edge of a depth-first search closes one loop, so every
 * loop is reported once, at the arrow that returns to an earlier node.
 */
export function findCycles(boom: Beslisboom): Cycle[] {
    const cycles: Cycle[] = [];
    const start = startNode(boom);
    depthFirst(start ? [start, ...boom.knopen] : boom.knopen, {
        backEdge: (edge, path) => cycles.push({ loop: [...path.slice(path.indexOf(edge.to)), edge.to], closingEdge: edge })
    });
    return cycles;
}
