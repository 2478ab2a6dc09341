/**
 * The colours of a drawn diagram, an option of the generators: the exports (CLI, HTML guide, the
 * preview's SVG/PNG) use the fixed light palette below, the preview one made from VS Code's theme
 * (extension/webview/theme.ts). The generator writes them into its `classDef` lines, so a colour
 * must be `#rrggbb` and nothing else: those lines are Mermaid syntax, where nothing may stand that
 * could be read as more (docs/security.md).
 */

/** The colours of one kind of box. */
export interface BoxColours {
    fill: string;
    stroke: string;
    text: string;
}

export interface DiagramPalette {
    question: BoxColours;
    advice: BoxColours;
    step: BoxColours;
    /** `zie` boxes. */
    link: BoxColours;
    /** The start marker. */
    start: BoxColours;
    /** The funding overview's "alle typologieën" box (its rules use `step`, its typologies `advice`). */
    allTypologies: BoxColours;
    /** Border width (px) of the question, advice and step boxes; wider in high contrast. */
    borderWidth: number;
}

/** The colours of every export: light, readable on paper and in a report. */
export const lightPalette: DiagramPalette = {
    question: { fill: '#fff4d6', stroke: '#b7791f', text: '#1b1f24' },
    advice: { fill: '#e3f4e8', stroke: '#2f855a', text: '#1b1f24' },
    step: { fill: '#e8eef9', stroke: '#4a6fa5', text: '#1b1f24' },
    link: { fill: '#f3ecfb', stroke: '#6b46c1', text: '#44337a' },
    start: { fill: '#1b1f24', stroke: '#1b1f24', text: '#ffffff' },
    allTypologies: { fill: '#ffffff', stroke: '#2f855a', text: '#1b1f24' },
    borderWidth: 1.5
};

const hexColour = /^#[0-9a-fA-F]{6}$/;

/** `palette` when every colour is `#rrggbb` and the width a plain number; throws otherwise. */
export function checkedPalette(palette: DiagramPalette): DiagramPalette {
    const boxes = [palette.question, palette.advice, palette.step, palette.link, palette.start, palette.allTypologies];
    const colours = [...boxes.flatMap(b => [b.fill, b.stroke, b.text])];
    const bad = colours.find(c => typeof c !== 'string' || !hexColour.test(c));
    if (bad !== undefined) throw new Error(`diagram palette: ${JSON.stringify(bad)} is not a #rrggbb colour`);
    if (typeof palette.borderWidth !== 'number' || !(palette.borderWidth > 0 && palette.borderWidth <= 10)) {
        throw new Error(`diagram palette: border width ${JSON.stringify(palette.borderWidth)} is not between 0 and 10`);
    }
    return palette;
}

/** A box style: fill, stroke, border width (omitted: Mermaid's own) and text colour. */
export function boxStyle(box: BoxColours, borderWidth?: number, extra = ''): string {
    const width = borderWidth !== undefined ? `,stroke-width:${borderWidth}px` : '';
    return `fill:${box.fill},stroke:${box.stroke}${width}${extra},color:${box.text}`;
}

