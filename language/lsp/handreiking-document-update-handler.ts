import type { TextDocumentChangeEvent } from 'vscode-languageserver';
import { DefaultDocumentUpdateHandler, type LangiumSharedServices } from 'langium/lsp';
import type { TextDocument, URI } from 'langium';

/**
 * On save, every document is validated again with all categories: the slow, workspace-wide checks
 * (funding coverage per typology) run then, and fast checks that depend on other files catch up.
 */
export class HandreikingDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    private readonly shared: LangiumSharedServices;

    constructor(services: LangiumSharedServices) {
        super(services);
        this.shared = services;
    }

    didSaveDocument(_event: TextDocumentChangeEvent<TextDocument>): void {
        this.workspaceManager.ready.then(() => this.workspaceLock.write(token => {
            const documents = this.shared.workspace.LangiumDocuments.all.toArray();
            return this.documentBuilder.build(documents, { validation: true }, token);
        })).catch(buildFailed);
    }

    /**
     * As Langium's, but a build that fails is logged: Langium leaves its promise unhandled, and an
     * unhandled rejection ends the Node process, so one exception while building took the whole
     * language server down.
     */
    protected override fireDocumentUpdate(changed: URI[], deleted: URI[]): void {
        this.workspaceManager.ready
            .then(() => this.workspaceLock.write(token => this.documentBuilder.update(changed, deleted, token)))
            .catch(buildFailed);
    }
}

function buildFailed(err: unknown): void {
    console.error('[handreiking] building the workspace failed:', err);
}
