import type { MermaidConfig } from 'mermaid';
import { diagramLimits } from './diagram-limits.js';

/**
 * The one Mermaid configuration used by every host (preview, HTML export, CLI rendering, tests), so
 * a diagram looks and behaves the same everywhere. Mermaid 12 changed several defaults; each choice
 * below is deliberate.
 */
export const mermaidConfig: MermaidConfig = {
    startOnLoad: false,
    // Labels are escaped by construction, but 'strict' is the second lock: it keeps Mermaid's own
    // `click` callbacks and raw HTML out. Click-to-source uses our own listener on `g.node`.
    securityLevel: 'strict',
    // Mermaid 12 defaults to ELK and the 'neo' look; ELK is 3–7× slower on trees.
    layout: 'dagre',
    look: 'classic',
    theme: 'base',
    themeVariables: {
        background: '#ffffff',
        fontFamily: '"Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
        fontSize: '14px',
        primaryColor: '#eef3fb',
        primaryBorderColor: '#4a6fa5',
        primaryTextColor: '#1b1f24',
        secondaryColor: '#f4f6f8',
        tertiaryColor: '#fbfbfc',
        lineColor: '#5b6573',
        clusterBkg: '#f7f8fa',
        clusterBorder: '#b8c0cc',
        edgeLabelBackground: '#ffffff',
        titleColor: '#1b1f24'
    },
    htmlLabels: true,
    flowchart: {
        htmlLabels: true,
        useMaxWidth: false,
        curve: 'basis',
        nodeSpacing: 40,
        rankSpacing: 50,
        // Labels arrive already wrapped at ~32 characters (escape.ts); a narrower width here would
        // make Mermaid break those lines a second time, raggedly.
        wrappingWidth: 360
    },
    // Mermaid's own limits are the shared ones (diagram-limits.ts), which every renderer checks
    // before drawing: past maxTextSize Mermaid would silently draw "Maximum text size in diagram
    // exceeded" instead of the tree, past maxEdges it throws. They stay set as a second lock.
    maxTextSize: diagramLimits.textSize,
    maxEdges: diagramLimits.edges
};

/**
 * The same configuration with plain SVG `<text>` labels instead of HTML in `<foreignObject>`: Office
 * and Inkscape show HTML labels as empty boxes, so the "SVG with plain text labels" export uses this.
 */
export function plainTextConfig(): MermaidConfig {
    return {
        ...mermaidConfig,
        themeVariables: { ...mermaidConfig.themeVariables },
        htmlLabels: false,
        flowchart: { ...mermaidConfig.flowchart, htmlLabels: false }
    };
}
