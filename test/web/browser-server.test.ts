import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { describe, expect, test } from 'vitest';
import { URI } from 'langium';
import { cspHashSource } from '../../language/generation/html/csp-hash.js';
import { relativePath } from '../../language/generation/json/relative-path.js';
import { cspHashSource as browserCspHash } from '../../language/lsp/browser/substitutes/csp-hash.js';
import { relativePath as browserRelativePath } from '../../language/lsp/browser/substitutes/relative-path.js';
import { WorkspaceFileSystem } from '../../language/lsp/browser/workspace-file-system.js';
import { buildOptions } from '../../scripts/build-options.mjs';
import { tempFolder } from '../support/temp-dir.js';

/** The language server's browser build: its twins of Node modules, its file system, and its guard against Node. */

describe('the browser twins give what the Node modules give', () => {
    test('the CSP hash of the HTML guide\'s scripts', () => {
        for (const text of ['', 'abc', 'x'.repeat(55), 'y'.repeat(56), 'z'.repeat(64), 'één € 😀 '.repeat(500)]) {
            expect(browserCspHash(text)).toBe(cspHashSource(text));
        }
    });

    test('a path relative to a folder', () => {
        for (const [root, file] of [['/a/b', '/a/b/c.hrk'], ['/a/b', '/a/c/d.hrk'], ['/a', '/a/b/c/d.hrk'], ['/a/b/c', '/x.hrk']]) {
            expect(browserRelativePath(root, file)).toBe(relativePath(root, file));
        }
    });
});

describe('the page\'s workspace as the worker\'s file system', () => {
    const files = new WorkspaceFileSystem();
    files.set([
        { uri: 'file:///gids/a.hrk', text: 'A' },
        { uri: 'file:///gids/bomen/b.hrk', text: 'B' },
        { uri: 'file:///gids/bomen/c%20d.hrk', text: 'C' }
    ]);

    test('lists folders and files, reads files, and forgets deleted ones', () => {
        const listed = files.readDirectorySync(URI.parse('file:///gids'));
        expect(listed.map(n => [n.uri.path, n.isFile])).toEqual([['/gids/a.hrk', true], ['/gids/bomen', false]]);
        expect(files.readDirectorySync(URI.parse('file:///gids/bomen')).map(n => n.uri.path)).toEqual(['/gids/bomen/b.hrk', '/gids/bomen/c d.hrk']);
        expect(files.readFileSync(URI.parse('file:///gids/bomen/c%20d.hrk'))).toBe('C');
        expect(files.existsSync(URI.parse('file:///gids/bomen'))).toBe(true);
        files.delete(['file:///gids/a.hrk']);
        expect(files.existsSync(URI.parse('file:///gids/a.hrk'))).toBe(false);
        expect(() => files.readFileSync(URI.parse('file:///gids/a.hrk'))).toThrow();
    });
});

describe('the browser bundles', () => {
    test('a Node module that reaches the worker\'s bundle fails the build', async () => {
        const dir = tempFolder('hrk-web-bundle-', { 'entry.ts': "import * as fs from 'node:fs';\nconsole.log(fs.existsSync('x'));\n" });
        const { browserServer } = buildOptions();
        await expect(esbuild.build({ ...browserServer, entryPoints: [path.join(dir, 'entry.ts')], write: false, outdir: dir, logLevel: 'silent' }))
            .rejects.toThrow(/node:fs/);
    });

    test('the language server builds for the browser, without Node', async () => {
        const { browserServer } = buildOptions({ production: true });
        const result = await esbuild.build({ ...browserServer, write: false, outdir: 'unused', logLevel: 'silent' });
        const text = result.outputFiles.find(f => f.path.endsWith('.js'))?.text ?? '';
        expect(text.length).toBeGreaterThan(100_000);
        expect(text).not.toMatch(/require\(["']node:/);
    });
});
