import { defineConfig } from 'vitest/config';

/**
 * `npm run test:e2e`: only the end-to-end test, which drives the packaged extension in a real
 * VS Code (code-server). The default config leaves test/e2e out; `npm test` runs this config after it.
 */
export default defineConfig({
    test: {
        include: ['test/e2e/**/*.e2e.test.ts'],
        // Packaging (~40 s), code-server's start and the UI steps on a 2-core box.
        testTimeout: 8 * 60_000,
        hookTimeout: 5 * 60_000,
        fileParallelism: false,
        reporters: ['verbose']
    }
});
