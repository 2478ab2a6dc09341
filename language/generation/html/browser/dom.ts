import { cleanText } from '../../mermaid/escape.js';

/**
 * Building DOM from user text without ever parsing it as HTML: every string becomes a text node
 * (cleaned like the diagram labels: no bidi overrides or control characters), attributes are set
 * with `setAttribute`. The only HTML the app inserts is Mermaid's SVG.
 */

export type Child = Node | string | undefined | false | null;

export interface Props {
    class?: string;
    attrs?: Record<string, string>;
    on?: { [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void };
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
    const element = document.createElement(tag);
    if (props.class) element.className = props.class;
    for (const [name, value] of Object.entries(props.attrs ?? {})) element.setAttribute(name, cleanText(value));
    for (const [type, listener] of Object.entries(props.on ?? {})) {
        if (listener) element.addEventListener(type, listener as EventListener);
    }
    append(element, ...children);
    return element;
}

export function append(parent: Node, ...children: Child[]): void {
    for (const child of children) {
        if (child === undefined || child === null || child === false) continue;
        parent.appendChild(typeof child === 'string' ? document.createTextNode(cleanText(child)) : child);
    }
}

/** Replaces an element's content. */
export function replace(parent: Element, ...children: Child[]): void {
    parent.replaceChildren();
    append(parent, ...children);
}
