/**
 * Reading generated Mermaid text back in tests: the statement shapes the generators may emit, and
 * label decoding as Mermaid's renderers do it (checked in Chromium with Mermaid 12.3).
 */

const body = '(?:[^"<>\\n]|<br/>)*';
const q = `"${body}"`;

/** Every statement the generators emit, as an exact pattern: anything else is a bug or an injection. */
const statementShapes: RegExp[] = [
    /^flowchart (TD|LR)$/,
    /^ {4}s0\(\["Start"\]\);$/,
    new RegExp(`^ {4,8}[nlfyah]\\d+(\\{${q}\\}|\\(${q}\\)|\\[${q}\\]|\\[\\[${q}\\]\\]);$`),
    new RegExp(`^ {4}subgraph (t_(incidental|multiYear|structural|none)|h0) \\[${q}\\]$`),
    // The provenance legend of an exported diagram (provenance-legend.ts).
    /^ {8}direction TB$/,
    /^ {8}h\d+ ~~~ h\d+;$/,
    /^ {4}style h0 [a-z0-9:#,-]+$/,
    /^ {4}end$/,
    new RegExp(`^ {4}[snlfya]\\d+ (-->|-\\.->|-->\\|${q}\\|) [nlya]\\d+;$`),
    /^ {4}class [a-z0-9]+(,[a-z0-9]+)* [a-zA-Z]+$/,
    /^ {4}classDef [a-zA-Z]+ [a-z0-9:#.,\- ]+$/,
    /^ {4}linkStyle \d+(,\d+)* [a-z0-9:#.,-]+$/,
    // The SVG's title and description: one line of text without `<`, `>`, `&`, `%%` or `#word`.
    /^ {4}acc(Title|Descr): (?:[^\n<>&%#]|%(?!%)|#(?!\w))+$/
];

/** The lines of a diagram that match none of the known statement shapes. */
export function unexpectedStatements(text: string): string[] {
    return text.split('\n').filter(line => line !== '' && !statementShapes.some(shape => shape.test(line)));
}

/** The label bodies (between the quotes) of every statement. */
export function labelBodies(text: string): string[] {
    return [...text.matchAll(/"([^"\n]*)"/g)].map(m => m[1]!);
}

/** The label body of the node declared with this Mermaid id. */
export function nodeLabel(text: string, id: string): string | undefined {
    const line = text.split('\n').find(l => new RegExp(`^ +${id}[[({]`).test(l));
    return line?.match(/"([^"]*)"/)?.[1];
}

/** The label of the first edge from → to. */
export function edgeLabel(text: string, from: string, to: string): string | undefined {
    const line = text.split('\n').find(l => l.startsWith(`    ${from} -->|`) && l.endsWith(`| ${to};`));
    return line?.match(/"([^"]*)"/)?.[1];
}

/** The Mermaid node ids declared or used in edges and class statements. */
export function mermaidIds(text: string): Set<string> {
    const ids = new Set<string>();
    for (const line of text.split('\n')) {
        const declared = line.match(/^ +([a-z]\d+)[[({]/);
        if (declared) ids.add(declared[1]!);
        const edge = line.match(/^ {4}([a-z]\d+) .* ([a-z]\d+);$/);
        if (edge) ids.add(edge[1]!).add(edge[2]!);
    }
    return ids;
}

const named: Record<string, string> = { quot: '"', lt: '<', gt: '>', amp: '&' };

/** What Mermaid's HTML labels show for a label body (lines joined with `\n`). */
export function decodeHtmlLabel(label: string): string {
    return label.split('<br/>').join('\n').replace(/#(\w+);/g, (m, code: string) =>
        /^\d+$/.test(code) ? String.fromCodePoint(Number(code)) : named[code] ?? m);
}

/** What Mermaid's plain SVG text labels show: only amp, lt and gt are decoded; word joiners are invisible. */
export function decodePlainLabel(label: string): string {
    return label.split('<br/>').join('\n').replace(/#(amp|lt|gt);/g, (_, code: string) => named[code]!).replace(/\u2060/g, '');
}

/** Whitespace-insensitive form, since wrapping turns spaces into line breaks. */
export function words(text: string): string {
    return text.replace(/[\s\u00A0]+/g, ' ').trim();
}
