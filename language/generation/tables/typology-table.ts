import type { HandreikingJson } from '../json/handreiking-json.js';
import { cleanText } from '../../text/clean-text.js';
import { htmlText } from '../../text/html-escape.js';
import { typologyTable, type TypologyRow } from './typology-rows.js';

/**
 * The typology comparison as an HTML `<table>`: characteristics as rows, typologies as columns.
 * Every text is escaped; styling goes through the `hrk-…` classes only (no inline style or script),
 * so the table can sit under a strict CSP.
 */
export function typologyTableHtml(json: HandreikingJson): string {
    const table = typologyTable(json);
    const head = table.columns.map(c => `<th scope="col" data-typology="${htmlText(c.id)}">${htmlText(c.title)}</th>`).join('');
    const groups: Array<TypologyRow['group']> = ['characteristic', 'activities', 'comparable', 'funding'];
    const bodies = groups.map(group => {
        const rows = table.rows.filter(r => r.group === group);
        return rows.length === 0 ? '' : `<tbody class="hrk-${group}">\n${rows.map(rowHtml).join('\n')}\n</tbody>\n`;
    }).join('');
    return '<table class="hrk-typology-table">\n'
        + '<caption>Typologieën vergeleken</caption>\n'
        + `<thead>\n<tr><th scope="col" class="hrk-corner">Kenmerk</th>${head}</tr>\n</thead>\n`
        + bodies
        + '</table>\n';
}

function rowHtml(row: TypologyRow): string {
    const key = row.key !== undefined ? ` data-key="${htmlText(row.key)}"` : '';
    const cells = row.cells.map(values => {
        if (values.length === 0) return '<td class="hrk-empty"></td>';
        if (row.group === 'characteristic') return `<td>${htmlText(values.join(''))}</td>`;
        return `<td><ul class="hrk-list">${values.map(v => `<li>${htmlText(v)}</li>`).join('')}</ul></td>`;
    }).join('');
    return `<tr class="hrk-row"${key}><th scope="row">${htmlText(row.title)}</th>${cells}</tr>`;
}

/**
 * The same table in GitHub-flavoured Markdown. Cell text is backslash-escaped (pipes, and what could
 * start HTML, links, code, emphasis or math) and kept from becoming an autolink; line breaks and list
 * items become `<br>`, the only way to break a line inside a GFM table cell.
 */
export function typologyTableMarkdown(json: HandreikingJson): string {
    const table = typologyTable(json);
    const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
    return [
        row(['Kenmerk', ...table.columns.map(c => escapeMarkdown(c.title))]),
        row(['---', ...table.columns.map(() => '---')]),
        ...table.rows.map(r => row([escapeMarkdown(r.title), ...r.cells.map(values => values.map(escapeMarkdown).join('<br>'))]))
    ].join('\n') + '\n';
}

/**
 * An empty HTML comment: shows nothing and is not text, so the text on either side of it is two
 * separate runs for the Markdown parser.
 */
const NOT_A_LINK = '<!-- -->';

/**
 * Text as Markdown that shows exactly that text, and nothing live. Backslash escapes stop HTML,
 * links, images, code, emphasis, strikethrough, math and table pipes. GFM's extended autolinks need
 * more: GitHub's parser (cmark-gfm) looks for `www.` and `http://`, `https://`, `ftp://` in the
 * source, but for e-mail addresses (also those after `mailto:` and `xmpp:`) in the text after
 * escapes and entities are decoded and adjacent text is joined — so neither `a\@b.nl` nor
 * `a&#64;b.nl` stays text. An empty comment goes inside each form instead: `www<!-- -->.`,
 * `:<!-- -->//`, `<!-- -->@`; no source and no run of text then holds one.
 *
 * Hovers have their own escaper (lsp/markdown.ts `plainText`), and must: VS Code renders hover
 * Markdown without HTML, so the empty comment that breaks GFM's autolinks here would show there as
 * text, while a backslash before every punctuation character, enough in a hover, does not stop
 * cmark-gfm's e-mail autolinks in a file published on GitHub. Line breaks differ too (`<br>` in a
 * table cell, paragraphs in a hover).
 */
export function escapeMarkdown(text: string): string {
    return cleanText(text)
        .replace(/[\\`*_[\]<>|&~#!$]/g, c => `\\${c}`)
        .replace(/(?<=www)(?=\.)/gi, NOT_A_LINK)
        .replace(/:(?=\/\/)/g, `:${NOT_A_LINK}`)
        .replace(/@/g, `${NOT_A_LINK}@`)
        .replace(/\n/g, '<br>');
}
