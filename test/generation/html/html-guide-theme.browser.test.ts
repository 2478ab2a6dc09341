import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { designTokens } from '../../../language/generation/html/guide-tokens.js';
import { bundleGuideApp } from '../../../scripts/bundle-guide-app.mjs';
import { launchBrowser } from '../../support/browser.js';
import { pageSettled } from '../../support/page-settled.js';
import { tempFolder } from '../../support/temp-dir.js';
import { expectNothingWrong, openGuide, type Problems } from './guide-page.js';
import { handreiking } from '../../support/cli.js';

/**
 * A house style in the page, as a reader sees it in Chromium: the guide made by
 * `handreiking export html --thema huisstijl.css` (diagrams drawn at export time) takes the style's
 * colours, font and spacing everywhere the tokens are used, the walkthrough marks its path in the
 * diagram in the style's colour, every text stays readable (contrast measured in the page), the
 * page stays light for a reader who prefers dark (the style has no dark values), and nothing is
 * loaded. The parser and the command line's refusals: guide-theme.test.ts and
 * test/cli/theme-cli.test.ts.
 */

const root = path.resolve(__dirname, '../../..');
const theme = `:root {
  --hrk-color-accent: #154273;
  --hrk-color-accent-hover: #0b2a4a;
  --hrk-color-accent-soft: #dce3ea;
  --hrk-color-path: #a90061;
  --hrk-font-family: "DejaVu Serif", Georgia, serif;
  --hrk-font-size: 1.125rem;
  --hrk-space-l: 2rem;
  --hrk-border-radius: 0;
}
`;

let browser: Browser;
let themed: Page;
let plain: Page;
const problems: Problems[] = [];

/** Opens a guide with guide-page.ts's watch on it. */
async function open(file: string): Promise<Page> {
    const opened = await openGuide(browser, file);
    problems.push(opened.problems);
    return opened.page;
}

beforeAll(async () => {
    await bundleGuideApp({ typecheck: false });
    const dir = tempFolder('hrk-thema-page-', { 'huisstijl.css': theme });
    const run = (args: string[]) => handreiking(args, dir);
    const withTheme = run(['export', 'html', path.join(root, 'examples'), '-o', 'huisstijl.html', '--thema', 'huisstijl.css']);
    expect(withTheme.stderr).toBe('');
    expect(withTheme.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'huisstijl.html'), 'utf-8')).toContain('<meta name="hrk-diagrams" content="predrawn">');
    const without = run(['export', 'html', path.join(root, 'examples'), '-o', 'gewoon.html', '--mermaid-in-pagina']);
    expect(without.code).toBe(0);
    browser = await launchBrowser();
    themed = await open(path.join(dir, 'huisstijl.html'));
    plain = await open(path.join(dir, 'gewoon.html'));
});

afterAll(async () => {
    await browser?.close();
});

/** The computed value of a token on `<html>`. */
const token = (page: Page, name: string) => page.evaluate(n => getComputedStyle(document.documentElement).getPropertyValue(n).trim(), name);

describe('the HTML guide with a house style, in Chromium', () => {
    test('without a house style, the page has the default tokens', async () => {
        // A token defined by another (var(--…)) computes to that one's value.
        const value = (v: string): string => {
            const ref = /^var\((--[a-z-]+)\)$/.exec(v);
            return ref ? value(designTokens.find(t => t.name === ref[1])!.value) : v;
        };
        for (const t of designTokens) expect(await token(plain, t.name), t.name).toBe(value(t.value));
        expect(await plain.locator('style[data-hrk-theme]').count()).toBe(0);
    });

    test('the house style\'s tokens win, and the page uses them: header, buttons, links, font, spacing, corners', async () => {
        expect(await token(themed, '--hrk-color-accent')).toBe('#154273');
        expect(await token(themed, '--hrk-color-text')).toBe('#1b1f24');
        const seen = await themed.evaluate(() => {
            const style = (selector: string) => getComputedStyle(document.querySelector(selector)!);
            return {
                header: style('.site-header').backgroundColor,
                headerText: style('.site-header h1').color,
                answer: style('.wt-answer').backgroundColor,
                link: style('nav.toc a').color,
                font: style('body').fontFamily,
                heading: style('h2').fontFamily,
                size: style('body').fontSize,
                padding: style('.layout').paddingLeft,
                corner: style('.card').borderTopLeftRadius,
                hint: style('.hint').backgroundColor
            };
        });
        expect(seen).toEqual({
            header: 'rgb(21, 66, 115)', headerText: 'rgb(255, 255, 255)', answer: 'rgb(21, 66, 115)', link: 'rgb(21, 66, 115)',
            font: '"DejaVu Serif", Georgia, serif', heading: '"DejaVu Serif", Georgia, serif', size: '18px', padding: '32px', corner: '0px',
            hint: 'rgb(220, 227, 234)'
        });
    });

    test('the walkthrough marks its path in the drawn diagram in the house style\'s colour', async () => {
        const section = themed.locator('section.tree').first();
        await section.locator('.wt-current button.wt-answer').first().click();
        const strokes = await section.locator('.diagram-canvas svg').evaluate(svg => ({
            nodes: [...new Set([...svg.querySelectorAll('g.node.hrk-on-path')].map(g => getComputedStyle(g.querySelector('rect, polygon, path, circle')!).stroke))],
            edges: [...new Set([...svg.querySelectorAll('path.flowchart-link.hrk-on-path')].map(p => getComputedStyle(p).stroke))]
        }));
        expect(strokes).toEqual({ nodes: ['rgb(169, 0, 97)'], edges: ['rgb(169, 0, 97)'] });
        expect(await section.locator('.wt-path .wt-answer-given').first().evaluate(e => getComputedStyle(e).color)).toBe('rgb(169, 0, 97)');
        await section.locator('.wt-restart').click();
    });

    test('every text the tokens colour is readable: at least 4.5:1 against what is behind it, measured in the page', async () => {
        const ratios = await themed.evaluate(() => {
            const rgb = (value: string) => (value.match(/[\d.]+/g) ?? []).map(Number);
            const luminance = ([r, g, b]: number[]) => [r, g, b].map(c => {
                const s = c / 255;
                return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
            }).reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
            const selectors = ['body p', '.muted', '.site-header h1', '.site-header p', 'nav.toc a', '.hint', '.wt-kind', '.wt-text', '.wt-answer',
                '.wt-controls button', '.wt-path li', '.wt-path .wt-answer-given', 'table.hrk-typology-table thead th', 'table.hrk-typology-table tbody th', '.card h3'];
            return selectors.flatMap(selector => [...document.querySelectorAll(selector)].slice(0, 20).filter(e => (e as HTMLElement).offsetParent !== null).map(element => {
                let background = [255, 255, 255];
                for (let e: Element | null = element; e; e = e.parentElement) {
                    const colour = rgb(getComputedStyle(e).backgroundColor);
                    if (colour.length === 3 || (colour.length === 4 && colour[3] === 1)) { background = colour.slice(0, 3); break; }
                }
                const [a, b] = [luminance(rgb(getComputedStyle(element).color)), luminance(background)].sort((x, y) => y - x);
                return { selector, ratio: Math.round(((a + 0.05) / (b + 0.05)) * 100) / 100 };
            }));
        });
        expect(new Set(ratios.map(r => r.selector)).size).toBeGreaterThanOrEqual(12);
        expect(ratios.filter(r => r.ratio < 4.5)).toEqual([]);
    });

    test('a house style that sets colours has no dark values: its page stays light when the reader prefers dark', async () => {
        const seen = async (page: Page) => ({
            background: await token(page, '--hrk-color-background'),
            accent: await token(page, '--hrk-color-accent'),
            body: await page.evaluate(() => getComputedStyle(document.body).backgroundColor),
            canvas: await page.locator('.diagram-canvas').first().evaluate(e => getComputedStyle(e).backgroundColor)
        });
        const dark = (name: string) => designTokens.find(t => t.name === name)!.dark;
        for (const page of [themed, plain]) await page.emulateMedia({ colorScheme: 'dark' });
        try {
            expect(await seen(themed)).toEqual({ background: '#ffffff', accent: '#154273', body: 'rgb(255, 255, 255)', canvas: 'rgb(255, 255, 255)' });
            // Without a house style (here the page that draws with Mermaid) the page turns dark; the diagrams' box stays white.
            const plainDark = await seen(plain);
            expect(plainDark).toMatchObject({ background: dark('--hrk-color-background'), accent: dark('--hrk-color-accent'), canvas: 'rgb(255, 255, 255)' });
            expect(plainDark.body).not.toBe('rgb(255, 255, 255)');
        } finally {
            for (const page of [themed, plain]) await page.emulateMedia({ colorScheme: 'light' });
        }
    });

    test('nothing was loaded, nothing broke the CSP, no errors', async () => {
        await pageSettled(themed);
        await pageSettled(plain);
        await expectNothingWrong(themed, problems[0]);
        await expectNothingWrong(plain, problems[1]);
        expect(await themed.locator('.diagram-error, .wt-problem').count()).toBe(0);
    });
});
