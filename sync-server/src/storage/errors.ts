/**
 * The errors every store throws, in no database's terms: code outside storage/ never sees a
 * driver's error codes (SQLite's SQLITE_CONSTRAINT_*, PostgreSQL's SQLSTATE 23xxx), so a second
 * store only has to translate its own into these.
 */

/** Which rule of the schema refused the row. */
export type ConstraintKind = 'unique' | 'foreign_key' | 'check' | 'not_null';

/**
 * The database refused a row: a second active plan or trainer (unique), a reference to a
 * document that does not exist (foreign key), a value the schema forbids (check, not null).
 * The write was not made; the surrounding transaction may go on (Repository
 * failedStatementKeepsTransaction).
 */
export class ConstraintViolation extends Error {
  readonly kind: ConstraintKind;
  /** What the store could tell: the table and columns, or the index name, when it said. */
  readonly table: string | null;
  readonly columns: readonly string[];
  constructor(kind: ConstraintKind, detail: { table?: string | null; columns?: readonly string[]; message: string; cause?: unknown }) {
    super(detail.message, { cause: detail.cause });
    this.name = 'ConstraintViolation';
    this.kind = kind;
    this.table = detail.table ?? null;
    this.columns = detail.columns ?? [];
  }
}

/**
 * The store cannot read or write now: disk full, read-only, I/O error, locked. Nothing of the
 * failed transaction was saved; the caller may try again later.
 */
export class StorageUnavailable extends Error {
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
    this.name = 'StorageUnavailable';
  }
}
