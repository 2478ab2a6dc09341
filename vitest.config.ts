import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['test/**/*.test.ts'],
        // The end-to-end test has its own config (npm run test:e2e): it needs code-server and a .vsix.
        exclude: ['test/e2e/**', 'node_modules/**'],
        testTimeout: 60_000,
        hookTimeout: 60_000
    }
});
