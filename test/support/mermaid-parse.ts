import { JSDOM } from 'jsdom';
import type { Mermaid } from 'mermaid';
import { mermaidConfig } from '../../language/generation/mermaid/mermaid-config.js';

/**
 * The real `mermaid.parse` in Node. Mermaid's DOMPurify binds to the global `window` when it is
 * first imported (without one: "DOMPurify.addHook is not a function"), so jsdom must be installed on
 * globalThis before the dynamic import. `render()` still needs a browser (jsdom has no getBBox).
 */
let loaded: Promise<Mermaid> | undefined;

function loadMermaid(): Promise<Mermaid> {
    loaded ??= (async () => {
        const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
        const globals = globalThis as unknown as Record<string, unknown>;
        globals.window ??= dom.window;
        globals.document ??= dom.window.document;
        const mermaid = (await import('mermaid')).default;
        mermaid.initialize(mermaidConfig);
        return mermaid;
    })();
    return loaded;
}

/** Parses a diagram with the real Mermaid; rejects with Mermaid's message on a syntax error. */
export async function mermaidParse(text: string): Promise<void> {
    const mermaid = await loadMermaid();
    await mermaid.parse(text);
}

/**
 * Parses and returns the configuration that directives in the text would apply: anything other than
 * `{}` means text in the diagram was read as a `%%{init: …}%%` directive.
 */
export async function mermaidParseConfig(text: string): Promise<unknown> {
    const mermaid = await loadMermaid();
    const result = await mermaid.parse(text);
    return result ? result.config : undefined;
}
