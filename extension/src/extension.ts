import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { nodeOldVersions } from './git/node-old-versions.js';
import { createLanguageClient } from './language-client.js';
import { startExtension } from './start-extension.js';

let client: LanguageClient | undefined;

/**
 * The extension in VS Code on the desktop: the language server in its own Node process. VS Code
 * for the web starts extension/browser/extension.ts instead, with the server in a worker; both
 * wire the same features (start-extension.ts). Only here can the extension run git ("Vergelijk met …").
 */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
    client = createLanguageClient(context);
    await startExtension(context, client, nodeOldVersions);
}

export async function deactivate(): Promise<void> {
    await client?.stop();
}
