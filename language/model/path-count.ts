import type { Beslisboom, Knoop } from '../generated/ast.js';
import { depthFirst, startNode, type Edge } from './tree-graph.js';

/** How many complete paths (start → a node without a way on) a tree has, and how many pass each node. */
export interface PathCounts {
    total: number;
    through: Map<Knoop, number>;
}

/**
 * Counts the paths of a tree. Two answers leading to the same node are two paths (the walk differs
 * by the answer given). An arrow that closes a cycle is left out, so a tree with an error (HRK012)
 * still gets finite counts. Unreachable nodes have no entry.
 */
export function countPaths(boom: Beslisboom): PathCounts {
    const start = startNode(boom);
    const through = new Map<Knoop, number>();
    if (!start) return { total: 0, through };

    // Depth-first order without the arrows that close a cycle; its reverse is a topological order.
    const order: Knoop[] = [];
    const forward = new Map<Knoop, Edge[]>();
    depthFirst([start], {
        edge: edge => {
            const edges = forward.get(edge.from);
            if (edges) edges.push(edge);
            else forward.set(edge.from, [edge]);
        },
        done: knoop => order.push(knoop)
    });

    // Paths from each node to an end (post-order), and from the start to each node (reverse).
    const toEnd = new Map<Knoop, number>();
    for (const knoop of order) {
        const edges = forward.get(knoop) ?? [];
        toEnd.set(knoop, edges.length === 0 ? 1 : edges.reduce((sum, e) => sum + toEnd.get(e.to)!, 0));
    }
    const fromStart = new Map<Knoop, number>([[start, 1]]);
    for (const knoop of [...order].reverse()) {
        const here = fromStart.get(knoop) ?? 0;
        for (const edge of forward.get(knoop) ?? []) {
            fromStart.set(edge.to, (fromStart.get(edge.to) ?? 0) + here);
        }
    }
    for (const knoop of order) {
        through.set(knoop, (fromStart.get(knoop) ?? 0) * toEnd.get(knoop)!);
    }
    return { total: toEnd.get(start)!, through };
}
