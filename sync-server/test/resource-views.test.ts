import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message, Note } from '@spotter/shared';
import { message, note } from '@spotter/shared/fixtures.ts';
import { startTestServer, type TestServer } from './helper.ts';
import { now, pullAll, push, visible } from './wire.ts';

/**
 * docs/DESIGN.md "Resources and views": a client's opening of a resource their coach shared is a
 * `view` message written by the client; the coach's device counts them.
 */
let s: TestServer;
type Who = { token: string; id: string };
let coach: Who, coach2: Who, client: Who, client2: Who;

beforeAll(async () => {
  s = await startTestServer();
  const who = async (email: string) => {
    const l = await s.login(email);
    return { token: l.accessToken, id: l.user.id };
  };
  [coach, coach2, client, client2] = await Promise.all(['coach', 'coach2', 'client', 'client2'].map((n) => who(`${n}@demo.test`)));
});
afterAll(() => s?.close());

const shared = async (id: string, o: Partial<Note> = {}) => {
  const doc = note({ id, kind: 'resource', coachId: coach.id, clientId: client.id, title: 'Hinge drill', url: 'https://example.test/hinge', resourceType: 'video', isPrivate: false, body: '', createdAt: now(), updatedAt: now(), ...o });
  expect(await push(s, coach.token, 'notes', [{ doc }])).toEqual([]);
  return doc;
};
const view = (id: string, resourceId: string, o: Partial<Message> = {}) =>
  message({ id, kind: 'view', authorId: client.id, authorRole: 'client', coachId: coach.id, clientId: client.id, targetType: 'resource', targetId: resourceId, body: '', createdAt: now(), updatedAt: now(), ...o });

describe('a view of a resource', () => {
  it('is stored once however often it is pushed, reaches the coach and no other client or coach', async () => {
    const res = await shared('res-view-1');
    const views = [view('view-1a', res.id), view('view-1b', res.id)];
    expect(await push(s, client.token, 'messages', views.map((doc) => ({ doc })))).toEqual([]);
    // A replayed push (its answer lost) changes nothing.
    expect(await push(s, client.token, 'messages', [{ doc: views[0]! }])).toEqual([]);
    const forCoach = visible((await pullAll<Message>(s, coach.token, 'messages')).docs).filter((m) => m.kind === 'view' && m.targetId === res.id);
    expect(forCoach.map((m) => m.id).sort()).toEqual(['view-1a', 'view-1b']);
    for (const other of [client2, coach2]) {
      const theirs = (await pullAll<Message>(s, other.token, 'messages')).docs;
      expect(theirs.some((m) => m.targetId === res.id)).toBe(false);
    }
  });

  it('is refused for what is not a resource shared with this client, and nothing is stored', async () => {
    const privateNote = await shared('res-view-2', { kind: 'note', isPrivate: true, url: '', resourceType: '' });
    const sharedNote = await shared('res-view-3', { kind: 'note', isPrivate: false, url: '', resourceType: '' });
    const othersResource = note({ id: 'res-view-4', kind: 'resource', coachId: coach2.id, clientId: client2.id, url: 'https://example.test/x', isPrivate: false, createdAt: now(), updatedAt: now() });
    expect(await push(s, coach2.token, 'notes', [{ doc: othersResource }])).toEqual([]);
    const attempts = [
      view('view-2', privateNote.id),
      view('view-3', sharedNote.id),
      view('view-4', othersResource.id),
      view('view-5', 'res-never-written'),
    ];
    const answer = await push(s, client.token, 'messages', attempts.map((doc) => ({ doc })));
    expect(answer.map((d) => [d.id, d._refusal])).toEqual(attempts.map((a) => [a.id, 'You can only open a resource your coach shared with you.']));
    for (const a of attempts) expect((await s.app.repo.get('messages', a.id))).toBeNull();
  });

  it('of a resource the coach deleted meanwhile is refused with the reason', async () => {
    const res = await shared('res-view-6');
    expect(await push(s, coach.token, 'notes', [{ doc: { ...res, updatedAt: now() }, assumed: { ...res, _deleted: false }, deleted: true }])).toEqual([]);
    const [refused] = await push(s, client.token, 'messages', [{ doc: view('view-6', res.id) }]);
    expect(refused?._refusal).toBe('You can only open a resource your coach shared with you.');
  });

  it('is the client\'s alone: a coach cannot add views, and a view carries no text', async () => {
    const res = await shared('res-view-7');
    const [byCoach] = await push(s, coach.token, 'messages', [{ doc: view('view-7a', res.id, { authorId: coach.id, authorRole: 'coach' }) }]);
    expect(byCoach?._refusal).toBe("Only a client's openings of a resource are counted.");
    const [withText] = await push(s, client.token, 'messages', [{ doc: view('view-7b', res.id, { body: 'great' }) }]);
    expect(withText?._refusal).toBe('A view carries no text or rating.');
    expect(withText?._refusalCode).toBe('view_carries_nothing');
  });
});
