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
    return { line, character: text.replace(/(\r\n|\r|\n)$/, '').length };
}

/** One level of indentation as the document writes it: a tab, or the smallest run of leading spaces. */
export function indentUnit(document: TextDocument): string {
    let smallest: number | undefined;
    for (const line of document.getText().split(/\r\n|\r|\n/)) {
        const lead = /^([ \t]+)\S/.exec(line)?.[1];
        if (!lead) continue;
        if (lead.startsWith('\t')) return '\t';
        smallest = Math.min(smallest ?? lead.length, lead.length);
    }
    return ' '.repeat(smallest ?? 4);
}

/** The line break the document uses (old Mac files break lines with a lone CR). */
export function eol(document: TextDocument): string {
    const text = document.getText();
    return text.includes('\r\n') ? '\r\n' : text.includes('\r') && !text.includes('\n') ? '\r' : '\n';
}

/**
 * Text inserted on a new line below `node`, indented as `indent`: after a comment that ends the
 * node's last line, but before any other text on it (a `}` or the next element of a block written on
 * one line), which would otherwise end up before the inserted text.
 */
export function insertLineAfter(document: TextDocument, node: CstNode, indent: string, text: string): { range: Range; newText: string } {
    const end = lineEnd(document, node.range.end.line);
    const rest = document.getText({ start: node.range.end, end });
    const at = /^\s*(\/\/.*|\/\*.*?\*\/\s*)?$/.test(rest) ? end : node.range.end;
    return { range: { start: at, end: at }, newText: `${eol(document)}${indent}${text}` };
}

/** Whether a node's braces are on one line: then a new item goes inside that line. */
export function isOneLine(open: CstNode, close: CstNode): boolean {
    return open.range.start.line === close.range.start.line;
}
