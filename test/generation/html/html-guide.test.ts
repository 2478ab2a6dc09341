import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { HandreikingJson } from '../../../language/generation/json/handreiking-json.js';
import { DATA_ELEMENT_ID, anchorId, linkAnchor } from '../../../language/generation/html/guide-contract.js';
import { mermaidBundlePath, readGuideApp } from '../../../language/generation/html/guide-assets.js';
import { embedJson, inlineScript, safeHttpUrl } from '../../../language/generation/html/html-text.js';
import { generateHtmlGuide } from '../../../language/generation/html/html-guide.js';
import { cspHashSource } from '../../../language/generation/html/csp-hash.js';
import { hostileFiles, PWN } from './hostile-corpus.js';
import { typecheckGuideApp } from '../../../scripts/bundle-guide-app.mjs';
import { exampleWorkspace, exportFiles } from '../../helpers.js';

/** Stand-ins for the two scripts: the generator treats them as opaque text. */
const fakeAssets = { mermaidJs: 'window.mermaid = undefined; // "mermaid"\r\n', appJs: 'document.title = "app ü";' };

/** The contents of every `<script>` element, with its attributes. */
function scripts(html: string): Array<{ attrs: string; content: string }> {
    return [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/gi)].map(m => ({ attrs: m[1], content: m[2] }));
}

function cspOf(html: string): string {
    const match = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
    expect(match).not.toBeNull();
    return match![1].replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

function nodeSha256(text: string): string {
    return `'sha256-${createHash('sha256').update(text, 'utf-8').digest('base64')}'`;
}

describe('CSP hashes', () => {
    test('cspHashSource is the SHA-256 of the UTF-8 text, in base64, as a CSP source', () => {
        // Known digests: the empty text, and 'abc' (FIPS 180-4's example).
        expect(cspHashSource('')).toBe("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
        expect(cspHashSource('abc')).toBe("'sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0='");
        expect(cspHashSource('ü')).toBe(`'sha256-${createHash('sha256').update(Buffer.from([0xc3, 0xbc])).digest('base64')}'`);
    });
});

describe('safe text helpers', () => {
    test('embedJson leaves no <, >, & or line separators, and parses back to the same value', () => {
        const value = { t: `</script><script>x()</script><!-- & \u2028 \u2029 \u202E` };
        const embedded = embedJson(value);
        expect(embedded).not.toMatch(/[<>&\u2028\u2029\u202E]/);
        expect(JSON.parse(embedded)).toEqual(value);
    });

    test('inlineScript refuses what would end or change the script element, and normalises line ends', () => {
        expect(() => inlineScript('var s = "</script>";', 'x.js')).toThrow(/<\/script/);
        expect(() => inlineScript('var s = "</SCRIPT >";', 'x.js')).toThrow(/<\/script/);
        expect(() => inlineScript('var a = "<!--", b = "<script>";', 'x.js')).toThrow(/<!--/);
        expect(inlineScript('var a = "<!-- -->";\r\nvar b = 1;\r', 'x.js')).toBe('var a = "<!-- -->";\nvar b = 1;\n');
    });

    test('only http(s) URLs become links', () => {
        expect(safeHttpUrl('https://wetten.overheid.nl/BWBR0045929')).toBe('https://wetten.overheid.nl/BWBR0045929');
        expect(safeHttpUrl(' http://example.org/a b ')).toBe('http://example.org/a%20b');
        for (const bad of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,x', '//evil.example', 'www.example.org', 'https//x']) {
            expect(safeHttpUrl(bad)).toBeUndefined();
        }
    });

    test('anchors are plain tokens and distinct for distinct names', () => {
        expect(anchorId('tree', 'Bewonersbeheer')).toBe('boom-Bewonersbeheer');
        const names = ['Privé', 'Prive', 'Priv_e9_', 'a_b', 'a.b', 'Coöperatie'];
        const anchors = names.map(n => anchorId('typology', n));
        expect(new Set(anchors).size).toBe(names.length);
        for (const a of anchors) expect(a).toMatch(/^[A-Za-z0-9_-]+$/);
        expect(linkAnchor({ kind: 'node', target: 'Bewonersbeheer.Stabiel', title: '' })).toBe('boom-Bewonersbeheer');
        expect(linkAnchor({ kind: 'chapter', target: 'SociaalBeheer', title: '' })).toBe('hoofdstuk-SociaalBeheer');
    });
});

describe('generateHtmlGuide of the examples', () => {
    let json: HandreikingJson;
    let html: string;
    beforeAll(async () => {
        json = await exportFiles(exampleWorkspace());
        html = generateHtmlGuide(json, fakeAssets);
    });

    test('has exactly three scripts: the JSON data block, then Mermaid and the app, all inline', () => {
        const found = scripts(html);
        expect(found.map(s => s.attrs.trim())).toEqual([`type="application/json" id="${DATA_ELEMENT_ID}"`, '', '']);
        expect(html).not.toMatch(/<script[^>]*\bsrc\s*=/i);
        expect(found[1].content).toBe('window.mermaid = undefined; // "mermaid"\n');
        expect(found[2].content).toBe(fakeAssets.appJs);
    });

    test('embeds the JSON escaped, and it reads back equal to the export', () => {
        const data = scripts(html)[0].content;
        expect(data).not.toContain('<');
        expect(JSON.parse(data)).toEqual(json);
    });

    test('the CSP allows exactly the inline scripts (by hash) and nothing to be fetched', () => {
        const csp = cspOf(html);
        const directives = new Map(csp.split(';').map(d => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
        expect(directives.get('default-src')).toEqual(["'none'"]);
        const executable = scripts(html).filter(s => !/type="application\/json"/.test(s.attrs));
        expect(directives.get('script-src')).toEqual(executable.map(s => nodeSha256(s.content)));
        expect(directives.get('style-src')).toEqual(["'unsafe-inline'"]);
        expect(directives.get('img-src')).toEqual(['data:']);
        expect(directives.get('font-src')).toEqual(['data:']);
        expect(directives.has('connect-src')).toBe(false);
        expect(csp).not.toMatch(/unsafe-eval|https?:|\*/);
        // The CSP comes before anything that could load or run.
        expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
        expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<link'));
    });

    test('a different script gives a different hash', () => {
        const other = generateHtmlGuide(json, { ...fakeAssets, appJs: fakeAssets.appJs + ' ' });
        expect(cspOf(other)).not.toBe(cspOf(html));
    });

    test('loads nothing from outside the page', () => {
        const tagsWithUrls = [...html.matchAll(/<(?:link|img|iframe|object|embed|source|video|audio|script)\b[^>]*?\b(?:src|href|data)="([^"]*)"/gi)].map(m => m[1]);
        expect(tagsWithUrls.filter(u => !u.startsWith('data:'))).toEqual([]);
        expect(html).not.toMatch(/url\(\s*['"]?(?!data:)/i);
        expect(html).not.toMatch(/@import/i);
    });

    test('is Dutch, has every section and a table of contents', () => {
        expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="nl">/);
        for (const id of ['beslisbomen', 'typologieen', 'financiering', 'partijen', 'hoofdstukken']) {
            expect(html).toContain(`id="${id}"`);
            expect(html).toContain(`<li><a href="#${id}">`);
        }
        expect(html).toContain('<table class="hrk-typology-table">');
        expect(html).toContain('id="hrk-tree-picker"');
        for (const tree of json.trees) expect(html).toContain(`<option value="${anchorId('tree', tree.id)}">`);
    });

    test('shows every tree, typology, funding rule, stakeholder and chapter under its anchor', () => {
        const ids = [
            ...json.trees.map(t => anchorId('tree', t.id)),
            ...json.typologies.map(t => anchorId('typology', t.id)),
            ...json.funding.map(f => anchorId('funding', f.id)),
            ...json.stakeholders.map(s => anchorId('stakeholder', s.id)),
            ...json.chapters.map(c => anchorId('chapter', c.id))
        ];
        for (const id of ids) expect(html).toContain(` id="${id}"`);
        json.trees.forEach((_, i) => {
            expect(html).toContain(`data-walkthrough="${i}"`);
            expect(html).toContain(`class="diagram-canvas" data-diagram="tree" data-tree-index="${i}"`);
        });
        // Funding as a matrix; the Mermaid overview is the editors' preview's only.
        expect(html).toContain('<table class="hrk-matrix">');
        expect(html).not.toContain('data-diagram="funding"');
        const stakeholder = json.stakeholders.find(s => s.id === 'Corporatie')!;
        for (const text of [...stakeholder.roles, ...stakeholder.strengths, ...stakeholder.pitfalls]) expect(html).toContain(text.replace(/'/g, '&#39;'));
    });

    test('every in-page link has its target, and every link target of a tree node is in the page', () => {
        const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map(m => m[1]));
        const hrefs = [...html.matchAll(/href="#([^"]*)"/g)].map(m => m[1]);
        expect(hrefs.length).toBeGreaterThan(50);
        expect(hrefs.filter(h => !ids.has(h))).toEqual([]);
        const links = json.trees.flatMap(t => t.nodes.flatMap(n => n.links));
        expect(links.length).toBeGreaterThan(0);
        expect(links.map(linkAnchor).filter(a => !ids.has(a))).toEqual([]);
    });

    test('a bron URL becomes a link that opens without referrer, in the same window (no surprise for a screen reader)', () => {
        expect(html).toContain('<a href="https://wetten.overheid.nl/BWBR0045929" rel="noopener noreferrer">');
        expect(html).not.toContain('target="_blank"');
        const external = [...html.matchAll(/<a href="(https?:[^"]*)"([^>]*)>/g)];
        expect(external.length).toBeGreaterThan(0);
        for (const [, , rest] of external) expect(rest).toContain('rel="noopener noreferrer"');
    });

    test('the title can be chosen and is escaped', () => {
        const titled = generateHtmlGuide(json, { ...fakeAssets, title: 'Gids <b>&</b>' });
        expect(titled).toContain('<title>Gids &lt;b&gt;&amp;&lt;/b&gt;</title>');
        expect(titled).toContain('<h1>Gids &lt;b&gt;&amp;&lt;/b&gt;</h1>');
    });

    test('the real mermaid.min.js can be inlined, and its hash is in the CSP', () => {
        const mermaidJs = fs.readFileSync(mermaidBundlePath(), 'utf-8');
        expect(mermaidJs).toContain('mermaid');
        const page = generateHtmlGuide(json, { mermaidJs, appJs: fakeAssets.appJs });
        expect(cspOf(page)).toContain(nodeSha256(mermaidJs));
        expect(scripts(page)[1].content).toBe(mermaidJs);
    });

    test('refuses an asset that could break out of its script element', () => {
        expect(() => generateHtmlGuide(json, { ...fakeAssets, appJs: 'x = "</script><script>alert(1)//";' })).toThrow(/guide-app\.js/);
    });
});

describe('generateHtmlGuide of a hostile workspace', () => {
    let json: HandreikingJson;
    let html: string;
    beforeAll(async () => {
        json = await exportFiles(hostileFiles);
        html = generateHtmlGuide(json, fakeAssets);
    });

    test('the corpus did load: its texts are in the JSON', () => {
        expect(json.trees.map(t => t.title)).toContain(PWN.script);
        expect(json.stakeholders[0].roles).toContain(PWN.attribute);
        expect(json.funding[0].sources).toContain(PWN.javascriptUrl);
    });

    test('no user text becomes markup: only our own tags, and no event handler attributes', () => {
        expect(scripts(html)).toHaveLength(3);
        expect(html).not.toMatch(/<img\b/i);
        expect(html).not.toMatch(/<svg\b/i);
        expect(html.match(/<style\b/gi)).toHaveLength(1);
        // Every `<` of user text is escaped, so each tag in the page is one the generator wrote.
        const tags = [...html.matchAll(/<[a-zA-Z][^>]*>/g)].map(m => m[0]);
        expect(tags.filter(t => /\son[a-z]+\s*=/i.test(t))).toEqual([]);
        expect(html).not.toMatch(/href="\s*javascript:/i);
        expect(html).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;');
        expect(html).toContain('&amp;lt;b&amp;gt;');
        expect(html).not.toContain('\u202E');
    });

    test('the data block cannot be closed from inside', () => {
        const data = scripts(html)[0].content;
        expect(data).not.toMatch(/[<>]/);
        expect(JSON.parse(data)).toEqual(json);
    });
});

describe('generateHtmlGuide of an empty workspace', () => {
    test('writes every section with a Dutch note instead of content, and no funding diagram', () => {
        const empty: HandreikingJson = { formatVersion: 1, characteristics: [], typologies: [], trees: [], funding: [], stakeholders: [], chapters: [], scenarios: [], calculations: [], calculationScenarios: [] };
        const html = generateHtmlGuide(empty, fakeAssets);
        for (const note of ['geen beslisbomen', 'geen typologieën', 'geen financieringsbronnen', 'noemt geen partijen', 'geen hoofdstukken']) expect(html).toContain(note);
        expect(html).not.toContain('data-diagram');
        expect(html).not.toContain('hrk-tree-picker');
        expect(JSON.parse(scripts(html)[0].content)).toEqual(empty);
    });
});

describe('loading the assets', () => {
    let dir: string;
    beforeAll(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hrk-assets-'));
    });
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    test('a missing app bundle gives a Dutch message that says to build', async () => {
        await expect(readGuideApp([path.join(dir, 'missing.js')])).rejects.toThrow(/npm run build/);
    });

    test('the first existing candidate is read', async () => {
        fs.writeFileSync(path.join(dir, 'app.js'), 'app();');
        await expect(readGuideApp([path.join(dir, 'missing.js'), path.join(dir, 'app.js')])).resolves.toBe('app();');
    });

    test('mermaid.min.js is found through the package, and is the browser build', () => {
        const file = mermaidBundlePath();
        expect(file.split(path.sep).slice(-3)).toEqual(['mermaid', 'dist', 'mermaid.min.js']);
        expect(fs.statSync(file).size).toBeGreaterThan(1_000_000);
    });
});

describe('the browser app', () => {
    // The root project has no DOM types and leaves the browser folder out; this is its type check.
    test('type-checks with its own tsconfig (strict, DOM, no Node)', () => {
        expect(() => typecheckGuideApp()).not.toThrow();
    }, 120_000);
});
