import { AstUtils, type URI } from 'langium';
import type { HandreikingCoreServices } from '../../handreiking-core-module.js';
import type { HandreikingJson } from './handreiking-json.js';
import { relativePath } from './relative-path.js';
import { toHandreikingJson, type JsonContext } from './to-json.js';

/** The workspace of `services` as JSON, with file names as `fileName` makes them. */
export function exportWorkspaceJson(services: HandreikingCoreServices, root?: string): HandreikingJson {
    return toHandreikingJson(services.handreiking.WorkspaceModel.elements(), jsonContext(services, root));
}

/** Documentation from Langium's comment provider; file names as `fileName` makes them. */
export function jsonContext(services: HandreikingCoreServices, root?: string): JsonContext {
    const comments = services.documentation.CommentProvider;
    return {
        comment: node => comments.getComment(node),
        fileOf: node => fileName(AstUtils.getDocument(node).uri, root)
    };
}

/**
 * A document's file as the JSON names it (`source.file`): relative to `root` (a folder path, the
 * CLI's working folder), with `/`. Without a root (the language server, whose documents may be
 * anywhere, on any drive) it is the URI's path without its leading `/`:
 * `file:///c%3A/Users/x/gids.hrk` becomes `c:/Users/x/gids.hrk`, drive letter and all. Whoever
 * needs a document back from such a name looks it up by this function, never by undoing it.
 */
export function fileName(uri: URI, root?: string): string {
    if (uri.scheme !== 'file' || root === undefined) return uri.path.replace(/^\//, '');
    return relativePath(root, uri.fsPath);
}

