import { AstUtils, isLeafCstNode, type CstNode } from 'langium';
import { DefaultDefinitionProvider, type GoToLink } from 'langium/lsp';
import { isKnoop } from '../../generated/ast.js';
import { isTreePartOfQualifiedReference } from '../qualified-reference.js';

/**
 * Go to definition as Langium does it, except on the tree part of `Boom.Knoop`: there it goes to
 * the tree, as the name under the cursor says (and as rename treats it).
 */
export class HandreikingDefinitionProvider extends DefaultDefinitionProvider {
    protected override findLinks(source: CstNode): GoToLink[] {
        const links = super.findLinks(source);
        if (!isLeafCstNode(source) || !isTreePartOfQualifiedReference(source)) return links;
        return links.flatMap(link => {
            const knoop = link.target.astNode;
            const boom = isKnoop(knoop) ? knoop.$container : undefined;
            const name = boom && this.nameProvider.getNameNode(boom);
            return name ? [{ source, target: name, targetDocument: AstUtils.getDocument(boom) }] : [link];
        });
    }
}
