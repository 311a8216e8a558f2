import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as tables from './tables.ts';

export type Db = BetterSQLite3Database<typeof tables>;

const migrationsFolder = fileURLToPath(new URL('../../../drizzle', import.meta.url));

/**
 * Opens (creating if needed) the SQLite file and brings it to the latest migration.
 * WAL lets readers (pulls) run while a push writes; busy_timeout makes a second process
 * (a restarted server whose predecessor still holds the file) wait instead of failing.
 */
export function openDatabase(path: string): { db: Db; sqlite: Database.Database; close: () => void } {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // WAL + NORMAL is durable across a process kill (only an OS crash may lose the last commit).
  sqlite.pragma('synchronous = NORMAL');
  const db = drizzle(sqlite, { schema: tables });
  migrate(db, { migrationsFolder });
  return { db, sqlite, close: () => sqlite.close() };
}
