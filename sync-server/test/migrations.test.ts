import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/storage/db.ts';

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

describe('0003: comment targets and recommendation ratings on messages', () => {
  it('keeps every message, with no exercise and no rating, and refuses a rating out of 1-5', () => {
    const path = databaseBefore(3);
    const old = new Database(path);
    const user = old.prepare(
      `INSERT INTO users (id, role, email, first_name, last_name, units, is_personal_trainer, specializations, certifications, max_clients, bio, updated_at, password_hash, seq)
       VALUES (?, ?, ?, 'A', 'B', 'kg', 0, '[]', '[]', 0, '', '2026-03-01T00:00:00.000Z', 'x', ?)`,
    );
    user.run('coach-1', 'coach', 'c@x.test', 1);
    user.run('client-1', 'client', 'm@x.test', 2);
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
