import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import { SlowFirstSequencer } from './test/support/slow-first-sequencer.js';

/**
 * Files that get a fresh worker of their own: those that replace modules with `vi.mock`, and the
 * browser tests (a worker of their own costs nothing next to Chromium). Every other file shares
 * workers with the files before it (`isolate: false`): it saves starting a process and loading
 * Langium again for each of some forty small files, about half of their time.
 */
const ownWorker = [
    'test/no-lost-work/atomic-export.test.ts',
    'test/extension/server-watchdog.test.ts',
    'test/extension/webview/preview-*.test.ts',
    'test/security/renderers.test.ts',
    'test/generation/html/html-guide.browser.test.ts',
    'test/generation/html/html-guide-predrawn.browser.test.ts',
    'test/generation/html/html-guide-theme.browser.test.ts',
    'test/generation/html/html-guide-calculator.browser.test.ts',
    'test/cli/image-export.test.ts',
    'test/web/browser-edition.test.ts'
];

const common: NonNullable<TestProjectInlineConfiguration['test']> = {
    // Removes each file's temporary folders after its last test (test/support/temp-dir.ts).
    setupFiles: ['test/support/file-setup.ts'],
    // Deadlines that only turn a hang into a failure, with room for a loaded 2-core machine.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // `expect.poll` waits for a condition; its default of one second is a race on a loaded machine
    // (a CSP report in the renderers test took longer). A condition that never comes still fails.
    expect: { poll: { timeout: 60_000 } }
};

export default defineConfig({
    test: {
        // One temporary folder for the run (TMPDIR), checked for leftovers at the end.
        globalSetup: ['test/support/global-setup.ts'],
        // Test files run side by side. Nothing in a test depends on how fast the machine is: tests
        // wait for events and conditions, control the page's clock where time is the subject, and
        // bound CPU time rather than time on the clock.
        maxWorkers: 4,
        sequence: { sequencer: SlowFirstSequencer },
        projects: [
            {
                test: {
                    ...common,
                    name: 'shared-workers',
                    include: ['test/**/*.test.ts'],
                    // The end-to-end test has its own config (npm run test:e2e): it needs code-server and a .vsix.
                    exclude: ['test/e2e/**', 'node_modules/**', ...ownWorker],
                    isolate: false
                }
            },
            {
                test: {
                    ...common,
                    name: 'own-worker',
                    include: ownWorker
                }
            }
        ]
    }
});
