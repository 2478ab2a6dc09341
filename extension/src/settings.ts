import * as vscode from 'vscode';
import { contributes } from '../../package.json';

export interface PreviewSettings {
    theme: 'auto' | 'light' | 'dark' | 'high-contrast';
    direction: 'TD' | 'LR';
    renderDelay: number;
    largeDiagramThreshold: number;
}

// The defaults are written once, in package.json (where VS Code's Settings editor shows them); the
// webview gets every value from here in its 'settings' message, before any data.
const declared = contributes.configuration.properties;

/** The `handreiking.preview.*` settings, with the defaults declared in package.json. */
export function previewSettings(): PreviewSettings {
    const c = vscode.workspace.getConfiguration('handreiking.preview');
    return {
        theme: c.get<PreviewSettings['theme']>('theme', declared['handreiking.preview.theme'].default as PreviewSettings['theme']),
        direction: c.get<PreviewSettings['direction']>('direction', declared['handreiking.preview.direction'].default as PreviewSettings['direction']),
        renderDelay: c.get<number>('renderDelay', declared['handreiking.preview.renderDelay'].default),
        largeDiagramThreshold: c.get<number>('largeDiagramThreshold', declared['handreiking.preview.largeDiagramThreshold'].default)
    };
}
