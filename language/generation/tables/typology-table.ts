import type { HandreikingJson, ProvenanceJson } from '../json/handreiking-json.js';
import { flaggedMeaning, provenanceWords, type FlaggedProvenance } from '../../i18n/provenance-words.js';
import { cleanText } from '../../text/clean-text.js';
import { htmlText } from '../../text/html-escape.js';
import { ProvenanceNotes } from './provenance-notes.js';
import { typologyTable, type TableItem, type TypologyRow } from './typology-rows.js';

/**
 * The typology comparison as an HTML `<table>`: characteristics as rows, typologies as columns.
 * Every text is escaped; styling goes through the `hrk-…` classes only (no inline style or script),
 * so the table can sit under a strict CSP. A reconstructed or illustrative cell carries a marker,
 * a link to the note under the table that gives the reason (and describes the marker for screen
 * readers); identical reasons share one note.
 */
export function typologyTableHtml(json: HandreikingJson): string {
    const table = typologyTable(json);
    const notes = new ProvenanceNotes();
    const head = table.columns.map(c => `<th scope="col" data-typology="${htmlText(c.id)}">${htmlText(c.title)}${htmlMark(notes, c.provenance)}</th>`).join('');
    const groups: Array<TypologyRow['group']> = ['characteristic', 'activities', 'comparable', 'funding'];
    const bodies = groups.map(group => {
        const rows = table.rows.filter(r => r.group === group);
        return rows.length === 0 ? '' : `<tbody class="hrk-${group}">\n${rows.map(r => rowHtml(r, notes)).join('\n')}\n</tbody>\n`;
    }).join('');
    return '<table class="hrk-typology-table">\n'
        + '<caption>Typologieën vergeleken</caption>\n'
        + `<thead>\n<tr><th scope="col" class="hrk-corner">Kenmerk</th>${head}</tr>\n</thead>\n`
        + bodies
        + '</table>\n'
        + notesHtml(notes.notes);
}

function rowHtml(row: TypologyRow, notes: ProvenanceNotes): string {
    const key = row.key !== undefined ? ` data-key="${htmlText(row.key)}"` : '';
    const cells = row.cells.map(items => {
        if (items.length === 0) return '<td class="hrk-empty"></td>';
        const item = (i: TableItem) => `${htmlText(i.text)}${htmlMark(notes, i.provenance)}`;
        if (row.group === 'characteristic') return `<td>${items.map(item).join('')}</td>`;
        return `<td><ul class="hrk-list">${items.map(i => `<li>${item(i)}</li>`).join('')}</ul></td>`;
    }).join('');
    return `<tr class="hrk-row"${key}><th scope="row">${htmlText(row.title)}</th>${cells}</tr>`;
}

/** The id of note `n` under the table (one typology table per page). */
export function noteId(n: number): string {
    return `hrk-herkomst-noot-${n}`;
}

/**
 * ` gereconstrueerd¹`: a link to the note (read out as "gereconstrueerd noot 1"), which also
 * describes it to a screen reader; '' for the guide's own content.
 */
function htmlMark(notes: ProvenanceNotes, provenance: ProvenanceJson | undefined): string {
    const n = notes.number(provenance);
    if (n === undefined || !provenance) return '';
    const kind = provenance.kind;
    // No user text in an attribute: the reason is in the note, which the link names as its description.
    return ` <a class="hrk-mark hrk-mark-${kind}" href="#${noteId(n)}" aria-describedby="${noteId(n)}">${provenanceWords.nl[kind].mark}<span class="hrk-sr"> noot </span><sup>${n}</sup></a>`;
}

function notesHtml(notes: readonly FlaggedProvenance[]): string {
    if (notes.length === 0) return '';
    const items = notes.map((p, i) => `<li id="${noteId(i + 1)}" class="hrk-note-${p.kind}">`
        + `<span class="hrk-badge hrk-badge-${p.kind}">${provenanceWords.nl[p.kind].badge}</span>`
        + `${p.detail?.trim() ? `<span class="hrk-sr">:</span> ${htmlText(p.detail.trim())}` : ''}</li>`).join('\n');
    return '<div class="hrk-notes">\n'
        + `<p class="hrk-notes-title">Gemarkeerde cellen zijn niet de tekst van de handreiking: gereconstrueerd is ${flaggedMeaning.nl.reconstructed}, illustratief ${flaggedMeaning.nl.illustrative}.</p>\n`
        + `<ol class="hrk-notes-list">\n${items}\n</ol>\n</div>\n`;
}

/**
 * The same table in GitHub-flavoured Markdown. Cell text is backslash-escaped (pipes, and what could
 * start HTML, links, code, emphasis or math) and kept from becoming an autolink; line breaks and list
 * items become `<br>`, the only way to break a line inside a GFM table cell. A reconstructed or
 * illustrative cell says so, with the number of a note under the table that gives the reason: a
 * numbered list, which every Markdown renderer shows (GFM footnotes are GitHub's alone).
 */
export function typologyTableMarkdown(json: HandreikingJson): string {
    const table = typologyTable(json);
    const notes = new ProvenanceNotes();
    const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
    const item = (i: TableItem) => escapeMarkdown(i.text) + markdownMark(notes, i.provenance);
    const lines = [
        row(['Kenmerk', ...table.columns.map(c => escapeMarkdown(c.title) + markdownMark(notes, c.provenance))]),
        row(['---', ...table.columns.map(() => '---')]),
        ...table.rows.map(r => row([escapeMarkdown(r.title), ...r.cells.map(items => items.map(item).join('<br>'))]))
    ];
    if (notes.notes.length > 0) {
        lines.push('', `Gemarkeerde cellen zijn niet de tekst van de handreiking: gereconstrueerd is ${flaggedMeaning.nl.reconstructed}, illustratief ${flaggedMeaning.nl.illustrative}.`, '');
        notes.notes.forEach((p, i) => {
            const detail = p.detail?.trim();
            lines.push(`${i + 1}. ${provenanceWords.nl[p.kind].badge}${detail ? `: ${escapeMarkdown(detail)}` : ''}`);
        });
    }
    return lines.join('\n') + '\n';
}

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** ` (gereconstrueerd¹)` for flagged content, '' otherwise. Fixed text: nothing to escape. */
function markdownMark(notes: ProvenanceNotes, provenance: ProvenanceJson | undefined): string {
    const n = notes.number(provenance);
    if (n === undefined || !provenance) return '';
    const superscript = [...String(n)].map(d => SUPERSCRIPT_DIGITS[Number(d)]).join('');
    return ` (${provenanceWords.nl[provenance.kind].mark}${superscript})`;
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
