import { fundingOverviewMermaid } from '../generation/mermaid/funding-mermaid.js';
import { treeToMermaid } from '../generation/mermaid/tree-mermaid.js';
import type { ExportFiles } from './exported-file.js';
import { fundingOverviewFileName, treeFileName } from './file-names.js';

/**
 * One `.mmd` file per tree plus the funding overview, for editors' Mermaid tools and documentation
 * sites. Each carries its provenance legend: a diagram on its own has no page to explain its borders.
 */
export const mermaidFiles: ExportFiles<string> = async function* (json) {
    for (const tree of json.trees) yield { name: treeFileName(tree.id, 'mmd'), content: treeToMermaid(tree, { legend: true }).text };
    yield { name: fundingOverviewFileName('mmd'), content: fundingOverviewMermaid(json, { legend: true }).text };
};
