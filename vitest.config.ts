import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['test/**/*.test.ts'],
        // The end-to-end test has its own config (npm run test:e2e): it needs code-server and a .vsix.
        exclude: ['test/e2e/**', 'node_modules/**'],
        // One temporary folder for the run (TMPDIR), checked for leftovers at the end; each file's
        // own temporary folders are removed after its last test.
        globalSetup: ['test/support/global-setup.ts'],
        setupFiles: ['test/support/file-setup.ts'],
        // One test file at a time: several files start Chromium or the language server, and on a
        // 2-core machine two of those side by side made timing-sensitive UI tests flaky.
        fileParallelism: false,
        testTimeout: 60_000,
        hookTimeout: 60_000
    }
});
