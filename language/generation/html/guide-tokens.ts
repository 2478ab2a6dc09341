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
    /** What it colours or sizes, in Dutch (docs/publiceren.md lists them from here). */
    description: string;
}

const color = (name: string, value: string, description: string): DesignToken => ({ name: `--hrk-color-${name}`, kind: 'color', value, description });
const space = (name: string, value: string, description: string): DesignToken => ({ name: `--hrk-space-${name}`, kind: 'length', value, description });

export const designTokens: readonly DesignToken[] = [
    color('text', '#1b1f24', 'tekst'),
    color('text-muted', '#4b5563', 'bijzaken: aantallen, toelichting, bijschriften'),
    color('background', '#ffffff', 'achtergrond van de pagina en de kaarten'),
    color('panel', '#f6f7f9', 'achtergrond van de doorloop en de tabelkoppen'),
    color('border', '#d0d7de', 'lijnen en randen'),
    color('accent', '#1f4e79', 'links, knoppen en de kop van de pagina'),
    color('accent-hover', '#163a5c', 'een antwoordknop onder de muis'),
    color('accent-soft', '#e8eef7', 'achtergrond van uitleg en de kop van de typologietabel'),
    color('on-accent', '#ffffff', 'tekst op de accentkleur: de kop van de pagina, antwoordknoppen'),
    color('question', '#8a5a00', 'het woord "Vraag" in de doorloop'),
    color('advice', '#22643f', 'het woord "Advies" en de rand van een advies'),
    color('path', '#c2410c', 'de gevolgde route: gegeven antwoorden, en de markering in het schema'),
    color('focus', '#b45309', 'de focusrand (toetsenbord)'),
    color('error', '#7f1d1d', 'meldingen: een schema dat niet getekend kan worden, een doorloop die vastloopt'),
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
    { text: '--hrk-color-accent', background: '--hrk-color-accent-soft', where: 'links in uitleg' }
];

/** WCAG 2.1 AA for normal text. */
export const MIN_CONTRAST = 4.5;

/** `:root { --name: value; … }` for the given tokens' values. */
export function tokensCss(values: ReadonlyMap<string, string>): string {
    return `:root {\n${[...values].map(([name, value]) => `  ${name}: ${value};`).join('\n')}\n}\n`;
}

/** The defaults, as the guide's stylesheet starts. */
export const defaultTokensCss = tokensCss(new Map(designTokens.map(t => [t.name, t.value])));
