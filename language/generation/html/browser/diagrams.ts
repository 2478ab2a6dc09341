import type { Mermaid } from 'mermaid';
import { describeExcess, diagramExcess } from '../../mermaid/diagram-limits.js';
import { describeDrawnProblem, drawnProblem, readDrawn } from '../../mermaid/drawn-diagram.js';
import type { DiagramTarget, MermaidDiagram } from '../../mermaid/tree-mermaid.js';
import { h, replace } from './dom.js';

/**
 * Drawing the page's diagrams with the inline Mermaid, and finding drawn nodes and edges again.
 * Mermaid's `render()` is not re-entrant, so diagrams are drawn strictly one after another.
 */

export interface DiagramJob {
    canvas: HTMLElement;
    diagram: MermaidDiagram;
    /** A short Dutch name for error messages: "het schema van …". */
    name: string;
    /** Where the reader finds the same content as text, when the diagram cannot be shown. */
    textVersion: string;
    /** Called with the inserted SVG, to wire clicks and highlights. */
    drawn(svg: SVGSVGElement): void;
}

let counter = 0;

/**
 * Renders the jobs in order, each awaited before the next; a failure is shown in its canvas only,
 * with where to find the same as text. A diagram beyond the limits every renderer shares is not
 * started; a drawing that does not show every node of its diagram (Mermaid past its own limits
 * draws a message instead, without an error) counts as a failure, not as the diagram.
 */
export async function renderSequentially(mermaid: Mermaid, jobs: readonly DiagramJob[]): Promise<void> {
    for (const job of jobs) {
        const excess = diagramExcess(job.diagram);
        if (excess) {
            replace(job.canvas, h('p', { class: 'diagram-error', attrs: { role: 'alert' } },
                `Het ${job.name} is te groot om hier te tekenen: ${describeExcess(excess, 'nl')}. ${job.textVersion}`));
            continue;
        }
        const id = `hrk-diagram-${++counter}`;
        try {
            const { svg } = await mermaid.render(id, job.diagram.text);
            // Mermaid's own output (strict security level: sanitised, labels escaped by treeToMermaid).
            job.canvas.innerHTML = svg;
            const element = job.canvas.querySelector('svg');
            if (!element) throw new Error('Mermaid gaf geen SVG terug');
            const expected = Object.keys(job.diagram.ids);
            const problem = drawnProblem(readDrawn(element, expected), expected);
            if (problem) throw new Error(describeDrawnProblem(problem, 'nl'));
            addZoomToggle(job.canvas);
            job.drawn(element);
        } catch (err) {
            // Mermaid may leave its scratch element behind after an error.
            document.getElementById(`d${id}`)?.remove();
            document.getElementById(id)?.remove();
            replace(job.canvas, h('p', { class: 'diagram-error', attrs: { role: 'alert' } },
                `Het ${job.name} kon niet getekend worden: ${(err instanceof Error ? err.message : String(err)).replace(/[.\s]+$/, '')}. ${job.textVersion}`));
        }
    }
}

/** "Passend maken" / "Ware grootte": a wide tree fits the column, or is read at full size. */
function addZoomToggle(canvas: HTMLElement): void {
    const figure = canvas.closest('.diagram');
    if (!figure || figure.querySelector('.diagram-tools')) return;
    const button = h('button', { class: 'diagram-zoom', attrs: { type: 'button' } }, 'Passend maken');
    button.addEventListener('click', () => {
        const fit = figure.classList.toggle('fit');
        button.textContent = fit ? 'Ware grootte' : 'Passend maken';
    });
    canvas.before(h('div', { class: 'diagram-tools' }, button));
}

const nodePattern = /-flowchart-(.+)-\d+$/;

/** The Mermaid node id of a drawn node group (`…-flowchart-n3-12` → `n3`). */
export function mermaidNodeId(group: Element): string | undefined {
    return nodePattern.exec(group.id)?.[1];
}

/** Each drawn node group with what it stands for. */
export function drawnNodes(svg: SVGSVGElement, diagram: MermaidDiagram): Array<{ group: SVGGElement; mermaidId: string; target: DiagramTarget }> {
    const result: Array<{ group: SVGGElement; mermaidId: string; target: DiagramTarget }> = [];
    for (const group of svg.querySelectorAll<SVGGElement>('g.node')) {
        const mermaidId = mermaidNodeId(group);
        const target = mermaidId !== undefined && Object.prototype.hasOwnProperty.call(diagram.ids, mermaidId) ? diagram.ids[mermaidId] : undefined;
        if (mermaidId !== undefined && target) result.push({ group, mermaidId, target });
    }
    return result;
}

// Edge paths are `L_<from>_<to>_<n>` (ids and `data-id`), possibly after the diagram's id.
const edgePattern = /(?:^|[-_])L[-_]([A-Za-z0-9]+)[-_]([A-Za-z0-9]+)[-_]\d+$/;

/** Each drawn edge path with its Mermaid end points. */
export function drawnEdges(svg: SVGSVGElement): Array<{ path: SVGPathElement; from: string; to: string }> {
    const result: Array<{ path: SVGPathElement; from: string; to: string }> = [];
    for (const path of svg.querySelectorAll<SVGPathElement>('path.flowchart-link')) {
        const match = edgePattern.exec(path.getAttribute('data-id') ?? path.id);
        if (match) result.push({ path, from: match[1], to: match[2] });
    }
    return result;
}

export type Mark = 'none' | 'path' | 'current';

const shapeSelector = ':scope > rect, :scope > polygon, :scope > path, :scope > circle, :scope > ellipse, :scope > g.label-container > path';
const markStyles: Record<Exclude<Mark, 'none'>, string> = {
    path: ';stroke:#c2410c !important;stroke-width:3.5px !important;stroke-dasharray:none !important',
    current: ';stroke:#c2410c !important;stroke-width:6px !important;stroke-dasharray:none !important'
};

/**
 * Marks a drawn node as on the walkthrough's path. Mermaid writes `classDef` styles into each
 * shape's `style` attribute with `!important`, which no stylesheet can outrank, so the mark is
 * appended to that attribute (fixed text only) and the original is kept to restore it.
 */
export function markNode(group: SVGGElement, mark: Mark): void {
    group.classList.toggle('hrk-on-path', mark !== 'none');
    group.classList.toggle('hrk-current', mark === 'current');
    for (const shape of group.querySelectorAll(shapeSelector)) {
        if (!shape.hasAttribute('data-hrk-style')) shape.setAttribute('data-hrk-style', shape.getAttribute('style') ?? '');
        const original = shape.getAttribute('data-hrk-style') ?? '';
        shape.setAttribute('style', mark === 'none' ? original : original + markStyles[mark]);
    }
}

/** Scrolls the diagram's own box (not the page) so that `group` is in view. */
export function revealInBox(box: HTMLElement, group: SVGGElement): void {
    const boxRect = box.getBoundingClientRect();
    const rect = group.getBoundingClientRect();
    const margin = 24;
    let left = box.scrollLeft, top = box.scrollTop;
    if (rect.left < boxRect.left + margin || rect.right > boxRect.right - margin) left += rect.left + rect.width / 2 - (boxRect.left + boxRect.width / 2);
    if (rect.top < boxRect.top + margin || rect.bottom > boxRect.bottom - margin) top += rect.top + rect.height / 2 - (boxRect.top + boxRect.height / 2);
    if (left !== box.scrollLeft || top !== box.scrollTop) box.scrollTo({ left, top });
}

/** Makes a drawn node act as a button: click, Enter and Space; `label` is read out by screen readers. */
export function makeClickable(group: SVGGElement, label: string, action: () => void): void {
    group.classList.add('hrk-clickable');
    group.setAttribute('tabindex', '0');
    group.setAttribute('role', 'button');
    group.setAttribute('aria-label', label);
    group.addEventListener('click', event => {
        event.preventDefault();
        action();
    });
    group.addEventListener('keydown', event => {
        if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            action();
        }
    });
}
