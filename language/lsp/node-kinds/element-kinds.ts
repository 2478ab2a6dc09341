import type { AstNode, AstNodeDescription } from 'langium';
import type { NodeKindProvider } from 'langium/lsp';
import { CompletionItemKind, SemanticTokenTypes, SymbolKind } from 'vscode-languageserver';
import type { PlainText } from '../lsp-messages.js';

/**
 * One table for how the editor shows each kind of element: the outline's symbol, the completion
 * icon, the semantic token, and the word for it. The five kinds an editor tells apart while
 * reading a tree (vraag, advies, stap, typologie, financiering) each get their own token type.
 */
export interface ElementKind {
    symbol: SymbolKind;
    completion: CompletionItemKind;
    token: string;
    word: PlainText;
}

const kinds: Record<string, ElementKind> = {
    Beslisboom: { symbol: SymbolKind.Namespace, completion: CompletionItemKind.Module, token: SemanticTokenTypes.namespace, word: 'kindBeslisboom' },
    Vraag: { symbol: SymbolKind.Interface, completion: CompletionItemKind.Interface, token: SemanticTokenTypes.interface, word: 'kindVraag' },
    Advies: { symbol: SymbolKind.Event, completion: CompletionItemKind.Event, token: SemanticTokenTypes.event, word: 'kindAdvies' },
    Stap: { symbol: SymbolKind.Function, completion: CompletionItemKind.Function, token: SemanticTokenTypes.function, word: 'kindStap' },
    Typologie: { symbol: SymbolKind.Class, completion: CompletionItemKind.Class, token: SemanticTokenTypes.class, word: 'kindTypologie' },
    Financiering: { symbol: SymbolKind.Struct, completion: CompletionItemKind.Struct, token: SemanticTokenTypes.struct, word: 'kindFinanciering' },
    Berekening: { symbol: SymbolKind.Operator, completion: CompletionItemKind.Operator, token: SemanticTokenTypes.macro, word: 'kindBerekening' },
    Invoer: { symbol: SymbolKind.Variable, completion: CompletionItemKind.Variable, token: SemanticTokenTypes.parameter, word: 'kindInvoer' },
    Tussenwaarde: { symbol: SymbolKind.Constant, completion: CompletionItemKind.Constant, token: SemanticTokenTypes.property, word: 'kindWaarde' },
    Kenmerk: { symbol: SymbolKind.Enum, completion: CompletionItemKind.Enum, token: SemanticTokenTypes.enum, word: 'kindKenmerk' },
    Partij: { symbol: SymbolKind.Object, completion: CompletionItemKind.Variable, token: SemanticTokenTypes.variable, word: 'kindPartij' },
    Hoofdstuk: { symbol: SymbolKind.Module, completion: CompletionItemKind.File, token: SemanticTokenTypes.type, word: 'kindHoofdstuk' },
    Scenario: { symbol: SymbolKind.Method, completion: CompletionItemKind.Method, token: SemanticTokenTypes.method, word: 'kindScenario' }
};

/** How the editor shows an element of this AST type; undefined for parts without a name. */
export function elementKind(type: string): ElementKind | undefined {
    return kinds[type];
}

/** Symbol and completion kinds for the outline, workspace symbols and completion items. */
export class HandreikingNodeKindProvider implements NodeKindProvider {
    getSymbolKind(node: AstNode | AstNodeDescription): SymbolKind {
        return elementKind(typeOf(node))?.symbol ?? SymbolKind.Field;
    }

    getCompletionItemKind(node: AstNode | AstNodeDescription): CompletionItemKind {
        return elementKind(typeOf(node))?.completion ?? CompletionItemKind.Reference;
    }
}

function typeOf(node: AstNode | AstNodeDescription): string {
    return '$type' in node ? node.$type : node.type;
}
