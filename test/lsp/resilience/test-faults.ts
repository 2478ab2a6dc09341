import type { AstNodeDescription, DeepPartial, LangiumDocument, Module } from 'langium';
import type { CompletionList, CompletionParams, Hover, HoverParams } from 'vscode-languageserver';
import type { HandreikingServices } from '../../../language/handreiking-module.js';
import { PreviewDataProvider, type PreviewOptions } from '../../../language/lsp/preview-data.js';
import type { PreviewData } from '../../../language/lsp/protocol.js';
import { HandreikingScopeComputation } from '../../../language/scoping/handreiking-scope-computation.js';
import { HandreikingCompletionProvider } from '../../../language/lsp/completion/handreiking-completion-provider.js';
import { HandreikingHoverProvider } from '../../../language/lsp/hover/handreiking-hover-provider.js';

/**
 * Fault injection for the resilience tests, and only for them: services that throw, put in through
 * Langium's module overrides by the test server (fault-server.ts), never shipped. With `hover`,
 * `completion`, `preview` or `build` (comma-separated, in HANDREIKING_TEST_FAULT), the named feature
 * throws: hover, completion and the preview on every call, the build for a document whose text
 * contains `TEST-FAULT`.
 */
export type TestFault = 'hover' | 'completion' | 'preview' | 'build';

function fail(fault: TestFault): never {
    throw new Error(`HANDREIKING_TEST_FAULT: ${fault} fails on purpose`);
}

/** The services with the faults in `spec` (`hover,preview`) switched on. */
export function faultModule(spec: string): Module<HandreikingServices, DeepPartial<HandreikingServices>> {
    const on = new Set(spec.split(',').map(s => s.trim()).filter(Boolean));
    return {
        lsp: {
            ...(on.has('hover') ? {
                HoverProvider: (services: HandreikingServices) => new class extends HandreikingHoverProvider {
                    override getHoverContent(_document: LangiumDocument, _params: HoverParams): Promise<Hover | undefined> {
                        fail('hover');
                    }
                }(services)
            } : {}),
            ...(on.has('completion') ? {
                CompletionProvider: (services: HandreikingServices) => new class extends HandreikingCompletionProvider {
                    override getCompletion(_document: LangiumDocument, _params: CompletionParams): Promise<CompletionList | undefined> {
                        fail('completion');
                    }
                }(services)
            } : {})
        },
        handreiking: {
            ...(on.has('preview') ? {
                PreviewData: (services: HandreikingServices) => new class extends PreviewDataProvider {
                    override compute(_document: LangiumDocument, _options?: PreviewOptions): PreviewData {
                        fail('preview');
                    }
                }(services)
            } : {})
        },
        references: {
            ...(on.has('build') ? {
                ScopeComputation: (services: HandreikingServices) => new class extends HandreikingScopeComputation {
                    override collectExportedSymbols(document: LangiumDocument): Promise<AstNodeDescription[]> {
                        if (document.textDocument.getText().includes('TEST-FAULT')) fail('build');
                        return super.collectExportedSymbols(document);
                    }
                }(services)
            } : {})
        }
    };
}
