import type { DiagramTarget } from '../generation/mermaid/tree-mermaid.js';

/**
 * Finding our diagram's nodes and edges again in the SVG Mermaid drew: which drawn group is which
 * Mermaid node id (and so which tree node, link or start marker), and which edge path runs between
 * which two. The HTML guide and the preview both wire clicks and mark a walkthrough's path this way.
 */

/**
 * Mermaid names a node's group `<svgId>-flowchart-<nodeId>-<n>`. The same pattern is in
 * `readDrawn` (drawn-diagram.ts), which must stay self-contained because the CLI sends its source
 * into Chromium.
 */
const nodeGroupId = /-flowchart-(.+)-\d+$/;

/** Edge paths: `L_<from>_<to>_<n>` (or with `-`) in `data-id`, or at the end of the id, after the diagram's id. */
const edgePathId = /(?:^|[-_])L[-_]([A-Za-z0-9]+)[-_]([A-Za-z0-9]+)[-_]\d+$/;

/** The Mermaid node id of a drawn node group (`…-flowchart-n3-12` → `n3`). */
export function mermaidNodeId(group: Element): string | undefined {
    return nodeGroupId.exec(group.id)?.[1];
}

export interface DrawnNode {
    group: SVGGElement;
    mermaidId: string;
    target: DiagramTarget;
}

/** Each drawn node group that is one of `ids`, with what it stands for. */
export function drawnNodes(svg: Element, ids: Readonly<Record<string, DiagramTarget>>): DrawnNode[] {
    const result: DrawnNode[] = [];
    for (const group of svg.querySelectorAll<SVGGElement>('g.node')) {
        const mermaidId = mermaidNodeId(group);
        if (mermaidId !== undefined && Object.prototype.hasOwnProperty.call(ids, mermaidId)) result.push({ group, mermaidId, target: ids[mermaidId] });
    }
    return result;
}

export interface DrawnEdge {
    path: SVGPathElement;
    from: string;
    to: string;
}

/** Each drawn edge path with its Mermaid end points. */
export function drawnEdges(svg: Element): DrawnEdge[] {
    const result: DrawnEdge[] = [];
    for (const path of svg.querySelectorAll<SVGPathElement>('path.flowchart-link')) {
        const match = edgePathId.exec(path.getAttribute('data-id') ?? path.id);
        if (match) result.push({ path, from: match[1], to: match[2] });
    }
    return result;
}

/** Tree node id → the Mermaid id of its (first) box. */
export function nodeMermaidIds(ids: Readonly<Record<string, DiagramTarget>>): Map<string, string> {
    const result = new Map<string, string>();
    for (const [mermaidId, target] of Object.entries(ids)) {
        if (target.kind === 'node' && !result.has(target.id)) result.set(target.id, mermaidId);
    }
    return result;
}

/**
 * The edges a walk took, as `from>to` pairs of Mermaid ids: between each two consecutive nodes of
 * `path`, and from the start marker to the first. (The start marker has one edge, to the tree's
 * start, so a walk begun elsewhere names a pair no drawn edge has.)
 */
export function pathEdgePairs(path: readonly string[], ids: Readonly<Record<string, DiagramTarget>>): Set<string> {
    const mermaidIds = nodeMermaidIds(ids);
    const pairs = new Set<string>();
    const first = path.length > 0 ? mermaidIds.get(path[0]) : undefined;
    const start = Object.entries(ids).find(([, target]) => target.kind === 'start')?.[0];
    if (first !== undefined && start !== undefined) pairs.add(`${start}>${first}`);
    for (let i = 0; i + 1 < path.length; i++) {
        const from = mermaidIds.get(path[i]), to = mermaidIds.get(path[i + 1]);
        if (from !== undefined && to !== undefined) pairs.add(`${from}>${to}`);
    }
    return pairs;
}

/** Sets `className` on exactly the drawn edges of the walk along `path` (and removes it from every other edge). */
export function markPathEdges(svg: Element, path: readonly string[], ids: Readonly<Record<string, DiagramTarget>>, className: string): void {
    const pairs = pathEdgePairs(path, ids);
    for (const edge of drawnEdges(svg)) edge.path.classList.toggle(className, pairs.has(`${edge.from}>${edge.to}`));
}

/**
 * The drawn edge path of each tree edge `edges` selects, found by its end points: Mermaid numbers
 * the edges between the same two nodes in the order written (`L_a_b_0`, then `_2`, `_3` …), and
 * the generator writes the tree's edges in order, so the k-th tree edge between two drawn nodes is
 * the k-th drawn path between their boxes. Edges to a node not drawn (the focus view) have none.
 */
export function drawnTreeEdges(svg: Element, edges: ReadonlyArray<{ from: string; to: string }>,
    ids: Readonly<Record<string, DiagramTarget>>, selected: (index: number) => boolean): SVGPathElement[] {
    const mermaidIds = nodeMermaidIds(ids);
    const byPair = new Map<string, Array<{ path: SVGPathElement; n: number }>>();
    for (const edge of drawnEdges(svg)) {
        const key = `${edge.from}>${edge.to}`;
        const n = Number(/(\d+)$/.exec(edge.path.getAttribute('data-id') ?? edge.path.id)?.[1] ?? 0);
        byPair.set(key, [...byPair.get(key) ?? [], { path: edge.path, n }]);
    }
    for (const list of byPair.values()) list.sort((a, b) => a.n - b.n);
    const seen = new Map<string, number>();
    const result: SVGPathElement[] = [];
    edges.forEach((edge, index) => {
        const from = mermaidIds.get(edge.from), to = mermaidIds.get(edge.to);
        if (from === undefined || to === undefined) return;
        const key = `${from}>${to}`;
        const k = seen.get(key) ?? 0;
        seen.set(key, k + 1);
        const path = byPair.get(key)?.[k]?.path;
        if (path && selected(index)) result.push(path);
    });
    return result;
}
