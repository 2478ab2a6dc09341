import { describeExcess, DiagramLimitError } from '../../mermaid/diagram-limits.js';
import { diagramProblemText, type DiagramNames } from '../diagram-texts.js';
import { describeDrawnProblem } from '../../mermaid/drawn-diagram.js';
import type { MermaidDiagram } from '../../mermaid/tree-mermaid.js';
import { mermaidConfig } from '../../mermaid/mermaid-config.js';
import { h, replace } from '../../../browser/dom.js';
import { MermaidRenderer, type MermaidApi } from '../../../browser/mermaid-render.js';

/**
 * Drawing the page's diagrams with the inline Mermaid (through the renderer the preview uses too),
 * and what the guide does with a drawn node: mark it on a walkthrough's path, reveal it, click it.
 */

export interface DiagramJob {
    canvas: HTMLElement;
    diagram: MermaidDiagram;
    /** Its name in a sentence, and where the same content is as text (diagram-texts.ts). */
    names: DiagramNames;
    /** Called with the inserted SVG, to wire clicks and highlights. */
    drawn(svg: SVGSVGElement): void;
}

/** The page's one renderer: the guide is Dutch. */
export function guideRenderer(mermaid: MermaidApi): MermaidRenderer {
    return new MermaidRenderer(mermaid, {
        idPrefix: 'hrk-diagram',
        messages: { tooLarge: excess => describeExcess(excess, 'nl'), drawnWrong: problem => describeDrawnProblem(problem, 'nl') }
    });
}

/**
 * Renders the jobs in order, each awaited before the next; a failure is shown in its canvas only,
 * with where to find the same as text.
 */
export async function renderSequentially(renderer: MermaidRenderer, jobs: readonly DiagramJob[]): Promise<void> {
    for (const job of jobs) {
        try {
            const svg = await renderer.render(job.diagram, mermaidConfig);
            // Mermaid's own output (strict security level: sanitised, labels escaped by the generator).
            job.canvas.innerHTML = svg;
            const element = job.canvas.querySelector('svg');
            if (!element) throw new Error('Mermaid gaf geen SVG terug');
            addZoomToggle(job.canvas);
            job.drawn(element);
        } catch (err) {
            const message = err instanceof Error ? err.message : String(err);
            replace(job.canvas, h('p', { class: 'diagram-error', attrs: { role: 'alert' } },
                diagramProblemText(job.names, err instanceof DiagramLimitError ? 'tooLarge' : 'failed', message)));
        }
    }
}

/**
 * The diagrams drawn at export time (the page carries their SVG, checked and without Mermaid):
 * wired like freshly drawn ones. A place without an SVG keeps what the export wrote there (why
 * the diagram is not shown).
 */
export function wirePredrawn(jobs: readonly DiagramJob[]): void {
    for (const job of jobs) {
        const element = job.canvas.querySelector('svg');
        if (!element) continue;
        addZoomToggle(job.canvas);
        job.drawn(element);
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

export type Mark = 'none' | 'path' | 'current';

const shapeSelector = ':scope > rect, :scope > polygon, :scope > path, :scope > circle, :scope > ellipse, :scope > g.label-container > path';
/** The route's colour is the house style's (guide-tokens.ts), with the default where the page has none. */
const markStyles: Record<Exclude<Mark, 'none'>, string> = {
    path: ';stroke:var(--hrk-color-path, #c2410c) !important;stroke-width:3.5px !important',
    current: ';stroke:var(--hrk-color-path, #c2410c) !important;stroke-width:6px !important'
};
/** A marked node is solid, unless its content is not the guide's own: that border is kept. */
const SOLID = ';stroke-dasharray:none !important';

/**
 * Marks a drawn node as on the walkthrough's path. Mermaid writes `classDef` styles into each
 * shape's `style` attribute with `!important`, which no stylesheet can outrank, so the mark is
 * appended to that attribute (fixed text only) and the original is kept to restore it.
 */
export function markNode(group: SVGGElement, mark: Mark): void {
    group.classList.toggle('hrk-on-path', mark !== 'none');
    group.classList.toggle('hrk-current', mark === 'current');
    const solid = group.hasAttribute('data-herkomst') ? '' : SOLID;
    for (const shape of group.querySelectorAll(shapeSelector)) {
        if (!shape.hasAttribute('data-hrk-style')) shape.setAttribute('data-hrk-style', shape.getAttribute('style') ?? '');
        const original = shape.getAttribute('data-hrk-style') ?? '';
        shape.setAttribute('style', mark === 'none' ? original : original + markStyles[mark] + solid);
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

/**
 * Makes a drawn node act as a button for the mouse (and Enter and Space once focused). It is no tab
 * stop: the SVG is hidden from screen readers, and the text version beside it has the same actions
 * as buttons. `label` names it all the same, for whoever inspects the SVG.
 */
export function makeClickable(group: SVGGElement, label: string, action: () => void): void {
    group.classList.add('hrk-clickable');
    group.setAttribute('tabindex', '-1');
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
