import type { HandreikingJson, ScenarioJson, TreeJson } from '../generation/json/handreiking-json.js';
import { TreeWalker, runScenarioOnTree, type WalkStep } from '../walkthrough/walk.js';
import type { Answer } from '../walkthrough/walk-state.js';
import { ShortestPaths, type TreePath } from './tree-paths.js';

/**
 * What the scenarios check: per tree, which answers (the arrows out of questions), questions and
 * advices the scenarios' walks pass, and for each answer and advice that none passes, the shortest
 * complete path that would — a scenario waiting to be written. Only what a walk from the start can
 * reach counts (an unreachable node is HRK011's business, not a gap in the scenarios).
 * `handreiking test --dekking` prints it; the language server's code action writes the scenario.
 */

export const COVERAGE_FORMAT_VERSION = 1;

export interface CoverageFigure {
    covered: number;
    total: number;
    /** covered / total × 100, one decimal; 100 when there is nothing to cover. */
    percent: number;
}

/** An answer or advice no scenario reaches, with the shortest complete path through it (when there is one). */
export interface Uncovered {
    /** The question (for an answer) or the advice. */
    node: string;
    /** For an answer: its label. */
    answer?: string;
    path?: TreePath;
}

export interface TreeCoverage {
    tree: string;
    answers: CoverageFigure;
    questions: CoverageFigure;
    advices: CoverageFigure;
    uncovered: {
        answers: Uncovered[];
        questions: string[];
        advices: Uncovered[];
    };
}

export interface CoverageJson {
    formatVersion: typeof COVERAGE_FORMAT_VERSION;
    trees: TreeCoverage[];
    total: { answers: CoverageFigure; questions: CoverageFigure; advices: CoverageFigure };
}

export function figure(covered: number, total: number): CoverageFigure {
    return { covered, total, percent: total === 0 ? 100 : Math.floor((covered / total) * 1000) / 10 };
}

/** The coverage of every tree of a guide by its scenarios. */
export function computeCoverage(json: HandreikingJson): CoverageJson {
    const trees = json.trees.map(tree => treeCoverage(tree, json.scenarios.filter(s => s.tree === tree.id)));
    const sum = (pick: (t: TreeCoverage) => CoverageFigure) =>
        figure(trees.reduce((n, t) => n + pick(t).covered, 0), trees.reduce((n, t) => n + pick(t).total, 0));
    return {
        formatVersion: COVERAGE_FORMAT_VERSION,
        trees,
        total: { answers: sum(t => t.answers), questions: sum(t => t.questions), advices: sum(t => t.advices) }
    };
}

/**
 * The coverage of one tree by the scenarios given (those of other trees are ignored). `paths:
 * false` leaves out the shortest path to each gap: the preview's overlay draws the gaps on the
 * tree itself, and a path per gap costs more than the rest together in a long tree.
 */
export function treeCoverage(tree: TreeJson, scenarios: readonly ScenarioJson[], options: { paths?: boolean } = {}): TreeCoverage {
    const paths = options.paths ?? true;
    const walker = new TreeWalker(tree);
    const shortest = new ShortestPaths(tree);
    const walks = scenarios.filter(s => s.tree === tree.id)
        .map(s => runScenarioOnTree(walker, s.answers, s.expected, s.passes ?? []).result.path);
    const passed = coveredBy(walks, walker);
    const reachable = shortest.reachable().map(id => walker.node(id)!);
    const questions = reachable.filter(n => n.kind === 'question');
    const advices = reachable.filter(n => n.kind === 'advice');
    const answers = questions.flatMap(q => [...new Set(walker.answers(q.id).map(e => e.label).filter((l): l is string => l !== undefined))]
        .map(label => ({ node: q.id, answer: label })));
    // Reported in the order written, not in the order a breadth-first walk found them.
    const order = new Map(tree.nodes.map((n, i) => [n.id, i]));
    const byOrder = (a: { node: string }, b: { node: string }) => order.get(a.node)! - order.get(b.node)!;
    const uncoveredAnswers = answers.filter(a => !passed.answers.has(answerKey(a.node, a.answer)))
        .map(a => paths ? withPath(a, shortest.completePathThrough(a.node, a.answer)) : a).sort(byOrder);
    const uncoveredAdvices = advices.filter(a => !passed.nodes.has(a.id))
        .map(a => paths ? withPath({ node: a.id }, shortest.completePathThrough(a.id)) : { node: a.id }).sort(byOrder);
    return {
        tree: tree.id,
        answers: figure(answers.length - uncoveredAnswers.length, answers.length),
        questions: figure(questions.filter(q => passed.nodes.has(q.id)).length, questions.length),
        advices: figure(advices.length - uncoveredAdvices.length, advices.length),
        uncovered: {
            answers: uncoveredAnswers,
            questions: questions.filter(q => !passed.nodes.has(q.id)).map(q => q.id).sort((a, b) => order.get(a)! - order.get(b)!),
            advices: uncoveredAdvices
        }
    };
}

/**
 * The one gap at an answer or advice: what `treeCoverage` lists for it, computed for that node
 * alone. The code action asks this at every cursor position; the whole list costs a path per
 * uncovered node (quadratic in a long chain), this costs one.
 */
export function gapAt(tree: TreeJson, scenarios: readonly ScenarioJson[], node: string, answer?: string): Uncovered | undefined {
    const walker = new TreeWalker(tree);
    const target = walker.node(node);
    if (!target || target.kind !== (answer === undefined ? 'advice' : 'question')) return undefined;
    if (answer !== undefined && !walker.answers(node).some(e => e.label === answer)) return undefined;
    const shortest = new ShortestPaths(tree);
    if (!shortest.reaches(node)) return undefined;
    const walks = scenarios.filter(s => s.tree === tree.id)
        .map(s => runScenarioOnTree(walker, s.answers, s.expected, s.passes ?? []).result.path);
    const passed = coveredBy(walks, walker);
    if (answer === undefined ? passed.nodes.has(node) : passed.answers.has(answerKey(node, answer))) return undefined;
    return withPath(answer === undefined ? { node } : { node, answer }, shortest.completePathThrough(node, answer));
}

function withPath(u: Uncovered, path: TreePath | undefined): Uncovered {
    return path ? { ...u, path } : u;
}

const answerKey = (question: string, answer: string) => `${question}\n${answer}`;

/** The nodes the walks pass, and the answers they take (only answers the question offers). */
function coveredBy(walks: ReadonlyArray<readonly WalkStep[]>, walker: TreeWalker): { nodes: Set<string>; answers: Set<string> } {
    const nodes = new Set<string>();
    const answers = new Set<string>();
    for (const steps of walks) {
        for (const step of steps) {
            nodes.add(step.node);
            if (step.answer !== undefined && walker.answers(step.node).some(e => e.label === step.answer)) answers.add(answerKey(step.node, step.answer));
        }
    }
    return { nodes, answers };
}

/** A path as the scenario runner shows one (`describePath`): `Stabiel: nee → Onenigheid: ja → Gesprek`. */
export function describeTreePath(path: TreePath): string {
    const given = new Map(path.answers.map((a: Answer) => [a.question, a.answer]));
    return path.nodes.map(node => given.has(node) ? `${node}: ${given.get(node)}` : node).join(' → ');
}
