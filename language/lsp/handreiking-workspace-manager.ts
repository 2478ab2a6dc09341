import { DefaultWorkspaceManager, type BuildOptions } from 'langium';

/**
 * The build that follows opening a folder runs every check, the slow workspace-wide ones included
 * (Langium's only parses, indexes and links): whoever opens a folder sees every problem at once,
 * not only after the first save. When the editor's first request interrupts this build, the
 * document builder finishes the job (see HandreikingDocumentBuilder).
 */
export class HandreikingWorkspaceManager extends DefaultWorkspaceManager {
    override initialBuildOptions: BuildOptions = { validation: true };
}
