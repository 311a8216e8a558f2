import { and, asc, desc, eq, exists, getTableColumns, getTableName, gt, gte, inArray, isNull, lte, not, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type pg from 'pg';
import type { CollectionName, Person } from '@spotter/shared';
import { accountStoreMethods, type AccountStore } from './account-store.ts';
import { delegate } from './delegate.ts';
import { PgAccountStore } from './pg-account-store.ts';
import { PgAuthStore } from './pg-auth-store.ts';
import { PgPushStore } from './pg-push-store.ts';
import { PgMediaStore } from './pg-media-store.ts';
import { mediaStoreMethods, type MediaStore } from './media-store.ts';
import { PgJobStore } from './pg-job-store.ts';
import { jobStoreMethods, type JobStore } from './job-store.ts';
import { pushStoreMethods, type PushStore } from './push-store.ts';
import type { PgDb } from './pg-db.ts';
import { neutralPg } from './pg-errors.ts';
import { seqCounter, syncedTables, users, type PgSyncTable } from './pg-tables.ts';
import { docFromRow, rowFromDoc, type Doc } from './mappers.ts';
import { authStoreMethods, type AuthStore } from './auth-store.ts';
import type { DateWindow, Filter, Repository, Scope, Stored } from './repository.ts';
import { nextSeq, PgTransactions, type Announce } from './pg-transactions.ts';
import type { TxChanges } from './tx-changes.ts';

type Row = Record<string, unknown> & { seq: number; deleted: boolean };

function column(table: PgSyncTable, field: string): PgColumn {
  const col = table[field];
  if (!col) throw new Error(`no column ${field}`);
  return col;
}

function scopeSql(table: PgSyncTable, scope: Scope): SQL | undefined {
  if (scope === 'all') return undefined;
  const parts: SQL[] = [];
  for (const { field, values } of scope) {
    const col = column(table, field);
    const ids = values.filter((v): v is string => v !== null);
    if (ids.length) parts.push(inArray(col, ids));
    if (values.includes(null)) parts.push(isNull(col));
  }
  // An empty scope matches nothing (never everything).
  return parts.length ? or(...parts) : sql`false`;
}

function filterSql(table: PgSyncTable, f: Filter): SQL {
  const col = column(table, f.field);
  switch (f.op) {
    case 'eq':
      return f.value === null ? isNull(col) : eq(col, f.value);
    case 'in':
      return inArray(col, f.value as string[]);
    case 'gte':
      return gte(col, f.value);
    case 'lte':
      return lte(col, f.value);
  }
}

// The sides kept in stores of their own, answered by delegation (delegate.ts, in the constructor).
export interface PgRepository extends AuthStore, PushStore, AccountStore, JobStore, MediaStore {}

/**
 * The Repository on PostgreSQL (DATABASE_URL), through Drizzle's node-postgres driver on a
 * bounded pool. A transaction holds one pooled connection; the calls its body makes find it
 * through the transactions' context (pg-transactions.ts). Errors are thrown in neutral terms (pg-errors.ts).
 */
export class PgRepository implements Repository {
  readonly #db: PgDb;
  readonly #pool: pg.Pool;
  readonly #txs: PgTransactions;

  // PostgreSQL aborts the whole transaction on a failed statement: push.ts keeps a savepoint per row.
  readonly failedStatementKeepsTransaction = false;

  /** announce: sends a transaction's writes to the other instances, inside it (pg-announce.ts). */
  constructor(db: PgDb, pool: pg.Pool, announce: Announce | null = null) {
    this.#db = db;
    this.#pool = pool;
    this.#txs = new PgTransactions(pool, announce);
    const neutral = (call: () => unknown) => neutralPg(async () => call());
    delegate(this, new PgAuthStore(() => this.#current(), (fn) => this.transaction(fn)), authStoreMethods, neutral);
    delegate(this, new PgPushStore(() => this.#current()), pushStoreMethods, neutral);
    delegate(this, new PgMediaStore(() => this.#current()), mediaStoreMethods, neutral);
    delegate(this, new PgAccountStore(() => this.#current(), (fn) => this.transaction(fn)), accountStoreMethods, neutral);
    delegate(this, new PgJobStore(() => this.#current()), jobStoreMethods, neutral);
  }

  /** The open transaction's connection, or the pool (each statement on its own). */
  #current(): PgDb {
    return this.#txs.context.current()?.handle.db ?? this.#db;
  }

  transaction<T>(fn: () => Promise<T>): Promise<T> {
    return neutralPg(() => this.#txs.run(fn));
  }

  #changes(): TxChanges {
    return this.#txs.changes();
  }

  #stored(collection: CollectionName, row: Row): Stored {
    return { doc: docFromRow(collection, row), deleted: row.deleted, seq: Number(row.seq) };
  }

  get(collection: CollectionName, id: string): Promise<Stored | null> {
    return neutralPg(async () => {
      const table = syncedTables[collection];
      const [row] = (await this.#current().select().from(table).where(eq(table.id, id)).limit(1)) as Row[];
      return row ? this.#stored(collection, row) : null;
    });
  }

  put(collection: CollectionName, doc: Doc, deleted: boolean): Promise<number> {
    if (!this.#txs.context.current()) return this.transaction(() => this.put(collection, doc, deleted));
    return neutralPg(async () => {
      const db = this.#current();
      const seq = await nextSeq(db);
      this.#changes().wrote(collection, [doc]);
      const table = syncedTables[collection];
      const values: Record<string, unknown> = { ...rowFromDoc(collection, doc, deleted), seq };
      if (collection === 'people') {
        // Accounts are created with a password (createUser); sync only updates them.
        const { id: _id, ...set } = values;
        const changed = await db.update(table).set(set).where(eq(table.id, doc.id)).returning({ id: table.id });
        if (changed.length !== 1) throw new Error(`no account ${doc.id}`);
      } else {
        await db.insert(table).values(values).onConflictDoUpdate({ target: table.id, set: values });
      }
      return seq;
    });
  }

  putMany(collection: CollectionName, rows: ReadonlyArray<{ doc: Doc; deleted: boolean }>): Promise<number[]> {
    if (!this.#txs.context.current()) return this.transaction(() => this.putMany(collection, rows));
    // Accounts are only updated (put): few, and never pushed in bulk.
    return neutralPg(async () => {
      if (collection === 'people' || rows.length <= 1) {
        const seqs: number[] = [];
        for (const r of rows) seqs.push(await this.put(collection, r.doc, r.deleted));
        return seqs;
      }
      const db = this.#current();
      const first = (await nextSeq(db, rows.length)) - rows.length + 1;
      this.#changes().wrote(collection, rows.map((r) => r.doc));
      const table = syncedTables[collection];
      const values = rows.map((r, k) => ({ ...rowFromDoc(collection, r.doc, r.deleted), seq: first + k }));
      // Every column the rows carry takes the new row's value (EXCLUDED), as put's SET does.
      const columns = getTableColumns(table);
      const set = Object.fromEntries(Object.keys(values[0]!).filter((k) => k !== 'id').map((k) => [k, sql.raw(`excluded."${columns[k]!.name}"`)]));
      // PostgreSQL takes at most 65,535 parameters per statement.
      const perStatement = Math.floor(60_000 / Object.keys(values[0]!).length);
      for (let i = 0; i < values.length; i += perStatement) {
        await db.insert(table).values(values.slice(i, i + perStatement)).onConflictDoUpdate({ target: table.id, set });
      }
      return values.map((v) => v.seq);
    });
  }

  page(collection: CollectionName, scope: Scope, afterSeq: number, limit: number, window?: DateWindow): Promise<Stored[]> {
    return neutralPg(async () => {
      const table = syncedTables[collection];
      const rows = (await this.#current()
        .select()
        .from(table)
        .where(and(gt(table.seq, afterSeq), scopeSql(table, scope), window && this.#windowSql(table, window)))
        .orderBy(asc(table.seq))
        .limit(limit)) as Row[];
      return rows.map((r) => this.#stored(collection, r));
    });
  }

  #windowSql(table: PgSyncTable, w: DateWindow): SQL {
    const upTo = lte(table.seq, w.upTo);
    if (!('parent' in w.dated)) {
      const recent = gte(column(table, w.dated.field), w.since);
      return and(upTo, w.side === 'recent' ? recent : not(recent))!;
    }
    // As on SQLite (sqlite-repository.ts): the parent counts as recent only while unchanged since upTo.
    const parent = syncedTables[w.dated.parent];
    const recent = exists(
      this.#current()
        .select({ one: sql`1` })
        .from(parent)
        .where(and(eq(parent.id, column(table, w.dated.key)), gte(column(parent, w.dated.field), w.since), lte(parent.seq, w.upTo))),
    );
    return and(upTo, w.side === 'recent' ? recent : not(recent))!;
  }

  bump(collection: CollectionName, scope: Scope): Promise<number> {
    if (!this.#txs.context.current()) return this.transaction(() => this.bump(collection, scope));
    return neutralPg(async () => {
      const db = this.#current();
      const table = syncedTables[collection];
      const ids = await db.select({ id: table.id }).from(table).where(scopeSql(table, scope)).orderBy(asc(table.seq));
      if (!ids.length) return 0;
      // One block of seqs for all of them, above every seq given so far: in their old order.
      const last = await nextSeq(db, ids.length);
      this.#changes().bumped(collection, scope);
      const first = last - ids.length + 1;
      const name = sql.identifier(getTableName(table));
      await db.execute(sql`UPDATE ${name} SET seq = ${first - 1} + o.n FROM json_array_elements_text(${JSON.stringify(ids.map((r) => r.id))}::json) WITH ORDINALITY AS o(id, n) WHERE ${name}.id = o.id`);
      return ids.length;
    });
  }

  find(collection: CollectionName, filters: readonly Filter[], orderBy?: { field: string; desc?: boolean }): Promise<Stored[]> {
    return neutralPg(async () => {
      const table = syncedTables[collection];
      let query = this.#current()
        .select()
        .from(table)
        .where(and(...filters.map((f) => filterSql(table, f))))
        .$dynamic();
      if (orderBy) query = query.orderBy((orderBy.desc ? desc : asc)(column(table, orderBy.field)));
      return ((await query) as Row[]).map((r) => this.#stored(collection, r));
    });
  }

  maxSeq(): Promise<number> {
    return neutralPg(async () => {
      const [row] = await this.#current().select().from(seqCounter).limit(1);
      return Number(row?.value ?? 0);
    });
  }

  isEmpty(): Promise<boolean> {
    return neutralPg(async () => (await this.#current().select({ id: users.id }).from(users).limit(1)).length === 0);
  }

  findUserByEmail(email: string) {
    return neutralPg(async () => {
      const [row] = (await this.#current().select().from(users).where(eq(users.email, email.toLowerCase())).limit(1)) as (Row & { passwordHash: string })[];
      if (!row) return null;
      return { person: docFromRow('people', row) as Person, passwordHash: row.passwordHash, deleted: row.deleted };
    });
  }

  createUser(person: Person, passwordHash: string): Promise<number> {
    if (!this.#txs.context.current()) return this.transaction(() => this.createUser(person, passwordHash));
    return neutralPg(async () => {
      const db = this.#current();
      const seq = await nextSeq(db);
      this.#changes().wrote('people', [person]);
      await db.insert(users).values({ ...rowFromDoc('people', person, false), seq, passwordHash });
      return seq;
    });
  }

  close(): Promise<void> {
    return this.#pool.end();
  }
}
