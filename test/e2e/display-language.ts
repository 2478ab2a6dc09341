import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * VS Code's display language for code-server without a language pack from the gallery (no
 * internet here). `--locale nl` alone falls back to English when no Dutch language pack is
 * known, and then `vscode.env.language` is "en": the extension would never speak Dutch.
 *
 * The server looks up language packs in `<user-data-dir>/languagepacks.json` (written by VS Code
 * when a language pack extension is installed). An entry whose translations file is empty gives
 * a Dutch *locale* with VS Code's own texts left in English: exactly what the test needs, since
 * it is the extension's texts (package.nls.nl.json, l10n/, the webview, the diagnostics) that
 * should be Dutch. Checked with code-server 4.139.1 (VS Code 1.139.1); the entry needs an
 * `extensions` item, or VS Code's "Configure Display Language" fails on it.
 */
export function writeDisplayLanguage(userDataDir: string, folder: string, languageId: string): void {
    fs.mkdirSync(folder, { recursive: true });
    const translations = path.join(folder, 'main.i18n.json');
    fs.writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
    const packs = {
        [languageId]: {
            hash: `handreiking-e2e-${languageId}`,
            extensions: [{ extensionIdentifier: { id: `handreiking-e2e.language-${languageId}` }, version: '1.0.0' }],
            translations: { vscode: translations },
            label: languageId
        }
    };
    fs.mkdirSync(userDataDir, { recursive: true });
    fs.writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify(packs, null, 4));
}
