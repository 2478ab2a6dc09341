import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { PreviewNotification } from '../../../language/lsp/protocol.js';
import type { PreviewView } from '../../webview/messages.js';
import type { OldVersions } from './old-version.js';
import { PreviewPanel } from './preview-panel.js';

export const PREVIEW_VIEW_TYPE = 'handreiking.preview';

/** Keeps one preview per document and routes the server's pushed data to it. */
export class PreviewManager implements vscode.Disposable {
    private readonly panels = new Map<string, PreviewPanel>();
    private readonly disposables: vscode.Disposable[] = [];

    constructor(private readonly context: vscode.ExtensionContext, private readonly client: LanguageClient, private readonly oldVersions?: OldVersions) {
        this.disposables.push(client.onNotification(PreviewNotification.type, data => this.panels.get(data.uri)?.update(data)));
    }

    /** Opens (or reveals) the preview of a document, beside the editor by default. */
    open(uri: vscode.Uri, toSide = true): PreviewPanel {
        const key = uri.toString();
        const existing = this.panels.get(key);
        if (existing) {
            existing.panel.reveal(undefined, true);
            return existing;
        }
        const title = vscode.l10n.t('Preview {0}', uri.path.split('/').pop() ?? '');
        const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, title,
            { viewColumn: toSide ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active, preserveFocus: true },
            { enableScripts: true, retainContextWhenHidden: true, localResourceRoots: [vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'webview')] });
        panel.iconPath = vscode.Uri.joinPath(this.context.extensionUri, 'extension', 'icons', 'handreiking.svg');
        const preview = new PreviewPanel(uri, panel, this.context, this.client, p => this.panels.delete(p.uri.toString()), this.oldVersions);
        this.panels.set(key, preview);
        return preview;
    }

    openView(uri: vscode.Uri, view: PreviewView): void {
        this.open(uri).show(view);
    }

    dispose(): void {
        for (const panel of [...this.panels.values()]) panel.panel.dispose();
        for (const d of this.disposables) d.dispose();
    }
}
