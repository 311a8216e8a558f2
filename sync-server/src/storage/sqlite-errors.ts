import { ConstraintViolation, StorageUnavailable, type ConstraintKind } from './errors.ts';

const constraintKinds: Record<string, ConstraintKind> = {
  SQLITE_CONSTRAINT_UNIQUE: 'unique',
  SQLITE_CONSTRAINT_PRIMARYKEY: 'unique',
  SQLITE_CONSTRAINT_FOREIGNKEY: 'foreign_key',
  SQLITE_CONSTRAINT_CHECK: 'check',
  SQLITE_CONSTRAINT_NOTNULL: 'not_null',
};

// "Cannot write now" (better-sqlite3's extended codes start with these).
const unavailable = /^SQLITE_(FULL|READONLY|IOERR|CANTOPEN|BUSY|LOCKED|NOMEM)/;

/**
 * A better-sqlite3 error in the store's neutral terms (storage/errors.ts); anything else as it
 * was. SQLite names the columns in its message: "UNIQUE constraint failed: plans.client_id".
 */
export function translateSqliteError(e: unknown): unknown {
  const code = (e as { code?: unknown })?.code;
  if (typeof code !== 'string') return e;
  const message = (e as Error).message ?? code;
  if (code.startsWith('SQLITE_CONSTRAINT')) {
    const named = /constraint failed: (.+)$/.exec(message)?.[1] ?? '';
    const columns = named.startsWith('index ') ? [] : named.split(',').map((c) => c.trim()).filter(Boolean);
    const table = columns[0]?.includes('.') ? columns[0].split('.')[0]! : null;
    return new ConstraintViolation(constraintKinds[code] ?? 'check', { table, columns: columns.map((c) => c.split('.').pop()!), message, cause: e });
  }
  if (unavailable.test(code)) return new StorageUnavailable(message, e);
  return e;
}

/** Runs fn, throwing SQLite's errors in the store's neutral terms. */
export function neutral<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw translateSqliteError(e);
  }
}
