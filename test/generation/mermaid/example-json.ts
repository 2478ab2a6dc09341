import * as fs from 'node:fs';
import * as path from 'node:path';
import type { HandreikingJson } from '../../../language/generation/json/handreiking-json.js';
import { exportWorkspaceJson } from '../../../language/generation/json/export-json.js';
import { clearAll, createTestServices, exampleFiles, validateFiles } from '../../helpers.js';

/** The JSON export of every example file, loaded as one workspace: the realistic generator input. */
export async function exampleJson(): Promise<HandreikingJson> {
    const root = path.resolve(__dirname, '../../../examples');
    const services = createTestServices();
    await validateFiles(services, Object.fromEntries(exampleFiles(root).map(f => [path.relative(root, f), fs.readFileSync(f, 'utf-8')])));
    const json = exportWorkspaceJson(services, '/ws');
    await clearAll(services);
    return json;
}
