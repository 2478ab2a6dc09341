import { SingleBar } from 'cli-progress';
import { mermaidConfig, plainTextConfig } from '../../generation/mermaid/mermaid-config.js';
import { treeToMermaid } from '../../generation/mermaid/tree-mermaid.js';
import { BrowserMissingError, MermaidRenderer } from '../../render/mermaid-renderer.js';
import { cliMessages } from '../cli-messages.js';
import type { ExportFormat } from '../export-command.js';
import { safeFileName } from '../output-target.js';
import { UsageError } from '../usage-error.js';

/**
 * SVG and PNG, one file per tree, drawn by the system's Chromium. One browser serves the whole
 * batch; a progress bar shows on a terminal when there is more than one tree.
 */
function imageFormat(kind: 'svg' | 'png'): ExportFormat {
    return {
        describe: () => kind.toUpperCase(),
        async write(json, target, options) {
            const t = cliMessages(options.taal);
            let renderer: MermaidRenderer;
            try {
                renderer = await MermaidRenderer.launch();
            } catch (err) {
                if (err instanceof BrowserMissingError) throw new UsageError(t.browserMissing);
                throw new UsageError(t.browserFailed((err as Error).message.split('\n')[0]));
            }
            const bar = process.stderr.isTTY && json.trees.length > 1
                ? new SingleBar({ format: `${kind.toUpperCase()} [{bar}] {value}/{total} {tree}`, stream: process.stderr, hideCursor: true, clearOnComplete: true })
                : undefined;
            bar?.start(json.trees.length, 0, { tree: '' });
            const written: string[] = [];
            try {
                for (const tree of json.trees) {
                    bar?.update(written.length, { tree: tree.id });
                    const text = treeToMermaid(tree, { plainText: kind === 'svg' && options.plainText }).text;
                    const data = kind === 'svg'
                        ? await renderer.svg(text, options.plainText ? plainTextConfig() : mermaidConfig)
                        : await renderer.png(text, mermaidConfig, { scale: 2, transparent: options.transparent });
                    written.push(await target.write(`${safeFileName(tree.id)}.${kind}`, data));
                }
                bar?.update(written.length, { tree: '' });
            } finally {
                bar?.stop();
                await renderer.close();
            }
            return written;
        }
    };
}

export const svgExportFormat = imageFormat('svg');
export const pngExportFormat = imageFormat('png');
