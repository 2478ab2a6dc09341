import { DefaultDocumentBuilder, type LangiumDocument } from 'langium';
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
    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        return super.shouldRelink(document, changedUris)
            || (document.diagnostics ?? []).some(d => typeof d.code === 'string' && workspaceDependent.has(d.code));
    }
}
