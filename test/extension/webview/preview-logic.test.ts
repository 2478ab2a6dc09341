import { describe, expect, test } from 'vitest';
import { focusTree } from '../../../extension/webview/focus.js';
import { diagramPalette, mix, type Palette } from '../../../extension/webview/theme.js';
import { chainTree } from './preview-data.js';
import { treeToMermaid } from '../../../language/generation/mermaid/tree-mermaid.js';
import { smallTree } from '../../walkthrough/small-tree.js';

const tree = smallTree();

describe('the focus view of a large tree', () => {
    test('keeps the nodes within three steps of the centre, and their edges', () => {
        const big = chainTree('G', 30);
        const f = focusTree(big, 'V10');
        expect([...f.kept].sort()).toEqual(['A10', 'A11', 'A12', 'A8', 'A9', 'V10', 'V11', 'V12', 'V13', 'V7', 'V8', 'V9'].sort());
        expect(f.left).toBe(60 - 12);
        expect(f.tree.start).toBeUndefined();
        expect(f.tree.edges.every(e => f.kept.has(e.from) && f.kept.has(e.to))).toBe(true);
        expect(treeToMermaid(f.tree).text).not.toContain('Vraag 20?');
    });

    test('centres on the start when the centre is unknown', () => {
        const f = focusTree(chainTree('G', 30), 'Onbekend');
        expect(f.centre).toBe('V0');
        expect(f.tree.start).toBe('V0');
    });
});

describe('the diagram palette from the page\'s colours', () => {
    const palette: Palette = {
        kind: 'dark', background: '#000000', foreground: '#ffffff', line: '#888888', focus: '#0000ff', fontFamily: 'x',
        question: '#ffff00', advice: '#00ff00', step: '#0000ff', link: '#ff00ff', highlight: '#ff8800'
    };

    test('colours the classes through the generator: accents as strokes, mixed into the background as fills', () => {
        const text = treeToMermaid(tree).text;
        const themed = treeToMermaid(tree, { palette: diagramPalette(palette) }).text;
        expect(themed).toContain(`classDef question fill:${mix('#000000', '#ffff00', 0.24)},stroke:#ffff00,stroke-width:1.5px,color:#ffffff`);
        expect(themed).toContain('classDef start fill:#ffffff,stroke:#ffffff,color:#000000');
        expect(themed).toContain('classDef unreachable stroke-dasharray:6 4,opacity:0.75');
        expect(themed).not.toContain('#fff4d6');
        const withoutDefs = (t: string) => t.split('\n').filter(l => !l.trim().startsWith('classDef')).join('\n');
        expect(withoutDefs(themed)).toBe(withoutDefs(text));
    });

    test('high contrast: no fill, wider borders', () => {
        const contrast = diagramPalette({ ...palette, kind: 'high-contrast' });
        expect(contrast.question).toEqual({ fill: '#000000', stroke: '#ffff00', text: '#ffffff' });
        expect(contrast.borderWidth).toBe(2);
    });
});
