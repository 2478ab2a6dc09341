/**
 * The text of a `scenario` block for a walkthrough, in the layout the guide's examples use. The
 * name says where the walk ends; a number is added if that name is taken in the file.
 */
export function scenarioBlock(tree: string, answers: ReadonlyArray<{ question: string; answer: string }>, expected: string, taken: ReadonlySet<string>): string {
    let name = `${tree}: ${expected}`;
    for (let i = 2; taken.has(name); i++) name = `${tree}: ${expected} (${i})`;
    const lines = [`scenario "${escapeString(name)}" {`, `    beslisboom ${tree}`];
    for (const a of answers) {
        const answer = a.answer === 'ja' || a.answer === 'nee' ? a.answer : `"${escapeString(a.answer)}"`;
        lines.push(`    ${a.question}: ${answer}`);
    }
    lines.push(`    verwacht ${expected}`, '}', '');
    return lines.join('\n');
}

function escapeString(text: string): string {
    return text.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}
