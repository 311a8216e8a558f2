import { getTableName, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import type { PgDb } from './pg-db.ts';
import { seqCounter } from './pg-tables.ts';
import * as tables from './pg-tables.ts';
import { TxChanges, type WrittenChange } from './tx-changes.ts';
import { TxContext } from './tx-context.ts';

/**
 * Every write transaction takes this lock first and holds it to its commit: writers run one
 * at a time across every instance, as on SQLite, so a seq is never committed after a higher
 * one (docs/DESIGN.md "Checkpoints under concurrent writers") and the checks made inside a
 * transaction (capacity, one active trainer, sign-in counters) see every earlier write.
 */
export const WRITE_LOCK = 0x5370_7772;

export interface PgTx {
  client: pg.PoolClient;
  db: PgDb;
  /** What this transaction wrote, announced before its COMMIT (tx-changes.ts). */
  changes: TxChanges;
}

export type Announce = (client: pg.PoolClient, change: WrittenChange) => Promise<void>;

/**
 * PostgreSQL transactions for the repository: one pooled connection each, found by the calls
 * its body makes through the TxContext (tx-context.ts); a transaction begun inside another is
 * a savepoint of it.
 */
export class PgTransactions {
  readonly context = new TxContext<PgTx>();
  readonly #pool: pg.Pool;
  readonly #announce: Announce | null;

  /** announce: sends a transaction's writes to the other instances, inside it (pg-announce.ts). */
  constructor(pool: pg.Pool, announce: Announce | null) {
    this.#pool = pool;
    this.#announce = announce;
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    const inner = this.context.current();
    if (inner) {
      const name = `sp${inner.next()}`;
      const { client } = inner.handle;
      await client.query(`SAVEPOINT ${name}`);
      try {
        const result = await fn();
        await client.query(`RELEASE SAVEPOINT ${name}`);
        return result;
      } catch (e) {
        await client.query(`ROLLBACK TO SAVEPOINT ${name}`);
        await client.query(`RELEASE SAVEPOINT ${name}`);
        throw e;
      }
    }
    const client = await this.#pool.connect();
    let broken: unknown = null;
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK]);
      const handle: PgTx = { client, db: drizzle(client, { schema: tables }), changes: new TxChanges() };
      const result = await this.context.run(handle, fn);
      const change = handle.changes.change();
      if (change && this.#announce) await this.#announce(client, change);
      await client.query('COMMIT');
      return result;
    } catch (e) {
      // A connection that cannot even roll back is not given back to the pool.
      await client.query('ROLLBACK').catch((err: unknown) => (broken = err));
      throw e;
    } finally {
      client.release(broken instanceof Error ? broken : undefined);
    }
  }

  /** The open transaction's record of its writes (every write runs in one). */
  changes(): TxChanges {
    return this.context.current()!.handle.changes;
  }
}

/** The next n seqs, inside the writing transaction (the counter row is one, so writers take turns). */
export async function nextSeq(db: PgDb, n = 1): Promise<number> {
  const t = getTableName(seqCounter);
  const { rows } = await db.execute<{ value: string }>(
    sql`INSERT INTO ${sql.identifier(t)} (id, value) VALUES (1, ${n}) ON CONFLICT (id) DO UPDATE SET value = ${sql.identifier(t)}.value + ${n} RETURNING value`,
  );
  return Number(rows[0]!.value);
}
