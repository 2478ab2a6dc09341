/**
 * Generates a workspace of realistic shape for the benchmark: trees of ~40 nodes with Dutch
 * labels, answers that merge (DAGs, as in the guide's charts), steps and advices with `daarna`,
 * plus characteristics, typologies, funding rules with conditions, chapters and scenarios that
 * walk each tree. Deterministic for a given size (a seeded generator), so runs compare.
 */

const words = ['bewoners', 'beheergroep', 'ontmoetingsruimte', 'gemeente', 'corporatie', 'activiteiten', 'vrijwilligers',
    'buurt', 'financiering', 'huur', 'servicekosten', 'welzijn', 'opbouwwerk', 'toegankelijkheid', 'faciliteiten',
    'keuken', 'koffie', 'ouderen', 'jongeren', 'samenwerking', 'exploitatie', 'onderhoud', 'veiligheid', 'hygiëne'];

export class Random {
    constructor(private seed: number) {}
    next(): number {
        // mulberry32
        let t = (this.seed += 0x6d2b79f5);
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    }
    int(n: number): number { return Math.floor(this.next() * n); }
    pick<T>(items: readonly T[]): T { return items[this.int(items.length)]; }
}

function sentence(r: Random, n: number, question: boolean): string {
    const parts = Array.from({ length: n }, () => r.pick(words));
    const text = parts.join(' ');
    return (question ? 'Is er sprake van ' : 'Zorg voor ') + text + (question ? '?' : '.');
}

export interface GeneratedTree {
    name: string;
    text: string;
    nodeCount: number;
}

/** One tree of about `size` nodes, with a scenario per advice reached by a simple walk. */
export function generateTree(index: number, size: number, r: Random): GeneratedTree {
    const name = `Boom${index}`;
    const questions = Math.max(2, Math.floor(size * 0.5));
    const steps = Math.max(1, Math.floor(size * 0.1));
    const advices = Math.max(2, size - questions - steps);
    const lines: string[] = [`/** Gegenereerde beslisboom ${index} voor de benchmark. */`, `beslisboom ${name} "Beslisboom ${index}" {`, '    start V0'];
    let nextAdvice = 0;
    // Questions form a DAG: each answer points forward (to a later question, a step or an advice).
    const later = (i: number, kind: 'any' | 'end'): string => {
        const targets: string[] = [];
        if (kind === 'any') for (let q = i + 1; q < Math.min(questions, i + 4); q++) targets.push(`V${q}`);
        for (let s = 0; s < steps; s++) if (r.next() < 0.2) targets.push(`S${s}`);
        // Cycle through the advices so that every one is reached (the guide's charts have no dead wood).
        const advice = `A${nextAdvice++ % advices}`;
        return targets.length > 0 && r.next() < 0.2 ? r.pick(targets) : advice;
    };
    const yesOf = new Map<string, { label: string; to: string }>();
    const next = new Map<string, string>();
    for (let q = 0; q < questions; q++) {
        lines.push(`    vraag V${q} "${sentence(r, 4 + r.int(5), true)}" {`);
        const yes = q + 1 < questions ? `V${q + 1}` : later(q, 'end');
        let no = later(q, q % 3 === 0 ? 'end' : 'any');
        if (no === yes) no = `A${nextAdvice++ % advices}`;
        if (no === yes) no = `A${nextAdvice++ % advices}`;
        if (r.next() < 0.2) {
            lines.push(`        antwoord "vaak"     -> ${yes}`, `        antwoord "soms"     -> ${no}`, `        antwoord "nooit"    -> A${nextAdvice++ % advices}`);
            yesOf.set(`V${q}`, { label: '"vaak"', to: yes });
        } else {
            lines.push(`        ja  -> ${yes}`, `        nee -> ${no}`);
            yesOf.set(`V${q}`, { label: 'ja', to: yes });
        }
        lines.push('    }');
    }
    for (let s = 0; s < steps; s++) {
        const to = `A${nextAdvice++ % advices}`;
        next.set(`S${s}`, to);
        lines.push(`    stap S${s} "${sentence(r, 5, false)}" -> ${to}`);
    }
    for (let a = 0; a < advices; a++) {
        lines.push(`    advies A${a} "${sentence(r, 3 + r.int(4), false)}" {`, `        voorbeeld "${sentence(r, 4, false)}"`, '        zie Hoofdstuk1');
        if (a + 1 < advices && r.next() < 0.1) {
            lines.push(`        daarna -> A${a + 1}`);
            next.set(`A${a}`, `A${a + 1}`);
        }
        lines.push('    }');
    }
    lines.push('}', '');
    // A scenario that answers "yes" everywhere: it walks the whole chain of questions.
    const answers: string[] = [];
    let at = 'V0';
    while (at.startsWith('V')) {
        const yes = yesOf.get(at)!;
        answers.push(`    ${at}: ${yes.label}`);
        at = yes.to;
    }
    while (next.has(at)) at = next.get(at)!;
    lines.push(`scenario "${name}: steeds ja" {`, `    beslisboom ${name}`, ...answers, `    verwacht ${at}`, '}', '');
    return { name, text: lines.join('\n'), nodeCount: questions + steps + advices };
}

export interface GeneratedWorkspace {
    files: Record<string, string>;
    nodes: number;
    trees: number;
}

/** A workspace with about `nodes` tree nodes in trees of `treeSize`. */
export function generateWorkspace(nodes: number, treeSize = 40, seed = 42): GeneratedWorkspace {
    const r = new Random(seed);
    const files: Record<string, string> = {};
    const kenmerken = ['Schaal', 'Gerichtheid', 'Faciliteiten', 'Buitenruimte'];
    const scales: Record<string, string[]> = {
        Schaal: ['zeer klein', 'klein', 'middelgroot', 'groot', 'zeer groot'],
        Gerichtheid: ['intern', 'extern'],
        Faciliteiten: ['minimaal', 'gemiddeld', 'veel'],
        Buitenruimte: ['geen', 'aanwezig']
    };
    files['kenmerken.hrk'] = kenmerken.map(k => `kenmerk ${k} "${k}" { ${scales[k].map(v => `"${v}"`).join(', ')} }`).join('\n') + '\n';
    const typologies = Math.max(5, Math.round(nodes / 1000));
    files['typologieen.hrk'] = Array.from({ length: typologies }, (_, i) =>
        `typologie Type${i} "Type ${i}" {\n${kenmerken.map(k => `    ${k} = "${r.pick(scales[k])}"`).join('\n')}\n    activiteiten "koffie", "kaarten"\n}`).join('\n') + '\n';
    files['financiering.hrk'] = [
        'financiering Huur "Huur van de bewoners" { termijn structureel voor alle typologieen }',
        ...Array.from({ length: Math.max(10, typologies * 2) }, (_, i) =>
            `financiering Bron${i} "Bron ${i}" {\n    termijn ${r.pick(['incidenteel', 'meerjarig', 'structureel'])}\n    voor typologie waar Schaal >= "${r.pick(scales.Schaal)}" of Gerichtheid = "extern"\n}`)
    ].join('\n') + '\n';
    files['hoofdstukken.hrk'] = 'hoofdstuk Hoofdstuk1 "Inrichten sociaal beheer" { werkgroep "WG1" }\n';
    let count = 0;
    let trees = 0;
    while (count < nodes) {
        const tree = generateTree(trees, Math.min(treeSize, Math.max(4, nodes - count)), r);
        files[`bomen/boom${String(trees).padStart(5, '0')}.hrk`] = tree.text;
        count += tree.nodeCount;
        trees++;
    }
    return { files, nodes: count, trees };
}
