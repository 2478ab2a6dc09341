import type { HandreikingJson } from '../generation/json/handreiking-json.js';
import { compareBehaviour } from './behaviour-diff.js';
import { REVIEW_FORMAT_VERSION, type ReviewJson, type VersionJson } from './review-json.js';
import { compareStructure } from './structure-diff.js';
import { MAX_PATHS_PER_TREE } from './tree-paths.js';

/**
 * What a change does to the guide: its structure compared element by element, and its behaviour —
 * every scenario and every complete path run on both versions. Pure: two JSON exports in, the
 * report out; reading the versions (folders, files, git) is the caller's job.
 */
export function compareGuides(oldJson: HandreikingJson, newJson: HandreikingJson, versions: { old: VersionJson; new: VersionJson },
    options: { pathLimit?: number } = {}): ReviewJson {
    const structure = compareStructure(oldJson, newJson);
    const behaviour = compareBehaviour(oldJson, newJson, structure.renames, options.pathLimit ?? MAX_PATHS_PER_TREE);
    return {
        formatVersion: REVIEW_FORMAT_VERSION,
        old: versions.old,
        new: versions.new,
        changed: structure.changes.length > 0 || behaviour.changes.length > 0,
        structure: structure.changes,
        behaviour: behaviour.changes,
        notCompared: behaviour.notCompared
    };
}
