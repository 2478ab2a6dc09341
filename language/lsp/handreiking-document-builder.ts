import {
    DefaultDocumentBuilder, DocumentState, isOperationCancelled, type BuildOptions, type Cancellation, type LangiumDocument, type MaybePromise, type URI
} from 'langium';
import { IssueCodes } from '../validation/codes.js';

/** Checks whose result in one document depends on names defined in other documents. */
const workspaceDependent = new Set<string>([IssueCodes.DuplicateName, IssueCodes.MissingCharacteristic]);

/**
 * Langium re-links a document when a document it refers to changes. Two fast checks also look at
 * documents that are not referred to (a duplicate top-level name elsewhere; a characteristic no
 * typology sets yet): a document showing one of those is re-checked after every change, so the
 * message disappears as soon as it is no longer true. New ones in untouched files appear on save,
 * when every document is validated again (see the update handler).
 */
export class HandreikingDocumentBuilder extends DefaultDocumentBuilder {
    /** Whether every document of the workspace has been through all checks, the slow ones included. */
    private workspaceChecked = false;

    /**
     * Until every document has been through all checks once, a build that checks at all runs the
     * slow, workspace-wide checks too. The build after opening a folder asks for them (see
     * HandreikingWorkspaceManager), but the editor's first `didOpen` usually interrupts it, and the
     * update that takes over asks only for the fast checks: without this, problems such as HRK031
     * appeared only after the first save. Afterwards edits run the fast checks, saves all of them.
     */
    protected override async buildDocuments(documents: LangiumDocument[], options: BuildOptions, cancelToken: Cancellation.CancellationToken): Promise<void> {
        const all = !this.workspaceChecked && options.validation ? { ...options, validation: true } : options;
        await super.buildDocuments(documents, all, cancelToken);
        if (all.validation === true && this.langiumDocuments.all.every(document => document.state >= DocumentState.Validated)) {
            this.workspaceChecked = true;
        }
    }

    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        return super.shouldRelink(document, changedUris)
            || (document.diagnostics ?? []).some(d => typeof d.code === 'string' && workspaceDependent.has(d.code));
    }

    /**
     * One document that fails in a build phase after parsing (indexing, scopes, linking, checks)
     * must not stop the build of the others: the whole build would end there, and every request
     * waiting for a document of it would wait for ever. The error is logged and the document goes
     * on with what it has. A failed parse still ends the build, since the document's AST would no
     * longer match its text.
     */
    protected override runCancelable(documents: LangiumDocument[], targetState: DocumentState, cancelToken: Cancellation.CancellationToken,
        callback: (document: LangiumDocument) => MaybePromise<unknown>): Promise<void> {
        if (targetState <= DocumentState.Parsed) return super.runCancelable(documents, targetState, cancelToken, callback);
        return super.runCancelable(documents, targetState, cancelToken, async document => {
            try {
                await callback(document);
            } catch (err) {
                if (isOperationCancelled(err)) throw err;
                console.error(`[handreiking] ${DocumentState[targetState]} of ${document.uri.toString()} failed:`, err);
            }
        });
    }

    /**
     * A request about a document of another language (a `plaintext` file a client sent along) has
     * no build to wait for: it goes on at once, and Langium's handler answers it with `null`
     * because no language serves it. Langium answered it as cancelled by the server ("No document
     * found"), which an editor takes as no answer at all. (Such documents are kept out of the
     * workspace by the update handler.)
     */
    protected override awaitDocumentState(state: DocumentState, uri: URI, cancelToken: Cancellation.CancellationToken): Promise<URI> {
        if (!this.langiumDocuments.hasDocument(uri) && !this.serviceRegistry.hasServices(uri)) return Promise.resolve(uri);
        return super.awaitDocumentState(state, uri, cancelToken);
    }
}
