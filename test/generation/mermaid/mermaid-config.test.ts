import { describe, expect, test } from 'vitest';
import { mermaidConfig, plainTextConfig } from '../../../language/generation/mermaid/mermaid-config.js';
import { mermaidParse, mermaidParseConfig } from '../../support/mermaid-parse.js';

describe('mermaidConfig', () => {
    test('sets what Mermaid 12 would otherwise default differently', () => {
        expect(mermaidConfig).toMatchObject({
            startOnLoad: false, securityLevel: 'strict', layout: 'dagre', look: 'classic', theme: 'base', htmlLabels: true,
            flowchart: { htmlLabels: true, useMaxWidth: false }
        });
    });

    test('raises the limits above the defaults (50 000 characters, 500 edges) to the shared ones (diagram-limits.ts)', () => {
        expect(mermaidConfig.maxTextSize).toBeGreaterThan(50_000);
        expect(mermaidConfig.maxEdges).toBeGreaterThan(500);
    });

    test('is accepted by mermaid.initialize (the parse harness initialises with it)', async () => {
        await mermaidParse('flowchart TD\n    n0["x"];\n');
    });

    test('the harness reports a directive, so the hostile-label checks on it can fail', async () => {
        expect(await mermaidParseConfig('%%{init: {"theme": "dark"}}%%\nflowchart TD\n    n0["x"];\n')).toMatchObject({ theme: 'dark' });
    });
});

describe('plainTextConfig', () => {
    test('turns HTML labels off, globally and for flowcharts, and keeps the rest', () => {
        const plain = plainTextConfig();
        expect(plain.htmlLabels).toBe(false);
        expect(plain.flowchart?.htmlLabels).toBe(false);
        expect({ ...plain, htmlLabels: true, flowchart: { ...plain.flowchart, htmlLabels: true } }).toEqual(mermaidConfig);
    });

    test('returns a fresh object and leaves the shared configuration alone', () => {
        const plain = plainTextConfig();
        plain.flowchart!.useMaxWidth = true;
        (plain.themeVariables as Record<string, string>).background = '#000000';
        expect(mermaidConfig.flowchart?.useMaxWidth).toBe(false);
        expect((mermaidConfig.themeVariables as Record<string, string>).background).toBe('#ffffff');
        expect(plainTextConfig()).not.toBe(plainTextConfig());
    });
});
