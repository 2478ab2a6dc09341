import type { ExportFormat } from '../../cli/export-command.js';
import { UsageError } from '../../cli/usage-error.js';
import { loadGuideAssets } from './guide-assets.js';
import { generateHtmlGuide } from './html-guide.js';

/** `handreiking export html`: the whole guide as one self-contained page, `handreiking.html`. */
export const htmlExportFormat: ExportFormat = {
    singleFileExtension: '.html',
    describe: lang => (lang === 'en' ? 'HTML guide' : 'HTML-gids'),
    async write(json, target) {
        let assets;
        try {
            assets = await loadGuideAssets();
        } catch (err) {
            // A missing bundle or Mermaid is a problem with the installation: exit 2 with the message.
            throw new UsageError((err as Error).message);
        }
        return [await target.write('handreiking.html', generateHtmlGuide(json, assets))];
    }
};
