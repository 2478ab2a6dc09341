import { JSDOM } from 'jsdom';
import { describe, expect, test } from 'vitest';
import { checkPageSvg, pageSvgArgs, serializePageSvg, type NodeLike } from '../../../language/generation/html/page-svg.js';

/**
 * The pre-drawn SVG the HTML guide carries inline (language/generation/html/page-svg.ts): the
 * serializer writes only what the allowlist names and escapes every text, and the check in Node
 * refuses any markup outside the same rules. The serializer runs on an HTML-parsed DOM here (jsdom),
 * as it does in the export's Chromium; what Chromium makes of the page is tested in
 * html-guide-predrawn.browser.test.ts and test/security/renderers.test.ts.
 */

/** Parses `markup` as the HTML parser does (inside a body), and serializes its first `<svg>`. */
function serialize(markup: string): { markup: string; dropped: string[] } {
    const dom = new JSDOM(`<!DOCTYPE html><body>${markup}</body>`);
    const svg = dom.window.document.querySelector('svg');
    expect(svg).not.toBeNull();
    return serializePageSvg(svg as unknown as NodeLike, pageSvgArgs());
}

/** What a browser parses from `markup` put into a page: the element names and attributes, and the text. */
function reparse(markup: string): { elements: string[]; attributes: string[]; text: string } {
    const dom = new JSDOM(`<!DOCTYPE html><body>${markup}</body>`);
    const all = [...dom.window.document.body.querySelectorAll('*')];
    return {
        elements: all.map(e => e.localName),
        attributes: all.flatMap(e => [...e.attributes].map(a => `${e.localName}@${a.name}=${a.value}`)),
        text: dom.window.document.body.textContent ?? ''
    };
}

const SVG_OPEN = '<svg id="hrk-diagram-1" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100.123456 50">';

describe('serializePageSvg', () => {
    test('keeps a drawing as it is: shapes, labels in a foreignObject, styles and markers, numbers rounded', () => {
        const { markup, dropped } = serialize(`${SVG_OPEN}<style>#hrk-diagram-1 .node > rect{fill:#fff}</style>`
            + '<defs><marker id="m" refX="5" refY="5"><path d="M0,0L10,5"/></marker></defs>'
            + '<g class="node default" id="hrk-diagram-1-flowchart-n1-0" transform="translate(12.3456789, 4)"><rect x="-1.23456" y="0" width="10" height="5" style="fill:#eef !important"/>'
            + '<foreignObject width="80.123456" height="24"><div xmlns="http://www.w3.org/1999/xhtml" style="display: table-cell"><span class="nodeLabel"><p>Is er een<br>ruimte?</p></span></div></foreignObject></g>'
            + '<path d="M1.23456,2.98765L3,4" class="flowchart-link" data-id="L_n1_n2_0" marker-end="url(#m)" data-points="W3si"/></svg>');
        expect(markup).toBe(`<svg id="hrk-diagram-1" viewBox="0 0 100.12 50"><style>#hrk-diagram-1 .node &gt; rect{fill:#fff}</style>`
            + '<defs><marker id="m" refX="5" refY="5"><path d="M0,0L10,5"></path></marker></defs>'
            + '<g class="node default" id="hrk-diagram-1-flowchart-n1-0" transform="translate(12.35, 4)"><rect x="-1.23" y="0" width="10" height="5" style="fill:#eef !important"></rect>'
            + '<foreignObject width="80.12" height="24"><div style="display: table-cell"><span class="nodeLabel"><p>Is er een<br>ruimte?</p></span></div></foreignObject></g>'
            + '<path d="M1.2,3L3,4" class="flowchart-link" data-id="L_n1_n2_0" marker-end="url(#m)"></path></svg>');
        // xmlns is the parser's business, data-points only Mermaid's: both left out on purpose.
        expect(dropped.sort()).toEqual(['div@xmlns', 'path@data-points', 'svg@xmlns']);
        expect(() => checkPageSvg(markup)).not.toThrow();
        // The browser reads the CSS back with its child combinator.
        expect(reparse(markup).text).toContain('#hrk-diagram-1 .node > rect{fill:#fff}');
    });

    test('labels are text, whatever they say: escaped, and read back by the browser as written', () => {
        const label = '</p></foreignObject><script>alert(1)</script><img src=x onerror=alert(1)> & "q" \'a\'';
        const dom = new JSDOM(`<!DOCTYPE html><body>${SVG_OPEN}<foreignObject><div><p></p></div></foreignObject><style></style></svg></body>`);
        const document = dom.window.document;
        document.querySelector('p')!.textContent = label;
        document.querySelector('style')!.textContent = '.a{fill:red}</style><script>alert(1)</script>';
        const { markup } = serializePageSvg(document.querySelector('svg') as unknown as NodeLike, pageSvgArgs());
        expect(markup).not.toMatch(/<script|<img/);
        expect(markup.match(/<\/style>/g)).toHaveLength(1);
        const back = reparse(markup);
        expect(back.elements).toEqual(['svg', 'foreignObject', 'div', 'p', 'style']);
        expect(back.text).toBe(label + '.a{fill:red}</style><script>alert(1)</script>');
        expect(() => checkPageSvg(markup)).not.toThrow();
    });

    test('leaves out what could run or load: scripts, handlers, links, frames, images, HTML outside a label, unsafe values', () => {
        const { markup, dropped } = serialize(`<svg id="x" onload="alert(1)"><script>alert(1)</script>`
            + '<a href="javascript:alert(1)"><rect/></a><image href="https://evil.invalid/x.png"/><use href="https://evil.invalid/s.svg#a"/>'
            + '<rect style="fill:url(https://evil.invalid/p)" fill="url(#ok)" filter="url(javascript:x)"/>'
            + '<rect style="background:u\\72l(//evil.invalid)" class="a"/>'
            + '<foreignObject><div onclick="alert(1)"><iframe src="https://evil.invalid"></iframe><img src="x" onerror="alert(1)"><style>@import "https://evil.invalid/x.css";</style><form action="https://evil.invalid"><input></form>text</div></foreignObject>'
            + '<style>@import url(https://evil.invalid/x.css); .a{fill:red}</style><style>.b{background:url(data:image/png;base64,AAAA)}</style>'
            + '<animate attributeName="href" to="javascript:alert(1)"/><set attributeName="onclick" to="alert(1)"/>'
            // The HTML parser ends the <svg> at a <div>; in the DOM Mermaid gives, a stray one would be left out.
            + '<div>html outside a label</div></svg>');
        expect(markup).toBe('<svg id="x"><rect fill="url(#ok)"></rect><rect class="a"></rect><foreignObject><div>text</div></foreignObject><style></style><style></style></svg>');
        expect(dropped).toEqual(expect.arrayContaining(['svg@onload', '<script>', '<a>', '<image>', '<use>', 'rect@style', 'rect@filter',
            'div@onclick', '<iframe>', '<img>', '<style>', '<form>', 'style text', '<animate>', '<set>']));
        expect(() => checkPageSvg(markup)).not.toThrow();
        const back = reparse(markup);
        expect(back.elements).toEqual(['svg', 'rect', 'rect', 'foreignObject', 'div', 'style', 'style']);
        expect(back.attributes).toEqual(['svg@id=x', 'rect@fill=url(#ok)', 'rect@class=a']);
    });
});

describe('checkPageSvg', () => {
    const ok = `<svg id="d"><g class="node"><foreignObject><div><p>a<br>b &amp; c &lt;d&gt;</p></div></foreignObject></g><style>.a &gt; b{fill:red}</style></svg>`;

    test('takes what the serializer writes', () => {
        expect(checkPageSvg(ok).markup).toBe(ok);
    });

    test.each([
        ['a script', '<svg><script>alert(1)</script></svg>', /element <script>/],
        ['an event handler', '<svg onload="alert(1)"></svg>', /attribute onload/],
        ['a link', '<svg><a href="https://x.invalid"></a></svg>', /element <a>/],
        ['an href', '<svg><rect href="#x"></rect></svg>', /attribute href/],
        ['a javascript: value', '<svg><rect class="javascript:alert(1)"></rect></svg>', /unsafe value/],
        ['an entity the serializer does not write', '<svg><rect class="javascript&#58;alert(1)"></rect></svg>', /entity/],
        ['an entity in text', '<svg><foreignObject><div>&lt&#60;script&gt;</div></foreignObject></svg>', /entity/],
        ['url() to the outside', '<svg><rect style="fill:url(https://x.invalid/a)"></rect></svg>', /unsafe value/],
        ['@import in style text', '<svg><style>@import "x.css";</style></svg>', /unsafe style text/],
        ['a CSS escape in style text', '<svg><style>.a{background:u\\72l(x)}</style></svg>', /unsafe style text/],
        ['HTML outside a foreignObject', '<svg><div></div></svg>', /element <div>/],
        ['an iframe in a label', '<svg><foreignObject><iframe></iframe></foreignObject></svg>', /element <iframe>/],
        ['a raw < in text', '<svg><foreignObject><div>a <b</div></foreignObject></svg>', /not markup/],
        ['a single-quoted attribute', "<svg id='x'></svg>", /not markup/],
        ['an unquoted attribute', '<svg id=x></svg>', /not markup/],
        ['a comment', '<svg><!-- x --></svg>', /not markup/],
        ['unbalanced tags', '<svg><g></svg>', /unbalanced/],
        ['an unclosed element', '<svg><g>', /not closed/],
        ['text before the svg', 'x<svg></svg>', /text outside/],
        ['a second element after the svg', '<svg></svg><svg></svg>', /not one <svg>/],
        ['another root', '<div></div>', /not one <svg>/]
    ])('refuses %s', (_name, markup, error) => {
        expect(() => checkPageSvg(markup)).toThrow(error);
    });
});
