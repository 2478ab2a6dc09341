import * as path from 'node:path';
import { AstUtils } from 'langium';
import type { HandreikingServices } from '../../handreiking-module.js';
import type { HandreikingJson } from './handreiking-json.js';
import { toHandreikingJson } from './to-json.js';

/** The workspace of `services` as JSON, with file names relative to `root` (a folder path). */
export function exportWorkspaceJson(services: HandreikingServices, root: string): HandreikingJson {
    const comments = services.documentation.CommentProvider;
    return toHandreikingJson(services.handreiking.WorkspaceModel.elements(), {
        comment: node => comments.getComment(node),
        fileOf: node => {
            const uri = AstUtils.getDocument(node).uri;
            if (uri.scheme !== 'file') return uri.path.replace(/^\//, '');
            return path.relative(root, uri.fsPath).split(path.sep).join('/');
        }
    });
}

/** Serialises the export: two-space indentation and a final newline, the same bytes for the same input. */
export function serializeJson(json: HandreikingJson): string {
    return JSON.stringify(json, null, 2) + '\n';
}
