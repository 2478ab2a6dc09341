import { describe, expect, test } from 'vitest';
import type { HandreikingJson } from '../../../language/generation/json/handreiking-json.js';
import { parseTheme, type GuideTheme } from '../../../language/generation/html/guide-theme.js';
import { darkSchemeCss, designTokens, fixedColours } from '../../../language/generation/html/guide-tokens.js';
import { generateHtmlGuide } from '../../../language/generation/html/html-guide.js';

/**
 * The dark colour scheme as the generator writes it: the dark values in a
 * `@media (prefers-color-scheme: dark)` block, the diagrams' box kept light, and no dark block for a
 * house style that sets colours (it has no dark values; docs/publiceren.md). That every pair reaches
 * 4.5:1 in both schemes: guide-theme.test.ts; the page in Chromium: html-guide-dark.browser.test.ts.
 */

const empty: HandreikingJson = { formatVersion: 1, characteristics: [], typologies: [], trees: [], funding: [], stakeholders: [], chapters: [], scenarios: [], calculations: [], calculationScenarios: [] };
const assets = { mermaidJs: 'window.mermaid = undefined;', appJs: 'document.title = "app";' };

function theme(css: string): GuideTheme {
    const result = parseTheme(css);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    return result.theme;
}

/** The declarations of the rule for `selector` inside the dark media block, as name → value. */
function darkRule(css: string, selector: string): Map<string, string> {
    const block = /@media screen and \(prefers-color-scheme: dark\) \{\n([\s\S]*?)\n\}\n/.exec(css)?.[1] ?? '';
    const rule = new RegExp(`^ {2}${selector.replace('.', '\\.')} \\{\\n([\\s\\S]*?)\\n {2}\\}$`, 'm').exec(block)?.[1] ?? '';
    return new Map([...rule.matchAll(/^ {4}(--[a-z-]+): ([^;]+);$/gm)].map(m => [m[1], m[2]]));
}

const colours = [...designTokens.filter(t => t.kind === 'color'), ...fixedColours];

describe('the dark colour scheme in the page', () => {
    test('the dark block gives every colour its dark value, and the diagrams\' box every colour its light one', () => {
        const dark = darkRule(darkSchemeCss, ':root');
        expect([...dark.keys()].sort()).toEqual(colours.map(c => c.name).sort());
        for (const c of colours) expect(dark.get(c.name), c.name).toBe(c.dark);
        const island = darkRule(darkSchemeCss, '.diagram-canvas');
        for (const c of colours) expect(island.get(c.name), c.name).toBe(c.value);
        // Fonts and sizes are the same in both schemes.
        for (const t of designTokens.filter(t => t.kind !== 'color')) expect(dark.has(t.name), t.name).toBe(false);
        expect(darkSchemeCss).toMatch(/^:root \{ color-scheme: light dark; \}\n/);
    });

    test('a page without a house style has it, after the light defaults', () => {
        const html = generateHtmlGuide(empty, assets);
        const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1];
        expect(style).toContain(darkSchemeCss);
        // Later in the same sheet, so `color-scheme: light dark` wins over the defaults' `light`.
        expect(style.indexOf(darkSchemeCss)).toBeGreaterThan(style.indexOf('color-scheme: light;'));
    });

    test('a house style that sets only fonts or sizes keeps the dark scheme', () => {
        const html = generateHtmlGuide(empty, { ...assets, theme: theme(':root { --hrk-font-family: Georgia, serif; --hrk-space-l: 2rem; }') });
        expect(html).toContain(darkSchemeCss);
        expect(html).toContain('<style data-hrk-theme>');
    });

    test('a house style that sets a colour makes the page light only: no dark values under its colours', () => {
        for (const css of [':root { --hrk-color-accent: #154273; }', ':root { --hrk-font-size: 1rem; --hrk-color-background: #fffdf5; }']) {
            const html = generateHtmlGuide(empty, { ...assets, theme: theme(css) });
            expect(html, css).not.toContain('prefers-color-scheme');
            expect(html, css).not.toContain('color-scheme: light dark');
            expect(html, css).toContain('color-scheme: light;');
        }
    });
});
