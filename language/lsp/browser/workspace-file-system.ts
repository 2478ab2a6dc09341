import { URI, UriUtils, type FileSystemNode, type FileSystemProvider } from 'langium';
import { compareText } from '../../text/collation.js';

/** One file of the page's workspace, as the page hands it over. */
export interface WorkspaceFile {
    uri: string;
    text: string;
}

/**
 * The page's workspace as Langium's file system, in memory: the worker has no disk. The page sends
 * every file of its workspace (the guide, an opened folder, uploaded files) in the initialize
 * request and every later change in `WorkspaceFilesNotification`, so the workspace manager loads
 * the whole workspace in one build, as the Node server does from disk. Open editors still win:
 * Langium reads an open document's text from the editor, not from here.
 */
export class WorkspaceFileSystem implements FileSystemProvider {
    private readonly files = new Map<string, string>();

    set(files: readonly WorkspaceFile[]): void {
        for (const file of files) this.files.set(URI.parse(file.uri).toString(), file.text);
    }

    delete(uris: readonly string[]): void {
        for (const uri of uris) this.files.delete(URI.parse(uri).toString());
    }

    stat(uri: URI): Promise<FileSystemNode> {
        return Promise.resolve(this.statSync(uri));
    }

    statSync(uri: URI): FileSystemNode {
        if (this.files.has(uri.toString())) return { isFile: true, isDirectory: false, uri };
        if (this.isFolder(uri)) return { isFile: false, isDirectory: true, uri };
        throw new Error(`no such file: ${uri.toString()}`);
    }

    exists(uri: URI): Promise<boolean> {
        return Promise.resolve(this.existsSync(uri));
    }

    existsSync(uri: URI): boolean {
        return this.files.has(uri.toString()) || this.isFolder(uri);
    }

    readBinary(uri: URI): Promise<Uint8Array> {
        return Promise.resolve(this.readBinarySync(uri));
    }

    readBinarySync(uri: URI): Uint8Array {
        return new TextEncoder().encode(this.readFileSync(uri));
    }

    readFile(uri: URI): Promise<string> {
        return Promise.resolve(this.readFileSync(uri));
    }

    readFileSync(uri: URI): string {
        const text = this.files.get(uri.toString());
        if (text === undefined) throw new Error(`no such file: ${uri.toString()}`);
        return text;
    }

    readDirectory(uri: URI): Promise<FileSystemNode[]> {
        return Promise.resolve(this.readDirectorySync(uri));
    }

    /** The files and folders directly inside `uri`, in the order of their names. */
    readDirectorySync(uri: URI): FileSystemNode[] {
        const prefix = folderPrefix(uri);
        const children = new Map<string, FileSystemNode>();
        for (const key of this.files.keys()) {
            if (!key.startsWith(prefix)) continue;
            const rest = key.slice(prefix.length);
            const slash = rest.indexOf('/');
            if (slash < 0) children.set(rest, { isFile: true, isDirectory: false, uri: URI.parse(key) });
            else {
                const name = rest.slice(0, slash);
                if (!children.has(name)) children.set(name, { isFile: false, isDirectory: true, uri: UriUtils.joinPath(uri, name) });
            }
        }
        return [...children.entries()].sort(([a], [b]) => compareText(a, b)).map(([, node]) => node);
    }

    private isFolder(uri: URI): boolean {
        const prefix = folderPrefix(uri);
        for (const key of this.files.keys()) if (key.startsWith(prefix)) return true;
        return false;
    }
}

function folderPrefix(uri: URI): string {
    return uri.toString().replace(/\/?$/, '/');
}
