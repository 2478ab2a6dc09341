import { AstUtils, type URI } from 'langium';
import type { HandreikingCoreServices } from '../../handreiking-core-module.js';
import type { HandreikingJson } from './handreiking-json.js';
import { relativePath } from './relative-path.js';
import { toHandreikingJson, type JsonContext } from './to-json.js';

/** The workspace of `services` as JSON, with file names as `fileName` makes them. */
export function exportWorkspaceJson(services: HandreikingCoreServices, root?: string | URI): HandreikingJson {
    return toHandreikingJson(services.handreiking.WorkspaceModel.elements(), jsonContext(services, root));
}

/** Documentation from Langium's comment provider; file names as `fileName` makes them. */
export function jsonContext(services: HandreikingCoreServices, root?: string | URI): JsonContext {
    const comments = services.documentation.CommentProvider;
    return {
        comment: node => comments.getComment(node),
        fileOf: node => fileName(AstUtils.getDocument(node).uri, root)
    };
}

/**
 * A document's file as the JSON names it (`source.file`), with `/`:
 * - relative to `root` when that is a folder path (the CLI's working folder);
 * - below `root` when that is a folder URI and the document is in it (an editor's workspace
 *   folder: an export from VS Code names `examples/gids.hrk` as the CLI run in that folder does,
 *   and does not carry the path of the user's home folder into a published guide);
 * - otherwise the URI's path without its leading `/` (the language server's own use, whose
 *   documents may be anywhere, on any drive): `file:///c%3A/Users/x/gids.hrk` becomes
 *   `c:/Users/x/gids.hrk`, drive letter and all. Whoever needs a document back from such a name
 *   looks it up by this function, never by undoing it.
 */
export function fileName(uri: URI, root?: string | URI): string {
    const whole = uri.path.replace(/^\//, '');
    if (root === undefined) return whole;
    if (typeof root === 'string') return uri.scheme === 'file' ? relativePath(root, uri.fsPath) : whole;
    // A document outside the folder keeps its whole path.
    return isBelow(uri, root) ? uri.path.slice(root.path.replace(/\/$/, '').length + 1) : whole;
}

/** Whether the document at `uri` is in the folder `folder` (same scheme and authority, its path below). */
export function isBelow(uri: URI, folder: URI): boolean {
    return uri.scheme === folder.scheme && uri.authority === folder.authority && uri.path.startsWith(`${folder.path.replace(/\/$/, '')}/`);
}
