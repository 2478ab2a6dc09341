import { defaultTokensCss } from './guide-tokens.js';

/**
 * The guide's stylesheet: calm, readable on screen and on paper. System fonts only (nothing is
 * fetched), contrast at WCAG AA or better. Colours, fonts and spacing come from the design tokens
 * (guide-tokens.ts), which a house style overrides; the short names below are this stylesheet's own
 * names for them. The diagram highlight rules start at `#hrk-guide` so they outrank Mermaid's own
 * `#svg-id .class > *` rules (which carry `!important` too).
 */
export const guideCss = `
${defaultTokensCss}/* Computed where declared: the diagram's box recomputes them from its own (light) values. */
:root, .diagram-canvas {
  --text: var(--hrk-color-text);
  --muted: var(--hrk-color-text-muted);
  --bg: var(--hrk-color-background);
  --panel: var(--hrk-color-panel);
  --line: var(--hrk-color-border);
  --accent: var(--hrk-color-accent);
  --accent-soft: var(--hrk-color-accent-soft);
  --question: var(--hrk-color-question);
  --advice: var(--hrk-color-advice);
  --path: var(--hrk-color-path);
  --focus: var(--hrk-color-focus);
  --focus-on-accent: var(--hrk-color-on-accent);
  color-scheme: light;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  /* The layout answers to the width in rem (container queries, unlike media queries, scale with the
     text), so text enlarged to 200 % reflows into one column instead of squeezing the content. */
  container: page / inline-size;
  margin: 0;
  font-family: var(--hrk-font-family);
  font-size: var(--hrk-font-size);
  line-height: var(--hrk-line-height);
  color: var(--text);
  background: var(--bg);
  /* A word longer than the line (the title's "ontmoetingsruimten" at 360 px, an address as a link's
     text) breaks rather than widening the page (WCAG 1.4.10); tables keep their own widths. */
  overflow-wrap: break-word;
}
a { color: var(--accent); text-underline-offset: 0.15em; }
a:hover { text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.site-header :focus-visible { outline-color: var(--focus-on-accent); }
.skip { position: absolute; left: -999px; top: 0; background: var(--bg); color: var(--accent); padding: 0.5rem 1rem; z-index: 10; font-weight: 600; }
.skip:focus { left: 0.5rem; top: 0.5rem; }
main:focus { outline: none; }
h1, h2, h3, h4, h5 { font-family: var(--hrk-font-family-heading); line-height: 1.25; margin: 1.4em 0 0.5em; }
h1 { font-size: 1.9rem; margin-top: 0; }
h2 { font-size: 1.55rem; border-bottom: 2px solid var(--line); padding-bottom: 0.25em; }
h3 { font-size: 1.25rem; }
h4 { font-size: 1.05rem; }
h5 { font-size: 0.95rem; margin: 1em 0 0.3em; color: var(--muted); text-transform: uppercase; letter-spacing: 0.04em; }
p { margin: 0.4em 0 0.8em; }
ul, ol { padding-left: 1.4em; }
.site-header { background: var(--accent); color: var(--hrk-color-on-accent); padding: 1.25rem var(--hrk-space-l) var(--hrk-space-m); }
.site-header p { margin: 0.2em 0 0.6em; max-width: 60rem; }
.toolbar { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; }
.toolbar label { font-weight: 600; }
.toolbar select { font: inherit; padding: 0.3rem 0.5rem; max-width: 100%; border-radius: 4px; border: 1px solid var(--hrk-color-on-accent); }
.layout { display: grid; grid-template-columns: 16rem minmax(0, 1fr); gap: var(--hrk-space-xl); max-width: var(--hrk-max-width); margin: 0 auto; padding: var(--hrk-space-m) var(--hrk-space-l) 3rem; }
.toc { position: sticky; top: 0.5rem; align-self: start; max-height: calc(100vh - 1rem); overflow: auto; font-size: 0.95rem; padding-right: 0.5rem; }
.toc h2 { font-size: 1.1rem; border: 0; margin-top: 0.5rem; }
.toc ol { list-style: none; padding-left: 0; margin: 0; }
.toc ol ol { padding-left: 1rem; margin-bottom: 0.4rem; }
.toc li { margin: 0.15rem 0; }
main { min-width: 0; }
.muted, .doc { color: var(--muted); }
.hint { background: var(--accent-soft); border-left: 4px solid var(--accent); padding: 0.6rem 0.9rem; }
.card { border: 1px solid var(--line); border-radius: var(--hrk-border-radius); padding: 0.75rem var(--hrk-space-m); margin: 0.75rem 0; background: var(--bg); break-inside: avoid; }
.card h3, .card h4 { margin-top: 0.2rem; }
.card, .walkthrough, .toc { overflow-wrap: anywhere; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 20rem), 1fr)); gap: 0 var(--hrk-space-m); }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 0.5rem 0; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
.tag { display: inline-block; font-size: 0.85rem; padding: 0 0.45em; border-radius: 3px; background: var(--panel); border: 1px solid var(--line); color: var(--muted); }
.tree { border-top: 1px solid var(--line); padding-top: var(--hrk-space-xs); margin-top: var(--hrk-space-xl); container: tree / inline-size; }
.tree-body { display: grid; grid-template-columns: minmax(17rem, 25rem) minmax(0, 1fr); gap: 1.25rem; align-items: start; }
.walkthrough { position: sticky; top: 0.5rem; background: var(--panel); border: 1px solid var(--line); border-radius: var(--hrk-border-radius); padding: 0.75rem var(--hrk-space-m) var(--hrk-space-m); max-height: calc(100vh - 1rem); overflow: auto; }
.walkthrough h4 { margin-top: 0.2rem; }
.wt-kind { font-size: 0.85rem; font-weight: 700; text-transform: uppercase; letter-spacing: 0.05em; margin: 0; }
.wt-question .wt-kind, .wt-step .wt-kind { color: var(--question); }
.wt-advice .wt-kind { color: var(--advice); }
.wt-text { font-size: 1.15rem; font-weight: 600; margin: 0.2rem 0 0.5rem; }
.wt-answers { display: flex; flex-wrap: wrap; gap: var(--hrk-space-s); margin: 0.75rem 0; }
button { font: inherit; cursor: pointer; border-radius: 4px; }
.wt-answer { background: var(--accent); color: var(--hrk-color-on-accent); border: 1px solid var(--accent); padding: 0.4rem var(--hrk-space-m); font-weight: 600; }
.wt-answer:hover { background: var(--hrk-color-accent-hover); }
.wt-controls { display: flex; gap: 0.5rem; margin: 0.75rem 0 0.25rem; flex-wrap: wrap; }
.wt-controls button { background: var(--bg); color: var(--accent); border: 1px solid var(--accent); padding: 0.3rem 0.8rem; }
button:disabled { opacity: 0.5; cursor: default; }
.wt-advice { border-left: 4px solid var(--advice); padding-left: 0.75rem; }
.wt-problem { border-left: 4px solid var(--hrk-color-error); padding-left: 0.75rem; color: var(--hrk-color-error); }
.wt-start-note { font-size: 0.9rem; color: var(--muted); }
.wt-path { padding-left: 1.6em; margin: 0.3rem 0; font-size: 0.95rem; }
.wt-path li { margin: 0.25rem 0; }
.wt-path li.wt-here { font-weight: 600; }
.wt-path .wt-answer-given { font-weight: 700; color: var(--path); }
.wt-path button { background: none; border: 0; color: var(--accent); text-decoration: underline; padding: 0; font-size: 0.85rem; }
figure { margin: 0; }
/* The diagrams keep their own colours (drawn for a white background), whatever the house style and
   the colour scheme: their canvas stays white and light (darkSchemeCss gives it the light values);
   caption, tools and text version around it follow the page. */
.diagram { border: 1px solid var(--line); border-radius: var(--hrk-border-radius); background: var(--bg); padding: var(--hrk-space-s); min-width: 0; }
.diagram figcaption { font-size: 0.9rem; color: var(--muted); padding: 0 0.25rem 0.4rem; }
.diagram-tools { display: flex; justify-content: flex-end; gap: 0.5rem; margin-bottom: 0.4rem; }
.diagram-tools button { background: var(--bg); color: var(--accent); border: 1px solid var(--accent); padding: 0.15rem 0.7rem; font-size: 0.9rem; }
.diagram-canvas { overflow: auto; max-height: 85vh; position: relative; background: #fff; color: var(--text); color-scheme: light; }
.diagram-canvas svg { display: block; margin: 0 auto; max-width: none; }
.diagram.fit .diagram-canvas svg { max-width: 100%; height: auto; }
.diagram-wait { color: var(--muted); font-style: italic; }
.diagram-error { color: var(--hrk-color-error); }
.legend { font-size: 0.9rem; color: var(--muted); }
/* The text version of a flowchart: what a screen reader reads instead of the SVG. */
.text-version { margin: 0.5rem 0 0; border-top: 1px solid var(--line); padding-top: 0.4rem; }
.text-version > summary { cursor: pointer; color: var(--accent); font-weight: 600; padding: 0.2rem 0; }
/* A tree nests a list per answer, ten levels and more. Each level indents by a share of the text
   version's width (cqi), not of the text, so on a narrow screen or with enlarged text the deepest
   answers still have room and long words break instead of widening the page (WCAG 1.4.10). */
.tv-body { font-size: 0.95rem; container: text-version / inline-size; overflow-wrap: anywhere; }
.tv-list { padding-left: min(1.4em, 5cqi); margin: 0.2rem 0; }
.tv-list > li { margin: 0.25rem 0; }
.tv-answers { list-style: none; padding-left: min(1em, 2cqi); margin: 0.2rem 0; border-left: 2px solid var(--line); }
@container text-version (max-width: 40rem) {
  /* Numbers inside the item: the narrow indent has no room for them outside it. */
  .tv-list { list-style-position: inside; }
}
.tv-kind, .tv-answer { font-weight: 600; }
.tv-question > .tv-kind { color: var(--question); }
.tv-advice > .tv-kind { color: var(--advice); }
.tv-detail { margin: 0.1rem 0; }
.tv-herkomst { color: var(--muted); font-size: 0.9rem; }
.tv-start { background: var(--bg); color: var(--accent); border: 1px solid var(--accent); padding: 0 0.5rem; font-size: 0.85rem; }
li:target, .tv-list li:target { background: var(--accent-soft); }
#hrk-guide .diagram-canvas g.node.hrk-clickable { cursor: pointer; }
#hrk-guide .diagram-canvas g.node.hrk-clickable:focus { outline: none; }
/* Shapes carry Mermaid's inline !important strokes, so hover and focus show as a glow instead;
   the walkthrough's path is marked in the shapes' style attribute by the app. */
#hrk-guide .diagram-canvas g.node.hrk-clickable:hover { filter: drop-shadow(0 0 3px rgba(31, 78, 121, 0.7)); }
#hrk-guide .diagram-canvas g.node.hrk-clickable:focus-visible { filter: drop-shadow(0 0 3px var(--focus)) drop-shadow(0 0 3px var(--focus)); }
#hrk-guide .diagram-canvas path.hrk-on-path { stroke: var(--path) !important; stroke-width: 3.5px !important; }
table.hrk-typology-table { border-collapse: collapse; width: 100%; font-size: 0.95rem; margin: 0.5rem 0 1rem; }
/* Positioned, so that visually hidden text (.hrk-sr) inside a wide table is clipped with it instead of widening the page. */
.table-wrap { overflow-x: auto; position: relative; }
table.hrk-typology-table caption { text-align: left; font-weight: 600; padding: 0.3rem 0; }
table.hrk-typology-table th, table.hrk-typology-table td { border: 1px solid var(--line); padding: 0.35rem 0.5rem; vertical-align: top; text-align: left; }
table.hrk-typology-table thead th { background: var(--accent-soft); }
table.hrk-typology-table tbody th { background: var(--panel); font-weight: 600; }
table.hrk-typology-table tbody.hrk-funding { border-top: 3px solid var(--line); }
table.hrk-typology-table ul.hrk-list { margin: 0; padding-left: 1.1em; }
/* The funding matrix: sources by term × typologies; the reason of a cell on hover and on focus. */
table.hrk-matrix { border-collapse: collapse; font-size: 0.95rem; margin: 0.5rem 0 0.25rem; }
table.hrk-matrix caption { text-align: left; font-weight: 600; padding: 0.3rem 0; }
table.hrk-matrix th, table.hrk-matrix td { border: 1px solid var(--line); padding: 0.3rem 0.5rem; vertical-align: top; text-align: left; }
table.hrk-matrix thead th { background: var(--accent-soft); font-weight: 600; }
table.hrk-matrix tbody th[scope="row"] { background: var(--panel); font-weight: 600; max-width: 22rem; }
table.hrk-matrix tr.hrk-term th { background: var(--bg); font-size: 1rem; border-top: 3px solid var(--line); }
table.hrk-matrix td { position: relative; text-align: center; min-width: 3rem; }
.hrk-expiry { display: block; font-weight: 400; font-size: 0.85rem; color: var(--muted); }
.hrk-cell { display: inline-block; min-width: 1.8em; font-weight: 700; font-size: 1.1rem; border-radius: 3px; }
td.hrk-fits .hrk-cell { color: var(--advice); }
td.hrk-fits-not .hrk-cell { color: var(--muted); }
.hrk-tip { display: none; position: absolute; z-index: 5; top: 100%; left: 50%; transform: translateX(-50%); width: max-content; max-width: min(22rem, 80vw); text-align: left; font-size: 0.9rem; font-weight: 400; color: var(--text); background: var(--bg); border: 2px solid var(--accent); border-radius: 4px; padding: 0.4rem 0.6rem; box-shadow: 0 2px 6px rgba(0, 0, 0, 0.2); }
td:hover > .hrk-tip, .hrk-cell:focus + .hrk-tip, .hrk-tip:hover { display: block; }
table.hrk-matrix td.hrk-tip-dismissed > .hrk-tip { display: none; }
.hrk-matrix-hint { font-size: 0.9rem; }
/* Provenance: text first (the badge's word and the reason), the border style second, colour last.
   Each pair of text and background is well above WCAG AA (4.5:1). */
.hrk-herkomst { font-size: 0.92rem; color: var(--muted); margin: 0.2em 0 0.7em; }
span.hrk-herkomst { margin: 0; }
.hrk-about { font-weight: 600; }
/* One long word in a box of its own: only 'anywhere' lets it break narrower than the word (WCAG 1.4.10). */
.hrk-badge { display: inline-block; max-width: 100%; overflow-wrap: anywhere; font-size: 0.8rem; font-weight: 700; line-height: 1.35; letter-spacing: 0.02em; padding: 0 0.45em; margin-right: 0.35em; border-radius: 3px; border: 2px solid; color: var(--text); background: var(--panel); }
/* Their colours are fixed (guide-tokens.ts, fixedColours): the same in every house style, with dark values. */
.hrk-badge-reconstructed { color: var(--reconstructed); background: var(--reconstructed-soft); border-color: var(--reconstructed); border-style: dashed; }
.hrk-badge-illustrative { color: var(--illustrative); background: var(--illustrative-soft); border-color: var(--illustrative); border-style: dotted; }
.hrk-badge-source { color: var(--source); background: var(--source-soft); border-color: var(--source); border-width: 1px; }
.hrk-sr { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; border: 0; }
.hrk-mark { font-size: 0.8rem; font-weight: 600; white-space: nowrap; text-decoration-style: dotted; }
.hrk-mark-reconstructed, .hrk-mark-inline.hrk-mark-reconstructed { color: var(--reconstructed); }
.hrk-mark-illustrative, .hrk-mark-inline.hrk-mark-illustrative { color: var(--illustrative); }
.hrk-mark-inline { font-size: 0.85rem; font-weight: 600; }
.hrk-notes { font-size: 0.9rem; margin: 0 0 1rem; }
.hrk-notes-title { color: var(--muted); margin: 0.3rem 0; }
.hrk-notes-list { margin: 0.2rem 0; padding-left: 2em; }
.hrk-notes-list li { margin: 0.2rem 0; }
.hrk-notes-list li:target { background: var(--note-target); }
.hrk-legend { margin: 0.3rem 0 0; }
.hrk-legend-title { font-weight: 600; }
.hrk-legend-item { white-space: normal; margin-right: 0.8em; }
/* A sample of a node's border in the diagram, which is drawn on white: white in both colour schemes. */
.hrk-swatch { display: inline-block; width: 2.2em; height: 0.95em; vertical-align: middle; border: 2px solid #5b6573; border-radius: 3px; background: #fff; }
.hrk-swatch-reconstructed { border-style: dashed; }
.hrk-swatch-illustrative { border-style: dotted; }
.wt-path .hrk-mark-inline { font-weight: 600; }
/* Uw situatie: the summary of one walk, on screen above the trees and alone on paper. */
.situation { border: 2px solid var(--accent); border-radius: 6px; padding: 0.5rem 1.25rem 1rem; margin: 1rem 0 2rem; background: var(--bg); }
.situation h2 { margin-top: 0.5rem; }
.situation h2:focus { outline: none; }
.situation-problem { border-left: 4px solid var(--focus); padding-left: 0.75rem; }
.situation-actions button, .wt-situation { background: var(--bg); color: var(--accent); border: 1px solid var(--accent); padding: 0.3rem 0.8rem; margin: 0.25rem 0.5rem 0.25rem 0; }
.situation-actions .situation-print { background: var(--accent); color: var(--hrk-color-on-accent); }
.situation-advice { border-left: 4px solid var(--advice); padding-left: 0.75rem; margin: 0.5rem 0; }
.situation-expiry, .situation-sources { color: var(--muted); }
footer { border-top: 1px solid var(--line); color: var(--muted); font-size: 0.9rem; padding: 1rem 1.5rem; }
@container page (max-width: 60rem) {
  .layout { grid-template-columns: minmax(0, 1fr); padding: 1rem 0.75rem 3rem; }
  .toc { position: static; max-height: none; }
}
@container tree (max-width: 48rem) {
  .tree-body { grid-template-columns: minmax(0, 1fr); }
  .walkthrough { position: static; max-height: none; }
}
@container page (max-width: 40rem) {
  .site-header { padding: 1rem 0.75rem; }
  h1 { font-size: 1.5rem; }
  .cards { grid-template-columns: minmax(0, 1fr); }
  dl.facts { grid-template-columns: minmax(0, 1fr); }
}
@media print {
  body { font-size: 11pt; }
  .site-header { background: none; color: var(--text); padding: 0; }
  .toolbar, .toc, .skip, .wt-controls, .wt-answers, .wt-path button, noscript { display: none !important; }
  .layout { display: block; padding: 0; }
  .walkthrough { position: static; max-height: none; background: none; }
  .tree-body { display: block; }
  .tree { break-before: page; }
  .diagram { border: 0; break-inside: avoid; }
  .diagram-canvas { overflow: visible; max-height: none; }
  .diagram-canvas svg { max-width: 100% !important; height: auto; }
  .diagram-tools { display: none; }
  a { color: var(--text); }
  h2, h3, h4 { break-after: avoid; }
  .wt-situation, .situation-actions, .tv-start { display: none !important; }
  .situation { border: 0; padding: 0; }
  /* With the summary open, the printout (or PDF) is the summary alone. */
  html[data-situatie="open"] .site-header,
  html[data-situatie="open"] .toc,
  html[data-situatie="open"] main > :not(#uw-situatie),
  html[data-situatie="open"] footer { display: none !important; }
}
`;
