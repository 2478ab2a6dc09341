import type { Reference } from 'langium';
import { isAdvies, isStap, isVraag, type Beslisboom, type Knoop } from '../generated/ast.js';

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
            add(antwoord.doel, antwoord.soort ?? antwoord.label, antwoord, 'doel');
        }
    } else if (isAdvies(knoop)) {
        knoop.daarna.forEach((ref, i) => add(ref, undefined, knoop, 'daarna', i));
    } else if (isStap(knoop)) {
        add(knoop.volgende, undefined, knoop, 'volgende');
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

/**
 * Finds the cycles of a tree by depth-first search: each back edge closes one loop, so every
 * loop is reported once, at the arrow that returns to an earlier node. Iterative, so a very deep
 * chain cannot overflow the stack.
 */
export function findCycles(boom: Beslisboom): Cycle[] {
    const cycles: Cycle[] = [];
    const state = new Map<Knoop, 'open' | 'done'>();
    const order = [...boom.knopen];
    const start = startNode(boom);
    if (start) order.unshift(start);
    for (const root of order) {
        if (state.has(root)) continue;
        const path: Knoop[] = [];
        const stack: Array<{ knoop: Knoop; edges: Edge[]; next: number }> = [];
        const enter = (knoop: Knoop) => {
            state.set(knoop, 'open');
            path.push(knoop);
            stack.push({ knoop, edges: edgesOf(knoop), next: 0 });
        };
        enter(root);
        while (stack.length > 0) {
            const frame = stack[stack.length - 1];
            if (frame.next >= frame.edges.length) {
                state.set(frame.knoop, 'done');
                path.pop();
                stack.pop();
                continue;
            }
            const edge = frame.edges[frame.next++];
            const s = state.get(edge.to);
            if (s === 'open') {
                const from = path.indexOf(edge.to);
                cycles.push({ loop: [...path.slice(from), edge.to], closingEdge: edge });
            } else if (s === undefined) {
                enter(edge.to);
            }
        }
    }
    return cycles;
}

/** The nodes in which a walk can end: advices without `daarna`, and steps without a next node. */
export function isFinal(knoop: Knoop): boolean {
    if (isAdvies(knoop)) return knoop.daarna.length === 0;
    if (isStap(knoop)) return !knoop.volgende;
    return false;
}
