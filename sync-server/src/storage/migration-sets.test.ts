import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterAll, describe, expect, it } from 'vitest';
import { logEntrySchema, sessionLogSchema } from '@spotter/shared';
import { openDatabase } from './db.ts';

// docs/DESIGN.md "Sets": a database holding logs in the format before sets is brought to the
// current one — every entry gains an empty `sets` record and keeps all it said; an entry
// that already has sets keeps them.
const migrations = fileURLToPath(new URL('../../../drizzle', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'spotter-migration-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The migrations folder as it was before sets: the journal cut before 0008. */
function before(): string {
  const folder = join(dir, 'before');
  cpSync(migrations, folder, { recursive: true });
  const journal = JSON.parse(readFileSync(join(folder, 'meta/_journal.json'), 'utf8'));
  journal.entries = journal.entries.filter((e: { tag: string }) => e.tag < '0008');
  writeFileSync(join(folder, 'meta/_journal.json'), JSON.stringify(journal));
  return folder;
}

const oldEntry = {
  exerciseId: 'ex-1', setsCompleted: 3, repsCompleted: 8, weightUsed: 60, weightUnit: 'kg', durationMinutes: null, completedAsPrescribed: true,
  results: 'felt good', notes: '', difficulty: 3, prescribed: { sets: 3, reps: '8', weight: '60 kg', restSeconds: 90 }, loggedAt: '2026-11-12T10:00:00.000Z',
};
const set = { position: 0, warmup: false, done: true, targetReps: '8', targetWeight: '60 kg', reps: 8, load: 60, seconds: null, distanceM: null, rpe: null };

describe('the server migration to sets', () => {
  it('gives every stored entry an empty sets record and keeps everything else', () => {
    const file = join(dir, 'spotter.db');
    const sqlite = new Database(file);
    migrate(drizzle(sqlite), { migrationsFolder: before() });
    sqlite.pragma('foreign_keys = OFF'); // the log alone is what this migration reads
    const insert = sqlite.prepare('INSERT INTO logs (id, session_id, client_id, coach_id, entries, completed_at, updated_at, seq, deleted) VALUES (?, ?, ?, ?, ?, NULL, ?, ?, 0)');
    insert.run('log.s1', 's1', 'c1', 'k1', JSON.stringify({ rx1: oldEntry, rx2: { ...oldEntry, setsCompleted: 0 } }), '2026-11-12T10:00:00.000Z', 1);
    insert.run('log.s2', 's2', 'c1', 'k1', '{}', '2026-11-12T10:00:00.000Z', 2);
    insert.run('log.s3', 's3', 'c1', 'k1', JSON.stringify({ rx1: { ...oldEntry, sets: { a: set } } }), '2026-11-12T10:00:00.000Z', 3);
    sqlite.close();

    const { sqlite: opened, close } = openDatabase(file);
    const rows = opened.prepare('SELECT id, entries, seq FROM logs ORDER BY id').all() as { id: string; entries: string; seq: number }[];
    close();
    const entries = Object.fromEntries(rows.map((r) => [r.id, JSON.parse(r.entries)]));
    expect(entries['log.s1']).toEqual({ rx1: { ...oldEntry, sets: {} }, rx2: { ...oldEntry, setsCompleted: 0, sets: {} } });
    expect(entries['log.s2']).toEqual({});
    expect(entries['log.s3'].rx1.sets).toEqual({ a: set });
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3]);
    // Still valid documents of the shared schema, and still saying what they said.
    for (const e of Object.values(entries['log.s1'])) expect(logEntrySchema.parse(e)).toMatchObject({ setsCompleted: expect.any(Number), weightUsed: 60 });
    expect(() => sessionLogSchema.parse({ id: 'log.s3', sessionId: 's3', clientId: 'c1', coachId: 'k1', entries: entries['log.s3'], completedAt: null, updatedAt: '2026-11-12T10:00:00.000Z' })).not.toThrow();
  });
});
