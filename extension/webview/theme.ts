import type { MermaidConfig } from 'mermaid';
import { mermaidConfig } from '../../language/generation/mermaid/mermaid-config.js';
import type { BoxColours, DiagramPalette } from '../../language/generation/mermaid/palette.js';

/**
 * Theming the diagrams after VS Code. Mermaid cannot take `var(--vscode-…)`: the page's computed
 * colours are read, normalised to `#rrggbb` and passed as `theme: 'base'` variables. The node
 * colours are the generator's palette option: the preview draws with a palette made from the same
 * colours (`diagramPalette`), the exports with the generator's fixed light one.
 */

export type ThemeKind = 'light' | 'dark' | 'high-contrast' | 'high-contrast-light';
export type ThemeSetting = 'auto' | 'light' | 'dark' | 'high-contrast';

export interface Palette {
    kind: ThemeKind;
    background: string;
    foreground: string;
    line: string;
    focus: string;
    fontFamily: string;
    /** Accent per node class: the stroke, and the fill is the accent mixed into the background. */
    question: string;
    advice: string;
    step: string;
    link: string;
    highlight: string;
}

type Accents = Omit<Palette, 'kind' | 'fontFamily'>;

const fontFamily = '"Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/** VS Code's default colours per kind, used when a colour variable is missing or the theme is forced. */
const defaults: Record<ThemeKind, Accents> = {
    light: {
        background: '#ffffff', foreground: '#1b1f24', line: '#5b6573', focus: '#0090f1',
        question: '#b7791f', advice: '#2f855a', step: '#4a6fa5', link: '#6b46c1', highlight: '#d9480f'
    },
    dark: {
        background: '#1f1f1f', foreground: '#cccccc', line: '#9da5b4', focus: '#0078d4',
        question: '#cca700', advice: '#89d185', step: '#3794ff', link: '#b180d7', highlight: '#f0883e'
    },
    'high-contrast': {
        background: '#000000', foreground: '#ffffff', line: '#ffffff', focus: '#f38518',
        question: '#ffff00', advice: '#89d185', step: '#3794ff', link: '#b180d7', highlight: '#f38518'
    },
    'high-contrast-light': {
        background: '#ffffff', foreground: '#292929', line: '#292929', focus: '#006bbd',
        question: '#895503', advice: '#374e06', step: '#0f4a85', link: '#5a2f8a', highlight: '#b5200d'
    }
};

/** The theme VS Code shows: it keeps one of these classes on `<body>` and swaps it live. */
export function bodyThemeKind(body: HTMLElement): ThemeKind {
    const list = body.classList;
    const attr = body.getAttribute('data-vscode-theme-kind') ?? '';
    if (list.contains('vscode-high-contrast-light') || attr === 'vscode-high-contrast-light') return 'high-contrast-light';
    if (list.contains('vscode-high-contrast') || attr === 'vscode-high-contrast') return 'high-contrast';
    if (list.contains('vscode-dark') || attr === 'vscode-dark') return 'dark';
    return 'light';
}

/**
 * The palette for a setting: 'auto' follows VS Code (its body class and colour variables); a forced
 * theme uses that kind's default colours, since the page's variables belong to VS Code's theme.
 */
export function currentPalette(doc: Document, setting: ThemeSetting): Palette {
    if (setting !== 'auto') {
        return { kind: setting, fontFamily, ...defaults[setting] };
    }
    const kind = bodyThemeKind(doc.body);
    const base = defaults[kind];
    const style = getComputedStyle(doc.documentElement);
    const read = (names: readonly string[], fallback: string): string => {
        for (const name of names) {
            const value = normaliseColour(style.getPropertyValue(name).trim(), base.background);
            if (value) return value;
        }
        return fallback;
    };
    const background = read(['--vscode-editor-background'], base.background);
    const contrastBorder = kind.startsWith('high-contrast') ? read(['--vscode-contrastBorder'], '') : '';
    return {
        kind,
        background,
        foreground: read(['--vscode-editor-foreground', '--vscode-foreground'], base.foreground),
        line: contrastBorder || read(['--vscode-editorLineNumber-foreground', '--vscode-descriptionForeground'], base.line),
        focus: read(['--vscode-focusBorder'], base.focus),
        fontFamily: style.getPropertyValue('--vscode-font-family').trim() || fontFamily,
        question: read(['--vscode-charts-yellow'], base.question),
        advice: read(['--vscode-charts-green'], base.advice),
        step: read(['--vscode-charts-blue'], base.step),
        link: read(['--vscode-charts-purple'], base.link),
        highlight: read(['--vscode-charts-orange'], base.highlight)
    };
}

/** A key that changes whenever the drawn colours would. */
export function paletteKey(palette: Palette): string {
    return JSON.stringify(palette);
}

/** The Mermaid configuration for the preview: the shared one, with the palette's colours. */
export function previewMermaidConfig(palette: Palette): MermaidConfig {
    const dark = palette.kind === 'dark' || palette.kind === 'high-contrast';
    const nodeFill = mix(palette.background, palette.step, fillShare(palette));
    return {
        ...structuredClone(mermaidConfig),
        theme: 'base',
        darkMode: dark,
        // A failed render throws; Mermaid must not also insert its "bomb" diagram into the page.
        suppressErrorRendering: true,
        themeVariables: {
            ...mermaidConfig.themeVariables,
            darkMode: dark,
            fontFamily: palette.fontFamily,
            background: palette.background,
            mainBkg: nodeFill,
            primaryColor: nodeFill,
            primaryBorderColor: palette.step,
            primaryTextColor: palette.foreground,
            secondaryColor: mix(palette.background, palette.advice, fillShare(palette)),
            tertiaryColor: mix(palette.background, palette.foreground, 0.04),
            textColor: palette.foreground,
            nodeTextColor: palette.foreground,
            lineColor: palette.line,
            clusterBkg: mix(palette.background, palette.foreground, 0.05),
            clusterBorder: mix(palette.background, palette.foreground, 0.35),
            edgeLabelBackground: palette.background,
            titleColor: palette.foreground
        }
    };
}

/** The generator's palette for the page's colours: accents as strokes, mixed into the background as fills. */
export function diagramPalette(p: Palette): DiagramPalette {
    const share = fillShare(p);
    const box = (accent: string, fillShare = share): BoxColours => ({ fill: mix(p.background, accent, fillShare), stroke: accent, text: p.foreground });
    return {
        question: box(p.question),
        advice: box(p.advice),
        step: box(p.step),
        link: box(p.link, share * 0.8),
        start: { fill: p.foreground, stroke: p.foreground, text: p.background },
        allTypologies: { fill: p.background, stroke: p.advice, text: p.foreground },
        borderWidth: p.kind.startsWith('high-contrast') ? 2 : 1.5
    };
}

/**
 * Calls `changed` when VS Code may have switched the theme: it swaps the body class and the colour
 * variables on `<html>`. Several changes in one task are one call.
 */
export function watchTheme(doc: Document, changed: () => void): void {
    let scheduled = false;
    const observer = new MutationObserver(() => {
        if (scheduled) return;
        scheduled = true;
        queueMicrotask(() => {
            scheduled = false;
            changed();
        });
    });
    observer.observe(doc.body, { attributes: true, attributeFilter: ['class', 'data-vscode-theme-kind'] });
    observer.observe(doc.documentElement, { attributes: true, attributeFilter: ['style', 'class'] });
}

function fillShare(p: Palette): number {
    switch (p.kind) {
        case 'light': return 0.14;
        case 'dark': return 0.24;
        default: return 0;
    }
}

let probe: CanvasRenderingContext2D | null | undefined;

/**
 * Any CSS colour as `#rrggbb` (a translucent colour is blended onto `onto`), or '' when it is not a
 * colour. The canvas parses it, so every syntax VS Code may use is understood; the result has only
 * `#` and hex digits, which is all the generator takes into a `classDef` line.
 */
export function normaliseColour(value: string, onto: string): string {
    if (!value) return '';
    probe ??= document.createElement('canvas').getContext('2d');
    if (!probe) return /^#[0-9a-f]{6}$/i.test(value) ? value.toLowerCase() : '';
    // An invalid colour leaves fillStyle unchanged: test against two different sentinels.
    probe.fillStyle = '#000000';
    probe.fillStyle = value;
    const first = String(probe.fillStyle);
    probe.fillStyle = '#ffffff';
    probe.fillStyle = value;
    if (String(probe.fillStyle) !== first) return '';
    const hex = /^#([0-9a-f]{6})$/i.exec(first);
    if (hex) return `#${hex[1].toLowerCase()}`;
    const rgba = /^rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*(?:,\s*([\d.]+)\s*)?\)$/.exec(first);
    if (!rgba) return '';
    const alpha = rgba[4] !== undefined ? Number(rgba[4]) : 1;
    const colour = toHex([Number(rgba[1]), Number(rgba[2]), Number(rgba[3])]);
    return alpha >= 1 ? colour : mix(onto, colour, alpha);
}

/** `a` with `share` of `b` mixed in (0: a, 1: b); both `#rrggbb`. */
export function mix(a: string, b: string, share: number): string {
    const ca = rgb(a), cb = rgb(b);
    return toHex(ca.map((v, i) => v + (cb[i] - v) * share));
}

function rgb(hex: string): number[] {
    const h = /^#?([0-9a-f]{6})$/i.exec(hex)?.[1] ?? '000000';
    return [0, 2, 4].map(i => parseInt(h.slice(i, i + 2), 16));
}

function toHex(values: readonly number[]): string {
    return '#' + values.map(v => Math.round(Math.min(255, Math.max(0, v))).toString(16).padStart(2, '0')).join('');
}
