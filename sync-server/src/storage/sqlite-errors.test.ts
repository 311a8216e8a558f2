import { describe, expect, it } from 'vitest';
import { ConstraintViolation, StorageUnavailable } from './errors.ts';
import { translateSqliteError } from './sqlite-errors.ts';

const sqliteError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('translateSqliteError: SQLite errors in neutral terms', () => {
  it.each([
    ['SQLITE_CONSTRAINT_UNIQUE', 'UNIQUE constraint failed: plans.client_id', 'unique', 'plans', ['client_id']],
    ['SQLITE_CONSTRAINT_PRIMARYKEY', 'UNIQUE constraint failed: sessions.id', 'unique', 'sessions', ['id']],
    ['SQLITE_CONSTRAINT_UNIQUE', "UNIQUE constraint failed: index 'one_active_plan'", 'unique', null, []],
    ['SQLITE_CONSTRAINT_FOREIGNKEY', 'FOREIGN KEY constraint failed', 'foreign_key', null, []],
    ['SQLITE_CONSTRAINT_CHECK', 'CHECK constraint failed: status_check', 'check', null, ['status_check']],
    ['SQLITE_CONSTRAINT_NOTNULL', 'NOT NULL constraint failed: notes.title', 'not_null', 'notes', ['title']],
  ])('%s "%s" → %s', (code, message, kind, table, columns) => {
    const e = translateSqliteError(sqliteError(code, message));
    expect(e).toBeInstanceOf(ConstraintViolation);
    expect(e).toMatchObject({ kind, table, columns, message });
  });

  it.each(['SQLITE_FULL', 'SQLITE_READONLY', 'SQLITE_IOERR_WRITE', 'SQLITE_BUSY'])('%s → StorageUnavailable', (code) => {
    expect(translateSqliteError(sqliteError(code, 'disk'))).toBeInstanceOf(StorageUnavailable);
  });

  it('leaves other errors as they are', () => {
    const other = new Error('no account x');
    expect(translateSqliteError(other)).toBe(other);
    const misuse = sqliteError('SQLITE_MISUSE', 'bad');
    expect(translateSqliteError(misuse)).toBe(misuse);
  });
});
