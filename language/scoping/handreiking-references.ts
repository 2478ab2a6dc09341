import { DefaultReferences, stream, UriUtils, type AstNode, type FindReferencesOptions, type ReferenceDescription, type Stream } from 'langium';

/**
 * Langium's `findReferences` (4.4) collects the index's references with `refs.push(...all)`: for a
 * name used some 100 000 times, the spread arguments overflow the stack and find-references,
 * highlighting and rename fail. The same result, concatenated as streams.
 */
export class HandreikingReferences extends DefaultReferences {
    override findReferences(targetNode: AstNode, options: FindReferencesOptions): Stream<ReferenceDescription> {
        const declaration = options.includeDeclaration ? this.getSelfReferences(targetNode) : [];
        let indexReferences = this.index.findAllReferences(targetNode, this.nodeLocator.getAstNodePath(targetNode));
        if (options.documentUri) {
            const uri = options.documentUri;
            indexReferences = indexReferences.filter(ref => UriUtils.equals(ref.sourceUri, uri));
        }
        return stream(declaration, indexReferences);
    }
}
