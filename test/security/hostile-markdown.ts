import type { HostileEntry } from './hostile-corpus.js';

/**
 * Texts that mean something to a Markdown renderer, for everything that puts user text into
 * Markdown (hovers and completion documentation in the editor): images that load from a server,
 * links to `command:` URIs (VS Code runs them when the Markdown is trusted), autolinks, HTML,
 * entities, and the block syntax (headings, lists, quotes, code, tables) that would change what a
 * text says. Each must show as the text it is. Add to `hostileCorpus` when a renderer of the guide
 * ever treats text as Markdown.
 */
const payloads: ReadonlyArray<readonly [id: string, category: HostileEntry['category'], text: string]> = [
    ['markdown image', 'url', '![p](https://127.0.0.1:18765/t.png)'],
    ['markdown image, data url', 'url', '![d](data:image/svg+xml;base64,PHN2Zy8+)'],
    ['markdown reference image', 'url', '![p][r]\n\n[r]: https://127.0.0.1:18765/r.png'],
    ['command link', 'url', '[x](command:workbench.action.terminal.new)'],
    ['command link with arguments', 'url', '[Exporteer](command:handreiking.export?%5B%22html%22%5D "klik")'],
    ['javascript link', 'url', '[klik](javascript:window.__pwned=1)'],
    ['angle autolinks', 'url', '<https://127.0.0.1:18765/a> <command:workbench.action.quit> <iemand@example.invalid>'],
    ['bare autolinks', 'url', 'zie https://127.0.0.1:18765/kaal of www.example.invalid/pad of iemand@example.invalid'],
    ['html image', 'html', '<img src="https://127.0.0.1:18765/i.png" onerror="window.__pwned=1">'],
    ['html anchor and comment', 'html', '<a href="command:workbench.action.quit">sluit</a> <!-- verborgen -->'],
    ['entities that would decode', 'entity', '&lt;img src=x&gt; &#60;b&#62; &amp;'],
    ['emphasis and code', 'backtick', '**vet** _schuin_ ~~weg~~ `code` ``dubbel``'],
    ['theme icons and math', 'unicode', '$(zap) $(sync~spin) $x^2$ $$y$$'],
    ['markdown blocks', 'whitespace', '# Kop\n- lijst\n1. genummerd\n> citaat\n\n    ingesprongen code\n```\nomheind\n```\n---\nsetext\n==='],
    ['markdown table', 'whitespace', '| a | b |\n|---|---|\n| 1 | 2 |'],
    ['footnote and html block', 'html', 'tekst[^1]\n\n[^1]: voetnoot\n\n<div>\n<img src=https://127.0.0.1:18765/blok.png>\n</div>'],
    ['backslashes', 'quote', 'eindigt met een backslash\\\nen \\* \\[x\\]'],
];

export const hostileMarkdown: readonly HostileEntry[] = payloads.map(([id, category, text]) => ({ id, category, text, from: 'security' }));
