/**
 * The first line of a renderer's error, for a message: without Playwright's "page.evaluate: "
 * prefix or control characters (Mermaid's errors may quote the diagram's text), cut short.
 */
export function errorLine(err: unknown): string {
    const line = (err instanceof Error ? err.message : String(err)).split('\n')[0]
        .replace(/^(?:page|locator|elementHandle|jsHandle|browser|browserContext)\.\w+: /, '')
        .replace(/[\u0000-\u001F\u007F-\u009F]/g, ' ');
    return line.length > 300 ? `${line.slice(0, 299)}…` : line;
}
