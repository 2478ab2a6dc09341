import { cleanText } from '../text/clean-text.js';

/**
 * Building DOM from user text without ever parsing it as HTML: strings become text nodes (cleaned
 * like the diagram labels: no bidi overrides or control characters), attributes are set with
 * `setAttribute`, listeners with `addEventListener` (the CSP forbids inline handlers). Shared by the
 * HTML guide's app and the VS Code preview, so both show user text the same way.
 */

export type Child = Node | string | undefined | null | false;

export interface Props {
    class?: string;
    attrs?: Record<string, string | undefined>;
    on?: { [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void };
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
    const element = document.createElement(tag);
    if (props.class) element.className = props.class;
    for (const [name, value] of Object.entries(props.attrs ?? {})) {
        if (value !== undefined) element.setAttribute(name, cleanText(value));
    }
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

export function replace(parent: Element, ...children: Child[]): void {
    parent.replaceChildren();
    append(parent, ...children);
}

export function button(label: string, action: () => void, props: Props = {}): HTMLButtonElement {
    const element = h('button', { ...props, attrs: { type: 'button', ...props.attrs } }, label);
    element.addEventListener('click', () => action());
    return element;
}
