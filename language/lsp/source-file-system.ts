import type { FileSystemNode, LangiumSharedCoreServices, URI } from 'langium';
import { NodeFileSystemProvider } from 'langium/node';
import type { Diagnostic } from 'vscode-languageserver-types';
import { decodeSource, readSourceFile } from '../files/read-source.js';
import type { Refusal, SourceReadingFileSystem } from '../files/source-limits.js';
import type { Lang } from '../i18n/locale.js';

/**
 * The language server's file system: reads the workspace's `.hrk` files as the command line does
 * (language/files/read-source.ts). Langium's reads a file of any size whole and parses it; now a
 * file larger than 16 MB, or one that cannot be read, becomes an empty document whose diagnostic
 * says why, and the other files load as before. Bytes are decoded as the command line decodes them
 * (a BOM dropped, UTF-16 and binary files said so, the first byte that is not UTF-8 located), with
 * the same messages. A folder is scanned as the command line scans it: a link, a FIFO or a device
 * named `*.hrk` is taken along (Langium's scan took only regular files, so a link to a `.hrk` file
 * was left out in silence) and looked at when it is read: a link to a regular file is read, anything
 * else is never opened and gets a diagnostic that says what it is.
 */
export class SourceFileSystemProvider extends NodeFileSystemProvider implements SourceReadingFileSystem {
    private readonly refused = new Map<string, Refusal>();
    /**
     * Per file with bad bytes, as it was read last: its text and the bytes' problem in Dutch and in
     * English. The text tells whether a document still has what was read (an editor that opens the
     * file decodes it itself).
     */
    private readonly problems = new Map<string, { text: string } & Record<Lang, Diagnostic>>();

    override async readDirectory(uri: URI): Promise<FileSystemNode[]> {
        const entries = await super.readDirectory(uri);
        return entries.map(entry => !entry.isFile && !entry.isDirectory && entry.uri.path.endsWith('.hrk') ? { ...entry, isFile: true } : entry);
    }

    override async readFile(uri: URI): Promise<string> {
        if (uri.scheme !== 'file') return super.readFile(uri);
        const key = uri.toString();
        this.refused.delete(key);
        this.problems.delete(key);
        const outcome = await readSourceFile(uri.fsPath);
        if (!outcome.ok) {
            this.refused.set(key, outcome);
            return '';
        }
        const nl = decodeSource(outcome.bytes, 'nl');
        if (nl.problem) this.problems.set(key, { text: nl.text, nl: nl.problem, en: decodeSource(outcome.bytes, 'en').problem ?? nl.problem });
        return nl.text;
    }

    /**
     * Keeps what is known of each file only while the workspace has it: a deleted file's refusal
     * and its bad bytes' text (up to 16 MB) would otherwise stay in memory until the server stops.
     */
    forgetDeletedFiles(shared: LangiumSharedCoreServices): void {
        shared.workspace.DocumentBuilder.onUpdate((_changed, deleted) => {
            for (const uri of deleted) {
                this.refused.delete(uri.toString());
                this.problems.delete(uri.toString());
            }
        });
    }

    refusalOf(uri: string): Refusal | undefined {
        return this.refused.get(uri);
    }

    bytesProblemOf(uri: string, text: string, lang: Lang): Diagnostic | undefined {
        const entry = this.problems.get(uri);
        return entry && entry.text === text ? entry[lang] : undefined;
    }
}
