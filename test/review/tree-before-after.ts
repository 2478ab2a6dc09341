import { exportWorkspaceJson } from '../../language/generation/json/export-json.js';
import type { HandreikingJson } from '../../language/generation/json/handreiking-json.js';
import { clearAll, createTestServices, validateFiles } from '../helpers.js';

/**
 * One tree in two versions, for the comparison (tree-comparison.test.ts) and for the preview that
 * draws it (extension/webview/preview-compare.test.ts): both tests look at the same change.
 */

export const treeBefore = `beslisboom B "Boom" {
    vraag Stabiel "Is de groep stabiel?" { ja -> Ruimte nee -> Onenigheid }
    vraag Onenigheid "Is er onenigheid?" { ja -> Gesprek nee -> Ruimte }
    advies Gesprek "Ga in gesprek"
    advies Ruimte "Zoek een ruimte"
    advies Oud "Een advies dat verdwijnt"
}
scenario "onrustig" { beslisboom B Stabiel: nee Onenigheid: ja verwacht Gesprek }
`;

// Onenigheid reworded, its "ja" rewired to a new advice, its "nee" gone, a new answer; Oud gone.
// The new advice's text has markup, which the preview must show as text.
export const treeAfter = `beslisboom B "Boom" {
    vraag Stabiel "Is de groep stabiel?" { ja -> Ruimte nee -> Onenigheid }
    vraag Onenigheid "Is er onenigheid in de groep?" { ja -> Bemiddeling antwoord "weet niet" -> Gesprek }
    advies Gesprek "Ga in gesprek"
    advies Bemiddeling "Zoek een <b>bemiddelaar</b>"
    advies Ruimte "Zoek een ruimte"
}
scenario "onrustig" { beslisboom B Stabiel: nee Onenigheid: ja verwacht Gesprek }
`;

/** The JSON export of `text` as the only file of a workspace of its own. */
export async function guideJson(text: string): Promise<HandreikingJson> {
    const services = createTestServices();
    await validateFiles(services, { 'g.hrk': text });
    const json = exportWorkspaceJson(services);
    await clearAll(services);
    return json;
}
