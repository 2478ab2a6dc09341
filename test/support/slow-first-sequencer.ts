import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The order in which test files start. Files run side by side on a few workers, so the run ends
 * soonest when the longest files start first and the many short ones fill the gaps at the end.
 * Vitest does that from its cache of last durations, but a fresh clone has no cache (it then starts
 * the largest files first, which are not the slowest): these files, the slowest by measurement,
 * start first in this order; every other file follows in vitest's own order.
 */
const slowest = [
    'test/web/browser-edition.test.ts',
    'test/security/renderers.test.ts',
    'test/cli/image-export.test.ts',
    'test/extension/webview/preview-render.test.ts',
    'test/fuzz/fuzz-sample.test.ts',
    'test/extension/webview/preview-walk.test.ts',
    'test/fuzz/regressions.test.ts',
    'test/generation/html/html-guide.browser.test.ts',
    'test/no-lost-work/atomic-export.test.ts',
    'test/extension/webview/preview-updates.test.ts',
    'test/no-lost-work/edits.test.ts',
    'test/cli/export-target-cli.test.ts',
    'test/cli/check-cli.test.ts'
];

export class SlowFirstSequencer extends BaseSequencer {
    override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
        const sorted = await super.sort(files);
        const rank = (spec: TestSpecification) => {
            const index = slowest.findIndex(file => spec.moduleId.replaceAll('\\', '/').endsWith(file));
            return index < 0 ? slowest.length : index;
        };
        return sorted.map((spec, order) => ({ spec, order, rank: rank(spec) }))
            .sort((a, b) => a.rank - b.rank || a.order - b.order)
            .map(entry => entry.spec);
    }
}
