import type { AstNode, CommentProvider, DocumentationProvider, LangiumCoreServices } from 'langium';
import { cleanComment } from '../../generation/json/to-json.js';
import { plainText } from '../markdown.js';

/**
 * The documentation of an element, for the hover and for completion: the text of its `/** … *\/`
 * comment as plain text in Markdown. Langium's provider passes the comment on as Markdown (and
 * turns `{@link}` into links), so a comment in an untrusted file could load an image from a
 * server, link to a `command:` or carry HTML into the editor.
 */
export class HandreikingDocumentationProvider implements DocumentationProvider {
    private readonly comments: CommentProvider;

    constructor(services: LangiumCoreServices) {
        this.comments = services.documentation.CommentProvider;
    }

    getDocumentation(node: AstNode): string | undefined {
        const text = cleanComment(this.comments.getComment(node));
        return text ? plainText(text) : undefined;
    }
}
