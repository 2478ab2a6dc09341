import type { AstNodeDescription, DeepPartial, LangiumDocument, Module } from 'langium';
import type { CompletionList, CompletionParams, Hover, HoverParams } from 'vscode-languageserver';
import type { HandreikingServices } from '../handreiking-module.js';
import { HandreikingScopeComputation } from '../scoping/handreiking-scope-computation.js';
import { HandreikingCompletionProvider } from './completion/handreiking-completion-provider.js';
import { HandreikingHoverProvider } from './hover/handreiking-hover-provider.js';

/**
 * Fault injection for the resilience tests (test/lsp/resilience), and only for them. Started with
 * `HANDREIKING_TEST_FAULT=hover` (or `completion`, `preview`, `build`; comma-separated), the language
 * server's named feature throws: hover, completion and the preview on every call, the build for a
 * document whose text contains `TEST-FAULT`. The tests show that such a failure is answered and
 * logged while every other feature keeps working. Without the variable nothing changes.
 */
export type TestFault = 'hover' | 'completion' | 'preview' | 'build';

const active = new Set((process.env.HANDREIKING_TEST_FAULT ?? '').split(',').map(s => s.trim()).filter(Boolean));

/** Throws when `fault` is switched on by HANDREIKING_TEST_FAULT. */
export function failOnTestFault(fault: TestFault): void {
    if (active.has(fault)) throw new Error(`HANDREIKING_TEST_FAULT: ${fault} fails on purpose`);
}

/** The server's providers with the switched-on faults; an empty module without the variable. */
export function testFaultModule(): Module<HandreikingServices, DeepPartial<HandreikingServices>> {
    if (active.size === 0) return {};
    return {
        lsp: {
            HoverProvider: services => new class extends HandreikingHoverProvider {
                override getHoverContent(document: LangiumDocument, params: HoverParams): Promise<Hover | undefined> {
                    failOnTestFault('hover');
                    return super.getHoverContent(document, params);
                }
            }(services),
            CompletionProvider: services => new class extends HandreikingCompletionProvider {
                override getCompletion(document: LangiumDocument, params: CompletionParams): Promise<CompletionList | undefined> {
                    failOnTestFault('completion');
                    return super.getCompletion(document, params);
                }
            }(services)
        },
        references: {
            ScopeComputation: services => new class extends HandreikingScopeComputation {
                override collectExportedSymbols(document: LangiumDocument): Promise<AstNodeDescription[]> {
                    if (document.textDocument.getText().includes('TEST-FAULT')) failOnTestFault('build');
                    return super.collectExportedSymbols(document);
                }
            }(services)
        }
    };
}
