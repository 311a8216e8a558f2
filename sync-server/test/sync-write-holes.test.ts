import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDaysTo, sessionLogId, todayLocal, type Exercise, type Person } from '@spotter/shared';
import { note, prescription, session, sessionLog } from '@spotter/shared/fixtures.ts';
import { startTestServer, type TestServer } from './helper.ts';
import { coachAndClient, now, push, type Who } from './wire.ts';

/**
 * Holes in the sync writes found by probing the server as an attacker would
 * (docs/DESIGN.md "Write rules"): each test failed on the server before its fix.
 */
let s: TestServer;
let coach: Who;
let client: Who;
let client2: Who;
let coach2: Who;
let exercise: Exercise;
const today = todayLocal();

beforeAll(async () => {
  s = await startTestServer();
  ({ coach, client, exercise } = await coachAndClient(s));
  const [c2, m2] = [await s.login('coach2@demo.test'), await s.login('client2@demo.test')];
  coach2 = { token: c2.accessToken, id: c2.user.id };
  client2 = { token: m2.accessToken, id: m2.user.id };
});
afterAll(() => s?.close());

const published = (id: string) =>
  session({ id, coachId: coach.id, clientId: client.id, dueDate: addDaysTo(today, 2), status: 'submitted', exercises: [prescription({ id: `${id}-rx`, exerciseId: exercise.id })], createdAt: now(), updatedAt: now() });

describe('a deleted push goes through the same rules as a live one', () => {
  it("cannot squat the log id of someone else's session, so its client can still log it", async () => {
    const target = published('ses-squat');
    await push(s, coach.token, 'sessions', [{ doc: target }]);
    expect((await s.app.repo.get('sessions', target.id))?.doc.status).toBe('published');
    const squat = sessionLog({ sessionId: target.id, clientId: client2.id, coachId: coach.id, updatedAt: now() });
    const [answer] = await push(s, client2.token, 'logs', [{ doc: squat, deleted: true }]);
    expect(answer).toMatchObject({ id: sessionLogId(target.id), _refusalCode: 'session_not_yours' });
    expect((await s.app.repo.get('logs', sessionLogId(target.id)))).toBeNull();

    const real = sessionLog({ sessionId: target.id, clientId: client.id, coachId: coach.id, updatedAt: now() });
    expect(await push(s, client.token, 'logs', [{ doc: real }])).toEqual([]);
    expect((await s.app.repo.get('logs', real.id))).toMatchObject({ deleted: false, doc: { clientId: client.id } });
  });
});

describe('an account is not deleted over sync', () => {
  it('refuses a client soft-deleting their own person document', async () => {
    const me = (await s.app.repo.get('people', client2.id))!.doc as Person;
    const [answer] = await push(s, client2.token, 'people', [{ doc: { ...me, updatedAt: now() }, assumed: { ...me, _deleted: false }, deleted: true }]);
    expect(answer).toMatchObject({ id: client2.id, _deleted: false, _refusalCode: 'account_not_deletable' });
    expect((await s.app.repo.get('people', client2.id))?.deleted).toBe(false);
    expect((await s.api(client2.token, 'GET', '/api/me')).status).toBe(200);
  });
});

describe("a push over someone else's document", () => {
  it('answers "not found" and reveals nothing of the document or whose it is', async () => {
    const secret = note({ id: 'note-secret', coachId: coach.id, clientId: client.id, title: 'Knee', body: 'private', createdAt: now(), updatedAt: now() });
    expect(await push(s, coach.token, 'notes', [{ doc: secret }])).toEqual([]);
    const probe = note({ id: secret.id, coachId: coach2.id, clientId: client2.id, title: 'probe', createdAt: now(), updatedAt: now() });
    const answer = await push(s, coach2.token, 'notes', [{ doc: probe }]);
    expect(answer).toHaveLength(1);
    expect(answer[0]).toMatchObject({ id: secret.id, _deleted: true, _refusalCode: 'not_found' });
    const text = JSON.stringify(answer);
    expect(text).not.toContain(coach.id);
    expect(text).not.toContain(client.id);
    expect((await s.app.repo.get('notes', secret.id))?.doc).toMatchObject({ coachId: coach.id, title: 'Knee' });
  });
});

describe('text that is not valid Unicode', () => {
  it('refuses a lone UTF-16 surrogate with a clear 400 and stores nothing', async () => {
    const body = `[{"assumedMasterState":null,"newDocumentState":${JSON.stringify({ ...note({ id: 'note-surrogate', coachId: coach.id, clientId: client.id, createdAt: now(), updatedAt: now() }), _deleted: false }).replace('"Knee"', '"Kn\\ud800ee"')}}]`;
    const res = await s.api(coach.token, 'POST', '/api/sync/notes/push', body);
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/title.*not valid text/);
    expect((await s.app.repo.get('notes', 'note-surrogate'))).toBeNull();
  });

  it('parses the assumed master state with the same schema as the new state', async () => {
    const doc = note({ id: 'note-assumed', coachId: coach.id, clientId: client.id, createdAt: now(), updatedAt: now() });
    const res = await s.api(coach.token, 'POST', '/api/sync/notes/push', [{ assumedMasterState: { ...doc, title: 42, _deleted: false }, newDocumentState: { ...doc, _deleted: false } }]);
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/assumedMasterState\.title/);
  });
});
