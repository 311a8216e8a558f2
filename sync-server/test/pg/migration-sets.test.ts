import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase, dropDatabase } from '../pg-cluster.ts';

// docs/DESIGN.md "Sets" on PostgreSQL: a database holding logs in the format before sets is
// brought to the current one, as sync-server/src/storage/migration-sets.test.ts checks on SQLite.
const migrations = fileURLToPath(new URL('../../../drizzle-pg', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'spotter-pg-migration-'));
const name = `migration_sets_${process.pid}`;
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await dropDatabase(process.env.SPOTTER_TEST_PG!, name);
});

const oldEntry = {
  exerciseId: 'ex-1', setsCompleted: 3, repsCompleted: 8, weightUsed: 60, weightUnit: 'kg', durationMinutes: null, completedAsPrescribed: true,
  results: '', notes: '', difficulty: 3, prescribed: { sets: 3, reps: '8', weight: '60 kg', restSeconds: 90 }, loggedAt: '2026-11-12T10:00:00.000Z',
};
const set = { position: 0, warmup: false, done: true, targetReps: '8', targetWeight: '60 kg', reps: 8, load: 60, seconds: null, distanceM: null, rpe: null };

describe('the PostgreSQL migration to sets', () => {
  it('gives every stored entry an empty sets record and keeps everything else', async () => {
    const before = join(dir, 'before');
    cpSync(migrations, before, { recursive: true });
    const journal = JSON.parse(readFileSync(join(before, 'meta/_journal.json'), 'utf8'));
    journal.entries = journal.entries.filter((e: { tag: string }) => e.tag < '0001');
    writeFileSync(join(before, 'meta/_journal.json'), JSON.stringify(journal));

    const pool = new pg.Pool({ connectionString: await createDatabase(process.env.SPOTTER_TEST_PG!, name) });
    try {
      await migrate(drizzle(pool), { migrationsFolder: before });
      await pool.query("SET session_replication_role = 'replica'"); // the log alone is what this migration reads
      const cols = (await pool.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'logs' AND is_nullable = 'NO'`)).rows.map((r) => r.column_name);
      expect(cols).toEqual(expect.arrayContaining(['id', 'entries', 'seq']));
      const insert = (id: string, entries: unknown, seq: number) =>
        pool.query(`INSERT INTO logs (id, session_id, client_id, coach_id, entries, completed_at, updated_at, seq, deleted) VALUES ($1, $1, 'c1', 'k1', $2, NULL, '2026-11-12T10:00:00.000Z', $3, false)`, [id, JSON.stringify(entries), seq]);
      await insert('log.s1', { rx1: oldEntry, rx2: { ...oldEntry, setsCompleted: 0 } }, 1);
      await insert('log.s2', {}, 2);
      await insert('log.s3', { rx1: { ...oldEntry, sets: { a: set } } }, 3);
      await migrate(drizzle(pool), { migrationsFolder: migrations });
      const rows = (await pool.query('SELECT id, entries, seq FROM logs ORDER BY id')).rows as { id: string; entries: any; seq: number }[];
      const entries = Object.fromEntries(rows.map((r) => [r.id, r.entries]));
      expect(entries['log.s1']).toEqual({ rx1: { ...oldEntry, sets: {} }, rx2: { ...oldEntry, setsCompleted: 0, sets: {} } });
      expect(entries['log.s2']).toEqual({});
      expect(entries['log.s3'].rx1.sets).toEqual({ a: set });
      expect(rows.map((r) => Number(r.seq))).toEqual([1, 2, 3]);
    } finally {
      await pool.end();
    }
  });
});
