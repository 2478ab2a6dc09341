import type { LangiumSharedServices } from 'langium/lsp';
import type { HandreikingServices } from '../handreiking-module.js';
import { HerkomstSettingKey, strengFrom } from '../provenance/herkomst-setting.js';

/**
 * The editor's setting `handreiking.herkomst.streng` in the language server: read from the
 * initialization options at start (the extension sends `{ herkomst: { streng } }`), and from each
 * configuration change afterwards, when every document is checked again so that HRK060 changes
 * between hint and warning at once.
 */
export function followHerkomstSetting(shared: LangiumSharedServices, services: HandreikingServices): void {
    const setting = services.handreiking.HerkomstSetting;
    shared.lsp.LanguageServer.onInitialize(params => {
        const options = params.initializationOptions as Record<string, unknown> | undefined;
        const streng = strengFrom(options?.[HerkomstSettingKey.key]);
        if (streng !== undefined) setting.streng = streng;
    });
    shared.workspace.ConfigurationProvider.onConfigurationSectionUpdate(update => {
        if (update.section !== HerkomstSettingKey.section) return;
        const section = update.configuration as Record<string, unknown> | undefined;
        const streng = strengFrom(section?.[HerkomstSettingKey.key]) ?? false;
        if (streng === setting.streng) return;
        setting.streng = streng;
        const workspace = shared.workspace;
        workspace.WorkspaceManager.ready
            .then(() => workspace.WorkspaceLock.write(token =>
                workspace.DocumentBuilder.build(workspace.LangiumDocuments.all.toArray(), { validation: true }, token)))
            .catch(err => console.error('[handreiking] checking again after the herkomst setting changed failed:', err));
    });
}
