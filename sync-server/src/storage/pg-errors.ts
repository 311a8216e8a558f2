import { ConstraintViolation, StorageUnavailable, type ConstraintKind } from './errors.ts';

/** SQLSTATE class 23 (integrity constraint violation), by code. */
const constraintKinds: Record<string, ConstraintKind> = {
  '23505': 'unique',
  '23503': 'foreign_key',
  '23514': 'check',
  '23502': 'not_null',
};

/**
 * "Cannot work now": connection failures (08), insufficient resources such as a full disk
 * (53), operator intervention such as a shutdown or a statement_timeout (57), system errors
 * (58); and the driver's own network errors.
 */
const unavailableClass = /^(08|53|57|58)/;
const networkCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);

/** A node-postgres error in the store's neutral terms (storage/errors.ts); anything else as it was. */
export function translatePgError(e: unknown): unknown {
  if (e instanceof ConstraintViolation || e instanceof StorageUnavailable) return e;
  // Drizzle wraps the driver's error ("Failed query: …") with the driver's as its cause.
  const driver = (e as { cause?: unknown })?.cause && typeof (e as { code?: unknown }).code !== 'string' ? (e as { cause: unknown }).cause : e;
  const err = driver as { code?: unknown; message?: string; table?: string; column?: string; constraint?: string };
  const code = err?.code;
  if (typeof code !== 'string') {
    if (/Connection terminated|timeout exceeded when trying to connect/i.test(err?.message ?? '')) return new StorageUnavailable(err.message!, e);
    return e;
  }
  const kind = constraintKinds[code];
  if (kind) return new ConstraintViolation(kind, { table: err.table ?? null, columns: err.column ? [err.column] : [], message: err.message ?? code, cause: e });
  if (unavailableClass.test(code) || networkCodes.has(code)) return new StorageUnavailable(err.message ?? code, e);
  return e;
}

/** Runs fn, throwing PostgreSQL's errors in the store's neutral terms. */
export async function neutralPg<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw translatePgError(e);
  }
}
