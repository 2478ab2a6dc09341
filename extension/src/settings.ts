import * as vscode from 'vscode';

export interface PreviewSettings {
    theme: 'auto' | 'light' | 'dark' | 'high-contrast';
    direction: 'TD' | 'LR';
    renderDelay: number;
    largeDiagramThreshold: number;
}

/** The `handreiking.preview.*` settings, with the defaults declared in package.json. */
export function previewSettings(): PreviewSettings {
    const c = vscode.workspace.getConfiguration('handreiking.preview');
    return {
        theme: c.get<PreviewSettings['theme']>('theme', 'auto'),
        direction: c.get<PreviewSettings['direction']>('direction', 'TD'),
        renderDelay: c.get<number>('renderDelay', 150),
        largeDiagramThreshold: c.get<number>('largeDiagramThreshold', 150)
    };
}
