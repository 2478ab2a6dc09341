/** Escapes the characters Markdown gives a meaning, so a title or text from the guide shows as written. */
export function escapeMarkdown(text: string): string {
    return text.replace(/[\\`*_[\]<>|#~]/g, c => `\\${c}`);
}

/** A text for one line of UI: whitespace runs (also newlines in long texts) become one space. */
export function oneLine(text: string): string {
    return text.replace(/\s+/g, ' ').trim();
}

/** The start of a text, cut at a word boundary with an ellipsis when it is longer than `max`. */
export function shorten(text: string, max: number): string {
    const line = oneLine(text);
    if (line.length <= max) return line;
    const cut = line.slice(0, max);
    const space = cut.lastIndexOf(' ');
    return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, '')}…`;
}
