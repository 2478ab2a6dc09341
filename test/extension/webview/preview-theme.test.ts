import { describe, expect, test } from 'vitest';
import { previewData, idsOf } from './preview-data.js';
import { darkVars, lightVars, mermaidIdOf, type PreviewPage } from './preview-page.js';
import { usePreviewPage } from './use-preview-page.js';

const preview = usePreviewPage({ data: json => previewData(json, json.trees.filter(t => t.id === 'QuickscanBoom')) });

interface Colours {
    question: string;
    questionStroke: string;
    text: string;
    edge: string;
    background: string;
}

/** The colours as drawn: a question's shape, its label, an edge, and the diagram's background. */
async function colours(p: PreviewPage): Promise<Colours> {
    const group = await p.groupId(mermaidIdOf(idsOf(preview.data.trees[0]), 'GoNoGo'));
    return p.page.evaluate(id => {
        const g = document.getElementById(id)!;
        const shape = g.querySelector('polygon, path, rect')!;
        const label = g.querySelector('foreignObject div, foreignObject span') ?? g;
        return {
            question: getComputedStyle(shape).fill,
            questionStroke: getComputedStyle(shape).stroke,
            text: getComputedStyle(label).color,
            edge: getComputedStyle(document.querySelector('path.flowchart-link')!).stroke,
            background: getComputedStyle(document.querySelector('.diagram-viewport')!).backgroundColor
        };
    }, group);
}

/** What VS Code does on a theme change: new colour variables on <html> and a new body class. */
async function switchTheme(p: PreviewPage, bodyClass: string, vars: Record<string, string> | undefined): Promise<void> {
    await p.page.evaluate(({ bodyClass, vars }) => {
        if (vars) document.documentElement.setAttribute('style', Object.entries(vars).map(([k, v]) => `--${k}: ${v}`).join('; '));
        document.body.className = bodyClass;
    }, { bodyClass, vars });
}

function luminance(rgb: string): number {
    const [r, g, b] = (/\d+(\.\d+)?/g[Symbol.match](rgb) ?? []).map(Number);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe('theme', () => {
    test('a switch from vscode-light to vscode-dark redraws with the dark colours', async () => {
        const page = await preview.open({ bodyClass: 'vscode-light', vars: lightVars });
        await page.settings();
        await page.update(preview.data);
        const first = await page.idle(1);
        const light = await colours(page);
        // Light: a light question fill with the theme's yellow as its border, on the editor's white.
        expect(light.background).toBe('rgb(255, 255, 255)');
        expect(light.questionStroke).toBe('rgb(191, 136, 3)');
        expect(luminance(light.question)).toBeGreaterThan(200);

        await switchTheme(page, 'vscode-dark', darkVars);
        const second = await page.idle(first.draws + 1);
        expect(second.renders).toBe(first.renders + 1);
        const dark = await colours(page);
        expect(dark.question).not.toBe(light.question);
        expect(dark.background).toBe('rgb(31, 31, 31)');
        expect(dark.questionStroke).toBe('rgb(204, 167, 0)');
        expect(luminance(dark.question)).toBeLessThan(100);
        expect(luminance(dark.text)).toBeGreaterThan(150);
        expect(dark.edge).not.toBe(light.edge);
    });

    test('without colour variables the body class alone picks the palette, high contrast included', async () => {
        const page = await preview.open({ bodyClass: 'vscode-light', vars: {} });
        await page.settings();
        await page.update(preview.data);
        const first = await page.idle(1);
        const light = await colours(page);

        await switchTheme(page, 'vscode-dark', undefined);
        const second = await page.idle(first.draws + 1);
        const dark = await colours(page);
        expect(dark.question).not.toBe(light.question);
        expect(luminance(dark.question)).toBeLessThan(100);

        await switchTheme(page, 'vscode-high-contrast', undefined);
        await page.idle(second.draws + 1);
        const contrast = await colours(page);
        expect(contrast.question).toBe('rgb(0, 0, 0)');
        expect(contrast.questionStroke).toBe('rgb(255, 255, 0)');
    });

    test('a body change that is no theme change draws nothing', async () => {
        const page = await preview.open();
        await page.settings();
        await page.update(preview.data);
        const first = await page.idle(1);
        // The page hears of the change from a MutationObserver; one made after the page's gets the
        // same records after it, and the page reacts in a microtask: when this one has been called
        // and a microtask has passed, the page has decided. A redraw would be counted or pending then.
        await page.page.evaluate(() => new Promise<void>(resolve => {
            const observer = new MutationObserver(() => {
                observer.disconnect();
                queueMicrotask(() => queueMicrotask(resolve));
            });
            observer.observe(document.body, { attributes: true, attributeFilter: ['class'] });
            document.body.classList.add('vscode-reduce-motion');
        }));
        const after = await page.stats();
        expect(after.busy).toBe(false);
        expect(after.renders).toBe(first.renders);
        expect(after.draws).toBe(first.draws);
    });

    test('the theme setting can force dark on a light VS Code, and "auto" follows VS Code again', async () => {
        const page = await preview.open({ bodyClass: 'vscode-light', vars: lightVars });
        await page.settings();
        await page.update(preview.data);
        const first = await page.idle(1);
        const light = await colours(page);

        await page.settings({ theme: 'dark' });
        const second = await page.idle(first.draws + 1);
        const forced = await colours(page);
        expect(luminance(forced.question)).toBeLessThan(100);
        expect(forced.background).toBe('rgb(31, 31, 31)');

        await page.settings({ theme: 'auto' });
        await page.idle(second.draws + 1);
        expect(await colours(page)).toEqual(light);
    });
});
