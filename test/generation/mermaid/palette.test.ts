import { beforeAll, describe, expect, test } from 'vitest';
import type { HandreikingJson, TreeJson } from '../../../language/generation/json/handreiking-json.js';
import { fundingOverviewMermaid } from '../../../language/generation/mermaid/funding-mermaid.js';
import { lightPalette, type DiagramPalette } from '../../../language/generation/mermaid/palette.js';
import { treeToMermaid } from '../../../language/generation/mermaid/tree-mermaid.js';
import { mermaidParse } from '../../support/mermaid-parse.js';
import { exampleJson } from '../../helpers.js';

/**
 * The palette is an option of the generators: the preview draws in VS Code's colours with the same
 * generator the exports use, instead of rewriting the generated text.
 */

const dark: DiagramPalette = {
    question: { fill: '#3d3a1f', stroke: '#cca700', text: '#cccccc' },
    advice: { fill: '#2f3d2e', stroke: '#89d185', text: '#cccccc' },
    step: { fill: '#213449', stroke: '#3794ff', text: '#cccccc' },
    link: { fill: '#36293f', stroke: '#b180d7', text: '#cccccc' },
    start: { fill: '#cccccc', stroke: '#cccccc', text: '#1f1f1f' },
    allTypologies: { fill: '#1f1f1f', stroke: '#89d185', text: '#cccccc' },
    borderWidth: 2
};

const classDefs = (text: string) => text.split('\n').filter(l => l.trim().startsWith('classDef '));
const withoutClassDefs = (text: string) => text.split('\n').filter(l => !l.trim().startsWith('classDef ')).join('\n');

let json: HandreikingJson;
let tree: TreeJson;
beforeAll(async () => {
    json = await exampleJson();
    tree = json.trees.find(t => t.nodes.some(n => n.links.length > 0))!;
});

describe('the light palette of every export', () => {
    test('is the default, with the colours the exports have always had', () => {
        expect(treeToMermaid(tree).text).toBe(treeToMermaid(tree, { palette: lightPalette }).text);
        expect(classDefs(treeToMermaid(tree).text)).toEqual([
            '    classDef question fill:#fff4d6,stroke:#b7791f,stroke-width:1.5px,color:#1b1f24',
            '    classDef advice fill:#e3f4e8,stroke:#2f855a,stroke-width:1.5px,color:#1b1f24',
            '    classDef step fill:#e8eef9,stroke:#4a6fa5,stroke-width:1.5px,color:#1b1f24',
            '    classDef link fill:#f3ecfb,stroke:#6b46c1,stroke-width:1px,color:#44337a',
            '    classDef start fill:#1b1f24,stroke:#1b1f24,color:#ffffff',
            '    classDef unreachable stroke-dasharray:6 4,opacity:0.75',
            '    classDef reconstructed stroke-dasharray:9 4',
            '    classDef illustrative stroke-dasharray:2 3'
        ]);
        expect(classDefs(fundingOverviewMermaid(json).text)).toEqual([
            '    classDef funding fill:#e8eef9,stroke:#4a6fa5,stroke-width:1.5px,color:#1b1f24',
            '    classDef typology fill:#e3f4e8,stroke:#2f855a,stroke-width:1.5px,color:#1b1f24',
            '    classDef allTypologies fill:#ffffff,stroke:#2f855a,stroke-width:1.5px,stroke-dasharray:3 3,color:#1b1f24',
            '    classDef unused stroke-dasharray:6 4,opacity:0.75',
            '    classDef reconstructed stroke-dasharray:9 4',
            '    classDef illustrative stroke-dasharray:2 3'
        ]);
    });
});

describe('another palette', () => {
    test('colours the classes of a tree and changes nothing else', async () => {
        const themed = treeToMermaid(tree, { palette: dark, direction: 'LR' });
        expect(classDefs(themed.text)).toEqual([
            '    classDef question fill:#3d3a1f,stroke:#cca700,stroke-width:2px,color:#cccccc',
            '    classDef advice fill:#2f3d2e,stroke:#89d185,stroke-width:2px,color:#cccccc',
            '    classDef step fill:#213449,stroke:#3794ff,stroke-width:2px,color:#cccccc',
            '    classDef link fill:#36293f,stroke:#b180d7,stroke-width:1px,color:#cccccc',
            '    classDef start fill:#cccccc,stroke:#cccccc,color:#1f1f1f',
            '    classDef unreachable stroke-dasharray:6 4,opacity:0.75',
            '    classDef reconstructed stroke-dasharray:9 4',
            '    classDef illustrative stroke-dasharray:2 3'
        ]);
        const plain = treeToMermaid(tree, { direction: 'LR' });
        expect(withoutClassDefs(themed.text)).toBe(withoutClassDefs(plain.text));
        expect(themed.ids).toEqual(plain.ids);
        await expect(mermaidParse(themed.text)).resolves.toBeUndefined();
    });

    test('colours the funding overview: rules as steps, typologies as advices', async () => {
        const themed = fundingOverviewMermaid(json, { palette: dark });
        expect(classDefs(themed.text)).toEqual([
            '    classDef funding fill:#213449,stroke:#3794ff,stroke-width:2px,color:#cccccc',
            '    classDef typology fill:#2f3d2e,stroke:#89d185,stroke-width:2px,color:#cccccc',
            '    classDef allTypologies fill:#1f1f1f,stroke:#89d185,stroke-width:2px,stroke-dasharray:3 3,color:#cccccc',
            '    classDef unused stroke-dasharray:6 4,opacity:0.75',
            '    classDef reconstructed stroke-dasharray:9 4',
            '    classDef illustrative stroke-dasharray:2 3'
        ]);
        expect(withoutClassDefs(themed.text)).toBe(withoutClassDefs(fundingOverviewMermaid(json).text));
        await expect(mermaidParse(themed.text)).resolves.toBeUndefined();
    });

    test('a colour that is not #rrggbb is refused: nothing but a colour reaches a classDef line', () => {
        for (const colour of ['red', '#fff', '#ff0000;click n0 call alert(1)', 'url(https://example.org/x)', '#12345g']) {
            const bad = { ...dark, step: { ...dark.step, fill: colour } };
            expect(() => treeToMermaid(tree, { palette: bad }), colour).toThrow(/not a #rrggbb colour/);
            expect(() => fundingOverviewMermaid(json, { palette: bad }), colour).toThrow(/not a #rrggbb colour/);
        }
        expect(() => treeToMermaid(tree, { palette: { ...dark, start: { ...dark.start, stroke: '#000000,opacity:0' } } })).toThrow(/not a #rrggbb colour/);
        expect(() => treeToMermaid(tree, { palette: { ...dark, borderWidth: Number.NaN } })).toThrow(/border width/);
    });
});
