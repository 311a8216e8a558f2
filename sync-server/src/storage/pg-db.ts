import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as tables from './pg-tables.ts';
import { describeUrl } from '../config.ts';

export type PgDb = NodePgDatabase<typeof tables>;

const migrationsFolder = fileURLToPath(new URL('../../../drizzle-pg', import.meta.url));

export interface PgOptions {
  /** Connections this process may hold at most (PG_POOL_MAX); default 10. */
  poolMax?: number;
  /** Milliseconds a statement may run before PostgreSQL cancels it (PG_STATEMENT_TIMEOUT_MS); default 15 s. */
  statementTimeoutMs?: number;
  /** How long to wait for the database at start (PG_WAIT_SECONDS); default 60 s. */
  waitSeconds?: number;
  /** Told what the start is waiting for. */
  log?: (line: string) => void;
}

export { describeUrl } from '../config.ts';

// Migrations of several instances starting at once run one after the other (a session lock).
const MIGRATION_LOCK = 0x5370_6d67;

/**
 * Opens a bounded pool on DATABASE_URL, waits (saying so) while the database is not there
 * yet, and brings it to the latest migration of drizzle-pg/.
 */
export async function openPostgres(url: string, opts: PgOptions = {}): Promise<{ db: PgDb; pool: pg.Pool; close: () => Promise<void> }> {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.poolMax ?? 10,
    statement_timeout: opts.statementTimeoutMs ?? 15_000,
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  pool.on('error', (err) => opts.log?.(`PostgreSQL connection lost: ${err.message}`));
  const deadline = Date.now() + (opts.waitSeconds ?? 60) * 1000;
  for (let attempt = 1; ; attempt++) {
    try {
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
        try {
          await migrate(drizzle(client, { schema: tables }), { migrationsFolder });
        } finally {
          await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
        }
      } finally {
        client.release();
      }
      break;
    } catch (e) {
      const reason = (e as Error).message;
      const connecting = /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|starting up|timeout|terminat|Connection/i.test(reason) || (e as { code?: string }).code === '57P03';
      if (!connecting || Date.now() > deadline) {
        await pool.end();
        throw new Error(`PostgreSQL at ${describeUrl(url)}: ${reason}`, { cause: e });
      }
      opts.log?.(`Waiting for PostgreSQL at ${describeUrl(url)} (attempt ${attempt}): ${reason}`);
      await sleep(Math.min(2000, 250 * attempt));
    }
  }
  return { db: drizzle(pool, { schema: tables }), pool, close: () => pool.end() };
}
