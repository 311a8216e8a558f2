import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['docs/**/*.test.ts', 'shared-schema/src/**/*.test.ts', 'sync-server/**/*.test.ts', 'web/src/**/*.test.ts', 'sim/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'e2e/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
