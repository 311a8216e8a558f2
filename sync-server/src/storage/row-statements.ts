import type Database from 'better-sqlite3';
import { getTableColumns, getTableName, type Column } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Doc } from './mappers.ts';
import type { Stored } from './repository.ts';

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * The sync hot path's statements (a document by id; write a document; rows by one column's
 * values) in plain better-sqlite3, generated from a drizzle table. tables.ts stays the one
 * schema and drizzle-kit keeps the migrations; what this skips is drizzle's per-call work
 * (query building, placeholder filling with an `is()` check per value, result mapping through a
 * reduce), which cost ~15 % of a push of sessions (bench/README.md "Push vs raw inserts").
 *
 * Values still go through the drizzle columns' own mappers (JSON text, booleans as 0/1), called
 * exactly where drizzle calls them — every non-null value, on write and on read —
 * so a row written here is the row drizzle's insert wrote (row-statements.test.ts).
 */
export class RowStatements {
  /** Document fields, in the order of the SELECT's columns after seq and deleted. */
  readonly #docKeys: readonly string[];
  /** Fields a document may leave out: a NULL there is no field (mappers.docFromRow). */
  readonly #optional: ReadonlySet<string>;
  readonly #read: readonly Column[];
  /** Columns written, in bind order: the document's fields, then deleted and seq. */
  readonly #write: readonly Column[];
  readonly #get: Database.Statement;
  readonly #put: Database.Statement;
  readonly #update: boolean;
  readonly #sqlite: Database.Database;
  readonly #columns: Record<string, Column>;
  readonly #select: string;
  /** Rows by one column's values, per column (prepared on first use). */
  readonly #where = new Map<string, Database.Statement>();

  /**
   * `docKeys`: the document's fields (the zod schema's keys), each a column of the table.
   * `insert`: false for a table whose rows are only updated here (accounts need a password).
   */
  constructor(sqlite: Database.Database, table: SQLiteTable, docKeys: readonly string[], opts: { insert: boolean; optional?: ReadonlySet<string> }) {
    const columns = getTableColumns(table) as Record<string, Column>;
    const col = (key: string) => {
      const c = columns[key];
      if (!c) throw new Error(`${getTableName(table)} has no column for ${key}`);
      return c;
    };
    this.#docKeys = docKeys;
    this.#optional = opts.optional ?? new Set();
    this.#columns = columns;
    this.#read = ['seq', 'deleted', ...docKeys].map(col);
    this.#write = [...docKeys, 'deleted', 'seq'].map(col);
    this.#update = !opts.insert;
    const name = quote(getTableName(table));
    const names = this.#write.map((c) => quote(c.name));
    this.#select = `SELECT ${this.#read.map((c) => quote(c.name)).join(', ')} FROM ${name}`;
    this.#get = sqlite.prepare(`${this.#select} WHERE "id" = ?`).raw(true);
    this.#sqlite = sqlite;
    this.#put = opts.insert
      ? sqlite.prepare(
          `INSERT INTO ${name} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')}) ` +
            `ON CONFLICT ("id") DO UPDATE SET ${names.map((n) => `${n} = excluded.${n}`).join(', ')}`,
        )
      : // The same bind order as the insert: the document's fields, deleted, seq, then the id again.
        sqlite.prepare(`UPDATE ${name} SET ${names.map((n) => `${n} = ?`).join(', ')} WHERE "id" = ?`);
  }

  get(id: string): Stored | null {
    const row = this.#get.get(id) as unknown[] | undefined;
    return row ? this.#stored(row) : null;
  }

  /**
   * Rows whose `key` column holds one of `values` (non-null), in no particular order. One
   * statement per column whatever the number of values: they go in as one JSON array
   * (`json_each`), each encoded by the column's mapper as drizzle's `inArray` does. A push of
   * sessions loads its exercises and the viewer's assignments this way; built through drizzle,
   * those two queries cost ~7 % of it.
   */
  whereIn(key: string, values: readonly unknown[]): Stored[] {
    const column = this.#columns[key];
    if (!column) throw new Error(`no column for ${key}`);
    let stmt = this.#where.get(key);
    if (!stmt) {
      stmt = this.#sqlite.prepare(`${this.#select} WHERE ${quote(column.name)} IN (SELECT value FROM json_each(?))`).raw(true);
      this.#where.set(key, stmt);
    }
    const rows = stmt.all(JSON.stringify(values.map((v) => column.mapToDriverValue(v)))) as unknown[][];
    return rows.map((row) => this.#stored(row));
  }

  #stored(row: unknown[]): Stored {
    const read = this.#read;
    const value = (i: number) => (row[i] === null ? null : read[i]!.mapFromDriverValue(row[i]));
    const doc: Record<string, unknown> = {};
    for (let i = 0; i < this.#docKeys.length; i++) {
      const key = this.#docKeys[i]!;
      const v = value(i + 2);
      if (v !== null || !this.#optional.has(key)) doc[key] = v;
    }
    return { doc: doc as Doc, deleted: value(1) as boolean, seq: value(0) as number };
  }

  /** Writes the document (a missing field as NULL, as mappers.rowFromDoc did); returns the rows changed. */
  put(doc: Doc, deleted: boolean, seq: number): number {
    const write = this.#write;
    const n = this.#docKeys.length;
    const values: unknown[] = new Array(write.length);
    for (let i = 0; i < n; i++) {
      // NULL as drizzle binds it: unmapped (a JSON column would otherwise store the text 'null').
      const v = doc[this.#docKeys[i]!] ?? null;
      values[i] = v === null ? null : write[i]!.mapToDriverValue(v);
    }
    values[n] = write[n]!.mapToDriverValue(deleted);
    values[n + 1] = write[n + 1]!.mapToDriverValue(seq);
    if (this.#update) values.push(doc.id);
    return this.#put.run(values).changes;
  }
}
