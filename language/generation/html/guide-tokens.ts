/**
 * The HTML guide's design tokens, in the spirit of NL Design System: the colours, fonts and spacing
 * of the page as CSS custom properties on `:root`, one list with their default values. The
 * stylesheet (guide-style.ts) uses nothing else for them, so a house style
 * (`handreiking export html --thema huisstijl.css`, guide-theme.ts) changes the page by giving
 * these properties other values, and nothing else. Pure and small: no Node imports.
 */

export type TokenKind = 'color' | 'font-family' | 'length' | 'line-height';

export interface DesignToken {
    name: string;
    kind: TokenKind;
    value: string;
    /**
     * A colour's value in the dark colour scheme (`prefers-color-scheme: dark`); every colour has
     * one, other tokens are the same in both.
     */
    dark?: string;
    /** What it colours or sizes, in Dutch (docs/publiceren.md lists them from here). */
    description: string;
}

const color = (name: string, value: string, dark: string, description: string): DesignToken => ({ name: `--hrk-color-${name}`, kind: 'color', value, dark, description });
const space = (name: string, value: string, description: string): DesignToken => ({ name: `--hrk-space-${name}`, kind: 'length', value, description });

export const designTokens: readonly DesignToken[] = [
    // In the dark scheme the accent turns light (links on a dark page) and text on it dark.
    color('text', '#1b1f24', '#e6e8eb', 'tekst'),
    color('text-muted', '#4b5563', '#aab3be', 'bijzaken: aantallen, toelichting, bijschriften'),
    color('background', '#ffffff', '#14181d', 'achtergrond van de pagina en de kaarten'),
    color('panel', '#f6f7f9', '#1e242b', 'achtergrond van de doorloop en de tabelkoppen'),
    color('border', '#d0d7de', '#46505b', 'lijnen en randen'),
    color('accent', '#1f4e79', '#8ab8ea', 'links, knoppen en de kop van de pagina'),
    color('accent-hover', '#163a5c', '#b3d1f3', 'een antwoordknop onder de muis'),
    color('accent-soft', '#e8eef7', '#1c2d40', 'achtergrond van uitleg en de kop van de typologietabel'),
    color('on-accent', '#ffffff', '#0d1117', 'tekst op de accentkleur: de kop van de pagina, antwoordknoppen'),
    color('question', '#8a5a00', '#f2b55c', 'het woord "Vraag" in de doorloop'),
    color('advice', '#22643f', '#74d49a', 'het woord "Advies" en de rand van een advies'),
    color('path', '#c2410c', '#fb9b5e', 'de gevolgde route: gegeven antwoorden, en de markering in het schema'),
    color('focus', '#b45309', '#fbbf24', 'de focusrand (toetsenbord)'),
    color('error', '#7f1d1d', '#fca5a5', 'meldingen: een schema dat niet getekend kan worden, een doorloop die vastloopt'),
    { name: '--hrk-font-family', kind: 'font-family', value: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif', description: 'lettertype van de tekst' },
    { name: '--hrk-font-family-heading', kind: 'font-family', value: 'var(--hrk-font-family)', description: 'lettertype van de koppen' },
    { name: '--hrk-font-size', kind: 'length', value: '1.0625rem', description: 'lettergrootte van de tekst' },
    { name: '--hrk-line-height', kind: 'line-height', value: '1.55', description: 'regelhoogte' },
    space('xs', '0.25rem', 'kleinste ruimte'),
    space('s', '0.5rem', 'kleine ruimte: tussen knoppen'),
    space('m', '1rem', 'ruimte in kaarten en de doorloop'),
    space('l', '1.5rem', 'marge van de pagina'),
    space('xl', '2rem', 'ruimte tussen kolommen en beslisbomen'),
    { name: '--hrk-border-radius', kind: 'length', value: '6px', description: 'afronding van kaarten, de doorloop en schema\'s' },
    { name: '--hrk-max-width', kind: 'length', value: '110rem', description: 'grootste breedte van de inhoud' }
];

/**
 * Every pair of text and background colour the page puts together, so a house style can be
 * checked against WCAG 2.1 AA (1.4.3: at least 4.5:1 for text). `where` names the place in Dutch.
 */
export const contrastPairs: ReadonlyArray<{ text: string; background: string; where: string }> = [
    { text: '--hrk-color-text', background: '--hrk-color-background', where: 'tekst' },
    { text: '--hrk-color-text-muted', background: '--hrk-color-background', where: 'bijzaken' },
    { text: '--hrk-color-accent', background: '--hrk-color-background', where: 'links en knoppen' },
    { text: '--hrk-color-error', background: '--hrk-color-background', where: 'meldingen' },
    { text: '--hrk-color-text', background: '--hrk-color-panel', where: 'tekst in de doorloop' },
    { text: '--hrk-color-text-muted', background: '--hrk-color-panel', where: 'bijzaken in de doorloop' },
    { text: '--hrk-color-accent', background: '--hrk-color-panel', where: 'links in de doorloop' },
    { text: '--hrk-color-question', background: '--hrk-color-panel', where: '"Vraag" in de doorloop' },
    { text: '--hrk-color-advice', background: '--hrk-color-panel', where: '"Advies" in de doorloop' },
    { text: '--hrk-color-path', background: '--hrk-color-panel', where: 'gegeven antwoorden in de route' },
    { text: '--hrk-color-error', background: '--hrk-color-panel', where: 'meldingen in de doorloop' },
    { text: '--hrk-color-on-accent', background: '--hrk-color-accent', where: 'de kop van de pagina en de antwoordknoppen' },
    { text: '--hrk-color-on-accent', background: '--hrk-color-accent-hover', where: 'een antwoordknop onder de muis' },
    { text: '--hrk-color-text', background: '--hrk-color-accent-soft', where: 'uitleg en de kop van de typologietabel' },
    { text: '--hrk-color-accent', background: '--hrk-color-accent-soft', where: 'links in uitleg' },
    { text: '--hrk-color-question', background: '--hrk-color-background', where: '"Vraag" in de tekstversie van een schema' },
    { text: '--hrk-color-advice', background: '--hrk-color-background', where: '"Advies" in de tekstversie en ✓ in de financieringstabel' }
];

/**
 * Colours a house style does not change: the provenance labels and marks mean the same in every
 * guide (docs/publiceren.md), and so does the highlight of a note a link leads to. They have a
 * light and a dark value like the tokens, but are the stylesheet's own (no `--hrk-` name, so
 * `--thema` cannot set them).
 */
export interface FixedColour {
    name: string;
    value: string;
    dark: string;
}

export const fixedColours: readonly FixedColour[] = [
    { name: '--reconstructed', value: '#7a2e0b', dark: '#fdba8c' },
    { name: '--reconstructed-soft', value: '#fff4ec', dark: '#3a2013' },
    { name: '--illustrative', value: '#4c1d95', dark: '#c9b8fd' },
    { name: '--illustrative-soft', value: '#f6f1ff', dark: '#2b2145' },
    { name: '--source', value: '#1f4e79', dark: '#8ab8ea' },
    { name: '--source-soft', value: '#e8eef7', dark: '#1c2d40' },
    { name: '--note-target', value: '#fff4d6', dark: '#3b3217' }
];

/**
 * The pairs with a fixed colour: checked for both colour schemes by the tests (with the default
 * tokens; a house style only changes the light scheme, see darkSchemeCss).
 */
export const fixedContrastPairs: ReadonlyArray<{ text: string; background: string; where: string }> = [
    { text: '--reconstructed', background: '--reconstructed-soft', where: 'label ‘Gereconstrueerd’' },
    { text: '--illustrative', background: '--illustrative-soft', where: 'label ‘Illustratief’' },
    { text: '--source', background: '--source-soft', where: 'label ‘Bron’' },
    ...(['--hrk-color-background', '--hrk-color-panel', '--hrk-color-accent-soft'] as const).flatMap(background => [
        { text: '--reconstructed', background, where: 'markering ‘gereconstrueerd’' },
        { text: '--illustrative', background, where: 'markering ‘illustratief’' }
    ]),
    { text: '--hrk-color-text', background: '--note-target', where: 'een noot waar een link heen leidt' },
    { text: '--hrk-color-accent', background: '--note-target', where: 'een link in die noot' }
];

/** WCAG 2.1 AA for normal text. */
export const MIN_CONTRAST = 4.5;

/** `:root { --name: value; … }` for the given tokens' values (or another selector's, indented). */
export function tokensCss(values: ReadonlyMap<string, string>, selector = ':root', indent = ''): string {
    return `${indent}${selector} {\n${[...values].map(([name, value]) => `${indent}  ${name}: ${value};`).join('\n')}\n${indent}}\n`;
}

const lightValues = new Map([...designTokens, ...fixedColours].map(t => [t.name, t.value]));
const lightColours = new Map([...designTokens.filter(t => t.kind === 'color'), ...fixedColours].map(t => [t.name, t.value]));
const darkColours = new Map([...designTokens, ...fixedColours].flatMap(t => (t.dark !== undefined ? [[t.name, t.dark] as const] : [])));

/** The value of a token or fixed colour in a colour scheme, with the defaults. */
export function colourValue(name: string, scheme: 'light' | 'dark'): string | undefined {
    return (scheme === 'dark' ? darkColours.get(name) : undefined) ?? lightValues.get(name);
}

/** The defaults (light), as the guide's stylesheet starts. */
export const defaultTokensCss = tokensCss(lightValues);

/**
 * The dark colour scheme: the dark values when the reader's system asks for it. The diagrams are
 * drawn for a white background and keep it, so their box is an island of the light values (the
 * path's highlight, a message in the box). On paper the page is light whatever the screen's scheme
 * (`screen`). Only for a page whose colours are the defaults: a house style that sets a colour has
 * no dark values, so its page stays light (themeSetsColours).
 */
export const darkSchemeCss = `:root { color-scheme: light dark; }
@media screen and (prefers-color-scheme: dark) {
${tokensCss(darkColours, ':root', '  ')}${tokensCss(lightColours, '.diagram-canvas', '  ')}}
`;

/** Whether a house style's values set a colour (and so make the page light only). */
export function themeSetsColours(values: ReadonlyMap<string, string>): boolean {
    return designTokens.some(t => t.kind === 'color' && values.has(t.name));
}
