import { GrammarUtils, type AstNode, type CstNode, type LangiumDocument } from 'langium';
import { DefaultDocumentSymbolProvider } from 'langium/lsp';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { isAdvies, isBeslisboom, isFinanciering, isKenmerk, isKnoop, isScenario, isStap, isTypologie, type Kenmerk, type Typologie } from '../../generated/ast.js';
import { oneLine, shorten } from '../markdown.js';

/**
 * The outline and breadcrumbs: every named element with its kind (see element-kinds.ts) and its
 * title or text as detail; trees contain their nodes, a characteristic its scale, and a typology
 * the values it gives each characteristic.
 */
export class HandreikingDocumentSymbolProvider extends DefaultDocumentSymbolProvider {
    protected override createSymbol(document: LangiumDocument, astNode: AstNode, cstNode: CstNode, nameNode: CstNode, computedName?: string): DocumentSymbol {
        const symbol = super.createSymbol(document, astNode, cstNode, nameNode, computedName);
        const detail = detailOf(astNode);
        if (detail) symbol.detail = detail;
        const extra = isKenmerk(astNode) ? scaleSymbols(astNode) : isTypologie(astNode) ? valueSymbols(astNode) : [];
        if (extra.length > 0) symbol.children = [...extra, ...(symbol.children ?? [])];
        return symbol;
    }
}

function detailOf(node: AstNode): string | undefined {
    if (isKnoop(node)) {
        const next = isStap(node) ? node.volgende?.$refText : isAdvies(node) ? node.daarna[0]?.$refText : undefined;
        return shorten(node.tekst ?? '', 60) + (next ? ` → ${next}` : '');
    }
    if (isFinanciering(node)) return [node.termijn[0], shorten(node.titel ?? '', 60)].filter(Boolean).join(' · ');
    if (isScenario(node)) {
        if (node.berekening) return `${node.berekening.$refText} → ${node.nietVanToepassing ? 'niet van toepassing' : node.uitkomst?.waarde ?? ''}`;
        return node.boom ? `${node.boom.$refText} → ${node.verwacht?.$refText ?? ''}` : undefined;
    }
    if (isBeslisboom(node) || 'titel' in node) {
        const titel = (node as { titel?: unknown }).titel;
        return typeof titel === 'string' ? shorten(titel, 60) : undefined;
    }
    return undefined;
}

function scaleSymbols(kenmerk: Kenmerk): DocumentSymbol[] {
    return GrammarUtils.findNodesForProperty(kenmerk.$cstNode, 'waarden').map(cst => ({
        name: oneLine(cst.text.slice(1, -1)) || '""',
        kind: SymbolKind.EnumMember,
        range: cst.range,
        selectionRange: cst.range
    }));
}

function valueSymbols(typologie: Typologie): DocumentSymbol[] {
    const symbols: DocumentSymbol[] = [];
    for (const waarde of typologie.waarden) {
        const cst = waarde.$cstNode;
        const name = waarde.kenmerk?.$refNode;
        if (!cst || !name || !waarde.kenmerk.$refText) continue;
        symbols.push({
            name: waarde.kenmerk.$refText,
            detail: waarde.waarde ?? (waarde.onbekend ? 'onbekend' : undefined),
            kind: SymbolKind.Property,
            range: cst.range,
            selectionRange: name.range
        });
    }
    return symbols;
}
