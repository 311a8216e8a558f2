import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Exercise, TrainingSession } from '@spotter/shared';
import { sessionLog } from '@spotter/shared/fixtures.ts';
import { startTestServer, type TestServer } from './helper.ts';
import { coachAndClient, draftFor, now, pullAll, push, type Who } from './wire.ts';

/**
 * A push's reads and plain writes are batched (sync-server/src/sync/push-batch.ts): each row's
 * outcome, its seq and the answer's order are what they were one row at a time. Runs on both
 * stores (vitest.config.ts storeTests): on PostgreSQL a batch is one multi-row statement.
 */
let s: TestServer;
let coach: Who;
let client: Who;
let exercise: Exercise;

beforeAll(async () => {
  s = await startTestServer();
  ({ coach, client, exercise } = await coachAndClient(s));
});
afterAll(() => s?.close());

const newSession = (id: string, o: Partial<TrainingSession> = {}) => draftFor(coach, client, exercise, id, o);

describe('a push written in batches', () => {
  it('gives the rows consecutive seqs in their order, and a pull from before sees them all in that order', async () => {
    const { checkpoint } = await pullAll(s, coach.token, 'sessions');
    const rows = Array.from({ length: 30 }, (_, i) => newSession(`batch-order-${String(i).padStart(2, '0')}`));
    expect(await push(s, coach.token, 'sessions', rows.map((doc) => ({ doc })))).toEqual([]);
    const seqs = await Promise.all(rows.map(async (r) => (await s.app.repo.get('sessions', r.id))!.seq));
    expect(seqs).toEqual(seqs.map((_, i) => seqs[0]! + i));
    const after = await pullAll(s, coach.token, 'sessions', checkpoint, 7);
    expect(after.docs.map((d) => d.id)).toEqual(rows.map((r) => r.id));
  });

  it('judges a second write of one document in the same push against the first', async () => {
    const first = newSession('batch-twice', { title: 'first' });
    const second = { ...first, title: 'second', updatedAt: now() };
    const stale = { ...first, title: 'stale', updatedAt: now() };
    // The second row assumes the first was stored; the third assumes nothing was.
    const answer = await push(s, coach.token, 'sessions', [{ doc: first }, { doc: second, assumed: { ...first, _deleted: false } }, { doc: stale }]);
    expect(answer).toEqual([expect.objectContaining({ id: first.id, title: 'second' })]);
    expect((await s.app.repo.get('sessions', first.id))?.doc).toMatchObject({ title: 'second' });
  });

  it('answers in the order of the rows, whenever each row was written', async () => {
    const known = newSession('batch-answer-known');
    expect(await push(s, coach.token, 'sessions', [{ doc: known }])).toEqual([]);
    // Row 0 is a submit (answered once written: published), row 1 a stale write (answered at once).
    const submit = newSession('batch-answer-submit', { status: 'submitted', submittedAt: now() });
    const staleEdit = { ...known, title: 'stale edit', updatedAt: now() };
    const answer = await push(s, coach.token, 'sessions', [{ doc: submit }, { doc: staleEdit, assumed: { ...known, title: 'never stored', _deleted: false } }]);
    expect(answer.map((d) => [d.id, d.status])).toEqual([
      [submit.id, 'published'],
      [known.id, 'draft'],
    ]);
  });

  it('refuses only the rows the database refuses when they sit in one batch with others', async () => {
    const sessions = ['a', 'b', 'c'].map((x) => newSession(`batch-constraint-${x}`, { status: 'submitted', submittedAt: now() }));
    await push(s, coach.token, 'sessions', sessions.map((doc) => ({ doc })));
    // Legacy rows hold the log slots (sessionId is unique) of sessions a and c, under other ids.
    for (const x of [sessions[0]!, sessions[2]!]) await s.app.repo.put('logs', sessionLog({ id: `legacy-${x.id}`, sessionId: x.id, clientId: client.id, coachId: coach.id, updatedAt: now() }), false);
    const logs = sessions.map((x) => sessionLog({ sessionId: x.id, clientId: client.id, coachId: coach.id, updatedAt: now() }));
    const answer = await push(s, client.token, 'logs', logs.map((doc) => ({ doc })));
    expect(answer.map((d) => [d.id, d._refusalCode])).toEqual([
      [logs[0]!.id, 'conflicts_with_other'],
      [logs[2]!.id, 'conflicts_with_other'],
    ]);
    expect(await s.app.repo.get('logs', logs[0]!.id)).toBeNull();
    expect((await s.app.repo.get('logs', logs[1]!.id))?.doc).toEqual(logs[1]);
    expect(await s.app.repo.get('logs', logs[2]!.id)).toBeNull();
  });
});
