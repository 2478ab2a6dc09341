import type { Lang } from '../../i18n/locale.js';

/**
 * Checking what Mermaid drew against what we asked it to draw. Mermaid does not always fail when it
 * cannot draw a diagram: past `maxTextSize` it draws a one-node flowchart saying "Maximum text size
 * in diagram exceeded" and returns normally, and on some errors it draws its "error" diagram. Every
 * renderer (CLI export, preview, HTML guide) reads the drawn SVG back and compares its nodes with the
 * diagram's ids, so a wrong picture becomes a loud error instead of a file or a page that lies.
 */

/** The little of a DOM element the reading needs (this project has no DOM types; a real Element fits). */
export interface ElementLike {
    id: string;
    textContent: string | null;
    getAttribute(name: string): string | null;
    querySelectorAll(selector: string): ArrayLike<ElementLike>;
}

/** What the drawn SVG holds, as far as the check needs it. */
export interface DrawnDiagram {
    /** `aria-roledescription` of the `<svg>`: `flowchart-v2` for ours, `error` for Mermaid's error diagram. */
    role: string | null;
    /** Our Mermaid ids among the drawn nodes. */
    drawn: string[];
    /** The texts of drawn nodes that are not ours (Mermaid's own message), and of an error diagram. */
    stray: string[];
}

/**
 * Reads the drawn nodes of an SVG Mermaid made. Self-contained on purpose (no names from outside
 * the function): the CLI runs it inside Chromium through Playwright, which sends its source text.
 */
export function readDrawn(svg: ElementLike, expected: readonly string[]): DrawnDiagram {
    const known = new Set(expected);
    const drawn: string[] = [];
    const stray: string[] = [];
    const groups = svg.querySelectorAll('g.node');
    for (let i = 0; i < groups.length; i++) {
        const group = groups[i];
        // Mermaid names a node's group `<svgId>-flowchart-<nodeId>-<n>`.
        const id = /-flowchart-(.+)-\d+$/.exec(group.id)?.[1];
        if (id !== undefined && known.has(id)) drawn.push(id);
        else stray.push((group.textContent ?? '').trim());
    }
    const role = svg.getAttribute('aria-roledescription');
    if (role === 'error') {
        const texts = svg.querySelectorAll('.error-text');
        for (let i = 0; i < texts.length; i++) stray.push((texts[i].textContent ?? '').trim());
    }
    return { role, drawn, stray };
}

/** How the drawing differs from the diagram; undefined when every node is there and nothing else. */
export interface DrawnProblem {
    expected: number;
    drawn: number;
    /** What Mermaid wrote instead (its own text, cleaned and cut short), if anything. */
    mermaidSays?: string;
}

export function drawnProblem(drawn: DrawnDiagram, expected: readonly string[]): DrawnProblem | undefined {
    const present = new Set(drawn.drawn);
    const complete = expected.every(id => present.has(id));
    if (complete && drawn.stray.length === 0 && drawn.role !== 'error') return undefined;
    const says = drawn.stray.filter(s => s.length > 0).join(' ')
        .replace(/[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, ' ')
        .replace(/\s+/g, ' ').trim();
    return {
        expected: expected.length,
        drawn: present.size,
        ...(says ? { mermaidSays: says.length > 120 ? `${says.slice(0, 119)}…` : says } : {})
    };
}

/** The problem as a phrase: "Mermaid tekende 0 van de 222 knopen en meldde ‘…’". */
export function describeDrawnProblem(problem: DrawnProblem, lang: Lang): string {
    const says = problem.mermaidSays;
    return lang === 'en'
        ? `Mermaid drew ${problem.drawn} of the ${problem.expected} nodes${says ? ` and wrote ‘${says}’` : ''}`
        : `Mermaid tekende ${problem.drawn} van de ${problem.expected} knopen${says ? ` en schreef ‘${says}’` : ''}`;
}

/** Thrown by a renderer when the drawing does not match the diagram. */
export class DrawnDiagramError extends Error {
    constructor(readonly problem: DrawnProblem, message: string) {
        super(message);
        this.name = 'DrawnDiagramError';
    }
}
