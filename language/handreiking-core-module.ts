import {
    createDefaultCoreModule, createDefaultSharedCoreModule, inject, type DeepPartial, type DefaultSharedCoreModuleContext,
    type LangiumCoreServices, type LangiumSharedCoreServices, type Module, type PartialLangiumCoreServices
} from 'langium';
import { HandreikingGeneratedModule, HandreikingGeneratedSharedModule } from './generated/module.js';
import { Clock, LocaleSetting } from './i18n/locale.js';
import { HandreikingLexerErrorMessageProvider, HandreikingParserErrorMessageProvider } from './parser/error-messages.js';
import { HandreikingLexer } from './parser/handreiking-lexer.js';
import { createHandreikingParser } from './parser/handreiking-parser.js';
import { HandreikingTokenBuilder } from './parser/handreiking-token-builder.js';
import { HandreikingValueConverter } from './parser/string-value-converter.js';
import { HandreikingAstNodeDescriptionProvider } from './scoping/node-descriptions.js';
import { HandreikingScopeComputation } from './scoping/handreiking-scope-computation.js';
import { HandreikingScopeProvider } from './scoping/handreiking-scope-provider.js';
import { HandreikingLinker } from './scoping/handreiking-linker.js';
import { HandreikingReferences } from './scoping/handreiking-references.js';
import { HandreikingDocumentValidator } from './validation/handreiking-document-validator.js';
import { registerValidationChecks } from './validation/handreiking-validator.js';
import { WorkspaceModel } from './workspace/workspace-model.js';
import { HerkomstSetting } from './provenance/herkomst-setting.js';
// These two extend Langium's core classes only (no editor protocol), though they live beside the server.
import { HandreikingDocumentBuilder } from './lsp/handreiking-document-builder.js';
import { HandreikingWorkspaceManager } from './lsp/handreiking-workspace-manager.js';

/**
 * The language without an editor: parser, scoping, checks and the workspace model, on Langium's
 * core modules. The command line runs on these alone, so it loads no language-server protocol
 * (vscode-languageserver, its JSON-RPC, our editor features): about a third less code to load at
 * every start. The language server adds the editor's services on top (handreiking-module.ts).
 */

/** Services of our own that the language needs without an editor. */
export type HandreikingCoreAddedServices = {
    i18n: {
        Locale: LocaleSetting;
        Clock: Clock;
    };
    handreiking: {
        WorkspaceModel: WorkspaceModel;
        HerkomstSetting: HerkomstSetting;
    };
};

export type HandreikingCoreServices = LangiumCoreServices & HandreikingCoreAddedServices;

// `satisfies`, not a type annotation: the editor's module (handreiking-module.ts) spreads these
// factories into its own, which needs their exact types rather than a partial module's.
export const HandreikingCoreModule = {
    i18n: {
        Locale: () => new LocaleSetting(),
        Clock: () => new Clock()
    },
    handreiking: {
        WorkspaceModel: services => new WorkspaceModel(services.shared),
        HerkomstSetting: () => new HerkomstSetting()
    },
    parser: {
        ParserErrorMessageProvider: services => new HandreikingParserErrorMessageProvider(services.i18n.Locale),
        LexerErrorMessageProvider: services => new HandreikingLexerErrorMessageProvider(services.i18n.Locale),
        Lexer: services => new HandreikingLexer(services),
        // Strings and comments in linear time on any text (see parser/linear-terminals.ts).
        TokenBuilder: () => new HandreikingTokenBuilder(),
        // Text values from slices of their token, not built one character at a time (parser/string-value-converter.ts).
        ValueConverter: () => new HandreikingValueConverter(),
        // Langium's parser, reading no further after MAX_PARSER_ERRORS errors (parser/handreiking-parser.ts).
        LangiumParser: services => createHandreikingParser(services)
    },
    references: {
        ScopeComputation: services => new HandreikingScopeComputation(services),
        ScopeProvider: services => new HandreikingScopeProvider(services),
        References: services => new HandreikingReferences(services),
        // Langium's linking without a stream per node (model/ast-order.ts; the validator walks the same way).
        Linker: services => new HandreikingLinker(services)
    },
    validation: {
        DocumentValidator: services => new HandreikingDocumentValidator(services)
    },
    workspace: {
        // The index's descriptions as objects of one shape, read lazily (scoping/node-descriptions.ts).
        AstNodeDescriptionProvider: services => new HandreikingAstNodeDescriptionProvider(services)
    }
} satisfies Module<HandreikingCoreServices, PartialLangiumCoreServices & HandreikingCoreAddedServices>;

/** Every check when a folder is opened, re-checking after changes elsewhere in the workspace. */
export const HandreikingSharedCoreModule = {
    workspace: {
        DocumentBuilder: services => new HandreikingDocumentBuilder(services),
        WorkspaceManager: services => new HandreikingWorkspaceManager(services)
    }
} satisfies Module<LangiumSharedCoreServices, DeepPartial<LangiumSharedCoreServices>>;

/** The language's services without an editor, for the command line (and anything else that only checks and exports). */
export function createHandreikingCoreServices(context: DefaultSharedCoreModuleContext, overrides?: {
    shared?: Module<LangiumSharedCoreServices, DeepPartial<LangiumSharedCoreServices>>;
    language?: Module<HandreikingCoreServices, DeepPartial<HandreikingCoreServices>>;
}): { shared: LangiumSharedCoreServices; Handreiking: HandreikingCoreServices } {
    const shared = inject(
        createDefaultSharedCoreModule(context),
        HandreikingGeneratedSharedModule,
        HandreikingSharedCoreModule,
        overrides?.shared ?? {}
    );
    const Handreiking = inject(
        createDefaultCoreModule({ shared }),
        HandreikingGeneratedModule,
        HandreikingCoreModule,
        overrides?.language ?? {}
    );
    shared.ServiceRegistry.register(Handreiking);
    registerValidationChecks(Handreiking);
    // No language server: nothing else would start the workspace manager's initialisation.
    void shared.workspace.ConfigurationProvider.initialized({});
    return { shared, Handreiking };
}
