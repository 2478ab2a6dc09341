import { button, h, replace } from '../../language/browser/dom.js';
import { safeFileName } from '../../language/export/file-names.js';
import type { ExportedFile } from '../../language/export/exported-file.js';
import { download } from './file-access.js';
import type { PageStrings } from './strings.js';

export interface ExportActions {
    /** The language server's export of the whole workspace (the command line's files and names). */
    request(format: 'json' | 'mermaid' | 'html'): Promise<unknown>;
    /** SVG or PNG of the open file's trees, drawn in the preview. */
    renderAll(format: 'svg' | 'png'): Promise<{ files: Array<{ name: string; data: string }>; failed: string[] }>;
    notify(message: string): void;
}

type Format = 'json' | 'mermaid' | 'html' | 'svg' | 'png';

/**
 * The export menu: JSON, Mermaid and the HTML guide come from the language server, with the same
 * content and names as `handreiking export`; SVG and PNG are drawn by the preview. One file is
 * downloaded at once; several are listed to download one by one or all together.
 */
export class ExportsMenu {
    private readonly menu: HTMLElement;
    private readonly dialog: HTMLDialogElement;

    constructor(trigger: HTMLButtonElement, private readonly t: PageStrings, private readonly actions: ExportActions) {
        const item = (format: Format, label: string) => h('li', { attrs: { role: 'none' } },
            button(label, () => { this.close(); void this.run(format); }, { attrs: { role: 'menuitem', 'data-format': format } }));
        this.menu = h('ul', { class: 'menu', attrs: { role: 'menu', hidden: '', 'data-testid': 'export-menu' } },
            item('json', t.exportJson), item('mermaid', t.exportMermaid), item('html', t.exportHtml), item('svg', t.exportSvg), item('png', t.exportPng));
        trigger.after(this.menu);
        trigger.addEventListener('click', () => {
            this.menu.hidden = !this.menu.hidden;
            trigger.setAttribute('aria-expanded', String(!this.menu.hidden));
        });
        document.addEventListener('keydown', event => { if (event.key === 'Escape') this.close(); });
        this.dialog = h('dialog', { class: 'export-files', attrs: { 'data-testid': 'export-files' } });
        document.body.appendChild(this.dialog);
    }

    private close(): void {
        this.menu.hidden = true;
    }

    async run(format: Format): Promise<void> {
        document.body.dataset.exporting = format;
        try {
            const files = format === 'svg' || format === 'png' ? await this.drawn(format) : await this.fromServer(format);
            if (files.length === 0) this.actions.notify(this.t.exportNothing);
            else if (files.length === 1) download(files[0].name, files[0].content, files[0].type);
            else this.offer(files);
        } catch (err) {
            this.actions.notify(this.t.exportFailed(err instanceof Error ? err.message : String(err)));
        } finally {
            delete document.body.dataset.exporting;
        }
    }

    private async fromServer(format: 'json' | 'mermaid' | 'html'): Promise<Offered[]> {
        const files = await this.actions.request(format) as Array<ExportedFile<string>>;
        const type = format === 'json' ? 'application/json' : format === 'html' ? 'text/html' : 'text/plain';
        return files.map(f => ({ name: safeFileName(f.name), content: f.content, type: `${type};charset=utf-8` }));
    }

    private async drawn(format: 'svg' | 'png'): Promise<Offered[]> {
        const result = await this.actions.renderAll(format);
        for (const failure of result.failed) this.actions.notify(failure);
        return result.files.map(f => ({
            name: safeFileName(f.name),
            content: format === 'png' ? dataUrlBytes(f.data) : f.data,
            type: format === 'png' ? 'image/png' : 'image/svg+xml'
        }));
    }

    private offer(files: Offered[]): void {
        replace(this.dialog,
            h('h2', {}, this.t.exportFiles),
            h('ul', {}, ...files.map(f => h('li', {}, button(f.name, () => download(f.name, f.content, f.type))))),
            h('p', {},
                button(this.t.downloadAll, () => { for (const f of files) download(f.name, f.content, f.type); }),
                ' ',
                button(this.t.close, () => this.dialog.close())));
        this.dialog.showModal();
    }
}

interface Offered {
    name: string;
    content: string | Uint8Array;
    type: string;
}

function dataUrlBytes(dataUrl: string): Uint8Array {
    const binary = atob(dataUrl.replace(/^data:[^,]*,/, ''));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
}
