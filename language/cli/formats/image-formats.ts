import * as path from 'node:path';
import { SingleBar } from 'cli-progress';
import type { TreeJson } from '../../generation/json/handreiking-json.js';
import { describeExcess, diagramExcess, pngExcess } from '../../generation/mermaid/diagram-limits.js';
import { describeDrawnProblem, DrawnDiagramError } from '../../generation/mermaid/drawn-diagram.js';
import { mermaidConfig, plainTextConfig } from '../../generation/mermaid/mermaid-config.js';
import { treeToMermaid, type MermaidDiagram } from '../../generation/mermaid/tree-mermaid.js';
import type { Lang } from '../../i18n/locale.js';
import { BrowserMissingError, MermaidRenderer, type DrawnSvg } from '../../render/mermaid-renderer.js';
import { cliMessages } from '../cli-messages.js';
import type { ExportFormat } from '../export-command.js';
import { safeFileName } from '../output-target.js';
import { ExportProblem, UsageError } from '../usage-error.js';

const PNG_SCALE = 2;

/**
 * SVG and PNG, one file per tree, drawn by the system's Chromium. One browser serves the whole
 * batch; a progress bar shows on a terminal when there is more than one tree.
 *
 * Nothing is written until every tree is known to be drawable: first each tree is checked against
 * the limits every renderer shares (before Chromium starts), then each is laid out and the drawing
 * checked against the diagram (and, for PNG, the image size against its limits); only then are the
 * files written (a PNG is photographed just before it is written). A failure in that last step
 * names the files already written.
 */
function imageFormat(kind: 'svg' | 'png'): ExportFormat {
    return {
        describe: () => kind.toUpperCase(),
        async write(json, target, options) {
            const t = cliMessages(options.lang);
            const plainText = kind === 'svg' && options.plainText;
            const jobs = json.trees.map(tree => ({ tree, diagram: treeToMermaid(tree, { plainText }) }));

            const tooLarge = jobs.flatMap(({ tree, diagram }) => {
                const excess = diagramExcess(diagram);
                return excess ? [t.treeTooLarge(tree.id, describeExcess(excess, options.lang))] : [];
            });
            if (tooLarge.length > 0) throw new ExportProblem([...tooLarge, t.tooLargeHint].join('\n'));

            let renderer: MermaidRenderer;
            try {
                renderer = await MermaidRenderer.launch();
            } catch (err) {
                if (err instanceof BrowserMissingError) throw new UsageError(t.browserMissing);
                throw new UsageError(t.browserFailed(firstLine(err)));
            }
            const steps = jobs.length * (kind === 'png' ? 2 : 1);
            const bar = process.stderr.isTTY && jobs.length > 1
                ? new SingleBar({ format: `${kind.toUpperCase()} [{bar}] {value}/{total} {tree}`, stream: process.stderr, hideCursor: true, clearOnComplete: true })
                : undefined;
            bar?.start(steps, 0, { tree: '' });
            let step = 0;
            const written: string[] = [];
            try {
                const drawn: DrawnSvg[] = [];
                for (const { tree, diagram } of jobs) {
                    bar?.update(step++, { tree: tree.id });
                    drawn.push(await drawTree(renderer, tree, diagram, plainText, options.lang));
                }
                if (kind === 'png') {
                    const tooLargeForPng = jobs.flatMap(({ tree }, i) => {
                        const size = MermaidRenderer.pngSize(drawn[i]);
                        const excess = pngExcess(size.width, size.height, PNG_SCALE);
                        return excess ? [t.treeTooLargeForPng(tree.id, describeExcess(excess, options.lang))] : [];
                    });
                    if (tooLargeForPng.length > 0) throw new ExportProblem([...tooLargeForPng, t.pngTooLargeHint].join('\n'));
                }
                for (const [i, { tree }] of jobs.entries()) {
                    let data: string | Uint8Array = drawn[i].svg;
                    if (kind === 'png') {
                        bar?.update(step++, { tree: tree.id });
                        try {
                            data = await renderer.png(drawn[i], { scale: PNG_SCALE, transparent: options.transparent });
                        } catch (err) {
                            throw new UsageError(t.drawFailed(tree.id, firstLine(err), written.map(f => path.basename(f))));
                        }
                    }
                    written.push(await target.write(`${safeFileName(tree.id)}.${kind}`, data));
                }
                bar?.update(step, { tree: '' });
            } finally {
                bar?.stop();
                await renderer.close().catch(() => undefined);
            }
            return written;
        }
    };
}

/** Lays out one tree; a failure (nothing is written yet) says which tree and what Mermaid did. */
async function drawTree(renderer: MermaidRenderer, tree: TreeJson, diagram: MermaidDiagram, plainText: boolean, lang: Lang): Promise<DrawnSvg> {
    try {
        return await renderer.draw(diagram, plainText ? plainTextConfig() : mermaidConfig);
    } catch (err) {
        const reason = err instanceof DrawnDiagramError ? describeDrawnProblem(err.problem, lang) : firstLine(err);
        throw new UsageError(cliMessages(lang).drawFailed(tree.id, reason, []));
    }
}

/** The first line of an error, without Playwright's "page.evaluate: " prefix or control characters, cut short. */
function firstLine(err: unknown): string {
    const line = (err instanceof Error ? err.message : String(err)).split('\n')[0]
        .replace(/^(?:page|locator|elementHandle|jsHandle|browser|browserContext)\.\w+: /, '')
        .replace(/[\u0000-\u001F\u007F-\u009F]/g, ' ');
    return line.length > 300 ? `${line.slice(0, 299)}…` : line;
}

export const svgExportFormat = imageFormat('svg');
export const pngExportFormat = imageFormat('png');
