import type { CollectionName, Person } from '@spotter/shared';
import type { AccountStore } from './account-store.ts';
import type { AuthStore } from './auth-store.ts';
import type { Doc } from './mappers.ts';
import type { MediaStore } from './media-store.ts';
import type { JobStore } from './job-store.ts';
import type { PushStore } from './push-store.ts';

/** A synced document as stored: the document, its soft-delete flag and its sequence number. */
export interface Stored<D = Doc> {
  doc: D;
  deleted: boolean;
  seq: number;
}

/**
 * Which rows a query may touch: an OR of "field IN values" clauses (null in values matches
 * NULL). The sync code decides the scope (authorization), storage only translates it.
 * `'all'` is every row; an empty array matches nothing.
 */
export type Scope = 'all' | ReadonlyArray<{ field: string; values: ReadonlyArray<string | null> }>;

/**
 * A first pull's split of a collection by date (sync/pull.ts): 'recent' rows are dated on or
 * after `since`, 'history' rows are all the others; both only rows with seq ≤ `upTo`. A row is
 * dated by its own `field`, or by the row of `parent` (a collection) whose id is in its `key`;
 * then only a parent unchanged since upTo makes it recent. The parent may change between the
 * phases (a session moved into the window, its log's row untouched): the split must not
 * depend on it, or the log would fall between the phases. A row's own change gives it a seq
 * above upTo, out of both sides, so rows dated by their own field need no such care.
 */
export interface DateWindow {
  side: 'recent' | 'history';
  since: string;
  upTo: number;
  dated: { field: string } | { parent: CollectionName; key: string; field: string };
}

/** AND-ed filters for the REST reads. */
export interface Filter {
  field: string;
  op: 'eq' | 'in' | 'gte' | 'lte';
  value: string | number | boolean | null | ReadonlyArray<string>;
}

/**
 * Everything the server asks of its database, behind one asynchronous interface with two
 * stores: SQLite (sqlite-repository.ts, the embedded default) and PostgreSQL
 * (pg-repository.ts, with DATABASE_URL); docs/DESIGN.md "Growing past one machine". Sync,
 * REST, auth and admin code never know which one they run on.
 */
export interface Repository extends AuthStore, PushStore, AccountStore, JobStore, MediaStore {
  /**
   * Runs fn atomically: every repository call fn makes (awaited, however deep) is part of the
   * transaction, and nothing of it is visible to others before it commits; fn throwing rolls
   * all of it back. Nested calls become savepoints: a failed inner write rolls back alone.
   */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
  /**
   * True when a statement refused by a constraint is backed out alone and the surrounding
   * transaction goes on (SQLite); then a single put needs no savepoint of its own. PostgreSQL
   * aborts the whole transaction instead: false there, and push.ts keeps a savepoint per row.
   */
  readonly failedStatementKeepsTransaction: boolean;
  get(collection: CollectionName, id: string): Promise<Stored | null>;
  /** Inserts or updates a document, giving it the next global seq. Returns that seq. */
  put(collection: CollectionName, doc: Doc, deleted: boolean): Promise<number>;
  /**
   * put of several documents (distinct ids), in order: consecutive seqs, as few statements as
   * the store allows (PostgreSQL: one seq update and one multi-row upsert instead of a round
   * trip each). One refused by a constraint refuses the call; the caller's savepoint undoes
   * the others (push.ts then writes them one by one to refuse only that one).
   */
  putMany(collection: CollectionName, rows: ReadonlyArray<{ doc: Doc; deleted: boolean }>): Promise<number[]>;
  /**
   * Rows in scope with seq > afterSeq (and in `window` when given), ordered by seq. Never a
   * row whose seq is above that of a write still uncommitted: a later pull from this page's
   * last seq would skip it (docs/DESIGN.md "Checkpoints under concurrent writers").
   */
  page(collection: CollectionName, scope: Scope, afterSeq: number, limit: number, window?: DateWindow): Promise<Stored[]>;
  /** Gives every row in scope a new seq, so the next pull of every device re-evaluates it. */
  bump(collection: CollectionName, scope: Scope): Promise<number>;
  find(collection: CollectionName, filters: readonly Filter[], orderBy?: { field: string; desc?: boolean }): Promise<Stored[]>;
  /** The highest seq a pull may start from (committed, with nothing below it in flight). */
  maxSeq(): Promise<number>;
  isEmpty(): Promise<boolean>;

  findUserByEmail(email: string): Promise<{ person: Person; passwordHash: string; deleted: boolean } | null>;
  /** Creates an account (never through sync: it needs a password). */
  createUser(person: Person, passwordHash: string): Promise<number>;

  close(): Promise<void>;
}
