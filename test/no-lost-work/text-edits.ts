import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range, TextEdit } from 'vscode-languageserver-types';

/**
 * Applying LSP text edits the way an editor does, and undoing them the way an editor's undo does,
 * with every check that keeps an edit from losing text: ranges that point at real places (no
 * clamped positions, no half of a CRLF or of a surrogate pair), edits that do not overlap, and the
 * text between the edits left exactly as it was.
 */

export interface Applied {
    text: string;
    /** The undo edits: in the new text, each edited range replaced by the original text. */
    undo: TextEdit[];
    /** What each edit removed from the original (for the formatter: only whitespace). */
    removed: string[];
}

/** Problems with the edits themselves; empty when they are sound. */
export function editProblems(original: string, edits: readonly TextEdit[]): string[] {
    const document = TextDocument.create('file:///x', 'handreiking', 1, original);
    const problems: string[] = [];
    const offsets = edits.map(edit => {
        const start = document.offsetAt(edit.range.start);
        const end = document.offsetAt(edit.range.end);
        for (const [name, position, offset] of [['start', edit.range.start, start], ['end', edit.range.end, end]] as const) {
            const back = document.positionAt(offset);
            if (back.line !== position.line || back.character !== position.character) {
                problems.push(`${name} ${JSON.stringify(position)} is not a place in the text (it means ${JSON.stringify(back)})`);
            }
            if (original[offset - 1] === '\r' && original[offset] === '\n') problems.push(`${name} ${JSON.stringify(position)} splits a CRLF`);
            if (/[\uD800-\uDBFF]/.test(original[offset - 1] ?? '') && /[\uDC00-\uDFFF]/.test(original[offset] ?? '')) {
                problems.push(`${name} ${JSON.stringify(position)} splits a surrogate pair`);
            }
        }
        if (end < start) problems.push(`range ${JSON.stringify(edit.range)} ends before it starts`);
        return { start, end };
    });
    const sorted = [...offsets].sort((a, b) => a.start - b.start || a.end - b.end);
    for (let i = 1; i < sorted.length; i++) {
        if (sorted[i].start < sorted[i - 1].end) problems.push(`edits overlap at offsets ${sorted[i - 1].start}–${sorted[i - 1].end} and ${sorted[i].start}–${sorted[i].end}`);
    }
    return problems;
}

/**
 * Applies `edits` with the LSP library's own `applyEdits` (what the VS Code client relies on), checks
 * that the text outside the edited ranges is unchanged, and returns the undo edits.
 */
export function applyEdits(original: string, edits: readonly TextEdit[]): Applied {
    const document = TextDocument.create('file:///x', 'handreiking', 1, original);
    const text = TextDocument.applyEdits(document, [...edits]);
    // The same edits by offsets, in order (stable for inserts at one place), to know where each landed.
    const placed = edits.map((edit, index) => ({ index, start: document.offsetAt(edit.range.start), end: document.offsetAt(edit.range.end), newText: edit.newText }))
        .sort((a, b) => a.start - b.start || a.index - b.index);
    let delta = 0;
    let previousEnd = 0;
    const landed: Array<{ newStart: number; newEnd: number; original: string }> = [];
    for (const edit of placed) {
        const gap = original.slice(previousEnd, edit.start);
        const gapInNew = text.slice(previousEnd + delta, edit.start + delta);
        if (gap !== gapInNew) throw new Error(`text outside the edits changed at offset ${previousEnd}: ${JSON.stringify(gap.slice(0, 40))} became ${JSON.stringify(gapInNew.slice(0, 40))}`);
        const newStart = edit.start + delta;
        if (text.slice(newStart, newStart + edit.newText.length) !== edit.newText) throw new Error(`edit at ${edit.start} did not insert its text`);
        landed.push({ newStart, newEnd: newStart + edit.newText.length, original: original.slice(edit.start, edit.end) });
        delta += edit.newText.length - (edit.end - edit.start);
        previousEnd = edit.end;
    }
    if (original.slice(previousEnd) !== text.slice(previousEnd + delta)) throw new Error('text after the last edit changed');
    const after = TextDocument.create('file:///x', 'handreiking', 2, text);
    const undo = landed.map(l => ({ range: { start: after.positionAt(l.newStart), end: after.positionAt(l.newEnd) }, newText: l.original }));
    return { text, undo, removed: landed.map(l => l.original) };
}

/** Undo in the editor's way: the inverse edits, last first, each on the text the later ones left. */
export function undoEdits(text: string, undo: readonly TextEdit[]): string {
    let document = TextDocument.create('file:///x', 'handreiking', 2, text);
    for (const edit of [...undo].reverse()) {
        document = TextDocument.create('file:///x', 'handreiking', document.version + 1, TextDocument.applyEdits(document, [edit]));
    }
    return document.getText();
}

export function rangeOf(text: string, start: number, end: number): Range {
    const document = TextDocument.create('file:///x', 'handreiking', 1, text);
    return { start: document.positionAt(Math.min(start, end)), end: document.positionAt(Math.max(start, end)) };
}
