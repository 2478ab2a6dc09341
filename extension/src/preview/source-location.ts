import type { SourceJson } from '../../../language/generation/json/handreiking-json.js';
import type { PreviewData } from '../../../language/lsp/protocol.js';

/** A place in a document: its URI, and a 0-based line and character. */
export interface SourceLocation {
    uri: string;
    line: number;
    character: number;
}

/**
 * Where a source in the preview data is written. The document is the one the server named for
 * that file (`PreviewData.documents`), never a path rebuilt from the file name, which would lose a
 * Windows drive letter; undefined for a file the data does not name.
 */
export function sourceLocation(data: Pick<PreviewData, 'documents'>, source: SourceJson): SourceLocation | undefined {
    if (!Object.hasOwn(data.documents, source.file)) return undefined;
    return { uri: data.documents[source.file], line: Math.max(0, source.line - 1), character: Math.max(0, source.column - 1) };
}
