import { Column, getTableColumns, getTableName, is, SQL, StringChunk } from 'drizzle-orm';
import { bigint, boolean, check, doublePrecision, index, json, pgTable, text, uniqueIndex, type PgColumn, type PgColumnBuilderBase, type PgTableWithColumns } from 'drizzle-orm/pg-core';
import { getTableConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { CollectionName } from '@spotter/shared';
import * as sqlite from './tables.ts';

/**
 * The PostgreSQL tables, derived from tables.ts (the one schema definition): same table,
 * column, index and constraint names, the same CHECKs and partial unique indexes; types
 * mapped to PostgreSQL's (integers as bigint: a millisecond clock does not fit in 32 bits;
 * booleans as boolean; JSON as json, which keeps the text as written, key order included;
 * reals as double precision). SQLite's `json_valid` CHECKs are dropped: a json column
 * refuses invalid JSON itself. drizzle-kit generates drizzle-pg/ from this file
 * (sync-server/drizzle-pg.config.ts), as it generates drizzle/ from tables.ts.
 */

// What the pg store uses of a table: its columns by document field name.
export type PgSyncTable = PgTableWithColumns<any> & Record<string, PgColumn>;

const pgTables = new Map<string, PgSyncTable>();

function columnFor(c: Column): PgColumnBuilderBase {
  switch (c.columnType) {
    case 'SQLiteText':
      return text(c.name);
    case 'SQLiteInteger':
      return bigint(c.name, { mode: 'number' });
    case 'SQLiteBoolean':
      return boolean(c.name);
    case 'SQLiteTextJson':
      return json(c.name);
    case 'SQLiteReal':
      return doublePrecision(c.name);
    default:
      throw new Error(`no PostgreSQL type for ${c.columnType} (${c.name})`);
  }
}

/** SQLite-only spellings in the schema's SQL fragments, and what PostgreSQL says instead. */
const spellings: [RegExp, string][] = [[/\bdeleted = 0\b/g, 'deleted = false']];

/** The same SQL with SQLite columns replaced by this table's PostgreSQL ones. */
function translate(fragment: SQL, columns: Record<string, PgColumn>): SQL {
  return new SQL(
    fragment.queryChunks.map((chunk) => {
      if (is(chunk, Column)) return columns[chunk.name]!;
      if (is(chunk, SQL)) return translate(chunk, columns);
      if (is(chunk, StringChunk)) return new StringChunk(chunk.value.map((v) => spellings.reduce((s, [from, to]) => s.replace(from, to), v)));
      return chunk;
    }),
  );
}

const usesSqliteOnly = (fragment: SQL): boolean =>
  fragment.queryChunks.some((chunk) => (is(chunk, StringChunk) && chunk.value.some((v) => v.includes('json_valid'))) || (is(chunk, SQL) && usesSqliteOnly(chunk)));

function derive(table: SQLiteTable): PgSyncTable {
  const config = getTableConfig(table);
  const references = new Map(
    config.foreignKeys.map((fk) => {
      const ref = fk.reference();
      return [ref.columns[0]!.name, { table: getTableName(ref.foreignTable), column: ref.foreignColumns[0]!.name }] as const;
    }),
  );
  const builders: Record<string, PgColumnBuilderBase> = {};
  for (const [key, c] of Object.entries(getTableColumns(table))) {
    let b = columnFor(c) as any;
    if (c.primary) b = b.primaryKey();
    if (c.notNull && !c.primary) b = b.notNull();
    if (c.isUnique) b = b.unique();
    if (c.hasDefault && c.default !== undefined) b = b.default(c.default);
    const ref = references.get(c.name);
    if (ref) b = b.references(() => byName(ref.table, ref.column));
    builders[key] = b;
  }
  const derived = pgTable(config.name, builders, (t) => {
    const byColumnName = Object.fromEntries(Object.values(t as Record<string, PgColumn>).map((col) => [col.name, col]));
    const cols = (names: Column[]) => names.map((n) => byColumnName[n.name]!) as [PgColumn, ...PgColumn[]];
    return [
      ...config.checks.filter((c) => !usesSqliteOnly(c.value)).map((c) => check(c.name, translate(c.value, byColumnName))),
      ...config.indexes.map((i) => {
        const made = (i.config.unique ? uniqueIndex : index)(i.config.name).on(...cols(i.config.columns as Column[]));
        return i.config.where ? made.where(translate(i.config.where, byColumnName)) : made;
      }),
    ];
  }) as unknown as PgSyncTable;
  pgTables.set(config.name, derived);
  return derived;
}

function byName(table: string, column: string): PgColumn {
  const t = pgTables.get(table);
  const col = t && (Object.values(getTableColumns(t)) as Column[]).find((c) => c.name === column);
  if (!col) throw new Error(`no ${table}.${column}`);
  return col as PgColumn;
}

// In tables.ts order, so a table is derived before the tables that reference it.
export const seqCounter = derive(sqlite.seqCounter);
export const users = derive(sqlite.users);
export const assignments = derive(sqlite.assignments);
export const exercises = derive(sqlite.exercises);
export const sessions = derive(sqlite.sessions);
export const logs = derive(sqlite.logs);
export const messages = derive(sqlite.messages);
export const notes = derive(sqlite.notes);
export const plans = derive(sqlite.plans);
export const recommendations = derive(sqlite.recommendations);
export const reminders = derive(sqlite.reminders);
export const tokenFamilies = derive(sqlite.tokenFamilies);
export const refreshTokens = derive(sqlite.refreshTokens);
export const rateCounters = derive(sqlite.rateCounters);
export const serverSettings = derive(sqlite.serverSettings);
export const pushSubscriptions = derive(sqlite.pushSubscriptions);
export const invites = derive(sqlite.invites);
export const accountTokens = derive(sqlite.accountTokens);
export const scheduledJobs = derive(sqlite.scheduledJobs);
export const media = derive(sqlite.media);

export const syncedTables: Record<CollectionName, PgSyncTable> = { people: users, assignments, exercises, sessions, logs, messages, notes, plans, recommendations, reminders };
