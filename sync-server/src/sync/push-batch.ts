import type { CollectionName } from '@spotter/shared';
import { ConstraintViolation } from '../storage/errors.ts';
import type { Doc } from '../storage/mappers.ts';
import type { Repository, Stored } from '../storage/repository.ts';

/**
 * The round trips of one push, batched. The guarantee of
 * docs/DESIGN.md "Checkpoints under concurrent writers" holds: all of it runs inside the
 * push's one transaction, seqs in the order of the rows. On PostgreSQL every statement is a round trip; a push of 100 documents
 * used to make ~500 of them. Now the current states come in one query, and plain writes wait
 * in a batch written by one multi-row statement — until something could see them: a read
 * the rules make (flushed first), a second write of the same document, a write with side
 * effects, or the end of the push. Each row's outcome is exactly what it was one at a time.
 */

/** The stored states of the push's documents, read in one query (re-read after side effects). */
export class CurrentStates {
  readonly #repo: Repository;
  readonly #collection: CollectionName;
  readonly #ids: readonly string[];
  #known: Map<string, Stored> | null = null;

  constructor(repo: Repository, collection: CollectionName, ids: readonly string[]) {
    this.#repo = repo;
    this.#collection = collection;
    this.#ids = ids;
  }

  /** The state of row `index`'s document; the first call (and the first after forget) reads the rest of the push's. */
  async of(index: number): Promise<Stored | null> {
    if (!this.#known) {
      const ids = [...new Set(this.#ids.slice(index))];
      this.#known = new Map((await this.#repo.find(this.#collection, [{ field: 'id', op: 'in', value: ids }])).map((r) => [String(r.doc.id), r]));
    }
    return this.#known.get(this.#ids[index]!) ?? null;
  }

  /** Something was written that these states may not show: read them again when next asked. */
  forget(): void {
    this.#known = null;
  }
}

export interface PendingWrite {
  doc: Doc;
  deleted: boolean;
  written(): void;
  refused(e: ConstraintViolation): void;
}

/** Plain writes (no side effects) waiting to be written together. */
export class PendingWrites {
  readonly #repo: Repository;
  readonly #collection: CollectionName;
  #rows: PendingWrite[] = [];

  constructor(repo: Repository, collection: CollectionName) {
    this.#repo = repo;
    this.#collection = collection;
  }

  has(id: string): boolean {
    return this.#rows.some((r) => r.doc.id === id);
  }

  add(row: PendingWrite): void {
    this.#rows.push(row);
  }

  /**
   * Writes what waits. In a savepoint: a constraint error (one active plan per assignment, a
   * dangling reference) undoes the batch, then each row is written alone so only the guilty
   * one is refused, as before batching.
   */
  async flush(): Promise<void> {
    const rows = this.#rows;
    if (rows.length === 0) return;
    this.#rows = [];
    try {
      await this.#repo.transaction(() => this.#repo.putMany(this.#collection, rows));
      for (const r of rows) r.written();
      return;
    } catch (e) {
      if (!(e instanceof ConstraintViolation)) throw e;
      if (rows.length === 1) return rows[0]!.refused(e);
    }
    for (const r of rows) {
      const write = () => this.#repo.put(this.#collection, r.doc, r.deleted);
      try {
        // A store that backs out a failed statement alone (SQLite) needs no savepoint per row.
        if (this.#repo.failedStatementKeepsTransaction) await write();
        else await this.#repo.transaction(write);
        r.written();
      } catch (e) {
        if (!(e instanceof ConstraintViolation)) throw e;
        r.refused(e);
      }
    }
  }
}

/** The reads the write rules make (access-io/facts.ts), each made after the waiting writes. */
export function readsAfter(repo: Repository, pending: PendingWrites): Pick<Repository, 'get' | 'find'> {
  return {
    get: async (collection, id) => (await pending.flush(), repo.get(collection, id)),
    find: async (collection, filters, orderBy) => (await pending.flush(), repo.find(collection, filters, orderBy)),
  };
}
