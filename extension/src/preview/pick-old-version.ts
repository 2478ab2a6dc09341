import * as vscode from 'vscode';
import type { GitProblem } from '../../../language/review/git-revision.js';
import type { OldVersions, RevisionChoice } from './old-version.js';

/** What the reader picked: a version read from git (its files below the workspace folder), or to stop comparing. */
export type PickedVersion = { label: string; root: string; files: Array<{ file: string; text: string }> } | { stop: true };

interface Item extends vscode.QuickPickItem {
    choice?: RevisionChoice | 'HEAD';
    stop?: true;
}

/**
 * The quick pick of "Vergelijk met …" — HEAD, the local branches, the recent commits (and "Stop
 * vergelijken" while comparing) — and the picked version's files. Running git in a folder runs
 * that folder's configuration: only in a trusted workspace, as the Markdown summary.
 */
export async function pickOldVersion(uri: vscode.Uri, versions: OldVersions | undefined, comparing: boolean): Promise<PickedVersion | undefined> {
    if (!versions) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Comparing with git needs VS Code on the desktop.'));
        return undefined;
    }
    if (!vscode.workspace.isTrusted) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Comparing with git runs git in this folder: trust this workspace first (Workspaces: Manage Workspace Trust).'));
        return undefined;
    }
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Open a folder first.'));
        return undefined;
    }
    try {
        const choices = await versions.choices(folder.uri.fsPath);
        const items: Item[] = [
            ...(comparing ? [{ label: vscode.l10n.t('Stop comparing'), stop: true as const }] : []),
            { label: 'HEAD', description: vscode.l10n.t('the last commit'), choice: 'HEAD' },
            { label: vscode.l10n.t('Branches'), kind: vscode.QuickPickItemKind.Separator },
            ...choices.filter(c => c.kind === 'branch').map(c => ({ label: c.label, description: c.detail, choice: c })),
            { label: vscode.l10n.t('Recent commits'), kind: vscode.QuickPickItemKind.Separator },
            ...choices.filter(c => c.kind === 'commit').map(c => ({ label: c.label, description: c.detail, choice: c }))
        ];
        const picked = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Compare the preview with…'), matchOnDescription: true });
        if (!picked) return undefined;
        if (picked.stop) return { stop: true };
        if (!picked.choice) return undefined;
        const revision = picked.choice === 'HEAD' ? 'HEAD' : picked.choice.revision;
        const label = picked.choice === 'HEAD' ? 'HEAD' : picked.choice.label;
        const read = await vscode.window.withProgress(
            { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Reading {0} from git…', label) },
            () => versions.read(folder.uri.fsPath, revision));
        if (read.unreadable.length > 0) {
            void vscode.window.showWarningMessage(vscode.l10n.t('Not compared (not UTF-8, a link or too large): {0}', read.unreadable.join(', ')));
        }
        return { label, root: folder.uri.toString(), files: read.files };
    } catch (error) {
        void vscode.window.showErrorMessage(gitMessage(error));
        return undefined;
    }
}

/** The reader's sentence for a GitError (by its `problem`: this module is also in the web build, which has no git). */
function gitMessage(error: unknown): string {
    const problem = (error as { problem?: GitProblem } | undefined)?.problem;
    if (error instanceof Error && problem !== undefined) {
        switch (problem) {
            case 'noGit': return vscode.l10n.t('git was not found: install git to compare with an earlier version.');
            case 'notRepository': return vscode.l10n.t('This folder is not in a git repository.');
            case 'unknownRevision': return vscode.l10n.t('git does not know {0}.', error.message);
            default: return vscode.l10n.t('git could not read the version: {0}', error.message);
        }
    }
    return vscode.l10n.t('git could not read the version: {0}', error instanceof Error ? error.message : String(error));
}
