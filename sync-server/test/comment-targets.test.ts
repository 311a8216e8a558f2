import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDaysTo, ratingId, sessionLogId, todayLocal, type Exercise, type Message, type Recommendation } from '@spotter/shared';
import { message, prescription, recommendation, session, sessionLog } from '@spotter/shared/fixtures.ts';
import { startTestServer, type TestServer } from './helper.ts';
import { now, pullAll, push, visible } from './wire.ts';

/**
 * A comment on one exercise of a session (targetEntryId, a prescription id), and a client's
 * rating of an approved recommendation, read by the coach (docs/DESIGN.md "Messages and comments").
 */
let s: TestServer;
type Who = { token: string; id: string };
let coach: Who, client: Who, client2: Who;
let exercise: Exercise;

beforeAll(async () => {
  s = await startTestServer();
  const who = async (email: string) => {
    const l = await s.login(email);
    return { token: l.accessToken, id: l.user.id };
  };
  [coach, client, client2] = [await who('coach@demo.test'), await who('client@demo.test'), await who('client2@demo.test')];
  exercise = visible((await pullAll<Exercise>(s, coach.token, 'exercises')).docs)[0]!;
});
afterAll(() => s?.close());

const published = async (id: string) => {
  const doc = session({
    id, coachId: coach.id, clientId: client.id, dueDate: addDaysTo(todayLocal(), 2), status: 'submitted', submittedAt: now(),
    exercises: [prescription({ id: `${id}-rx-1`, exerciseId: exercise.id }), prescription({ id: `${id}-rx-2`, exerciseId: exercise.id })],
    createdAt: now(), updatedAt: now(),
  });
  // The server answers a publish with the stored (published) state.
  await push(s, coach.token, 'sessions', [{ doc }]);
  expect((await s.app.repo.get('sessions', id))?.doc.status).toBe('published');
  return doc;
};
const fromClient = (o: Partial<Message>) =>
  message({ kind: 'comment', authorId: client.id, authorRole: 'client', coachId: coach.id, clientId: client.id, body: 'Left knee felt it', createdAt: now(), updatedAt: now(), ...o });

describe("a comment on one exercise's log", () => {
  it('is accepted before the log exists, judged by the prescriptions of its session', async () => {
    const ses = await published('ses-entry-1');
    const onEntry = fromClient({ id: 'cmt-entry-1', targetType: 'log', targetId: sessionLogId(ses.id), targetEntryId: `${ses.id}-rx-2` });
    expect(await push(s, client.token, 'messages', [{ doc: onEntry }])).toEqual([]);
    // The coach's device receives it with its exercise.
    const seen = visible((await pullAll<Message>(s, coach.token, 'messages')).docs).find((m) => m.id === onEntry.id);
    expect(seen).toMatchObject({ targetType: 'log', targetEntryId: `${ses.id}-rx-2` });
  });

  it('is refused for an exercise the session does not prescribe, with the log there or not', async () => {
    const ses = await published('ses-entry-2');
    const wrong = (id: string) => fromClient({ id, targetType: 'log', targetId: sessionLogId(ses.id), targetEntryId: 'ses-entry-1-rx-1' });
    const [before] = await push(s, client.token, 'messages', [{ doc: wrong('cmt-entry-2a') }]);
    expect(before?._refusal).toBe('That exercise is not part of this session.');
    const log = sessionLog({ sessionId: ses.id, clientId: client.id, coachId: coach.id, entries: {}, updatedAt: now() });
    expect(await push(s, client.token, 'logs', [{ doc: log }])).toEqual([]);
    const [after] = await push(s, client.token, 'messages', [{ doc: wrong('cmt-entry-2b') }]);
    expect(after?._refusal).toBe('That exercise is not part of this session.');
    expect((await s.app.repo.get('messages', 'cmt-entry-2b'))).toBeNull();
  });

  it('is on the log: a session comment naming an exercise is refused', async () => {
    const ses = await published('ses-entry-3');
    const doc = message({ id: 'cmt-entry-3', kind: 'comment', coachId: coach.id, authorId: coach.id, clientId: client.id, targetType: 'session', targetId: ses.id, targetEntryId: `${ses.id}-rx-1`, createdAt: now(), updatedAt: now() });
    const [refused] = await push(s, coach.token, 'messages', [{ doc }]);
    expect(refused?._refusal).toBe("Only a log's exercise entries take a comment of their own.");
    expect(refused?._refusalCode).toBe('entry_comment_only_logs');
  });
});

describe('a rating of a recommendation', () => {
  const rec = (id: string, status: Recommendation['status']) => recommendation({ id, coachId: coach.id, clientId: client.id, status, createdAt: now(), updatedAt: now() });
  const rating = (recId: string, value: number, body = '') =>
    fromClient({ id: ratingId(recId), targetType: 'recommendation', targetId: recId, rating: value, body });

  it('from its client, once approved: stored, changeable, seen by the coach and no other client', async () => {
    expect(await push(s, coach.token, 'recommendations', [{ doc: rec('rec-rate-1', 'approved') }])).toEqual([]);
    const first = rating('rec-rate-1', 4, 'Felt right');
    expect(await push(s, client.token, 'messages', [{ doc: first }])).toEqual([]);
    const changed = { ...first, rating: 2, body: '', updatedAt: now() };
    expect(await push(s, client.token, 'messages', [{ doc: changed, assumed: { ...first, _deleted: false } }])).toEqual([]);
    const coachSees = visible((await pullAll<Message>(s, coach.token, 'messages')).docs).find((m) => m.id === first.id);
    expect(coachSees).toMatchObject({ rating: 2, body: '', targetType: 'recommendation', targetId: 'rec-rate-1' });
    expect((await pullAll<Message>(s, client2.token, 'messages')).docs.find((m) => m.id === first.id)).toBeUndefined();
  });

  it.each([
    ['a pending recommendation', 'rec-rate-2', 'pending' as const, (d: Message) => d],
    ['a dismissed recommendation', 'rec-rate-3', 'dismissed' as const, (d: Message) => d],
    ['a recommendation that does not exist', 'rec-rate-none', null, (d: Message) => d],
  ])('is refused for %s', async (_why, recId, status, change) => {
    if (status) expect(await push(s, coach.token, 'recommendations', [{ doc: rec(recId, status) }])).toEqual([]);
    const [refused] = await push(s, client.token, 'messages', [{ doc: change(rating(recId, 5)) }]);
    expect(refused?._refusal).toBe('You can only rate a recommendation your coach approved for you.');
    expect((await s.app.repo.get('messages', ratingId(recId)))).toBeNull();
  });

  it('is one document per recommendation: another id is refused', async () => {
    expect(await push(s, coach.token, 'recommendations', [{ doc: rec('rec-rate-4', 'approved') }])).toEqual([]);
    const [refused] = await push(s, client.token, 'messages', [{ doc: { ...rating('rec-rate-4', 3), id: 'my-own-id' } }]);
    expect(refused?._refusal).toBe('A rating of this recommendation has the id rating.rec-rate-4.');
  });

  it('is refused once the coach withdrew the recommendation (a later change too)', async () => {
    const approved = rec('rec-rate-5', 'approved');
    expect(await push(s, coach.token, 'recommendations', [{ doc: approved }])).toEqual([]);
    const first = rating('rec-rate-5', 3);
    expect(await push(s, client.token, 'messages', [{ doc: first }])).toEqual([]);
    expect(await push(s, coach.token, 'recommendations', [{ doc: { ...approved, status: 'dismissed', updatedAt: now() }, assumed: { ...approved, _deleted: false } }])).toEqual([]);
    const [refused] = await push(s, client.token, 'messages', [{ doc: { ...first, rating: 1, updatedAt: now() }, assumed: { ...first, _deleted: false } }]);
    expect(refused).toMatchObject({ rating: 3, _refusal: 'You can only rate a recommendation your coach approved for you.' });
  });
});
