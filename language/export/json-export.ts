import type { HandreikingJson } from '../generation/json/handreiking-json.js';
import type { ExportFiles } from './exported-file.js';
import { JSON_FILE } from './file-names.js';

/** The whole guide as JSON for other tools (docs/json-format.md). */
export const jsonFiles: ExportFiles<string> = async function* (json) {
    yield { name: JSON_FILE, content: serializeJson(json) };
};

/** Serialises the export: two-space indentation and a final newline, the same bytes for the same input. */
export function serializeJson(json: HandreikingJson): string {
    return JSON.stringify(json, null, 2) + '\n';
}
