import type { LinkJson, NodeJson } from '../../language/generation/json/handreiking-json.js';
import { button, h, replace, type Child } from '../../language/browser/dom.js';
import { provenanceBadge } from '../../language/browser/provenance.js';
import type { Strings } from './strings.js';
import type { Walkthrough } from '../../language/walkthrough/walk-state.js';

/** What the panel's buttons do; the preview owns the walkthrough and redraws the panel. */
export interface WalkActions {
    answer(question: string, label: string): void;
    back(): void;
    restart(): void;
    startFrom(node: string | undefined): void;
    close(): void;
    save(): void;
    /** The calculation of this id the advice may offer to compute, if the data has it. */
    calculation(id: string): { title: string } | undefined;
    /** "Bereken…": the extension asks for the inputs and shows the outcome (the command handreiking.calculate). */
    calculate(id: string): void;
}

/**
 * The walkthrough panel: the question with one button per answer, back / restart / start from a
 * question, the path taken, and at the end the advice with its examples and links. Every text is
 * the guide's own and goes in as text.
 */
export function renderWalkPanel(panel: HTMLElement, walk: Walkthrough, t: Strings, actions: WalkActions): void {
    const result = walk.result;
    const at = result.at !== undefined ? walk.walker.node(result.at) : undefined;

    const startPicker = h('select', { class: 'walk-from', attrs: { 'aria-label': t.startFrom } },
        h('option', { attrs: { value: '' } }, t.startFromBeginning),
        ...walk.questions().map(q => h('option', { attrs: { value: q.id } }, `${q.id}: ${q.text}`)));
    startPicker.value = walk.fromStart ? '' : walk.from ?? '';
    const startButton = button(t.startFrom, () => actions.startFrom(startPicker.value || undefined), { class: 'walk-start-from' });

    const controls = h('div', { class: 'walk-controls' },
        button(t.back, () => actions.back(), { class: 'walk-back', attrs: walk.answers.length === 0 ? { disabled: '' } : {} }),
        button(t.restart, () => actions.restart(), { class: 'walk-restart' }),
        h('span', { class: 'walk-from-group' }, startPicker, startButton),
        button(t.close, () => actions.close(), { class: 'walk-close' }));

    let current: Child;
    if (result.status === 'question' && at) {
        current = h('section', { class: 'walk-question', attrs: { 'data-node': at.id } },
            h('p', { class: 'walk-kind' }, t.kinds.question),
            h('p', { class: 'walk-text' }, at.text),
            provenanceBadge(at.provenance, t.lang),
            h('div', { class: 'walk-answers' }, ...walk.walker.answers(at.id).map(edge =>
                edge.label !== undefined ? button(edge.label, () => actions.answer(at.id, edge.label ?? ''), { class: 'walk-answer', attrs: { 'data-answer': edge.label } }) : undefined)));
    } else if (result.status === 'advice' && at) {
        current = adviceSection(at, walk, t, actions);
    } else {
        const message = result.status === 'cycle' ? t.cycle : result.status === 'unknownAnswer' ? t.unknownAnswer : t.deadEnd;
        current = h('section', { class: 'walk-problem', attrs: { role: 'status' } }, h('p', {}, message), at ? h('p', { class: 'walk-text' }, at.text) : undefined);
    }

    const steps = result.path.slice(0, -1);
    const path = h('section', { class: 'walk-path' },
        h('h3', {}, t.pathTaken),
        steps.length === 0 ? h('p', { class: 'walk-empty' }, t.noSteps) :
            h('ol', {}, ...steps.map(step => {
                const node = walk.walker.node(step.node);
                const mark = provenanceBadge(node?.provenance, t.lang, { compact: true });
                return h('li', { attrs: { 'data-node': step.node } },
                    h('span', { class: 'walk-step-text' }, node?.text ?? step.node),
                    mark ? ' ' : undefined,
                    mark,
                    step.answer !== undefined ? h('span', { class: 'walk-step-answer' }, ` — ${step.answer}`) : undefined);
            })));

    replace(panel,
        h('h2', {}, t.walkTitle(walk.tree.title || walk.tree.id)),
        controls,
        current,
        path);
}

function adviceSection(node: NodeJson, walk: Walkthrough, t: Strings, actions: WalkActions): HTMLElement {
    // An advice such as "komt in aanmerking" refers to what the funding brings: offer to compute it.
    const id = node.calculation;
    const calculation = id !== undefined ? actions.calculation(id) : undefined;
    return h('section', { class: 'walk-advice', attrs: { 'data-node': node.id } },
        h('p', { class: 'walk-kind' }, t.advice),
        h('p', { class: 'walk-text' }, node.text),
        provenanceBadge(node.provenance, t.lang),
        node.examples.length > 0 ? h('div', { class: 'walk-examples' }, h('h3', {}, t.examples), h('ul', {}, ...node.examples.map(e => h('li', {}, e)))) : undefined,
        node.links.length > 0 ? h('div', { class: 'walk-links' }, h('h3', {}, t.links), h('ul', {}, ...node.links.map(link => h('li', {}, linkText(link, t))))) : undefined,
        id !== undefined && calculation ? h('p', {}, button(t.calculate(calculation.title), () => actions.calculate(id), { class: 'walk-calculate' })) : undefined,
        walk.fromStart
            ? button(t.saveScenario, () => actions.save(), { class: 'walk-save primary' })
            : h('p', { class: 'walk-note' }, t.scenarioOnlyFromStart));
}

function linkText(link: LinkJson, t: Strings): string {
    const title = link.title.trim() ? link.title : link.target;
    return `${title} (${t.linkKinds[link.kind]})`;
}
