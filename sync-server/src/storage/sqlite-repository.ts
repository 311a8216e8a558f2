import type Database from 'better-sqlite3';
import { and, asc, desc, eq, exists, getTableName, gt, gte, inArray, isNull, lte, not, or, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { CollectionName, Person } from '@spotter/shared';
import type { Db } from './db.ts';
import { authStoreMethods, type AuthStore } from './auth-store.ts';
import { delegate } from './delegate.ts';
import { docFromRow, docKeys, optionalKeys, rowFromDoc, type Doc } from './mappers.ts';
import type { DateWindow, Filter, Repository, Scope, Stored } from './repository.ts';
import { RowStatements } from './row-statements.ts';
import { pushStoreMethods, type PushStore } from './push-store.ts';
import { accountStoreMethods, type AccountStore } from './account-store.ts';
import { SqliteAccountStore } from './sqlite-account-store.ts';
import { SqliteAuthStore } from './sqlite-auth-store.ts';
import { SqlitePushStore } from './sqlite-push-store.ts';
import { SqliteMediaStore } from './sqlite-media-store.ts';
import { mediaStoreMethods, type MediaStore } from './media-store.ts';
import { SqliteJobStore } from './sqlite-job-store.ts';
import { jobStoreMethods, type JobStore } from './job-store.ts';
import { neutral, translateSqliteError } from './sqlite-errors.ts';
import { Mutex, TxContext } from './tx-context.ts';
import { seqCounter, syncedTables, users } from './tables.ts';

type AnyTable = (typeof syncedTables)[CollectionName];
type Row = Record<string, unknown> & { seq: number; deleted: boolean };

function column(table: AnyTable, field: string): SQLiteColumn {
  const col = (table as unknown as Record<string, SQLiteColumn>)[field];
  if (!col) throw new Error(`no column ${field}`);
  return col;
}

function scopeSql(table: AnyTable, scope: Scope): SQL | undefined {
  if (scope === 'all') return undefined;
  const parts: SQL[] = [];
  for (const { field, values } of scope) {
    const col = column(table, field);
    const ids = values.filter((v): v is string => v !== null);
    if (ids.length) parts.push(inArray(col, ids));
    if (values.includes(null)) parts.push(isNull(col));
  }
  // An empty scope matches nothing (never everything).
  return parts.length ? or(...parts) : sql`0`;
}

function filterSql(table: AnyTable, f: Filter): SQL {
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
export interface SqliteRepository extends AuthStore, PushStore, AccountStore, JobStore, MediaStore {}

/**
 * The Repository on SQLite. Every method throws SQLite's errors in neutral terms
 * (storage/errors.ts, by sqlite-errors.ts): nothing outside this folder knows SQLite's codes.
 *
 * better-sqlite3 is synchronous and one connection serves every request, so an open
 * transaction is the connection's: while one runs (its body awaits between statements), a
 * call from any other request waits for it to end (#lock), or it would read uncommitted rows
 * or write into that transaction. Calls made by the transaction's own body find it through
 * #tx (tx-context.ts) and go straight through.
 */
export class SqliteRepository implements Repository {
  readonly #db: Db;
  readonly #sqlite: Database.Database;
  /**
   * The hot statements (get by id, put, next seq), prepared once, in plain SQL. Built per call,
   * drizzle's query building and SQLite's statement compilation cost more than the write itself
   * (a push ran 65× slower than plain inserts of the same rows); prepared through drizzle, its
   * per-value mapping still cost ~15 % of a push (bench/README.md).
   */
  readonly #rowStatements = new Map<CollectionName, RowStatements>();
  #seq: Database.Statement | undefined;
  readonly #lock = new Mutex();
  readonly #tx = new TxContext<null>();

  // SQLite's default conflict resolution (ABORT) backs out the failing statement only.
  readonly failedStatementKeepsTransaction = true;

  constructor(db: Db, sqlite: Database.Database) {
    this.#db = db;
    this.#sqlite = sqlite;
    const run = (call: () => unknown) => this.#run(call);
    delegate(this, new SqliteAuthStore(db, sqlite, (fn) => this.#syncTransaction(fn)), authStoreMethods, run);
    delegate(this, new SqlitePushStore(db), pushStoreMethods, run);
    delegate(this, new SqliteMediaStore(db), mediaStoreMethods, run);
    delegate(this, new SqliteAccountStore(db, (fn) => this.#syncTransaction(fn)), accountStoreMethods, run);
    delegate(this, new SqliteJobStore(db), jobStoreMethods, run);
  }

  /** Runs a synchronous step once no other request's transaction holds the connection. */
  async #run<T>(fn: () => T): Promise<T> {
    if (!this.#tx.current()) while (this.#lock.held) await this.#lock.idle();
    return neutral(fn);
  }

  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    const inner = this.#tx.current();
    if (inner) {
      const name = `sp${inner.next()}`;
      this.#sqlite.exec(`SAVEPOINT ${name}`);
      try {
        const result = await fn();
        this.#sqlite.exec(`RELEASE ${name}`);
        return result;
      } catch (e) {
        if (this.#sqlite.inTransaction) this.#sqlite.exec(`ROLLBACK TO ${name}; RELEASE ${name}`);
        throw translateSqliteError(e);
      }
    }
    return this.#lock.lock(async () => {
      // IMMEDIATE takes the write lock up front, so a second process (a restarted server
      // whose predecessor still holds the file) waits (busy_timeout) instead of failing mid-way.
      neutral(() => this.#sqlite.exec('BEGIN IMMEDIATE'));
      try {
        const result = await this.#tx.run(null, fn);
        neutral(() => this.#sqlite.exec('COMMIT'));
        return result;
      } catch (e) {
        // A full disk may already have rolled SQLite's transaction back.
        if (this.#sqlite.inTransaction) this.#sqlite.exec('ROLLBACK');
        throw translateSqliteError(e);
      }
    });
  }

  /** A synchronous transaction for one method's statements (a savepoint inside an open one). */
  #syncTransaction<T>(fn: () => T): T {
    const run = this.#sqlite.transaction(fn);
    return this.#sqlite.inTransaction ? run() : run.immediate();
  }

  #nextSeq(): number {
    if (!this.#seq) {
      // One row: the last seq handed out (tables.ts seqCounter). Prepared on first use: a
      // read-only connection (sim/server-db.ts) never needs it.
      const [table, id, value] = [getTableName(seqCounter), seqCounter.id.name, seqCounter.value.name].map((n) => `"${n}"`);
      this.#seq = this.#sqlite
        .prepare(`INSERT INTO ${table} (${id}, ${value}) VALUES (1, 1) ON CONFLICT (${id}) DO UPDATE SET ${value} = ${value} + 1 RETURNING ${value}`)
        .pluck();
    }
    return this.#seq.get() as number;
  }

  /** The hot statements of a collection, prepared on first use (row-statements.ts). */
  #rows(collection: CollectionName): RowStatements {
    let rows = this.#rowStatements.get(collection);
    if (!rows) {
      // Accounts are created with a password (createUser); sync only updates them.
      rows = new RowStatements(this.#sqlite, syncedTables[collection], docKeys[collection], { insert: collection !== 'people', optional: optionalKeys[collection] });
      this.#rowStatements.set(collection, rows);
    }
    return rows;
  }

  #stored(collection: CollectionName, row: Row): Stored {
    return { doc: docFromRow(collection, row), deleted: row.deleted, seq: row.seq };
  }

  get(collection: CollectionName, id: string): Promise<Stored | null> {
    return this.#run(() => this.#rows(collection).get(id));
  }

  put(collection: CollectionName, doc: Doc, deleted: boolean): Promise<number> {
    return this.#run(() => {
      // Inside a caller's transaction the seq and the row already commit or roll back together
      // (a failed insert after #nextSeq leaves at most a gap, and seqs may have gaps): skip the
      // savepoint, which cost a fifth of a push (bench/README.md).
      const atomic = <T>(fn: () => T): T => (this.#sqlite.inTransaction ? fn() : this.#syncTransaction(fn));
      return atomic(() => {
        const seq = this.#nextSeq();
        const changes = this.#rows(collection).put(doc, deleted, seq);
        if (collection === 'people' && changes !== 1) throw new Error(`no account ${doc.id}`);
        return seq;
      });
    });
  }

  // One statement per row costs no round trip on SQLite: a loop of put is the batch.
  async putMany(collection: CollectionName, rows: ReadonlyArray<{ doc: Doc; deleted: boolean }>): Promise<number[]> {
    const seqs: number[] = [];
    for (const r of rows) seqs.push(await this.put(collection, r.doc, r.deleted));
    return seqs;
  }

  page(collection: CollectionName, scope: Scope, afterSeq: number, limit: number, window?: DateWindow): Promise<Stored[]> {
    return this.#run(() => {
      const table = syncedTables[collection];
      const rows = this.#db
        .select()
        .from(table)
        .where(and(gt(table.seq, afterSeq), scopeSql(table, scope), window && this.#windowSql(table, window)))
        .orderBy(asc(table.seq))
        .limit(limit)
        .all() as Row[];
      return rows.map((r) => this.#stored(collection, r));
    });
  }

  #windowSql(table: AnyTable, w: DateWindow): SQL {
    const upTo = lte(table.seq, w.upTo);
    if (!('parent' in w.dated)) {
      const recent = gte(column(table, w.dated.field), w.since);
      return and(upTo, w.side === 'recent' ? recent : not(recent))!;
    }
    // Correlated on the parent's primary key: one index lookup per candidate row. The parent
    // counts as recent only while unchanged since upTo, so both sides stay one partition.
    const parent = syncedTables[w.dated.parent];
    const recent = exists(
      this.#db
        .select({ one: sql`1` })
        .from(parent)
        .where(and(eq(parent.id, column(table, w.dated.key)), gte(column(parent, w.dated.field), w.since), lte(parent.seq, w.upTo))),
    );
    return and(upTo, w.side === 'recent' ? recent : not(recent))!;
  }

  bump(collection: CollectionName, scope: Scope): Promise<number> {
    return this.#run(() => {
      const table = syncedTables[collection];
      return this.#syncTransaction(() => {
        const ids = this.#db.select({ id: table.id }).from(table).where(scopeSql(table, scope)).orderBy(asc(table.seq)).all();
        for (const { id } of ids) {
          this.#db.update(table).set({ seq: this.#nextSeq() }).where(eq(table.id, id)).run();
        }
        return ids.length;
      });
    });
  }

  find(collection: CollectionName, filters: readonly Filter[], orderBy?: { field: string; desc?: boolean }): Promise<Stored[]> {
    return this.#run(() => {
      // One column equal to one of some values, in any order: the sync path's lookups (the
      // viewer's assignments, a push's exercises), by a prepared statement.
      const [only] = filters;
      if (filters.length === 1 && !orderBy && only && (only.op === 'in' || (only.op === 'eq' && only.value !== null))) {
        return this.#rows(collection).whereIn(only.field, only.op === 'in' ? (only.value as readonly string[]) : [only.value]);
      }
      const table = syncedTables[collection];
      let query = this.#db
        .select()
        .from(table)
        .where(and(...filters.map((f) => filterSql(table, f))))
        .$dynamic();
      if (orderBy) query = query.orderBy((orderBy.desc ? desc : asc)(column(table, orderBy.field)));
      return (query.all() as Row[]).map((r) => this.#stored(collection, r));
    });
  }

  maxSeq(): Promise<number> {
    return this.#run(() => {
      return this.#db.select().from(seqCounter).get()?.value ?? 0;
    });
  }

  isEmpty(): Promise<boolean> {
    return this.#run(() => {
      return !this.#db.select({ id: users.id }).from(users).limit(1).get();
    });
  }

  findUserByEmail(email: string) {
    return this.#run(() => {
      const row = this.#db.select().from(users).where(eq(users.email, email.toLowerCase())).get();
      if (!row) return null;
      return { person: docFromRow('people', row) as Person, passwordHash: row.passwordHash, deleted: row.deleted };
    });
  }

  createUser(person: Person, passwordHash: string): Promise<number> {
    return this.#run(() => {
      return this.#syncTransaction(() => {
        const seq = this.#nextSeq();
        const values = { ...rowFromDoc('people', person, false), seq, passwordHash };
        this.#db.insert(users).values(values as typeof users.$inferInsert).run();
        return seq;
      });
    });
  }

  async close(): Promise<void> {
    while (this.#lock.held) await this.#lock.idle();
    this.#sqlite.close();
  }
}
