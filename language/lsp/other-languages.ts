import { DocumentState } from 'langium';
import { createRequestHandler, type LangiumSharedServices } from 'langium/lsp';
import type {
    Connection, SemanticTokens, SemanticTokensDelta, SemanticTokensDeltaParams, SemanticTokensParams, SemanticTokensRangeParams
} from 'vscode-languageserver';

/**
 * Langium answers most requests about a document that no language of this server handles (a
 * `plaintext` file a client sent along) with `null`, but code lenses, inlay hints and semantic
 * tokens with an error, which an editor may show as a failure. They are registered again here
 * with the handler that answers `null`, with the same providers and the document states Langium
 * waits for; for our own documents nothing changes. Call after `startLanguageServer`.
 */
export function answerNullForOtherLanguages(connection: Connection, shared: LangiumSharedServices): void {
    connection.onCodeLens(createRequestHandler((services, document, params, cancelToken) =>
        services.lsp?.CodeLensProvider?.provideCodeLens(document, params, cancelToken), shared, DocumentState.IndexedReferences));
    connection.languages.inlayHint.on(createRequestHandler((services, document, params, cancelToken) =>
        services.lsp?.InlayHintProvider?.getInlayHints(document, params, cancelToken), shared, DocumentState.IndexedReferences));
    connection.languages.semanticTokens.on(createRequestHandler<SemanticTokensParams, SemanticTokens, void>((services, document, params, cancelToken) =>
        services.lsp?.SemanticTokenProvider?.semanticHighlight(document, params, cancelToken), shared, DocumentState.Linked));
    connection.languages.semanticTokens.onDelta(createRequestHandler<SemanticTokensDeltaParams, SemanticTokens | SemanticTokensDelta, void>((services, document, params, cancelToken) =>
        services.lsp?.SemanticTokenProvider?.semanticHighlightDelta(document, params, cancelToken), shared, DocumentState.Linked));
    connection.languages.semanticTokens.onRange(createRequestHandler<SemanticTokensRangeParams, SemanticTokens, void>((services, document, params, cancelToken) =>
        services.lsp?.SemanticTokenProvider?.semanticHighlightRange(document, params, cancelToken), shared, DocumentState.Linked));
}
