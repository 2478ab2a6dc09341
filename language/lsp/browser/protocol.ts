import { NotificationType, RequestType0 } from 'vscode-languageserver-protocol';
import type { GuideScripts } from '../../generation/html/guide-scripts.js';
import type { WorkspaceFile } from './workspace-file-system.js';

/**
 * The messages only the browser edition needs, beside the shared ones in ../protocol.ts: the
 * worker has no disk, so the page is its file system and the keeper of the HTML guide's scripts.
 */

/** What the page sends in `initialize`'s `initializationOptions`, beside the herkomst setting. */
export interface BrowserInitializationOptions {
    /** Every file of the page's workspace: the worker's disk (workspace-file-system.ts). */
    files?: WorkspaceFile[];
    /** The language of the diagnostics; the page has its own language switch (else: `initialize`'s locale). */
    lang?: 'nl' | 'en';
}

/** Page → worker: files of the workspace were added or changed (`files`) or removed (`deleted`, URIs). */
export namespace WorkspaceFilesNotification {
    export const method = 'handreiking/workspaceFiles';
    export const type = new NotificationType<{ files: WorkspaceFile[]; deleted: string[] }>(method);
}

/** Worker → page: the scripts the HTML guide carries inline; the page loads them when first asked. */
export namespace GuideScriptsRequest {
    export const method = 'handreiking/guideScripts';
    export const type = new RequestType0<GuideScripts, void>(method);
}
