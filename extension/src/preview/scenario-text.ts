import type { TreeJson } from '../../../language/generation/json/handreiking-json.js';
import { TreeWalker } from '../../../language/walkthrough/walk.js';

/**
 * The text of a `scenario` block for a walkthrough, in the layout the guide's examples use. The
 * name says where the walk ends; a number is added if that name is taken in the file. `passes`
 * (the advices passed on the way, see `passedAdvices`) becomes a `langs` line, so that the scenario
 * fails when one of them is rewired out of the path, not only when the end changes.
 */
export function scenarioBlock(tree: string, answers: ReadonlyArray<{ question: string; answer: string }>, expected: string, taken: ReadonlySet<string>,
    passes: readonly string[] = []): string {
    let name = `${tree}: ${expected}`;
    for (let i = 2; taken.has(name); i++) name = `${tree}: ${expected} (${i})`;
    const lines = [`scenario "${escapeString(name)}" {`, `    beslisboom ${tree}`];
    for (const a of answers) {
        const answer = a.answer === 'ja' || a.answer === 'nee' ? a.answer : `"${escapeString(a.answer)}"`;
        lines.push(`    ${a.question}: ${answer}`);
    }
    if (passes.length > 0) lines.push(`    langs ${passes.join(', ')}`);
    lines.push(`    verwacht ${expected}`, '}', '');
    return lines.join('\n');
}

/** The advices a walk with these answers passes before it ends (advices with `daarna`), in order. */
export function passedAdvices(tree: TreeJson, answers: ReadonlyArray<{ question: string; answer: string }>): string[] {
    const given = new Map(answers.map(a => [a.question, a.answer]));
    const result = new TreeWalker(tree).walk(question => given.get(question));
    return result.path.slice(0, -1).filter(step => step.kind === 'advice').map(step => step.node);
}

function escapeString(text: string): string {
    return text.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}
