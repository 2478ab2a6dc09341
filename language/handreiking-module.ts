import { inject, type DeepPartial, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule, type DefaultSharedModuleContext,
    type LangiumServices, type LangiumSharedServices, type PartialLangiumServices
} from 'langium/lsp';
import { HandreikingGeneratedModule, HandreikingGeneratedSharedModule } from './generated/module.js';
import { HandreikingCoreModule, HandreikingSharedCoreModule, type HandreikingCoreAddedServices } from './handreiking-core-module.js';
import { registerValidationChecks } from './validation/handreiking-validator.js';
import { HandreikingDocumentUpdateHandler } from './lsp/handreiking-document-update-handler.js';
import { EditorDocumentFactory } from './lsp/editor-document-factory.js';
import { HandreikingCodeActionProvider } from './lsp/code-actions/handreiking-code-action-provider.js';
import { HandreikingCodeLensProvider } from './lsp/code-lens/handreiking-code-lens-provider.js';
import { HandreikingCompletionProvider } from './lsp/completion/handreiking-completion-provider.js';
import { HandreikingDefinitionProvider } from './lsp/definition/handreiking-definition-provider.js';
import { HandreikingDocumentationProvider } from './lsp/documentation/handreiking-documentation-provider.js';
import { HandreikingFoldingRangeProvider } from './lsp/folding/handreiking-folding-range-provider.js';
import { HandreikingFormatter } from './lsp/formatting/handreiking-formatter.js';
import { HandreikingHoverProvider } from './lsp/hover/handreiking-hover-provider.js';
import { HandreikingDocumentHighlightProvider } from './lsp/highlight/handreiking-document-highlight-provider.js';
import { HandreikingInlayHintProvider } from './lsp/inlay-hints/handreiking-inlay-hint-provider.js';
import { HandreikingNodeKindProvider } from './lsp/node-kinds/element-kinds.js';
import { HandreikingRenameProvider } from './lsp/rename/handreiking-rename-provider.js';
import { HandreikingSemanticTokenProvider } from './lsp/semantic-tokens/handreiking-semantic-token-provider.js';
import { HandreikingDocumentSymbolProvider } from './lsp/symbols/handreiking-document-symbol-provider.js';
import { PreviewDataProvider } from './lsp/preview-data.js';
import { DeferredCompletionParser } from './parser/deferred-completion-parser.js';

/** Services of our own, beside Langium's: the language's (handreiking-core-module.ts) and the editor's. */
export type HandreikingAddedServices = HandreikingCoreAddedServices & {
    handreiking: {
        PreviewData: PreviewDataProvider;
    };
};

export type HandreikingServices = LangiumServices & HandreikingAddedServices;

/** The language's core module, and what an editor needs besides. */
export const HandreikingModule: Module<HandreikingServices, PartialLangiumServices & HandreikingAddedServices> = {
    ...HandreikingCoreModule,
    handreiking: {
        ...HandreikingCoreModule.handreiking,
        PreviewData: services => new PreviewDataProvider(services)
    },
    parser: {
        ...HandreikingCoreModule.parser,
        // Built at the first completion, not at every start of the server.
        CompletionParser: services => new DeferredCompletionParser(services)
    },
    documentation: {
        DocumentationProvider: services => new HandreikingDocumentationProvider(services)
    },
    // The editor features (docs/extension.md §14), each in its own folder under lsp/. References,
    // highlights and workspace symbols are Langium's, with our symbol kinds (shared NodeKindProvider).
    lsp: {
        CompletionProvider: services => new HandreikingCompletionProvider(services),
        HoverProvider: services => new HandreikingHoverProvider(services),
        DocumentHighlightProvider: services => new HandreikingDocumentHighlightProvider(services),
        Formatter: () => new HandreikingFormatter(),
        CodeActionProvider: services => new HandreikingCodeActionProvider(services),
        RenameProvider: services => new HandreikingRenameProvider(services),
        DefinitionProvider: services => new HandreikingDefinitionProvider(services),
        DocumentSymbolProvider: services => new HandreikingDocumentSymbolProvider(services),
        FoldingRangeProvider: services => new HandreikingFoldingRangeProvider(services),
        SemanticTokenProvider: services => new HandreikingSemanticTokenProvider(services),
        CodeLensProvider: services => new HandreikingCodeLensProvider(services),
        InlayHintProvider: services => new HandreikingInlayHintProvider(services)
    }
};

/** Shared services of our own: every check when a folder is opened, re-checking on save and after changes elsewhere in the workspace. */
export const HandreikingSharedModule: Module<LangiumSharedServices, DeepPartial<LangiumSharedServices>> = {
    ...HandreikingSharedCoreModule,
    workspace: {
        ...HandreikingSharedCoreModule.workspace,
        LangiumDocumentFactory: services => new EditorDocumentFactory(services)
    },
    lsp: {
        DocumentUpdateHandler: services => new HandreikingDocumentUpdateHandler(services),
        NodeKindProvider: () => new HandreikingNodeKindProvider()
    }
};

/**
 * The factory of the language server (and of the tests and tools that need the editor's services):
 * Langium's default modules, the generated ones, and ours. The command line uses the core one
 * (handreiking-core-module.ts).
 */
export function createHandreikingServices(context: DefaultSharedModuleContext, overrides?: {
    shared?: Module<LangiumSharedServices, DeepPartial<LangiumSharedServices>>;
    language?: Module<HandreikingServices, DeepPartial<HandreikingServices>>;
}): { shared: LangiumSharedServices; Handreiking: HandreikingServices } {
    const shared = inject(
        createDefaultSharedModule(context),
        HandreikingGeneratedSharedModule,
        HandreikingSharedModule,
        overrides?.shared ?? {}
    );
    const Handreiking = inject(
        createDefaultModule({ shared }),
        HandreikingGeneratedModule,
        HandreikingModule,
        overrides?.language ?? {}
    );
    shared.ServiceRegistry.register(Handreiking);
    registerValidationChecks(Handreiking);
    if (!context.connection) {
        // No language server: nothing else would start the workspace manager's initialisation.
        // Without a connection there is no configuration to fetch, so nothing waits for it.
        void shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, Handreiking };
}
