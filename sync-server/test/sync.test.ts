import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDaysTo, todayLocal, type Exercise, type TrainingSession } from '@spotter/shared';
import { message, prescription, sessionLog } from '@spotter/shared/fixtures.ts';
import { startTestServer, type TestServer } from './helper.ts';
import { coachAndClient, draftFor, now, pullAll, push, type Who } from './wire.ts';

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

const newSession = (id: string, o: Partial<TrainingSession> = {}) => draftFor(coach, client, exercise, id, o);

describe('pull', () => {
  it('pages through a collection with checkpoints, in seq order, to the same set as one big pull', async () => {
    const whole = await pullAll(s, coach.token, 'exercises', null, 1000);
    const seqs: number[] = [];
    const ids: string[] = [];
    let checkpoint: { seq: number } | null = null;
    for (let page = 0; page < 100; page++) {
      const res: { status: number; body: any } = await s.api(coach.token, 'POST', '/api/sync/exercises/pull', { checkpoint, batchSize: 7 });
      expect(res.status).toBe(200);
      if (res.body.documents.length === 0) {
        expect(res.body.checkpoint).toEqual(checkpoint); // nothing new: the checkpoint stays
        break;
      }
      expect(res.body.documents.length).toBeLessThanOrEqual(7);
      seqs.push(res.body.checkpoint.seq);
      ids.push(...res.body.documents.map((d: { id: string }) => d.id));
      checkpoint = res.body.checkpoint;
    }
    expect(seqs.length).toBeGreaterThan(3);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(ids).toEqual(whole.docs.map((d) => d.id));
  });

  it('answers an unknown collection with 404 naming it', async () => {
    const res = await s.api(coach.token, 'POST', '/api/sync/workouts/pull', { checkpoint: null, batchSize: 10 });
    expect(res.status).toBe(404);
    expect(res.body.message).toMatch(/Unknown collection "workouts"/);
  });
});

describe('push', () => {
  it('writes, then treats the same push again as a no-op', async () => {
    const doc = message({ id: 'msg-push-1', authorId: coach.id, authorRole: 'coach', coachId: coach.id, clientId: client.id, body: 'See you Monday', createdAt: now(), updatedAt: now() });
    expect(await push(s, coach.token, 'messages', [{ doc }])).toEqual([]);
    const seqAfterFirst = (await s.app.repo.maxSeq());
    expect(await push(s, coach.token, 'messages', [{ doc }])).toEqual([]);
    expect((await s.app.repo.maxSeq())).toBe(seqAfterFirst);
    const seen = (await pullAll(s, client.token, 'messages')).docs.find((d) => d.id === doc.id);
    expect(seen).toEqual({ ...doc, _deleted: false });
  });

  it('accepts a comment on a log that has not arrived yet, judged by the session it belongs to', async () => {
    const published = newSession('ses-comment-first', { status: 'submitted', submittedAt: now() });
    await push(s, coach.token, 'sessions', [{ doc: published }]);
    const onLog = (id: string, sessionId: string, clientId = client.id) =>
      message({ id, kind: 'comment', authorId: client.id, authorRole: 'client', coachId: coach.id, clientId, targetType: 'log', targetId: `log.${sessionId}`, body: 'Felt heavy', createdAt: now(), updatedAt: now() });
    expect(await push(s, client.token, 'messages', [{ doc: onLog('cmt-before-log', published.id) }])).toEqual([]);
    // A session the client cannot see (a draft) still refuses, with its reason.
    await push(s, coach.token, 'sessions', [{ doc: newSession('ses-comment-draft') }]);
    const [refused] = await push(s, client.token, 'messages', [{ doc: onLog('cmt-on-draft', 'ses-comment-draft') }]);
    expect(refused?._refusal).toMatch(/only comment on a log you can see/);
  });

  it('answers a stale assumed state with the current master state and writes nothing', async () => {
    const doc = newSession('ses-conflict', { title: 'v1' });
    await push(s, coach.token, 'sessions', [{ doc }]);
    const master = { ...doc, _deleted: false };
    await push(s, coach.token, 'sessions', [{ doc: { ...doc, title: 'v2', updatedAt: now() }, assumed: master }]);
    const before = (await s.app.repo.maxSeq());
    // A second device still assumes v1.
    const conflicts = await push(s, coach.token, 'sessions', [{ doc: { ...doc, notes: 'from device 2' }, assumed: master }]);
    expect(conflicts).toEqual([expect.objectContaining({ id: doc.id, title: 'v2', notes: doc.notes, _deleted: false })]);
    expect(conflicts[0]!._refusal).toBeUndefined();
    expect((await s.app.repo.maxSeq())).toBe(before);
  });

  it('writes a whole push in one transaction: one invalid row and nothing is written', async () => {
    const before = (await s.app.repo.maxSeq());
    const good = newSession('ses-atomic-ok');
    const res = await s.api(coach.token, 'POST', '/api/sync/sessions/push', [
      { assumedMasterState: null, newDocumentState: { ...good, _deleted: false } },
      { assumedMasterState: null, newDocumentState: { ...newSession('ses-atomic-bad'), dueDate: 'tomorrow', _deleted: false } },
    ]);
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/\[1\]\.newDocumentState\.dueDate/);
    expect((await s.app.repo.get('sessions', good.id))).toBeNull();
    expect((await s.app.repo.maxSeq())).toBe(before);
  });

  it('refuses a row the database refuses (a constraint) alone; the rest of the push is written', async () => {
    // Plain puts run without a savepoint of their own (bench/README.md): the failed statement
    // must be backed out alone and the transaction must go on.
    const [a, b] = [newSession('ses-constraint-a', { status: 'submitted', submittedAt: now() }), newSession('ses-constraint-b', { status: 'submitted', submittedAt: now() })];
    await push(s, coach.token, 'sessions', [{ doc: a }, { doc: b }]);
    // A legacy row already holds session a's log slot (sessionId is unique), under another id.
    (await s.app.repo.put('logs', sessionLog({ id: 'log-legacy', sessionId: a.id, clientId: client.id, coachId: coach.id, updatedAt: now() }), false));
    const [logA, logB] = [a, b].map((x) => sessionLog({ sessionId: x.id, clientId: client.id, coachId: coach.id, updatedAt: now() }));
    const answer = await push(s, client.token, 'logs', [{ doc: logA! }, { doc: logB! }]);
    expect(answer).toEqual([expect.objectContaining({ id: logA!.id, _deleted: true, _refusal: expect.stringMatching(/conflicts with another document/), _refusalCode: 'conflicts_with_other' })]);
    expect((await s.app.repo.get('logs', logA!.id))).toBeNull();
    expect((await s.app.repo.get('logs', logB!.id))?.doc).toEqual(logB);
  });

  it('checks every exercise a push of sessions prescribes: one unknown exercise keeps that session a draft', async () => {
    const ok = newSession('ses-ex-ok', { status: 'submitted', submittedAt: now() });
    const ghost = newSession('ses-ex-ghost', { status: 'submitted', submittedAt: now(), exercises: [prescription({ id: 'ghost-rx', exerciseId: 'no-such-exercise' }), prescription({ id: 'ok-rx', exerciseId: exercise.id })] });
    const answer = await push(s, coach.token, 'sessions', [{ doc: ok }, { doc: ghost }]);
    expect(answer.find((d) => d.id === ok.id)).toMatchObject({ status: 'published' });
    expect(answer.find((d) => d.id === ghost.id)).toMatchObject({ status: 'draft', _refusal: expect.any(String) });
    expect((await s.app.repo.get('sessions', ghost.id))?.doc).toMatchObject({ status: 'draft' });
  });

  it('refuses a write the role may not make, with the reason and the server state', async () => {
    const conflicts = await push(s, client.token, 'sessions', [{ doc: newSession('ses-by-client') }]);
    expect(conflicts).toEqual([expect.objectContaining({ id: 'ses-by-client', _deleted: true, _refusal: 'A client cannot change sessions.', _refusalCode: 'role_cannot_write' })]);
    expect((await s.app.repo.get('sessions', 'ses-by-client'))).toBeNull();
  });

  it('soft-deletes: the row stays, flagged, and devices learn of it', async () => {
    const doc = newSession('ses-delete');
    await push(s, coach.token, 'sessions', [{ doc }]);
    expect(await push(s, coach.token, 'sessions', [{ doc, assumed: { ...doc, _deleted: false }, deleted: true }])).toEqual([]);
    expect((await s.app.repo.get('sessions', doc.id))).toMatchObject({ deleted: true });
    expect((await pullAll(s, coach.token, 'sessions')).docs.find((d) => d.id === doc.id)?._deleted).toBe(true);
  });
});

describe('publishing a session (the draft queue)', () => {
  it('accepts a submit with a due date of today or later: stored published, answered as such', async () => {
    const draft = newSession('ses-submit-ok', { dueDate: today });
    await push(s, coach.token, 'sessions', [{ doc: draft }]);
    const submitted = { ...draft, status: 'submitted' as const, submittedAt: now(), updatedAt: now() };
    const answer = await push(s, coach.token, 'sessions', [{ doc: submitted, assumed: { ...draft, _deleted: false } }]);
    expect(answer).toEqual([{ ...submitted, status: 'published', rejection: null, _deleted: false }]);
    const seen = (await pullAll<TrainingSession>(s, client.token, 'sessions')).docs.find((d) => d.id === draft.id);
    expect(seen).toMatchObject({ status: 'published', title: draft.title, _deleted: false });
    // RxDB retrying the same submit after a lost answer: the stored state comes back, nothing changes.
    const before = (await s.app.repo.maxSeq());
    const again = await push(s, coach.token, 'sessions', [{ doc: submitted, assumed: { ...draft, _deleted: false } }]);
    expect(again).toEqual(answer);
    expect((await s.app.repo.maxSeq())).toBe(before);
  });

  it('keeps a submit with a past due date as a draft with the reason, never shown to the client', async () => {
    const submitted = newSession('ses-submit-late', { dueDate: addDaysTo(today, -1), status: 'submitted', submittedAt: now(), title: 'Secret plan' });
    const answer = await push(s, coach.token, 'sessions', [{ doc: submitted }]);
    const reason = `The due date ${submitted.dueDate} has passed; pick today or a later day.`;
    expect(answer).toEqual([{ ...submitted, status: 'draft', rejection: reason, _deleted: false, _refusal: reason, _refusalCode: 'due_date_passed' }]);
    expect((await s.app.repo.get('sessions', submitted.id))?.doc).toMatchObject({ status: 'draft', rejection: reason, title: 'Secret plan' });
    // The client's pull carries at most a content-free tombstone.
    const seen = (await pullAll(s, client.token, 'sessions')).docs.find((d) => d.id === submitted.id);
    expect(seen === undefined || (seen._deleted && seen.title === '' && (seen.exercises as unknown[]).length === 0)).toBe(true);
  });
});

describe('stream', () => {
  it('sends RESYNC on connect, then the changes this user may see', async () => {
    const ctrl = new AbortController();
    const res = await fetch(`${s.url}/api/sync/stream?token=${client.token}`, { signal: ctrl.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    const nextEvent = async (): Promise<unknown> => {
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const chunk = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = chunk.split('\n').find((l) => l.startsWith('data: '));
          if (data) return JSON.parse(data.slice(6));
          continue;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('stream ended');
        buffer += value;
      }
    };
    expect(await nextEvent()).toBe('RESYNC');
    const doc = message({ id: 'msg-stream', authorId: coach.id, authorRole: 'coach', coachId: coach.id, clientId: client.id, body: 'Live!', createdAt: now(), updatedAt: now() });
    await push(s, coach.token, 'messages', [{ doc }]);
    const event = (await nextEvent()) as { collection: string; documents: unknown[]; checkpoint: { seq: number } };
    expect(event).toEqual({ collection: 'messages', documents: [{ ...doc, _deleted: false }], checkpoint: { seq: (await s.app.repo.get('messages', doc.id))!.seq } });
    ctrl.abort();
  });

  it('refuses a missing or invalid token with 401', async () => {
    expect((await fetch(`${s.url}/api/sync/stream?token=nope`)).status).toBe(401);
    expect((await fetch(`${s.url}/api/sync/stream`)).status).toBe(401);
  });
});
