import { inject, type DeepPartial, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule, type DefaultSharedModuleContext,
    type LangiumServices, type LangiumSharedServices, type PartialLangiumServices
} from 'langium/lsp';
import { HandreikingGeneratedModule, HandreikingGeneratedSharedModule } from './generated/module.js';
import { Clock, LocaleSetting } from './i18n/locale.js';
import { HandreikingLexerErrorMessageProvider, HandreikingParserErrorMessageProvider } from './parser/error-messages.js';
import { HandreikingLexer } from './parser/handreiking-lexer.js';
import { createHandreikingParser } from './parser/handreiking-parser.js';
import { HandreikingTokenBuilder } from './parser/handreiking-token-builder.js';
import { HandreikingScopeComputation } from './scoping/handreiking-scope-computation.js';
import { HandreikingScopeProvider } from './scoping/handreiking-scope-provider.js';
import { HandreikingReferences } from './scoping/handreiking-references.js';
import { HandreikingDocumentValidator } from './validation/handreiking-document-validator.js';
import { registerValidationChecks } from './validation/handreiking-validator.js';
import { WorkspaceModel } from './workspace/workspace-model.js';
import { HerkomstSetting } from './provenance/herkomst-setting.js';
import { HandreikingDocumentBuilder } from './lsp/handreiking-document-builder.js';
import { HandreikingDocumentUpdateHandler } from './lsp/handreiking-document-update-handler.js';
import { HandreikingWorkspaceManager } from './lsp/handreiking-workspace-manager.js';
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

/** Services of our own, beside Langium's. */
export type HandreikingAddedServices = {
    i18n: {
        Locale: LocaleSetting;
        Clock: Clock;
    };
    handreiking: {
        WorkspaceModel: WorkspaceModel;
        HerkomstSetting: HerkomstSetting;
        PreviewData: PreviewDataProvider;
    };
};

export type HandreikingServices = LangiumServices & HandreikingAddedServices;

export const HandreikingModule: Module<HandreikingServices, PartialLangiumServices & HandreikingAddedServices> = {
    i18n: {
        Locale: () => new LocaleSetting(),
        Clock: () => new Clock()
    },
    handreiking: {
        WorkspaceModel: services => new WorkspaceModel(services.shared),
        HerkomstSetting: () => new HerkomstSetting(),
        PreviewData: services => new PreviewDataProvider(services)
    },
    parser: {
        ParserErrorMessageProvider: services => new HandreikingParserErrorMessageProvider(services.i18n.Locale),
        LexerErrorMessageProvider: services => new HandreikingLexerErrorMessageProvider(services.i18n.Locale),
        Lexer: services => new HandreikingLexer(services),
        // Strings and comments in linear time on any text (see parser/linear-terminals.ts).
        TokenBuilder: () => new HandreikingTokenBuilder(),
        // Langium's parser, reading no further after MAX_PARSER_ERRORS errors (parser/handreiking-parser.ts).
        LangiumParser: services => createHandreikingParser(services)
    },
    references: {
        ScopeComputation: services => new HandreikingScopeComputation(services),
        ScopeProvider: services => new HandreikingScopeProvider(services),
        References: services => new HandreikingReferences(services)
    },
    validation: {
        DocumentValidator: services => new HandreikingDocumentValidator(services)
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
    workspace: {
        DocumentBuilder: services => new HandreikingDocumentBuilder(services),
        WorkspaceManager: services => new HandreikingWorkspaceManager(services)
    },
    lsp: {
        DocumentUpdateHandler: services => new HandreikingDocumentUpdateHandler(services),
        NodeKindProvider: () => new HandreikingNodeKindProvider()
    }
};

/**
 * The one factory every host uses (language server, CLI, tests): Langium's default modules, the
 * generated ones, and ours.
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
