import { AstUtils, CstUtils, DefaultAstNodeDescriptionProvider, type AstNode, type AstNodeDescription, type AstNodeLocator, type DocumentSegment, type LangiumDocument, type NameProvider, type URI } from 'langium';

/**
 * The index's description of a named element or node: what Langium's provider gives, as an object
 * of one shape whose segments and path are worked out when first read. Langium's own is an object
 * literal with a getter, which V8 keeps as a dictionary (some 450 bytes), with two closures and a
 * context beside it, and it works out the selection segment and the path of every element at
 * once. The command line reads neither for most elements: at 10 000 nodes the descriptions were
 * 15 of the 79 MB of the heap after a check. The values are the same, read when asked
 * (test/scoping/node-descriptions.test.ts).
 */
export class NodeDescription implements AstNodeDescription {
    private nameSegmentRead?: { value: DocumentSegment | undefined };
    private selectionSegmentRead?: { value: DocumentSegment | undefined };
    private pathRead?: string;

    constructor(
        readonly node: AstNode,
        readonly name: string,
        readonly type: string,
        readonly documentUri: URI,
        private readonly provider: HandreikingAstNodeDescriptionProvider
    ) { }

    get nameSegment(): DocumentSegment | undefined {
        this.nameSegmentRead ??= { value: CstUtils.toDocumentSegment(this.provider.nameProvider.getNameNode(this.node) ?? this.node.$cstNode) };
        return this.nameSegmentRead.value;
    }

    get selectionSegment(): DocumentSegment | undefined {
        this.selectionSegmentRead ??= { value: CstUtils.toDocumentSegment(this.node.$cstNode) };
        return this.selectionSegmentRead.value;
    }

    get path(): string {
        return this.pathRead ??= this.provider.astNodeLocator.getAstNodePath(this.node);
    }
}

export class HandreikingAstNodeDescriptionProvider extends DefaultAstNodeDescriptionProvider {
    // Langium's own fields (set by its constructor), made readable for the descriptions, which use
    // them when asked for a segment or their path.
    declare readonly astNodeLocator: AstNodeLocator;
    declare readonly nameProvider: NameProvider;

    override createDescription(node: AstNode, name: string | undefined, document?: LangiumDocument): AstNodeDescription {
        const doc = document ?? AstUtils.getDocument(node);
        name ??= this.nameProvider.getName(node);
        // As Langium's: a node without a name cannot be described (its message names the node's path).
        if (!name) throw new Error(`Node at path ${this.astNodeLocator.getAstNodePath(node)} has no name.`);
        return new NodeDescription(node, name, node.$type, doc.uri, this);
    }
}
