import { describe, expect, test } from 'vitest';
import { exportFormats, isExportFormat, singleFileExtension, type ExportFormatName } from '../../language/export/export-formats.js';
import { collectFiles } from '../../language/export/exported-file.js';
import { safeFileName, treeFileName } from '../../language/export/file-names.js';
import { loadExport } from '../../language/export/load-export.js';
import { exampleJson } from '../helpers.js';

/**
 * One list of export formats and one set of file names for the command line and the editor
 * (language/export/). The CLI writes these files through its output target (test/cli), the language
 * server sends them to the editor (test/lsp/lsp-client.test.ts).
 */

describe('the export formats', () => {
    test('one list, in the order the help shows it; only SVG and PNG need a browser, only PNG is bytes', () => {
        expect(Object.keys(exportFormats)).toEqual(['json', 'mermaid', 'markdown', 'html', 'svg', 'png']);
        expect(Object.entries(exportFormats).filter(([, f]) => f.drawn).map(([name]) => name)).toEqual(['svg', 'png']);
        expect(Object.entries(exportFormats).filter(([, f]) => f.binary).map(([name]) => name)).toEqual(['png']);
        expect(isExportFormat('markdown')).toBe(true);
        expect(isExportFormat('typologyTableMarkdown')).toBe(false);
        expect(isExportFormat('toString')).toBe(false);
    });

    test('the single-file formats, which -o may name and the editor saves with a save dialog', () => {
        const single = (Object.keys(exportFormats) as ExportFormatName[]).filter(f => singleFileExtension(f) !== undefined);
        expect(single.map(f => [f, singleFileExtension(f)])).toEqual([['json', '.json'], ['markdown', '.md'], ['html', '.html']]);
    });
});

describe('the files of the text formats, for the examples', () => {
    test('json, mermaid, markdown and html give the names the docs list, each a text', async () => {
        const json = await exampleJson();
        const scripts = async () => ({ mermaidJs: '/* mermaid */', appJs: '/* app */' });
        const files = async (format: 'json' | 'mermaid' | 'markdown' | 'html') =>
            collectFiles((await loadExport(format))(json, { lang: 'nl', guideAssets: scripts }));

        const [data] = await files('json');
        expect(data.name).toBe('handreiking.json');
        expect(JSON.parse(data.content)).toEqual(json);

        const mermaid = await files('mermaid');
        expect(mermaid.map(f => f.name)).toEqual([...json.trees.map(t => `${t.id}.mmd`), 'financiering-overzicht.mmd']);
        expect(mermaid.every(f => f.content.startsWith('flowchart '))).toBe(true);

        expect((await files('markdown')).map(f => f.name)).toEqual(['typologieen.md']);
        const [page] = await files('html');
        expect(page.name).toBe('handreiking.html');
        expect(page.content).toContain('/* app */');
    });

    test('the HTML guide in a host that has no scripts for it says so', async () => {
        await expect(collectFiles((await loadExport('html'))(await exampleJson(), { lang: 'nl' }))).rejects.toThrow(/scripts/);
    });
});

describe('file names', () => {
    test('a tree is its id with the extension; an id is a file name as it is', () => {
        expect(treeFileName('Bewonersbeheer', 'mmd')).toBe('Bewonersbeheer.mmd');
        expect(treeFileName('Één_2', 'png')).toBe('Één_2.png');
    });

    test('a name from elsewhere never becomes a path', () => {
        expect(safeFileName('../../etc/passwd')).toBe('.._.._etc_passwd');
        expect(safeFileName('a\\b:c')).toBe('a_b_c');
        expect(safeFileName('')).toBe('_');
    });
});
