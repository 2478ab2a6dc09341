import type { Kenmerk } from '../../generated/ast.js';
import type { LspCatalogue } from '../lsp-messages.js';

/** A snippet offered where its element may start: its label, description and snippet text. */
export interface Snippet {
    label: string;
    description: string;
    body: string;
}

/** What the snippets are filled with beyond the catalogue: the guide's characteristics and trees. */
export interface SnippetContext {
    kenmerken: readonly Kenmerk[];
    bomen: readonly string[];
    berekeningen: readonly string[];
}

/** Escapes text for a snippet's plain part or placeholder default. */
export function snippetText(text: string): string {
    return text.replace(/[\\$}]/g, c => `\\${c}`);
}

/** A choice placeholder `${n|a,b|}`; a choice cannot be empty, so without options it is a plain placeholder. */
function choice(n: number, options: readonly string[], fallback: string): string {
    if (options.length === 0) return `\${${n}:${snippetText(fallback)}}`;
    return `\${${n}|${options.map(o => o.replace(/[\\$}|,]/g, c => `\\${c}`)).join(',')}|}`;
}

/**
 * The snippets per keyword that starts an element or a node. Indentation is one tab per level:
 * the editor turns it into the user's indentation. The typology snippet lists every declared
 * characteristic with its scale as a choice, so a new typology is complete (no HRK020).
 */
export function snippetsFor(keyword: string, t: LspCatalogue, ctx: SnippetContext): Snippet[] {
    const name = snippetText(t.placeholderName());
    const title = snippetText(t.placeholderTitle());
    switch (keyword) {
        case 'kenmerk':
            return [{
                label: 'kenmerk', description: t.snippetKenmerk(),
                body: `kenmerk \${1:${name}} "\${2:${title}}" { "\${3:${snippetText(t.placeholderLow())}}", "\${4:${snippetText(t.placeholderHigh())}}" }`
            }];
        case 'typologie': {
            const lines = ctx.kenmerken.map((k, i) => `\t${k.name} = "${choice(i + 3, k.waarden, t.placeholderValue())}"`);
            return [{
                label: 'typologie', description: t.snippetTypologie(),
                body: [`typologie \${1:${name}} "\${2:${title}}" {`, ...lines, '}'].join('\n')
            }];
        }
        case 'beslisboom':
            return [{
                label: 'beslisboom', description: t.snippetBeslisboom(),
                body: [
                    `beslisboom \${1:${name}} "\${2:${title}}" {`,
                    `\tstart \${3:${snippetText(t.placeholderQuestion().replace(/\?$/, ''))}}`,
                    '',
                    `\tvraag \${3} "\${4:${snippetText(t.placeholderQuestion())}}" {`,
                    `\t\tja  -> \${5:${snippetText(t.placeholderJa())}}`,
                    `\t\tnee -> \${6:${snippetText(t.placeholderNee())}}`,
                    '\t}',
                    `\tadvies \${5} "\${7:${snippetText(t.placeholderAdvice())}}"`,
                    `\tadvies \${6} "\${8:${snippetText(t.placeholderAdvice())}}"`,
                    '}'
                ].join('\n')
            }];
        case 'financiering':
            return [{
                label: 'financiering', description: t.snippetFinanciering(),
                body: [
                    `financiering \${1:${name}} "\${2:${title}}" {`,
                    '\ttermijn ${3|structureel,meerjarig,incidenteel|}',
                    '\tvoor ${4:alle typologieen}',
                    '}'
                ].join('\n')
            }];
        case 'berekening':
            return [{
                label: 'berekening', description: t.snippetBerekening(),
                body: [
                    `berekening \${1:${name}} "\${2:${title}}" {`,
                    `\tinvoer \${3:${snippetText(t.placeholderInput())}} "\${4:${title}}" in \${5|euro,m2,euro per m2,getal|}`,
                    `\tuitkomst "\${6:${title}}" in \${7|euro,m2,euro per m2,getal|} = \${8:\${3}}`,
                    '}'
                ].join('\n')
            }];
        case 'partij':
            return [{
                label: 'partij', description: t.snippetPartij(),
                body: [`partij \${1:${name}} "\${2:${title}}" {`, `\trol "\${3:${snippetText(t.placeholderRole())}}"`, '}'].join('\n')
            }];
        case 'hoofdstuk':
            return [{
                label: 'hoofdstuk', description: t.snippetHoofdstuk(),
                body: `hoofdstuk \${1:${name}} "\${2:${title}}" { werkgroep "\${3:${snippetText(t.placeholderWorkgroup())}}" }`
            }];
        case 'scenario':
            return [{
                label: 'scenario', description: t.snippetScenario(),
                body: [
                    `scenario "\${1:${snippetText(t.placeholderScenario())}}" {`,
                    `\tbeslisboom ${choice(2, ctx.bomen, t.placeholderName())}`,
                    `\t\${3:${snippetText(t.placeholderQuestion().replace(/\?$/, ''))}}: \${4|ja,nee|}`,
                    `\tverwacht \${5:${snippetText(t.placeholderAdvice())}}`,
                    '}'
                ].join('\n')
            }, {
                label: 'scenario berekening', description: t.snippetScenarioBerekening(),
                body: [
                    `scenario "\${1:${snippetText(t.placeholderScenario())}}" {`,
                    `\tberekening ${choice(2, ctx.berekeningen, t.placeholderName())}`,
                    `\t\${3:${snippetText(t.placeholderInput())}}: \${4:0}`,
                    '\tverwacht ${5:0}',
                    '}'
                ].join('\n')
            }];
        case 'vraag':
            return [{
                label: 'vraag ja/nee', description: t.snippetVraagJaNee(),
                body: [
                    `vraag \${1:${name}} "\${2:${snippetText(t.placeholderQuestion())}}" {`,
                    `\tja  -> \${3:${snippetText(t.placeholderJa())}}`,
                    `\tnee -> \${4:${snippetText(t.placeholderNee())}}`,
                    '}'
                ].join('\n')
            }, {
                label: 'vraag antwoord', description: t.snippetVraagAntwoorden(),
                body: [
                    `vraag \${1:${name}} "\${2:${snippetText(t.placeholderQuestion())}}" {`,
                    `\tantwoord "\${3:${snippetText(t.placeholderAnswer())} 1}" -> \${4:${snippetText(t.placeholderNext())}}`,
                    `\tantwoord "\${5:${snippetText(t.placeholderAnswer())} 2}" -> \${6:${snippetText(t.placeholderNext())}}`,
                    '}'
                ].join('\n')
            }];
        case 'advies':
            return [{
                label: 'advies', description: t.snippetAdvies(),
                body: `advies \${1:${name}} "\${2:${snippetText(t.placeholderAdvice())}}"`
            }];
        case 'stap':
            return [{
                label: 'stap', description: t.snippetStap(),
                body: `stap \${1:${name}} "\${2:${snippetText(t.placeholderStep())}}" -> \${3:${snippetText(t.placeholderNext())}}`
            }];
        default:
            return [];
    }
}
