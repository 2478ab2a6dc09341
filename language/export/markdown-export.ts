import { typologyTableMarkdown } from '../generation/tables/typology-table.js';
import type { ExportFiles } from './exported-file.js';
import { MARKDOWN_FILE } from './file-names.js';

/** The typology comparison table as Markdown, for documentation sites and wikis. */
export const markdownFiles: ExportFiles<string> = async function* (json) {
    yield { name: MARKDOWN_FILE, content: typologyTableMarkdown(json) };
};
