/**
 * A diagram drawn at export time, as the HTML guide carries it inline: Mermaid's SVG written out
 * again element by element from an allowlist, so the page holds no script, no event handler, no
 * link that loads anything and no HTML inside a `<foreignObject>` but the few elements of a label.
 * Labels are user text: every text and attribute value is escaped here, whatever Mermaid did.
 *
 * Two locks, with one set of rules: `serializePageSvg` writes the markup inside the export's
 * Chromium (from the drawn DOM), and `checkPageSvg` reads the markup again in Node before the
 * page generator puts it into the page, refusing anything outside the rules.
 */

export interface PageSvgRules {
    /** SVG elements, spelt as SVG spells them (the HTML parser fixes the case of these names). */
    svgElements: readonly string[];
    /** HTML elements allowed inside a `<foreignObject>` (a label's text and line breaks). */
    htmlElements: readonly string[];
    /** HTML elements without content. */
    voidElements: readonly string[];
    /** Attributes, spelt as SVG spells them. No `href`: nothing in a flowchart needs to point anywhere. */
    attributes: readonly string[];
    /**
     * Attributes whose numbers are rounded to this many decimals. Mermaid writes positions to 1/10⁷
     * pixel; at a tenth or a hundredth of a pixel nothing moves that a reader could see, and the
     * page is a third smaller.
     */
    decimals: Readonly<Record<string, number>>;
}

export const pageSvgRules: PageSvgRules = {
    svgElements: [
        'svg', 'g', 'path', 'rect', 'polygon', 'polyline', 'line', 'circle', 'ellipse', 'text', 'tspan',
        'foreignObject', 'style', 'defs', 'marker', 'title', 'desc', 'filter', 'feDropShadow', 'feGaussianBlur',
        'feOffset', 'feFlood', 'feComposite', 'feMerge', 'feMergeNode', 'linearGradient', 'radialGradient', 'stop'
    ],
    htmlElements: ['div', 'span', 'p', 'br', 'b', 'strong', 'i', 'em'],
    voidElements: ['br'],
    attributes: [
        'id', 'class', 'style', 'transform', 'd', 'points', 'x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'rx', 'ry',
        'width', 'height', 'viewBox', 'preserveAspectRatio', 'role', 'aria-roledescription', 'aria-label', 'aria-labelledby',
        'aria-describedby', 'marker-start', 'marker-end', 'refX', 'refY', 'markerUnits', 'markerWidth', 'markerHeight', 'orient',
        'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-linecap', 'stroke-linejoin', 'stroke-opacity',
        'opacity', 'filter', 'offset', 'stop-color', 'stop-opacity', 'gradientUnits', 'gradientTransform', 'dx', 'dy',
        'stdDeviation', 'flood-opacity', 'flood-color', 'text-anchor', 'dominant-baseline', 'alignment-baseline',
        'font-size', 'font-family', 'font-weight', 'data-id'
    ],
    decimals: {
        d: 1, points: 1, transform: 2, x: 2, y: 2, width: 2, height: 2, viewBox: 2, cx: 2, cy: 2, r: 2, rx: 2, ry: 2,
        x1: 2, y1: 2, x2: 2, y2: 2, refX: 2, refY: 2
    }
};

/**
 * A value that could load or run something: a scheme, `url()` that is not a reference inside the
 * same SVG (`url(#…)`), `@import`, CSS escapes (which could spell any of these), old IE and Firefox
 * bindings. Applied to every attribute value and to the text of `<style>`.
 */
const UNSAFE_VALUE_SOURCE = String.raw`javascript:|vbscript:|data:|expression\s*\(|@import|url\s*\(\s*(?!['"]?#[\w.:-]+['"]?\s*\))|\\|behavior\s*:|-moz-binding`;

/** The little of a DOM node the serializer reads (this project's Node code has no DOM types; a real Node fits). */
export interface NodeLike {
    nodeType: number;
    nodeValue: string | null;
    childNodes: ArrayLike<NodeLike>;
    localName?: string;
    namespaceURI?: string | null;
    attributes?: ArrayLike<{ name: string; value: string }>;
}

export interface SerializedSvg {
    markup: string;
    /** What was left out (element or attribute names), for tests and for whoever wonders. */
    dropped: string[];
}

/**
 * Writes the drawn `<svg>` as markup for an HTML page. Self-contained on purpose (no names from
 * outside the function): the CLI runs it inside Chromium through Playwright, which sends its
 * source text, with the rules and the unsafe pattern as arguments.
 *
 * Elements outside the rules are left out with everything in them; attributes outside them, or
 * with an unsafe value, are left out; comments and processing instructions are left out. Text is
 * escaped (`&`, `<`, `>`, `"`); so is the text of `<style>`, which the HTML parser reads as ordinary
 * text inside an `<svg>` (entities decoded), so `</style>` in it cannot end anything.
 */
export function serializePageSvg(svg: NodeLike, args: { rules: PageSvgRules; unsafe: string }): SerializedSvg {
    const SVG_NS = 'http://www.w3.org/2000/svg';
    const HTML_NS = 'http://www.w3.org/1999/xhtml';
    const svgElements = new Set(args.rules.svgElements);
    const htmlElements = new Set(args.rules.htmlElements);
    const voidElements = new Set(args.rules.voidElements);
    const attributes = new Set(args.rules.attributes);
    const unsafe = new RegExp(args.unsafe, 'i');
    const dropped: string[] = [];
    // Quotes too, in text as in attributes: a label that spells `href="javascript:…"` then reads as
    // what it is, text, also to a scanner of the file that does not parse HTML.
    const text = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    const attribute = text;
    const round = (value: string, decimals: number) => value.replace(/(\d+\.\d+)(?:e[-+]?\d+)?/gi, n => {
        // Scientific notation (a tiny number) is left as it is: rounding its mantissa would change it.
        if (/e/i.test(n)) return n;
        const rounded = Number(Number(n).toFixed(decimals));
        return String(rounded);
    });
    const out: string[] = [];

    const write = (node: NodeLike, inForeignObject: boolean, inStyle: boolean): void => {
        if (node.nodeType === 3) {
            const value = node.nodeValue ?? '';
            if (inStyle && unsafe.test(value)) {
                dropped.push('style text');
                return;
            }
            out.push(text(value));
            return;
        }
        if (node.nodeType !== 1) return;
        const name = node.localName ?? '';
        const isSvg = node.namespaceURI === SVG_NS && svgElements.has(name);
        const isHtml = inForeignObject && node.namespaceURI === HTML_NS && htmlElements.has(name);
        if (!isSvg && !isHtml) {
            dropped.push(`<${name}>`);
            return;
        }
        out.push(`<${name}`);
        const list = node.attributes ?? [];
        for (let i = 0; i < list.length; i++) {
            const { name: attr, value } = list[i];
            if (!attributes.has(attr) || unsafe.test(value)) {
                dropped.push(`${name}@${attr}`);
                continue;
            }
            const decimals = Object.prototype.hasOwnProperty.call(args.rules.decimals, attr) ? args.rules.decimals[attr] : undefined;
            out.push(` ${attr}="${attribute(decimals === undefined ? value : round(value, decimals))}"`);
        }
        if (isHtml && voidElements.has(name)) {
            out.push('>');
            return;
        }
        out.push('>');
        const children = node.childNodes;
        for (let i = 0; i < children.length; i++) write(children[i], inForeignObject || name === 'foreignObject', name === 'style');
        out.push(`</${name}>`);
    };
    write(svg, false, false);
    return { markup: out.join(''), dropped };
}

/** The arguments `serializePageSvg` takes inside the browser. */
export function pageSvgArgs(): { rules: PageSvgRules; unsafe: string } {
    return { rules: pageSvgRules, unsafe: UNSAFE_VALUE_SOURCE };
}

declare const checked: unique symbol;

/** Markup that passed `checkPageSvg` (the brand keeps anything else out of the page generator). */
export interface PageSvg {
    readonly markup: string;
    readonly [checked]: true;
}

/**
 * The second lock, in Node: reads the markup as the serializer writes it (tags with double-quoted
 * attributes, text without `<` or `>`, no entities but its four) and refuses anything else: an element or attribute outside
 * the rules, HTML outside a `<foreignObject>`, an unsafe value or style text, unbalanced tags, or
 * anything that is not one `<svg>` element.
 */
export function checkPageSvg(markup: string, rules: PageSvgRules = pageSvgRules): PageSvg {
    const svgElements = new Set(rules.svgElements);
    const htmlElements = new Set(rules.htmlElements);
    const voidElements = new Set(rules.voidElements);
    const attributes = new Set(rules.attributes);
    const unsafe = new RegExp(UNSAFE_VALUE_SOURCE, 'i');
    const fail = (why: string, at: number): never => {
        throw new Error(`pre-drawn SVG refused at ${at}: ${why}`);
    };
    const token = /<(\/?)([A-Za-z][A-Za-z0-9]*)((?:\s[A-Za-z][A-Za-z0-9:-]*="[^"<>]*")*)>|[^<>]+/gy;
    const stack: string[] = [];
    let foreign = 0;
    let position = 0;
    while (position < markup.length) {
        token.lastIndex = position;
        const match = token.exec(markup);
        if (!match) fail('not markup the serializer writes', position);
        const [whole, closing, name, attrs] = match!;
        const at = position;
        position += whole.length;
        if (/&(?!(?:amp|lt|gt|quot);)/.test(whole)) fail('an entity the serializer does not write', at);
        if (name === undefined) {
            if (stack.length === 0) fail('text outside the <svg>', at);
            if (stack.at(-1) === 'style' && unsafe.test(decode(whole))) fail('unsafe style text', at);
            continue;
        }
        if (stack.length === 0 && (closing || name !== 'svg' || at !== 0)) fail('not one <svg> element', at);
        const isHtml = foreign > 0 && htmlElements.has(name);
        if (!svgElements.has(name) && !isHtml) fail(`element <${name}>`, at);
        if (closing) {
            if (stack.pop() !== name) fail(`unbalanced </${name}>`, at);
            if (name === 'foreignObject') foreign--;
            continue;
        }
        for (const [, attr, value] of attrs.matchAll(/\s([A-Za-z][A-Za-z0-9:-]*)="([^"]*)"/g)) {
            if (!attributes.has(attr)) fail(`attribute ${attr} on <${name}>`, at);
            if (unsafe.test(decode(value))) fail(`unsafe value of ${attr} on <${name}>`, at);
        }
        if (isHtml && voidElements.has(name)) continue;
        stack.push(name);
        if (name === 'foreignObject') foreign++;
    }
    if (stack.length > 0) fail(`<${stack.at(-1)}> not closed`, markup.length);
    return { markup } as PageSvg;
}

/** What a browser reads from escaped text (the serializer writes no other entities). */
function decode(value: string): string {
    return value.replace(/&(lt|gt|quot|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', amp: '&' })[name] ?? '');
}
