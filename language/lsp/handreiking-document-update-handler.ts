import type { TextDocumentChangeEvent } from 'vscode-languageserver';
import { DefaultDocumentUpdateHandler, type LangiumSharedServices } from 'langium/lsp';
import { URI, type TextDocument } from 'langium';

/**
 * On save, every document is validated again with all categories: the slow, workspace-wide checks
 * (funding coverage per typology) run then, and fast checks that depend on other files catch up.
 *
 * Documents of another language (a `plaintext` file that a client opened and sent along) are
 * left out of every build: Langium would add them to the workspace without services to build them
 * with, and from then on every build failed and every request for them waited for ever.
 */
export class HandreikingDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    private readonly shared: LangiumSharedServices;

    constructor(services: LangiumSharedServices) {
        super(services);
        this.shared = services;
    }

    override didChangeContent(change: TextDocumentChangeEvent<TextDocument>): void {
        if (this.isOurs(URI.parse(change.document.uri))) super.didChangeContent(change);
    }

    didSaveDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        if (!this.isOurs(URI.parse(event.document.uri))) return;
        this.workspaceManager.ready.then(() => this.workspaceLock.write(token => {
            const documents = this.shared.workspace.LangiumDocuments.all.toArray();
            return this.documentBuilder.build(documents, { validation: true }, token);
        })).catch(buildFailed);
    }

    /**
     * As Langium's, but a build that fails is logged: Langium leaves its promise unhandled, and an
     * unhandled rejection ends the Node process, so one exception while building took the whole
     * language server down. A changed file that is open as a document of another language is
     * dropped (Langium would take it because it is open); a changed folder stays in.
     */
    protected override fireDocumentUpdate(changed: URI[], deleted: URI[]): void {
        const ours = changed.filter(uri => this.isOurs(uri) || this.shared.workspace.TextDocuments.get(uri) === undefined);
        this.workspaceManager.ready
            .then(() => this.workspaceLock.write(token => this.documentBuilder.update(ours, deleted, token)))
            .catch(buildFailed);
    }

    /** A document our language handles: by its language id, or else by its file extension. */
    private isOurs(uri: URI): boolean {
        return this.serviceRegistry.hasServices(uri);
    }
}

function buildFailed(err: unknown): void {
    console.error('[handreiking] building the workspace failed:', err);
}
