import { defineConfig } from 'vitest/config';

const common = {
  exclude: ['**/node_modules/**', 'e2e/**'],
  testTimeout: 30_000,
  hookTimeout: 60_000,
  pool: 'forks' as const,
  // One module graph per worker, not one per file: each file's fresh import of the server, the
  // data layer and their libraries was most of the run (pure table tests: 93 % import, 250 s →
  // 20 s for 61 files). Files that mock modules stay isolated (`isolatedTests`).
  isolate: false,
};

/** Files that replace modules (vi.doMock) or fake timers: in a shared graph that would leak into the next file. */
export const isolatedTests = [
  'web/src/lib/coach/dashboard/snapshot.test.ts',
  'web/src/lib/data/log-sets-upgrade.test.ts',
  'web/src/lib/data/schema-upgrade.test.ts',
];

/**
 * Integration tests whose outcome depends on the store: they run a second time, on a real
 * PostgreSQL started by the project's globalSetup (sync-server/test/pg-setup.ts), plus the
 * tests only PostgreSQL has (sync-server/test/pg/), and the short simulation on two instances
 * (sim/sim-pg.test.ts). README "What runs where".
 */
export const storeTests = [
  'sync-server/test/sync.test.ts',
  'sync-server/test/account-deletion.test.ts',
  'sync-server/test/authorization.test.ts',
  'sync-server/test/assignments.test.ts',
  'sync-server/test/admin-assignments.test.ts',
  'sync-server/test/admin-plans.test.ts',
  'sync-server/test/auth.test.ts',
  'sync-server/test/push-answer.test.ts',
  'sync-server/test/recent-first.test.ts',
  'sync-server/test/rest.test.ts',
  'sync-server/test/bad-input.test.ts',
  'sync-server/test/comment-targets.test.ts',
  'sync-server/test/sync-write-holes.test.ts',
  'sync-server/test/tombstone-echo.test.ts',
  'sync-server/test/resource-views.test.ts',
  'sync-server/test/push-batch.test.ts',
  'sync-server/test/push-notifications.test.ts',
  'sync-server/test/reminders-scheduler.test.ts',
  'sync-server/test/faults-sigkill.test.ts',
  'sync-server/test/fuzz-endpoints.test.ts',
  'sync-server/test/auth-attacks.test.ts',
  'sync-server/test/faults-interrupted.test.ts',
  'sync-server/test/catalogue-groups.test.ts',
  'sync-server/test/media.test.ts',
  'sync-server/test/accounts.test.ts',
  'sync-server/test/export.test.ts',
  'sync-server/test/import.test.ts',
  'sync-server/test/pull-relations-race.test.ts',
  // Not stream-fanout.test.ts: it counts pulls within turns of the event loop, which only an
  // in-process store answers within; the store-independent fan-out is tested on SQLite.
];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...common,
          name: 'sqlite',
          include: ['docs/**/*.test.ts', 'shared-schema/src/**/*.test.ts', 'sync-server/**/*.test.ts', 'web/src/**/*.test.ts', 'sim/**/*.test.ts'],
          exclude: [...common.exclude, 'sync-server/test/pg/**', 'sim/sim-pg.test.ts', ...isolatedTests],
        },
      },
      {
        test: { ...common, name: 'isolated', isolate: true, include: isolatedTests },
      },
      {
        test: {
          ...common,
          name: 'pg',
          // README "What runs where".
          include: [...storeTests, 'sync-server/test/pg/**/*.test.ts', 'sim/sim-pg.test.ts'],
          globalSetup: ['sync-server/test/pg-setup.ts'],
          // Each file in a fresh process, as before: the files share one PostgreSQL cluster, and
          // connections or listeners a file leaves behind would stay open for the next.
          isolate: true,
          // The cluster's URL (SPOTTER_TEST_PG) is set by the globalSetup in the runner, whose
          // environment every project's workers inherit: only this project's servers use it.
          env: { SPOTTER_TEST_STORE: 'pg' },
        },
      },
    ],
  },
});
