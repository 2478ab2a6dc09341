import type { MermaidConfig } from 'mermaid';
import { mermaidConfig } from '../../language/generation/mermaid/mermaid-config.js';

/**
 * Theming the diagrams after VS Code. Mermaid cannot take `var(--vscode-…)`: the page's computed
 * colours are read, normalised to `#rrggbb` and passed as `theme: 'base'` variables. The node
 * colours come from the generator's `classDef` lines (fixed light colours, right for the HTML export
 * and the CLI images); the preview swaps those lines for ones made from the same palette.
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

/**
 * Replaces the colour `classDef` lines of generated Mermaid text with the palette's. Only lines
 * that are whole `classDef` statements of the generators' fixed class names are touched; a label
 * cannot produce such a line (labels are quoted and have no raw line breaks). Class names without
 * colours (`unreachable`, `unused`) keep the generator's line.
 */
export function themeClassDefs(text: string, palette: Palette): string {
    const defs = classDefs(palette);
    return text.replace(/^(\s*)classDef ([A-Za-z]+) [^\n]*$/gm, (line, indent: string, name: string) =>
        Object.prototype.hasOwnProperty.call(defs, name) ? `${indent}classDef ${name} ${defs[name]}` : line);
}

function classDefs(p: Palette): Record<string, string> {
    const share = fillShare(p);
    const width = p.kind.startsWith('high-contrast') ? '2px' : '1.5px';
    const node = (accent: string, extra = '') =>
        `fill:${mix(p.background, accent, share)},stroke:${accent},stroke-width:${width},color:${p.foreground}${extra}`;
    return {
        question: node(p.question),
        advice: node(p.advice),
        step: node(p.step),
        link: `fill:${mix(p.background, p.link, share * 0.8)},stroke:${p.link},stroke-width:1px,color:${p.foreground}`,
        start: `fill:${p.foreground},stroke:${p.foreground},color:${p.background}`,
        highlight: `stroke:${p.highlight},stroke-width:3.5px`,
        funding: node(p.step),
        typology: node(p.advice),
        allTypologies: `fill:${p.background},stroke:${p.advice},stroke-width:${width},stroke-dasharray:3 3,color:${p.foreground}`
    };
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
 * `#` and hex digits, which is all that may go into a `classDef` line.
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
