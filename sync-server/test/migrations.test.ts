import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/storage/db.ts';
import { SqliteRepository } from '../src/storage/sqlite-repository.ts';

/**
 * A database created by an earlier version upgrades in place and keeps its rows. The
 * migrations that rebuild a table (SQLite cannot add a CHECK to an existing one) copy the
 * rows across; drizzle-kit's generated copy once selected columns the old table lacked.
 */
const migrations = fileURLToPath(new URL('../../drizzle', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'spotter-migrate-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A database migrated up to (not including) migration number `upTo`. */
function databaseBefore(upTo: number): string {
  const folder = join(work, `migrations-${upTo}`);
  cpSync(migrations, folder, { recursive: true });
  const journal = JSON.parse(readFileSync(join(folder, 'meta/_journal.json'), 'utf8'));
  journal.entries = journal.entries.filter((e: { idx: number }) => e.idx < upTo);
  writeFileSync(join(folder, 'meta/_journal.json'), JSON.stringify(journal));
  const path = join(work, `before-${upTo}.db`);
  const sqlite = new Database(path);
  sqlite.pragma('foreign_keys = ON');
  migrate(drizzle(sqlite), { migrationsFolder: folder });
  sqlite.close();
  return path;
}

/** A coach (coach-1) and a client (client-1), seq 1 and 2. */
function addPeople(db: Database.Database) {
  const user = db.prepare(
    `INSERT INTO users (id, role, email, first_name, last_name, units, is_personal_trainer, specializations, certifications, max_clients, bio, updated_at, password_hash, seq)
     VALUES (?, ?, ?, 'A', 'B', 'kg', 0, '[]', '[]', 0, '', '2026-03-01T00:00:00.000Z', 'x', ?)`,
  );
  user.run('coach-1', 'coach', 'c@x.test', 1);
  user.run('client-1', 'client', 'm@x.test', 2);
}

describe('0003: comment targets and recommendation ratings on messages', () => {
  it('keeps every message, with no exercise and no rating, and refuses a rating out of 1-5', () => {
    const path = databaseBefore(3);
    const old = new Database(path);
    addPeople(old);
    old.prepare(
      `INSERT INTO messages (id, kind, author_id, author_role, coach_id, client_id, target_type, target_id, body, created_at, updated_at, seq, deleted)
       VALUES ('m-1', 'comment', 'client-1', 'client', 'coach-1', 'client-1', 'log', 'log.s-1', 'Knee hurt', '2026-03-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z', 3, 0)`,
    ).run();
    old.close();

    const { sqlite, close } = openDatabase(path);
    try {
      expect(sqlite.prepare('SELECT id, target_type, target_id, target_entry_id, rating, body, seq FROM messages').all()).toEqual([
        { id: 'm-1', target_type: 'log', target_id: 'log.s-1', target_entry_id: null, rating: null, body: 'Knee hurt', seq: 3 },
      ]);
      const rate = (id: string, rating: number, seq: number) =>
        sqlite
          .prepare(
            `INSERT INTO messages (id, kind, author_id, author_role, coach_id, client_id, target_type, target_id, rating, body, created_at, updated_at, seq)
             VALUES (?, 'comment', 'client-1', 'client', 'coach-1', 'client-1', 'recommendation', 'rec-1', ?, '', '2026-03-02T00:00:00.000Z', '2026-03-02T00:00:00.000Z', ?)`,
          )
          .run(id, rating, seq);
      expect(() => rate('r-ok', 5, 4)).not.toThrow();
      expect(() => rate('r-bad', 6, 5)).toThrow(/CHECK constraint failed/);
      expect(sqlite.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    } finally {
      close();
    }
  });
});

describe('0005: resource views on messages', () => {
  it('keeps every message field for field, then takes a view and still refuses an unknown kind', () => {
    const path = databaseBefore(5);
    const old = new Database(path);
    addPeople(old);
    const insert = old.prepare(
      `INSERT INTO messages (id, kind, author_id, author_role, coach_id, client_id, target_type, target_id, target_entry_id, rating, body, created_at, updated_at, seq, deleted)
       VALUES (?, ?, ?, ?, 'coach-1', 'client-1', ?, ?, ?, ?, ?, '2026-03-01T00:00:00.000Z', '2026-03-02T00:00:00.000Z', ?, ?)`,
    );
    insert.run('m-1', 'message', 'coach-1', 'coach', null, null, null, null, 'Hi', 3, 0);
    insert.run('m-2', 'comment', 'client-1', 'client', 'log', 'log.s-1', 'rx-1', null, 'Knee hurt', 4, 0);
    insert.run('m-3', 'comment', 'client-1', 'client', 'recommendation', 'rec-1', null, 4, '', 5, 1);
    const before = old.prepare('SELECT * FROM messages ORDER BY id').all() as Record<string, unknown>[];
    old.close();

    const { sqlite, close } = openDatabase(path);
    try {
      // Field for field (0006, migrated too, adds field_clocks: NULL on every old row).
      expect(sqlite.prepare('SELECT * FROM messages ORDER BY id').all()).toEqual(before.map((row) => ({ ...row, field_clocks: null })));
      const add = (id: string, kind: string, seq: number) =>
        sqlite
          .prepare(
            `INSERT INTO messages (id, kind, author_id, author_role, coach_id, client_id, target_type, target_id, body, created_at, updated_at, seq)
             VALUES (?, ?, 'client-1', 'client', 'coach-1', 'client-1', 'resource', 'note-1', '', '2026-03-03T00:00:00.000Z', '2026-03-03T00:00:00.000Z', ?)`,
          )
          .run(id, kind, seq);
      expect(() => add('v-1', 'view', 6)).not.toThrow();
      expect(() => add('v-2', 'like', 7)).toThrow(/CHECK constraint failed/);
      expect(sqlite.prepare(`SELECT name FROM sqlite_master WHERE tbl_name = 'messages' AND type = 'index' ORDER BY name`).all()).toEqual([
        { name: 'messages_client_idx' },
        { name: 'messages_seq_unique' },
        { name: 'sqlite_autoindex_messages_1' },
      ]);
      expect(sqlite.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    } finally {
      close();
    }
  });
});

describe('0006: per-field clocks', () => {
  it('keeps every row, whose documents carry no clocks; a document with clocks round-trips', async () => {
    const path = databaseBefore(6);
    const old = new Database(path);
    addPeople(old);
    old.prepare(
      `INSERT INTO sessions (id, coach_id, client_id, due_date, title, notes, exercises, status, created_at, updated_at, seq, deleted)
       VALUES ('s-1', 'coach-1', 'client-1', '2026-03-09', 'Upper', 'easy', '[]', 'draft', '2026-03-01T00:00:00.000Z', '2026-03-02T00:00:00.000Z', 3, 0)`,
    ).run();
    const before = old.prepare('SELECT * FROM sessions').all() as Record<string, unknown>[];
    old.close();

    const { db, sqlite, close } = openDatabase(path);
    try {
      expect(sqlite.prepare('SELECT * FROM sessions').all()).toEqual(before.map((row) => ({ ...row, field_clocks: null })));
      const repo = new SqliteRepository(db, sqlite);
      const stored = (await repo.get('sessions', 's-1'))!;
      expect(stored.doc).not.toHaveProperty('fieldClocks');
      expect(stored.doc).toMatchObject({ title: 'Upper', notes: 'easy' });
      const fieldClocks = { title: '2026-03-03T00:00:00.000Z-0000-dev1' };
      (await repo.put('sessions', { ...stored.doc, title: 'Upper A', fieldClocks }, false));
      expect((await repo.get('sessions', 's-1'))!.doc).toMatchObject({ title: 'Upper A', fieldClocks });
    } finally {
      close();
    }
  });
});
