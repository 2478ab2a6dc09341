import type { URI } from 'langium';
import type { HandreikingJson } from '../../../generation/json/handreiking-json.js';
import type { HandreikingServices } from '../../../handreiking-module.js';
import type { ReviewSummary } from '../../protocol.js';

/**
 * The browser twin of lsp/review-summary.ts: the review summary compares with git, and a browser
 * has no git. The browser edition does not offer it; should a client ask, it gets this answer.
 */
export interface WorkingCopy {
    files: number;
}

export function workingCopyOf(services: HandreikingServices, folder: URI): WorkingCopy {
    const prefix = folder.toString().replace(/\/?$/, '/');
    return { files: services.shared.workspace.LangiumDocuments.all.filter(d => d.uri.toString().startsWith(prefix)).count() };
}

export function reviewSummary(services: HandreikingServices, _folder: URI, _workingCopy: WorkingCopy): Promise<ReviewSummary> {
    return Promise.resolve({
        error: services.i18n.Locale.lang === 'en'
            ? 'The review summary compares with git, and there is no git in the browser. Use `handreiking diff` on the command line.'
            : 'De samenvatting voor een review vergelijkt met git, en in de browser is er geen git. Gebruik `handreiking diff` op de opdrachtregel.'
    });
}

/** "Vergelijk met …" reads git in the extension host on the desktop; the browser edition has none. */
export function oldVersionJson(services: HandreikingServices, _files: ReadonlyArray<{ file: string; text: string }>, _root: URI, _label: string):
    Promise<{ json: HandreikingJson } | { error: string }> {
    return Promise.resolve({
        error: services.i18n.Locale.lang === 'en'
            ? 'Comparing with an earlier version reads git, and there is no git in the browser. Use `handreiking diff` on the command line.'
            : 'Vergelijken met een eerdere versie leest git, en in de browser is er geen git. Gebruik `handreiking diff` op de opdrachtregel.'
    });
}
