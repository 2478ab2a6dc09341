import { AstUtils, CstUtils, UriUtils, type LangiumDocument } from 'langium';
import { DefaultDocumentHighlightProvider } from 'langium/lsp';
import type { DocumentHighlight, DocumentHighlightParams } from 'vscode-languageserver';

/**
 * Langium's highlighting (4.4) as is, except that it adds each target's references with
 * `highlights.push(...all)`: for a name used some 100 000 times in a file, the spread arguments
 * overflow the stack. Here they are added one by one.
 */
export class HandreikingDocumentHighlightProvider extends DefaultDocumentHighlightProvider {
    override getDocumentHighlight(document: LangiumDocument, params: DocumentHighlightParams): DocumentHighlight[] | undefined {
        const rootNode = document.parseResult.value.$cstNode;
        if (!rootNode) return undefined;
        const selected = CstUtils.findDeclarationNodeAtOffset(rootNode, document.textDocument.offsetAt(params.position), this.grammarConfig.nameRegexp);
        if (!selected) return undefined;
        const highlights: DocumentHighlight[] = [];
        for (const target of this.references.findDeclarations(selected)) {
            const includeDeclaration = UriUtils.equals(AstUtils.getDocument(target).uri, document.uri);
            this.references.findReferences(target, { documentUri: document.uri, includeDeclaration })
                .forEach(reference => { highlights.push(this.createDocumentHighlight(reference)); });
        }
        return highlights;
    }
}
