import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, getTableColumns, getTableName, inArray } from 'drizzle-orm';
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectionNames, type CollectionName } from '@spotter/shared';
import * as f from '@spotter/shared/fixtures.ts';
import { openDatabase, type Db } from './db.ts';
import { docFromRow, rowFromDoc, type Doc } from './mappers.ts';
import { SqliteRepository } from './sqlite-repository.ts';
import { ConstraintViolation } from './errors.ts';
import { syncedTables, users } from './tables.ts';

/**
 * The repository writes and reads synced rows with plain SQL (row-statements.ts) instead of
 * drizzle's prepared queries. These tests hold it to what drizzle did: the same bytes in every
 * column (JSON text, booleans as 0/1, NULLs, integers vs reals), the same documents read back,
 * and constraint refusals that still surface as SQLite's constraint errors.
 */
const work = mkdtempSync(join(tmpdir(), 'spotter-rows-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function database(name: string) {
  const opened = openDatabase(join(work, `${name}.db`));
  const repo = new SqliteRepository(opened.db, opened.sqlite);
  // The accounts every fixture refers to.
  (await repo.createUser(f.person({ id: 'admin-1', role: 'admin', email: 'admin@x.test' }), 'hash-admin'));
  (await repo.createUser(f.person({ id: f.COACH_ID, role: 'coach', email: 'coach@x.test', maxClients: 15 }), 'hash-coach'));
  (await repo.createUser(f.person(), 'hash-client'));
  return { ...opened, repo };
}

/** Each collection with its nullable fields empty, then set, then a tombstone (foreign keys in order). */
const variants: { [C in CollectionName]: Array<[doc: Doc, deleted: boolean]> } = {
  people: [
    [f.person({ id: f.COACH_ID, role: 'coach', email: 'coach@x.test', maxClients: 15, hourlyRate: 55.5, yearsExperience: 3, specializations: ['strength', 'mobility'], bio: 'Line 1\n"quoted" ✓' }), false],
    [f.person({ hourlyRate: 40, yearsExperience: null, isPersonalTrainer: true }), false],
  ],
  assignments: [
    [f.assignment({ assignedBy: null, startDate: null }), false],
    [f.assignment({ id: 'asg-2', status: 'completed', endDate: '2026-03-20' }), true],
  ],
  exercises: [
    [f.exercise({ muscleGroups: [] }), false],
    [f.exercise({ id: 'ex-squat', ownerId: f.COACH_ID, name: 'Squat', pattern: 'squat' }), false],
  ],
  sessions: [
    [f.session(), false],
    [f.session({ id: 'ses-2', status: 'draft', submittedAt: f.T0, rejection: 'Due date is in the past.', planId: 'plan-1', exercises: [] }), false],
    [f.session({ id: 'ses-3' }), true],
    // Per-field clocks (a JSON column that may be NULL): stored as JSON text, read back as sent.
    [f.session({ id: 'ses-4', fieldClocks: { title: '2026-03-02T09:00:00.000Z-0001-dev1', 'exercises': '2026-03-02T09:00:01.000Z-0000-dev2' } }), false],
  ],
  logs: [
    [f.sessionLog(), false],
    [f.sessionLog({ sessionId: 'ses-2', completedAt: f.T0, entries: {} }), false],
  ],
  messages: [
    [f.message(), false],
    [f.message({ id: 'msg-2', kind: 'comment', targetType: 'session', targetId: 'ses-1', targetEntryId: 'rx-1', rating: 4 }), false],
  ],
  notes: [
    [f.note(), false],
    [f.note({ id: 'note-2', kind: 'summary', isPrivate: false, weekOf: '2026-03-02' }), true],
  ],
  plans: [
    [f.plan(), false],
    [f.plan({ id: 'plan-2', assignmentId: null, startDate: '2026-03-09', status: 'active', days: [] }), false],
  ],
  recommendations: [
    [f.recommendation(), false],
    [f.recommendation({ id: 'rec-2', pattern: null, exerciseId: null, status: 'approved' }), false],
  ],
  reminders: [
    [f.reminder(), false],
    [f.reminder({ id: 'rem-2', clientId: null, repeat: 'weekly', weekdays: [1, 4], time: '07:00', message: '' }), false],
    [f.reminder({ id: 'rem-3', repeat: 'once', date: '2026-03-05' }), true],
  ],
};
// In foreign-key order; people (accounts that exist already) last.
const order: CollectionName[] = ['assignments', 'exercises', 'sessions', 'logs', 'messages', 'notes', 'plans', 'recommendations', 'reminders', 'people'];

/** Every column of every row as SQLite holds it: quote() tells 1 from 1.0 from '1' from NULL. */
function snapshot(sqlite: Database.Database, collection: CollectionName) {
  const table = syncedTables[collection];
  const names = Object.values(getTableColumns(table)).map((c) => c.name);
  return sqlite.prepare(`SELECT ${names.map((n) => `quote("${n}") AS "${n}"`).join(', ')} FROM "${getTableName(table)}" ORDER BY id`).all();
}

describe('row statements: what drizzle wrote', () => {
  let mine: Awaited<ReturnType<typeof database>>;
  let reference: Awaited<ReturnType<typeof database>>;
  beforeAll(async () => {
    [mine, reference] = [await database('plain'), await database('drizzle')];
  });
  // The write path the repository used before (drizzle's insert/update of the same values).
  const drizzlePut = (collection: CollectionName, doc: Doc, deleted: boolean, seq: number) => {
    const values = { ...rowFromDoc(collection, doc, deleted), seq };
    if (collection === 'people') return reference.db.update(users).set(values).where(eq(users.id, doc.id)).run();
    const table = syncedTables[collection] as typeof syncedTables.sessions;
    return reference.db.insert(table).values(values as typeof table.$inferInsert).onConflictDoUpdate({ target: table.id, set: values }).run();
  };

  it.each(order)('%s: every column, inserted then updated, is byte for byte what drizzle wrote', async (collection) => {
    for (const [doc, deleted] of variants[collection]) {
      const seq = (await mine.repo.put(collection, doc, deleted));
      drizzlePut(collection, doc, deleted, seq);
      // Written again with one field changed: the upsert's update branch.
      const changed = { ...doc, updatedAt: '2026-03-03T10:00:00.000Z' };
      const seq2 = (await mine.repo.put(collection, changed, !deleted));
      drizzlePut(collection, changed, !deleted, seq2);
    }
    expect(snapshot(mine.sqlite, collection)).toEqual(snapshot(reference.sqlite, collection));
    expect(mine.sqlite.prepare('SELECT password_hash FROM users ORDER BY id').pluck().all()).toEqual(['hash-admin', 'hash-client', 'hash-coach']);
  });

  it.each(collectionNames)('%s: get returns the document, flag and seq drizzle read', async (collection) => {
    const table = syncedTables[collection] as typeof syncedTables.sessions;
    for (const row of reference.db.select().from(table).all() as Array<Record<string, unknown> & { id: string; seq: number; deleted: boolean }>) {
      const expected = { doc: docFromRow(collection, row), deleted: row.deleted, seq: row.seq };
      expect((await mine.repo.get(collection, row.id))).toEqual(expected);
    }
    expect((await mine.repo.get(collection, 'no-such-id'))).toBeNull();
  });

  it('round-trips every field of every variant, JSON and nullable ones included', async () => {
    for (const collection of order) {
      for (const [doc] of variants[collection]) {
        expect((await mine.repo.get(collection, doc.id))?.doc).toEqual({ ...doc, updatedAt: '2026-03-03T10:00:00.000Z' });
      }
    }
  });

  it('refuses an account it does not have (accounts are created with a password, never by sync)', async () => {
    await expect(mine.repo.put('people', f.person({ id: 'nobody', email: 'nobody@x.test' }), false)).rejects.toThrow('no account nobody');
  });
});

describe('row statements: constraint refusals', () => {
  let repo: SqliteRepository;
  let sqlite: Database.Database;
  beforeAll(async () => {
    ({ repo, sqlite } = await database('constraints'));
    await repo.put('exercises', f.exercise(), false);
    await repo.put('assignments', f.assignment(), false);
  });

  const kindOf = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
    } catch (e) {
      return e instanceof ConstraintViolation ? e.kind : `not a ConstraintViolation: ${String(e)}`;
    }
    return 'no error';
  };

  it.each([
    ['a CHECK (the server never stores "submitted")', 'sessions', f.session({ id: 'ses-bad', status: 'submitted' }), 'check'],
    ['a foreign key (no such client)', 'sessions', f.session({ id: 'ses-bad', clientId: 'nobody' }), 'foreign_key'],
    ['a partial unique index (a second active plan)', 'plans', f.plan({ id: 'plan-b', status: 'active', startDate: '2026-03-09' }), 'unique'],
    ['a NOT NULL column (a field missing from the document)', 'notes', { ...f.note({ id: 'note-bad' }), title: undefined } as unknown as Doc, 'not_null'],
  ] as const)('%s comes back as a storage-neutral ConstraintViolation of that kind, and the transaction goes on without that row', async (_what, collection, doc, code) => {
    (await repo.put('plans', f.plan({ id: 'plan-a', status: 'active', startDate: '2026-03-09' }), false));
    const before = (await repo.maxSeq());
    let after = 0;
    await repo.transaction(async () => {
      expect(await kindOf(() => repo.put(collection, doc as Doc, false))).toBe(code);
      expect(repo.failedStatementKeepsTransaction).toBe(true);
      after = (await repo.put('messages', f.message({ id: `msg-after-${code}` }), false));
    });
    expect((await repo.get(collection, String(doc.id)))).toBeNull();
    expect((await repo.get('messages', `msg-after-${code}`))?.seq).toBe(after);
    expect(after).toBeGreaterThan(before);
    expect(sqlite.inTransaction).toBe(false);
  });
});

describe('row statements: rows by one column (the sync path finds)', () => {
  let repo: SqliteRepository;
  let db: Db;
  beforeAll(async () => {
    ({ repo, db } = await database('where-in'));
    for (const collection of order) for (const [doc, deleted] of variants[collection]) await repo.put(collection, doc, deleted);
  });
  const sorted = (rows: { doc: Doc }[]) => [...rows].sort((a, b) => a.doc.id.localeCompare(b.doc.id));
  const drizzleFind = (collection: CollectionName, field: string, values: unknown[]) => {
    const table = syncedTables[collection];
    const column = getTableColumns(table)[field as keyof typeof table.$inferSelect] as never;
    return (db.select().from(table).where(inArray(column, values as never[])).all() as Array<Record<string, unknown> & { seq: number; deleted: boolean }>)
      .map((row) => ({ doc: docFromRow(collection, row), deleted: row.deleted, seq: row.seq }));
  };

  it.each([
    ['exercises', 'id', 'in', ['ex-bench', 'ex-squat', 'ex-missing']],
    ['exercises', 'ownerId', 'eq', f.COACH_ID],
    ['assignments', 'coachId', 'eq', f.COACH_ID],
    ['assignments', 'clientId', 'in', []],
    ['sessions', 'deleted', 'eq', true],
    ['notes', 'isPrivate', 'eq', false],
    ['plans', 'durationWeeks', 'in', [4, 8]],
    ['messages', 'rating', 'eq', 4],
    ['people', 'role', 'in', ['coach', 'admin']],
  ] as const)('%s where %s %s %j: the rows drizzle finds', async (collection, field, op, value) => {
    const values = op === 'in' ? [...(value as readonly unknown[])] : [value];
    const found = (await repo.find(collection, [{ field, op, value: value as string }]));
    expect(sorted(found)).toEqual(sorted(drizzleFind(collection, field, values)));
    expect(found.length).toBeGreaterThan(values.length === 0 ? -1 : 0);
  });
});
