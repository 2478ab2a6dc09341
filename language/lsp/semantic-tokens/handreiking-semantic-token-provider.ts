import { AstUtils, CstUtils, isReference, type AstNode } from 'langium';
import { AbstractSemanticTokenProvider, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import { isFinanciering, isKenmerk, isKenmerkWaarde, isScenario, isVergelijking } from '../../generated/ast.js';
import type { HandreikingServices } from '../../handreiking-module.js';
import { elementKind } from '../node-kinds/element-kinds.js';

/**
 * Semantic highlighting on top of the TextMate grammar (which still colours keywords, strings and
 * comments, and everything while the server starts): each name — declared or referred to — gets the
 * token type of its kind (element-kinds.ts), so a tree shows at a glance which arrows lead to a
 * question, an advice or a step. In `Boom.Knoop` the tree part is a namespace. Scale values are
 * enum members; a lapsed funding rule (HRK050) is marked deprecated wherever it is named.
 */
export class HandreikingSemanticTokenProvider extends AbstractSemanticTokenProvider {
    private readonly services: HandreikingServices;

    constructor(services: HandreikingServices) {
        super(services);
        this.services = services;
    }

    protected highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        const kind = elementKind(node.$type);
        if (kind && !isScenario(node) && (node as { name?: string }).name) {
            acceptor({ node, property: 'name', type: kind.token, modifier: this.modifiers(node, SemanticTokenModifiers.declaration) });
        }
        for (const { reference } of AstUtils.streamReferences(node)) {
            if (!isReference(reference)) continue;
            const target = reference.ref;
            const refNode = reference.$refNode;
            const targetKind = target && elementKind(target.$type);
            if (!refNode || !targetKind) continue;
            const modifier = this.modifiers(target);
            const leaves = CstUtils.flattenCst(refNode).filter(l => !l.hidden).toArray();
            if (leaves.length > 1) {
                // `Boom.Knoop`: the tree, then the node.
                acceptor({ cst: leaves[0], type: SemanticTokenTypes.namespace });
                acceptor({ cst: leaves[leaves.length - 1], type: targetKind.token, modifier });
            } else {
                acceptor({ cst: refNode, type: targetKind.token, modifier });
            }
        }
        if (isKenmerk(node)) {
            node.waarden.forEach((_, index) => acceptor({ node, property: 'waarden', index, type: SemanticTokenTypes.enumMember }));
        }
        if ((isKenmerkWaarde(node) || isVergelijking(node)) && node.waarde !== undefined) {
            acceptor({ node, property: 'waarde', type: SemanticTokenTypes.enumMember });
        }
    }

    private modifiers(node: AstNode, ...base: string[]): string[] {
        const datum = isFinanciering(node) ? node.geldigTot[0] : undefined;
        return datum && this.services.i18n.Clock.today() >= datum ? [...base, SemanticTokenModifiers.deprecated] : base;
    }
}
