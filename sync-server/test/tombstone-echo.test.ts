import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDaysTo, todayLocal, type Plan } from '@spotter/shared';
import { plan } from '@spotter/shared/fixtures.ts';
import { tombstone } from '../src/sync/tombstone.ts';
import { startTestServer, type TestServer } from './helper.ts';
import { coachAndClient, now, push, type Who } from './wire.ts';

/**
 * A device that was sent the tombstone of a document (its client was reassigned away) may push
 * that tombstone back as if it were its own deletion, once its record of the server's state
 * lags the pulled tombstone and the document is visible again (reassigned back). The server must
 * not delete the document with blank content: a device would later merge the blanks back as
 * another device's edits (the sync simulation: a plan's goals became "", which nobody typed).
 */
let s: TestServer;
let coach: Who;
let client: Who;
beforeAll(async () => {
  s = await startTestServer();
  ({ coach, client } = await coachAndClient(s));
});
afterAll(() => s?.close());

const stored = async (id: string) => {
  const found = (await s.app.repo.get('plans', id))!;
  return { ...found.doc, _deleted: found.deleted };
};

describe('a tombstone pushed back', () => {
  it('is answered with the document, which stays as it was', async () => {
    const doc: Plan = plan({ id: 'plan-echo', coachId: coach.id, clientId: client.id, assignmentId: null, days: [], status: 'draft', title: 'Strength', goals: 'Squat 100 kg', startDate: addDaysTo(todayLocal(), 1), createdAt: now(), updatedAt: now() });
    expect(await push(s, coach.token, 'plans', [{ doc }])).toEqual([]);
    const current = await stored(doc.id);
    const { _deleted, ...echo } = tombstone('plans', current);
    expect(echo.goals).toBe('');
    const answer = await push(s, coach.token, 'plans', [{ doc: echo, assumed: current, deleted: true }]);
    expect(answer).toEqual([current]);
    expect(await stored(doc.id)).toEqual(current);
  });

  it('while a deletion with the content deletes it', async () => {
    const doc: Plan = plan({ id: 'plan-deleted', coachId: coach.id, clientId: client.id, assignmentId: null, days: [], status: 'draft', title: 'Gone', startDate: addDaysTo(todayLocal(), 1), createdAt: now(), updatedAt: now() });
    await push(s, coach.token, 'plans', [{ doc }]);
    const current = await stored(doc.id);
    const { _deleted, ...fields } = current;
    expect(await push(s, coach.token, 'plans', [{ doc: { ...fields, updatedAt: now() }, assumed: current, deleted: true }])).toEqual([]);
    expect((await stored(doc.id))._deleted).toBe(true);
  });
});
