import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Builds dist/ once: CLI and end-to-end tests spawn the built bin/viztracer.js.
    globalSetup: ['test/global-setup.ts'],
    // Tests spawn real node processes and write real traces; two cores on CI.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
