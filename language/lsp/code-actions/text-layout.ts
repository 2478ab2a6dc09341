import type { CstNode, TextDocument } from 'langium';
import type { Position, Range } from 'vscode-languageserver';

/**
 * Where and how to insert text so that it looks written by hand: on its own line after a node,
 * with the indentation of the lines around it, or on the same line in a block written on one line.
 */

/** The leading whitespace of a line. */
export function lineIndent(document: TextDocument, line: number): string {
    const text = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
    return /^[ \t]*/.exec(text)?.[0] ?? '';
}

/** The end of a line, before its line break (after any trailing comment on it). */
export function lineEnd(document: TextDocument, line: number): Position {
    const text = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
    return { line, character: text.replace(/\r?\n$/, '').length };
}

/** One level of indentation as the document writes it: a tab, or the smallest run of leading spaces. */
export function indentUnit(document: TextDocument): string {
    let smallest: number | undefined;
    for (const line of document.getText().split(/\r?\n/)) {
        const lead = /^([ \t]+)\S/.exec(line)?.[1];
        if (!lead) continue;
        if (lead.startsWith('\t')) return '\t';
        smallest = Math.min(smallest ?? lead.length, lead.length);
    }
    return ' '.repeat(smallest ?? 4);
}

/** The line break the document uses. */
export function eol(document: TextDocument): string {
    return document.getText().includes('\r\n') ? '\r\n' : '\n';
}

/** Text inserted on a new line below `node` (after anything else on its last line), indented as `indent`. */
export function insertLineAfter(document: TextDocument, node: CstNode, indent: string, text: string): { range: Range; newText: string } {
    const end = lineEnd(document, node.range.end.line);
    return { range: { start: end, end }, newText: `${eol(document)}${indent}${text}` };
}

/** Whether a node's braces are on one line: then a new item goes inside that line. */
export function isOneLine(open: CstNode, close: CstNode): boolean {
    return open.range.start.line === close.range.start.line;
}
