import type { MermaidRenderer } from '../../language/browser/mermaid-render.js';
import { fundingOverviewFileName, treeFileName, type DiagramExtension } from '../../language/export/file-names.js';
import { describeExcess, DiagramLimitError, pngExcess } from '../../language/generation/mermaid/diagram-limits.js';
import { fundingOverviewMermaid } from '../../language/generation/mermaid/funding-mermaid.js';
import { mermaidConfig, plainTextConfig } from '../../language/generation/mermaid/mermaid-config.js';
import { treeToMermaid } from '../../language/generation/mermaid/tree-mermaid.js';
import type { PreviewData, PreviewTree } from '../../language/lsp/protocol.js';
import { svgMarkupToXml, svgSize, svgXmlToPng } from './image-files.js';
import type { FromWebview, PreviewView } from './messages.js';
import type { Lang, Strings } from './strings.js';

/**
 * The preview's exports: the current view as SVG, PNG or Mermaid text (the buttons), and every tree
 * of the document as SVG or PNG (the export commands, `renderAll`). Images are drawn with the shared
 * light configuration (the same as the HTML export and the CLI), not in the editor's theme: a
 * diagram pasted into a report should not come out dark because the editor is. The Mermaid text is
 * the server's.
 */

export interface ExportHost {
    data(): PreviewData | undefined;
    view(): PreviewView | undefined;
    currentTree(): PreviewTree | undefined;
    post(message: FromWebview): void;
    failed(err: unknown): void;
    /** Says in the page that an export of every tree wrote nothing, and why. */
    exportIncomplete(problems: string): void;
}

const PNG_SCALE = 2;

export class PreviewExports {
    constructor(private readonly renderer: MermaidRenderer, private readonly lang: Lang, private readonly t: Strings, private readonly host: ExportHost) {}

    async exportCurrent(format: 'svg' | 'png' | 'mermaid'): Promise<void> {
        const target = this.current();
        if (!target) return;
        try {
            if (format === 'mermaid') {
                this.host.post({ type: 'export', format, name: target.fileName('mmd'), data: target.text });
                return;
            }
            const svg = await target.svg();
            const data = format === 'svg' ? svg : await this.png(svg);
            this.host.post({ type: 'export', format, name: target.fileName(format), data });
        } catch (err) {
            this.host.failed(err);
        }
    }

    copyText(): void {
        const target = this.current();
        if (target) this.host.post({ type: 'copy', text: target.text });
    }

    /**
     * Every tree, one after the other, for the export commands. A tree that cannot be drawn (too
     * large, or drawn wrong) is named in the error banner and in the answer, which then carries no
     * files: the export writes all trees or none.
     */
    async renderAll(format: 'svg' | 'png', requestId: number): Promise<void> {
        const files: Array<{ name: string; data: string }> = [];
        const failed: string[] = [];
        const data = this.host.data();
        for (const tree of data?.trees ?? []) {
            try {
                const svg = await this.treeSvg(tree, data!);
                files.push({ name: treeFileName(tree.tree.id, format), data: format === 'svg' ? svg : await this.png(svg) });
            } catch (err) {
                const message = `${tree.tree.id}: ${err instanceof Error ? err.message : String(err)}`;
                failed.push(message);
                this.host.post({ type: 'error', message });
            }
        }
        if (failed.length > 0) this.host.exportIncomplete(failed.join(' '));
        this.host.post({ type: 'rendered', requestId, files: failed.length > 0 ? [] : files, failed });
    }

    /** What the buttons export; the suggested file name is the one `handreiking export` writes. */
    private current(): { fileName: (extension: DiagramExtension) => string; text: string; svg: () => Promise<string> } | undefined {
        const data = this.host.data();
        if (!data) return undefined;
        if (this.host.view()?.kind === 'funding') return { fileName: fundingOverviewFileName, text: data.funding.mermaid, svg: () => this.fundingSvg(data) };
        const tree = this.host.currentTree();
        if (!tree) return undefined;
        return { fileName: extension => treeFileName(tree.tree.id, extension), text: tree.mermaid, svg: () => this.treeSvg(tree, data) };
    }

    /** The SVG of a tree for a file: plain-text labels, which other programs show, and the provenance legend. */
    private async treeSvg(tree: PreviewTree, data: PreviewData): Promise<string> {
        const diagram = treeToMermaid(tree.tree, { plainText: true, direction: data.direction, legend: true });
        return svgMarkupToXml(await this.renderer.render(diagram, plainTextConfig()));
    }

    /** The funding overview as the page shows it, with HTML labels, and the provenance legend. */
    private async fundingSvg(data: PreviewData): Promise<string> {
        const diagram = fundingOverviewMermaid(data.funding.model, { legend: true });
        return svgMarkupToXml(await this.renderer.render(diagram, { ...structuredClone(mermaidConfig), suppressErrorRendering: true }));
    }

    /** The PNG of an exported SVG, refused when the image would be beyond the PNG limits. */
    private png(svg: string): Promise<string> {
        const { width, height } = svgSize(svg);
        const excess = pngExcess(width, height, PNG_SCALE);
        if (excess) return Promise.reject(new DiagramLimitError(excess, this.t.pngTooLarge(describeExcess(excess, this.lang))));
        return svgXmlToPng(svg, PNG_SCALE);
    }
}
