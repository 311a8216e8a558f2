import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDaysTo, collectionNames, todayLocal } from '@spotter/shared';
import { prescription, session } from '@spotter/shared/fixtures.ts';
import { startTestServer, type TestServer } from './helper.ts';
import { now, pullAll, push } from './wire.ts';

let s: TestServer;
let coach: { token: string; id: string };
let client: { token: string; id: string };

beforeAll(async () => {
  s = await startTestServer();
  const [c, m] = [await s.login('coach@demo.test'), await s.login('client@demo.test')];
  coach = { token: c.accessToken, id: c.user.id };
  client = { token: m.accessToken, id: m.user.id };
});
afterAll(() => s?.close());

/** Every row of every table: "the database is unchanged" means this is identical. */
const snapshot = async () => JSON.stringify(await Promise.all(collectionNames.map((c) => s.app.repo.find(c, [], { field: 'seq' }))));

const valid = () => ({
  ...session({ id: 'ses-bad-input', coachId: coach.id, clientId: client.id, dueDate: addDaysTo(todayLocal(), 2), status: 'draft', exercises: [prescription()], createdAt: now(), updatedAt: now() }),
  _deleted: false,
});
const row = (newDocumentState: unknown) => JSON.stringify([{ assumedMasterState: null, newDocumentState }]);

const cases: [string, () => string, number, RegExp][] = [
  ['malformed JSON', () => '[{"assumedMasterState": null, "newDocumentState": {', 400, /not valid JSON/],
  ['a body that is not an array', () => JSON.stringify({ documents: [] }), 400, /expected array/i],
  ['a wrong type (sets as text)', () => row({ ...valid(), exercises: [{ ...prescription(), sets: 'three' }] }), 400, /\[0\]\.newDocumentState\.exercises\.0\.sets/],
  ['a wrong type (_deleted as text)', () => row({ ...valid(), _deleted: 'yes' }), 400, /_deleted/],
  ['an unknown field', () => row({ ...valid(), isAdmin: true }), 400, /isAdmin/],
  ['an unknown field in a row', () => JSON.stringify([{ assumedMasterState: null, newDocumentState: valid(), extra: 1 }]), 400, /extra/],
  ['a missing field', () => row({ ...valid(), title: undefined }), 400, /\[0\]\.newDocumentState\.title/],
  ['an out-of-range value', () => row({ ...valid(), exercises: [{ ...prescription(), restSeconds: -5 }] }), 400, /restSeconds/],
  ['more than 500 rows', () => JSON.stringify(Array.from({ length: 501 }, () => ({ assumedMasterState: null, newDocumentState: valid() }))), 400, /500/],
  // PostgreSQL cannot store U+0000 in text; SQLite would. One answer on both stores.
  ['a NUL character in a text', () => row({ ...valid(), title: 'Squat\u0000day' }), 400, /\[0\]\.newDocumentState\.title: is not valid text/],
  ['an oversized body (3 MB)', () => row({ ...valid(), notes: 'x'.repeat(3 * 1024 * 1024) }), 413, /too large/],
];

describe('bad input gets a clear 4xx and changes nothing', () => {
  it.each(cases)('%s', async (_name, body, status, message) => {
    const before = await snapshot();
    const res = await s.api(coach.token, 'POST', '/api/sync/sessions/push', body());
    expect(res.status).toBe(status);
    expect(res.body).toEqual({ error: expect.any(String), message: expect.stringMatching(message) });
    expect(await snapshot()).toBe(before);
  });

  it.each([
    ['an unknown collection', '/api/sync/nope/pull', { checkpoint: null, batchSize: 10 }, 404],
    ['a batch size of 0', '/api/sync/sessions/pull', { checkpoint: null, batchSize: 0 }, 400],
    ['a checkpoint of the wrong shape', '/api/sync/sessions/pull', { checkpoint: { time: 1 }, batchSize: 10 }, 400],
  ])('pull with %s → %i', async (_name, path, body, status) => {
    const res = await s.api(coach.token, 'POST', path, body);
    expect(res.status).toBe(status);
    expect(res.body.message).toEqual(expect.any(String));
  });

  // A first pull's phase checkpoints (shared sync.ts): every part set by the server, or none.
  const phase = { seq: 0, phase: 'recent', after: 10, upTo: 50, since: '2026-01-01' };
  it.each([
    ['a phase without its position', { ...phase, after: undefined }, /phase, after, upTo and since together/],
    ['a phase without upTo', { ...phase, upTo: null }, /phase, after, upTo and since together/],
    ['phase keys without a phase', { ...phase, phase: null }, /phase, after, upTo and since together/],
    ['an unknown phase', { ...phase, phase: 'older' }, /phase/],
    ['a window start that is not a date', { ...phase, since: '2026-13-01' }, /since/],
    ['a negative position', { ...phase, after: -1 }, /after/],
    ['an unknown key', { ...phase, page: 2 }, /page/],
    ['a seq as text', { seq: '12' }, /seq/],
  ])('pull with %s → 400 naming it', async (_name, checkpoint, message) => {
    const res = await s.api(coach.token, 'POST', '/api/sync/sessions/pull', { checkpoint, batchSize: 10 });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: expect.any(String), message: expect.stringMatching(message) });
  });

  it('a client writing coach-owned fields is refused with the reason, nothing written', async () => {
    const before = await snapshot();
    const me = (await pullAll(s, client.token, 'people')).docs.find((p) => p.id === client.id)!;
    const { _deleted, ...doc } = me;
    const answer = await push(s, client.token, 'people', [{ doc: { ...doc, maxClients: 50, isPersonalTrainer: true }, assumed: me }]);
    expect(answer).toEqual([{ ...me, _refusal: expect.stringMatching(/^Only an admin can change (maxClients|isPersonalTrainer)\.$/), _refusalCode: 'admin_only_field' }]);
    const session = (await pullAll(s, client.token, 'sessions')).docs.find((d) => !d._deleted)!;
    const { _deleted: _d, ...sdoc } = session;
    const edit = await push(s, client.token, 'sessions', [{ doc: { ...sdoc, title: 'Easy day' }, assumed: session }]);
    expect(edit).toEqual([{ ...session, _refusal: 'A client cannot change sessions.', _refusalCode: 'role_cannot_write' }]);
    expect(await snapshot()).toBe(before);
  });

  it.each(['/api/clients/a%00b', '/api/sessions/a%00b', '/api/clients/a%00b/sessions?from=2026-01-01&to=2026-02-01'])('GET %s (a NUL character in the path) is a clear 4xx', async (path) => {
    const res = await s.api(coach.token, 'GET', path);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.body.message).toEqual(expect.any(String));
  });

  it('answers unknown API routes with 404', async () => {
    const res = await s.api(coach.token, 'GET', '/api/nothing-here');
    expect(res.status).toBe(404);
  });
});
