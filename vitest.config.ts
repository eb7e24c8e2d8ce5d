import { defineConfig } from 'vitest/config';

/**
 * Named test tiers (STYLE.md): unit = pure core and services' helpers; storage = repositories on the backend
 * chosen by ZERODOCK_TEST_BACKEND (pglite | postgres); api = the real HTTP server in-process on loopback;
 * cli = the zerodock binary as a black box; e2e = Playwright driving Debian's chromium.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          exclude: ['**/*.db.test.ts', '**/node_modules/**'],
          include: [
            'src/core/**/*.test.ts',
            'src/contracts/**/*.test.ts',
            'src/services/**/*.test.ts',
            'src/interchange/**/*.test.ts',
            'data/**/*.test.ts',
            'web/src/**/*.test.ts',
          ],
        },
      },
      {
        test: {
          name: 'storage',
          include: ['src/storage/**/*.test.ts', 'src/services/**/*.db.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      { test: { name: 'api', include: ['src/server/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000 } },
      {
        test: {
          name: 'cli',
          include: ['e2e/cli/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: true,
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/browser/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
