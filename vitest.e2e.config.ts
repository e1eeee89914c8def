import { defineConfig } from 'vitest/config';

// End-to-end tests: the built renderer in real Chromium (Debian's /usr/bin/chromium), against
// browser mode on a temporary database. One file at a time: Chromium is heavy on two cores.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    setupFiles: ['tests/setup.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
