import { DefaultScopeComputation, MultiMap, type AstNode, type AstNodeDescription, type LangiumDocument, type LocalSymbols } from 'langium';
import { isBeslisboom, isScenario, type Gids } from '../generated/ast.js';
import { qualifiedNodeName } from './names.js';

/**
 * Exports every top-level element by its name, and every node of a tree as `Boom.Knoop`, so that a
 * `zie` anywhere in the workspace can point at a node of another tree. Node names themselves stay
 * local to their tree (Langium's default local symbols put them in the tree's scope).
 * Scenarios are not exported: nothing refers to them by name.
 */
export class HandreikingScopeComputation extends DefaultScopeComputation {
    override async collectExportedSymbols(document: LangiumDocument): Promise<AstNodeDescription[]> {
        const gids = document.parseResult.value as Gids;
        const exports: AstNodeDescription[] = [];
        for (const element of gids.elementen ?? []) {
            if (isScenario(element) || !element.name) continue;
            exports.push(this.descriptions.createDescription(element, element.name, document));
            if (isBeslisboom(element)) {
                for (const knoop of element.knopen) {
                    if (knoop.name) {
                        exports.push(this.descriptions.createDescription(knoop, qualifiedNodeName(element, knoop), document));
                    }
                }
            }
        }
        return exports;
    }

    /**
     * Local symbols are only the top-level elements: node names are looked up through the tree's
     * own cached scope (see the scope provider), so describing every node again here was waste.
     */
    override async collectLocalSymbols(document: LangiumDocument): Promise<LocalSymbols> {
        const gids = document.parseResult.value as Gids;
        const symbols = new MultiMap<AstNode, AstNodeDescription>();
        for (const element of gids.elementen ?? []) {
            if (element.name) symbols.add(gids, this.descriptions.createDescription(element, element.name, document));
        }
        return symbols;
    }

    protected override addExportedSymbol(node: AstNode, exports: AstNodeDescription[], document: LangiumDocument): void {
        if (!isScenario(node)) super.addExportedSymbol(node, exports, document);
    }
}
