import * as path from 'node:path';
import { AstUtils } from 'langium';
import type { HandreikingServices } from '../../handreiking-module.js';
import type { HandreikingJson } from './handreiking-json.js';
import { toHandreikingJson, type JsonContext } from './to-json.js';

/** The workspace of `services` as JSON, with file names relative to `root` (a folder path). */
export function exportWorkspaceJson(services: HandreikingServices, root: string): HandreikingJson {
    return toHandreikingJson(services.handreiking.WorkspaceModel.elements(), jsonContext(services, root));
}

/** Documentation from Langium's comment provider; file names relative to `root`. */
export function jsonContext(services: HandreikingServices, root: string): JsonContext {
    const comments = services.documentation.CommentProvider;
    return {
        comment: node => comments.getComment(node),
        fileOf: node => {
            const uri = AstUtils.getDocument(node).uri;
            if (uri.scheme !== 'file') return uri.path.replace(/^\//, '');
            return path.relative(root, uri.fsPath).split(path.sep).join('/');
        }
    };
}
