import { GrammarUtils, type AstNode } from 'langium';
import { DefaultFoldingRangeProvider } from 'langium/lsp';

/**
 * Folds every block `{ … }` (trees, nodes, typologies, funding rules, scenarios, …) and multi-line
 * comments, and nothing else: Langium's default would also fold a condition or an answer that
 * happens to span lines.
 */
export class HandreikingFoldingRangeProvider extends DefaultFoldingRangeProvider {
    protected override shouldProcess(node: AstNode): boolean {
        return GrammarUtils.findNodeForKeyword(node.$cstNode, '{') !== undefined;
    }
}
