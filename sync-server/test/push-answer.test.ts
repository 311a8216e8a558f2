import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDaysTo, expandPushAnswer, todayLocal, type Exercise, type PushAnswer, type TrainingSession } from '@spotter/shared';
import { prescription, session } from '@spotter/shared/fixtures.ts';
import { startTestServer, type TestServer } from './helper.ts';
import { coachAndClient, now, push, type Who } from './wire.ts';

/**
 * The compact push answer (`?answer=patch`, shared sync.ts PushPatch): an accepted write the
 * server stored with fields of its own comes back as those fields only, and what the device
 * rebuilds from it is exactly the state the server stored. Everything else is answered in full.
 */
let s: TestServer;
let coach: Who;
let client: Who;
let exercise: Exercise;
const today = todayLocal();

beforeAll(async () => {
  s = await startTestServer();
  ({ coach, client, exercise } = await coachAndClient(s));
});
afterAll(() => s?.close());

const newSession = (id: string, o: Partial<TrainingSession> = {}) =>
  session({ id, coachId: coach.id, clientId: client.id, dueDate: addDaysTo(today, 2), status: 'submitted', submittedAt: now(), exercises: [prescription({ id: `${id}-rx`, exerciseId: exercise.id })], createdAt: now(), updatedAt: now(), ...o });
type Row = { assumedMasterState: Record<string, unknown> | null; newDocumentState: Record<string, unknown> };
const row = (doc: object, assumed: object | null = null): Row => ({ assumedMasterState: assumed as Row['assumedMasterState'], newDocumentState: { ...doc, _deleted: false } });

async function pushCompact(rows: Row[], token = coach.token) {
  const res = await s.api<PushAnswer>(token, 'POST', '/api/sync/sessions/push?answer=patch', rows);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}
/** The server's state of a session, as a full answer carries it. */
const stored = async (id: string) => {
  const found = (await s.app.repo.get('sessions', id))!;
  return { ...found.doc, _deleted: found.deleted };
};

describe('compact push answer (?answer=patch)', () => {
  it.each([
    ['a submit', 'ses-patch-submit', {}, { status: 'published' }],
    ['a resubmit whose old reason the device kept', 'ses-patch-resubmit', { rejection: 'The due date 2020-01-01 has passed; pick today or a later day.' }, { status: 'published', rejection: null }],
  ])('%s is answered with the fields the server set, which rebuild the stored state', async (_name, id, o, patch) => {
    const doc = newSession(id, o);
    const rows = [row(doc)];
    const answer = await pushCompact(rows);
    expect(answer).toEqual([{ id: doc.id, _patch: patch }]);
    expect(expandPushAnswer(rows, answer)).toEqual([await stored(doc.id)]);
    expect(await stored(doc.id)).toMatchObject({ status: 'published', rejection: null });
  });

  it('answers refusals, stale states and role refusals in full, as without it; a plain draft not at all', async () => {
    const stale = newSession('ses-patch-stale', { status: 'draft', submittedAt: null, title: 'v1' });
    await push(s, coach.token, 'sessions', [{ doc: stale }]);
    await push(s, coach.token, 'sessions', [{ doc: { ...stale, title: 'v2', updatedAt: now() }, assumed: { ...stale, _deleted: false } }]);
    const late = newSession('ses-patch-late', { dueDate: addDaysTo(today, -1) });
    const ghost = newSession('ses-patch-ghost', { exercises: [prescription({ id: 'ghost-rx', exerciseId: 'no-such-exercise' })] });
    const ok = newSession('ses-patch-ok');
    const draft = newSession('ses-patch-draft', { status: 'draft', submittedAt: null });
    const rows = [row(late), row(ghost), row({ ...stale, notes: 'other device' }, { ...stale, _deleted: false }), row(ok), row(draft)];
    const answer = await pushCompact(rows);
    const reason = `The due date ${late.dueDate} has passed; pick today or a later day.`;
    expect(answer).toEqual([
      { ...(await stored(late.id)), _refusal: reason, _refusalCode: 'due_date_passed' },
      { ...(await stored(ghost.id)), _refusal: 'An exercise in this session is no longer in the library.', _refusalCode: 'exercise_not_in_library' },
      await stored(stale.id),
      { id: ok.id, _patch: { status: 'published' } },
    ]);
    expect(await stored(late.id)).toMatchObject({ status: 'draft', rejection: reason });
    expect(await stored(stale.id)).toMatchObject({ title: 'v2', notes: stale.notes });
    expect(expandPushAnswer(rows, answer).map((d) => d.id)).toEqual([late.id, ghost.id, stale.id, ok.id]);
    expect((await s.app.repo.get('sessions', draft.id))?.doc).toEqual(draft);

    const byClient = await pushCompact([row(newSession('ses-patch-by-client'))], client.token);
    expect(byClient).toEqual([expect.objectContaining({ id: 'ses-patch-by-client', _deleted: true, _refusal: 'A client cannot change sessions.', _refusalCode: 'role_cannot_write' })]);
  });

  it.each([
    ['an unknown answer form', '?answer=compact'],
    ['an unknown query parameter', '?answer=patch&debug=1'],
  ])('refuses %s with 400 and writes nothing', async (_name, query) => {
    const before = (await s.app.repo.maxSeq());
    const res = await s.api(coach.token, 'POST', `/api/sync/sessions/push${query}`, [row(newSession('ses-patch-bad-query'))]);
    expect(res.status).toBe(400);
    expect(res.body.message).toEqual(expect.any(String));
    expect((await s.app.repo.maxSeq())).toBe(before);
    expect((await s.app.repo.get('sessions', 'ses-patch-bad-query'))).toBeNull();
  });
});
