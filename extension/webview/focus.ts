import type { TreeJson } from '../../language/generation/json/handreiking-json.js';

/**
 * The focus view of a large tree: only the nodes within `radius` arrows of a centre node (either
 * direction), so a tree of hundreds of nodes is drawn in a fraction of a second around where the
 * editor's cursor is. The reduced tree is an ordinary `TreeJson`, drawn by `treeToMermaid`.
 */

export interface FocusedTree {
    tree: TreeJson;
    /** The node the view is centred on. */
    centre: string;
    /** Nodes of the full tree that are left out. */
    left: number;
    /** The ids kept, to tell whether a node is in view. */
    kept: ReadonlySet<string>;
}

export const FOCUS_RADIUS = 3;

export function focusTree(tree: TreeJson, centre: string | undefined, radius = FOCUS_RADIUS): FocusedTree {
    const ids = new Set(tree.nodes.map(n => n.id));
    const from = centre !== undefined && ids.has(centre) ? centre : tree.start !== undefined && ids.has(tree.start) ? tree.start : tree.nodes[0]?.id;
    const kept = new Set<string>();
    if (from !== undefined) {
        const neighbours = new Map<string, string[]>();
        const add = (a: string, b: string) => {
            const list = neighbours.get(a) ?? [];
            list.push(b);
            neighbours.set(a, list);
        };
        for (const edge of tree.edges) {
            add(edge.from, edge.to);
            add(edge.to, edge.from);
        }
        let frontier = [from];
        kept.add(from);
        for (let step = 0; step < radius && frontier.length > 0; step++) {
            const next: string[] = [];
            for (const id of frontier) {
                for (const other of neighbours.get(id) ?? []) {
                    if (ids.has(other) && !kept.has(other)) {
                        kept.add(other);
                        next.push(other);
                    }
                }
            }
            frontier = next;
        }
    }
    const nodes = tree.nodes.filter(n => kept.has(n.id));
    return {
        tree: {
            ...tree,
            start: tree.start !== undefined && kept.has(tree.start) ? tree.start : undefined,
            nodes,
            edges: tree.edges.filter(e => kept.has(e.from) && kept.has(e.to))
        },
        centre: from ?? '',
        left: tree.nodes.length - nodes.length,
        kept
    };
}
