import { fundingOverviewMermaid } from '../../generation/mermaid/funding-mermaid.js';
import { treeToMermaid } from '../../generation/mermaid/tree-mermaid.js';
import { typologyTableMarkdown } from '../../generation/tables/typology-table.js';
import type { ExportFormat } from '../export-command.js';
import { safeFileName } from '../output-target.js';

/** The file name of the funding overview; tree ids cannot clash with it (they start with a capital). */
export const FUNDING_OVERVIEW_FILE = 'financiering-overzicht';

/** One `.mmd` file per tree plus the funding overview, for editors' Mermaid tools and documentation sites. */
export const mermaidExportFormat: ExportFormat = {
    describe: lang => (lang === 'en' ? 'Mermaid' : 'Mermaid'),
    async write(json, target) {
        const written: string[] = [];
        for (const tree of json.trees) {
            written.push(await target.write(`${safeFileName(tree.id)}.mmd`, treeToMermaid(tree).text));
        }
        written.push(await target.write(`${FUNDING_OVERVIEW_FILE}.mmd`, fundingOverviewMermaid(json).text));
        return written;
    }
};

/** The typology comparison table as Markdown, for documentation sites and wikis. */
export const markdownExportFormat: ExportFormat = {
    singleFileExtension: '.md',
    describe: lang => (lang === 'en' ? 'Typology table (Markdown)' : 'Typologietabel (Markdown)'),
    async write(json, target) {
        return [await target.write('typologieen.md', typologyTableMarkdown(json))];
    }
};
