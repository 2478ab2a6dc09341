import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test, vi } from 'vitest';

// The settings the mocked editor has: `section.key` → value. Like VS Code, a setting the user has
// not set gives the fallback the extension passes.
const settings = new Map<string, unknown>();
vi.mock('vscode', () => ({
    workspace: {
        getConfiguration: (section: string) => ({ get: <T>(key: string, fallback: T): T => (settings.has(`${section}.${key}`) ? settings.get(`${section}.${key}`) : fallback) as T })
    }
}));
const { previewSettings } = await import('../../extension/src/settings.js');

interface Manifest { contributes: { configuration: { properties: Record<string, { default: unknown }> } } }
const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../package.json'), 'utf-8')) as Manifest;
const declared = (key: string) => manifest.contributes.configuration.properties[`handreiking.preview.${key}`].default;

/** The preview's settings have one set of defaults: package.json's, which the webview receives with the values. */
describe('the preview settings', () => {
    test('unset, they are the defaults package.json declares (renderDelay 0: draw at once; not a default of its own)', () => {
        settings.clear();
        expect(previewSettings()).toEqual({
            theme: declared('theme'), direction: declared('direction'),
            renderDelay: declared('renderDelay'), largeDiagramThreshold: declared('largeDiagramThreshold')
        });
        expect(previewSettings().renderDelay).toBe(0);
    });

    test('set, they are the user\'s', () => {
        settings.set('handreiking.preview.renderDelay', 400);
        settings.set('handreiking.preview.theme', 'dark');
        expect(previewSettings()).toMatchObject({ renderDelay: 400, theme: 'dark' });
        settings.clear();
    });
});
