import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addDaysTo, collectionNames, ratingId, sessionLogId, todayLocal, type CollectionName } from '@spotter/shared';
import { exercise, logEntry, message, note, plan, prescription, recommendation, session } from '@spotter/shared/fixtures.ts';
import type { Doc } from '../src/storage/mappers.ts';
import { startTestServer, type TestServer } from './helper.ts';
import { now, pullAll, push, visible } from './wire.ts';

/**
 * The authorization matrix (docs/DESIGN.md "Write rules" and "Who sees what"): every role × every
 * collection × pull and push, coach A against coach B's clients, client A against client B.
 * Expected visibility is written out here from the rules, independently of access.ts.
 */
type User = 'admin' | 'coach' | 'coach2' | 'client' | 'client2';
let s: TestServer;
const users = {} as Record<User, { token: string; id: string }>;
const id = (u: User) => users[u].id;
const token = (u: User) => users[u].token;

beforeAll(async () => {
  s = await startTestServer();
  for (const u of ['admin', 'coach', 'coach2', 'client', 'client2'] as User[]) {
    const l = await s.login(`${u}@demo.test`);
    users[u] = { token: l.accessToken, id: l.user.id };
  }
  // Each coach has an exercise of their own.
  for (const u of ['coach', 'coach2'] as User[]) {
    expect(await push(s, token(u), 'exercises', [{ doc: exercise({ id: `own-${u}`, ownerId: id(u), updatedAt: now() }) }])).toEqual([]);
  }
});
afterAll(() => s?.close());

/** Every live row, as the database holds it when the test starts (read before each test). */
let rows = {} as Record<CollectionName, Doc[]>;
beforeEach(async () => {
  for (const c of collectionNames) rows[c] = (await s.app.repo.find(c, [{ field: 'deleted', op: 'eq', value: false }])).map((r) => r.doc);
});
const all = (c: CollectionName): Doc[] => rows[c];
const clientsOf = (coach: User) => new Set(all('assignments').filter((a) => a.coachId === id(coach) && a.status === 'active').map((a) => String(a.clientId)));
const coachOf = (client: User) => all('assignments').find((a) => a.clientId === id(client) && a.status === 'active')!.coachId;

/** What each user must see, from the rules as docs/DESIGN.md "Who sees what" states them. */
function expected(u: User, c: CollectionName, d: Doc): boolean {
  if (u === 'admin') return c === 'people' || c === 'assignments' || (c === 'exercises' && d.ownerId === null);
  if (u === 'coach' || u === 'coach2') {
    const mine = clientsOf(u);
    if (c === 'people') return d.id === id(u) || mine.has(d.id);
    if (c === 'assignments') return d.coachId === id(u);
    if (c === 'exercises') return d.ownerId === null || d.ownerId === id(u);
    if (c === 'sessions') return mine.has(String(d.clientId)) && (d.status === 'published' || d.coachId === id(u));
    if (c === 'logs') return mine.has(String(d.clientId));
    return mine.has(String(d.clientId)) && d.coachId === id(u);
  }
  const coach = coachOf(u);
  if (c === 'people') return d.id === id(u) || d.id === coach;
  if (c === 'exercises') return d.ownerId === null || d.ownerId === coach;
  if (d.clientId !== id(u)) return false;
  if (c === 'sessions') return d.status === 'published';
  if (c === 'notes') return d.kind !== 'note' || d.isPrivate === false;
  if (c === 'plans') return d.status !== 'draft';
  if (c === 'recommendations') return d.status === 'approved';
  return true;
}

const pullCells = (['admin', 'coach', 'coach2', 'client', 'client2'] as User[]).flatMap((u) => collectionNames.map((c) => [u, c] as const));

describe('pull: each user receives exactly what the rules allow', () => {
  it.each(pullCells)('%s pulling %s', async (u, c) => {
    const { docs } = await pullAll(s, token(u), c);
    const got = visible(docs).map((d) => d.id).sort();
    const want = all(c).filter((d) => expected(u, c, d)).map((d) => d.id).sort();
    expect(got).toEqual(want);
    // What is not visible arrives only as a content-free tombstone.
    for (const t of docs.filter((d) => d._deleted)) {
      if ('title' in t && c === 'sessions') expect(t.title).toBe('');
      if ('body' in t && c !== 'notes') expect(t.body).toBe('(hidden)');
    }
  });

  it('never sends a coach anything about another coach’s clients, not even a tombstone', async () => {
    const others = clientsOf('coach2');
    for (const c of collectionNames) {
      const { docs } = await pullAll(s, token('coach'), c);
      expect(docs.filter((d) => others.has(String(d.clientId)) || (c === 'people' && others.has(d.id)))).toEqual([]);
    }
  });
});

const future = addDaysTo(todayLocal(), 5);
const nowIso = '2026-01-01T00:00:00.000Z';
const pairOf = (coach: User, client: User) => ({ coachId: id(coach), clientId: id(client) });
const publishedOf = (client: User) => all('sessions').find((d) => d.clientId === id(client) && d.status === 'published' && !all('logs').some((l) => l.sessionId === d.id))!;

type Cell = readonly [string, User, CollectionName, () => { doc: Doc; assumed?: Doc | null }, 'allow' | 'deny'];
const own = (u: User, change: Record<string, unknown>) => () => {
  const current = all('people').find((p) => p.id === id(u))!;
  return { doc: { ...current, ...change, updatedAt: now() }, assumed: { ...current, _deleted: false } };
};
const personOf = (target: User, change: Record<string, unknown>) => () => {
  const current = all('people').find((p) => p.id === id(target))!;
  return { doc: { ...current, ...change, updatedAt: now() }, assumed: { ...current, _deleted: false } };
};
const newSessionFor = (coach: User, client: User, n: string) => () => ({
  doc: session({ id: `ses-${n}`, ...pairOf(coach, client), dueDate: future, status: 'draft', exercises: [prescription({ exerciseId: all('exercises')[0]!.id })], createdAt: nowIso, updatedAt: nowIso }),
});
const logFor = (actor: User, client: User) => () => {
  const target = publishedOf(client);
  return { doc: { id: sessionLogId(target.id), sessionId: target.id, clientId: id(actor), coachId: target.coachId, entries: { x: logEntry({ exerciseId: 'e' }) }, completedAt: null, updatedAt: nowIso } };
};
const messageFrom = (author: User, coach: User, client: User, n: string) => () => ({
  doc: message({ id: `msg-${n}`, authorId: id(author), authorRole: author.startsWith('coach') ? 'coach' : author === 'admin' ? 'admin' : 'client', ...pairOf(coach, client), createdAt: nowIso, updatedAt: nowIso }),
});
const noteFor = (actor: User, coach: User, client: User, n: string) => () => ({ doc: note({ id: `note-${n}`, ...pairOf(coach, client), createdAt: nowIso, updatedAt: nowIso }) });
const planFor = (coach: User, client: User, n: string) => () => ({ doc: plan({ id: `plan-${n}`, ...pairOf(coach, client), assignmentId: null, status: 'draft', days: [], createdAt: nowIso, updatedAt: nowIso }) });
const recFor = (coach: User, client: User, n: string) => () => ({ doc: recommendation({ id: `rec-${n}`, ...pairOf(coach, client), createdAt: nowIso, updatedAt: nowIso }) });
// A comment on one exercise of a session's log (the prescription id as targetEntryId),
// judged by the session even before the log exists. A client's rating of a recommendation.
const exerciseComment = (author: User, client: User, n: string, entry: (rxIds: string[]) => string) => () => {
  const target = publishedOf(client);
  const rx = (target.exercises as { id: string }[]).map((p) => p.id);
  return {
    doc: message({
      id: `cmt-${n}`, kind: 'comment', authorId: id(author), authorRole: author.startsWith('coach') ? 'coach' : 'client', coachId: String(target.coachId), clientId: id(client),
      targetType: 'log', targetId: sessionLogId(target.id), targetEntryId: entry(rx), body: 'Left knee felt it', createdAt: nowIso, updatedAt: nowIso,
    }),
  };
};
const recOf = (client: User, status: string) => all('recommendations').find((r) => r.clientId === id(client) && r.status === status)!;
const ratingBy = (author: User, client: User, status: string, change: () => Record<string, unknown> = () => ({})) => () => {
  const rec = recOf(client, status);
  return {
    doc: message({
      id: ratingId(rec.id), kind: 'comment', authorId: id(author), authorRole: author.startsWith('coach') ? 'coach' : 'client', coachId: String(rec.coachId), clientId: id(client),
      targetType: 'recommendation', targetId: rec.id, rating: 4, body: '', createdAt: nowIso, updatedAt: nowIso, ...change(),
    }),
  };
};
const assignmentChange = (client: User, status: string) => () => {
  const current = all('assignments').find((a) => a.clientId === id(client) && a.status === 'active')!;
  return { doc: { ...current, notes: `changed to ${status}`, updatedAt: now() }, assumed: { ...current, _deleted: false } };
};

const pushCells: Cell[] = [
  ['own display name', 'client', 'people', own('client', { firstName: 'Jay' }), 'allow'],
  ['own display name', 'coach', 'people', own('coach', { bio: 'New bio' }), 'allow'],
  ['own capacity (admin-only field)', 'coach', 'people', own('coach', { maxClients: 99 }), 'deny'],
  ['a client’s profile', 'coach', 'people', personOf('client', { firstName: 'X' }), 'deny'],
  ['their coach’s profile', 'client', 'people', personOf('coach', { bio: 'hacked' }), 'deny'],
  ['a trainer profile', 'admin', 'people', personOf('coach2', { maxClients: 20 }), 'allow'],
  ['an assignment', 'admin', 'assignments', assignmentChange('client2', 'notes'), 'allow'],
  ['an assignment', 'coach', 'assignments', assignmentChange('client', 'notes'), 'deny'],
  ['an assignment', 'client', 'assignments', assignmentChange('client', 'notes'), 'deny'],
  ['a shared exercise', 'admin', 'exercises', () => ({ doc: exercise({ id: 'ex-admin', ownerId: null, updatedAt: nowIso }) }), 'allow'],
  ['a shared exercise', 'coach', 'exercises', () => ({ doc: exercise({ id: 'ex-coach-shared', ownerId: null, updatedAt: nowIso }) }), 'deny'],
  ['an exercise of their own', 'coach', 'exercises', () => ({ doc: exercise({ id: 'ex-coach-own', ownerId: id('coach'), updatedAt: nowIso }) }), 'allow'],
  ['another coach’s exercise', 'coach', 'exercises', () => ({ doc: exercise({ id: 'ex-as-other', ownerId: id('coach2'), updatedAt: nowIso }) }), 'deny'],
  ['an exercise', 'client', 'exercises', () => ({ doc: exercise({ id: 'ex-client', ownerId: id('client'), updatedAt: nowIso }) }), 'deny'],
  ['a session for their client', 'coach', 'sessions', newSessionFor('coach', 'client', 'a'), 'allow'],
  ['a session for another coach’s client', 'coach', 'sessions', newSessionFor('coach', 'client2', 'b'), 'deny'],
  ['a session posing as another coach', 'coach', 'sessions', newSessionFor('coach2', 'client2', 'c'), 'deny'],
  ['a session', 'client', 'sessions', newSessionFor('coach', 'client', 'd'), 'deny'],
  ['a session', 'admin', 'sessions', newSessionFor('coach', 'client', 'e'), 'deny'],
  ['a log of their own session', 'client', 'logs', logFor('client', 'client'), 'allow'],
  ['a log of another client’s session', 'client', 'logs', logFor('client', 'client2'), 'deny'],
  ['a log', 'coach', 'logs', logFor('coach', 'client'), 'deny'],
  ['a log', 'admin', 'logs', logFor('admin', 'client'), 'deny'],
  ['a message to their client', 'coach', 'messages', messageFrom('coach', 'coach', 'client', 'a'), 'allow'],
  ['a message to another coach’s client', 'coach', 'messages', messageFrom('coach', 'coach', 'client2', 'b'), 'deny'],
  ['a message to their coach', 'client', 'messages', messageFrom('client', 'coach', 'client', 'c'), 'allow'],
  ['a message to another coach', 'client', 'messages', messageFrom('client', 'coach2', 'client', 'd'), 'deny'],
  ['a message as someone else', 'client2', 'messages', messageFrom('client', 'coach', 'client', 'e'), 'deny'],
  ['a message', 'admin', 'messages', messageFrom('admin', 'coach', 'client', 'f'), 'deny'],
  ['a comment on one exercise of their session', 'client', 'messages', exerciseComment('client', 'client', 'ex-a', (rx) => rx[0]!), 'allow'],
  ['a comment on one exercise of their client’s session', 'coach', 'messages', exerciseComment('coach', 'client', 'ex-b', (rx) => rx.at(-1)!), 'allow'],
  ['a comment on an exercise the session does not prescribe', 'client', 'messages', exerciseComment('client', 'client', 'ex-c', () => 'not-prescribed'), 'deny'],
  ['a comment on one exercise of another coach’s client', 'coach2', 'messages', exerciseComment('coach2', 'client', 'ex-d', (rx) => rx[0]!), 'deny'],
  ['a rating of a recommendation still pending', 'client', 'messages', ratingBy('client', 'client', 'pending'), 'deny'],
  ['a rating of another client’s recommendation', 'client2', 'messages', ratingBy('client2', 'client', 'approved'), 'deny'],
  ['another client’s recommendation, rated as themself', 'client2', 'messages', ratingBy('client2', 'client2', 'approved', () => ({ targetId: recOf('client', 'approved').id })), 'deny'],
  ['a rating of their client’s recommendation', 'coach', 'messages', ratingBy('coach', 'client', 'approved'), 'deny'],
  ['a rating under another id', 'client2', 'messages', ratingBy('client2', 'client2', 'approved', () => ({ id: 'rating-by-hand' })), 'deny'],
  // Last of the ratings: the denials above reuse this rating's derived id.
  ['a rating of their approved recommendation', 'client', 'messages', ratingBy('client', 'client', 'approved'), 'allow'],
  ['a note on their client', 'coach', 'notes', noteFor('coach', 'coach', 'client', 'a'), 'allow'],
  ['a note on another coach’s client', 'coach', 'notes', noteFor('coach', 'coach', 'client2', 'b'), 'deny'],
  ['a note', 'client', 'notes', noteFor('client', 'coach', 'client', 'c'), 'deny'],
  ['a note', 'admin', 'notes', noteFor('admin', 'coach', 'client', 'd'), 'deny'],
  ['a plan for their client', 'coach', 'plans', planFor('coach', 'client', 'a'), 'allow'],
  ['a plan for another coach’s client', 'coach2', 'plans', planFor('coach2', 'client', 'b'), 'deny'],
  ['a plan', 'client', 'plans', planFor('coach', 'client', 'c'), 'deny'],
  ['a plan', 'admin', 'plans', planFor('coach', 'client', 'd'), 'deny'],
  ['a recommendation for their client', 'coach', 'recommendations', recFor('coach', 'client', 'a'), 'allow'],
  ['a recommendation for another coach’s client', 'coach2', 'recommendations', recFor('coach2', 'client', 'b'), 'deny'],
  ['a recommendation', 'client', 'recommendations', recFor('coach', 'client', 'c'), 'deny'],
  ['a recommendation', 'admin', 'recommendations', recFor('coach', 'client', 'd'), 'deny'],
];

describe('push: each role writes only what it may', () => {
  it.each(pushCells.map(([what, actor, c, make, verdict]) => [actor, what, c, verdict, make] as const))('%s writing %s (%s): %s', async (actor, _what, c, verdict, make) => {
    const { doc, assumed = null } = make();
    const before = (await s.app.repo.get(c, doc.id));
    const answer = await push(s, token(actor), c, [{ doc, assumed }]);
    const after = (await s.app.repo.get(c, doc.id));
    if (verdict === 'allow') {
      expect(answer).toEqual([]);
      expect(after?.doc).toEqual(doc);
    } else {
      expect(answer).toHaveLength(1);
      expect(answer[0]!._refusal).toEqual(expect.any(String));
      expect(after).toEqual(before);
    }
  });
});

type RestCell = readonly [User, string, string, () => unknown, number];
const restCells: RestCell[] = [
  ['coach', 'GET', '/api/clients', () => undefined, 200],
  ['admin', 'GET', '/api/clients', () => undefined, 200],
  ['client', 'GET', '/api/clients', () => undefined, 403],
  ['coach', 'GET', '/api/clients/:client', () => undefined, 200],
  ['coach', 'GET', '/api/clients/:client2', () => undefined, 404],
  ['coach2', 'GET', '/api/clients/:client', () => undefined, 404],
  ['client', 'GET', '/api/clients/:client', () => undefined, 200],
  ['client', 'GET', '/api/clients/:client2', () => undefined, 404],
  ['admin', 'GET', '/api/clients/:client2', () => undefined, 200],
  ['coach', 'GET', '/api/clients/:client/sessions', () => undefined, 200],
  ['coach2', 'GET', '/api/clients/:client/sessions', () => undefined, 404],
  ['client2', 'GET', '/api/clients/:client/sessions', () => undefined, 404],
  ['client', 'GET', '/api/sessions/:published', () => undefined, 200],
  ['client2', 'GET', '/api/sessions/:published', () => undefined, 404],
  ['coach2', 'GET', '/api/sessions/:published', () => undefined, 404],
  ['client', 'GET', '/api/exercises', () => undefined, 200],
  ['client', 'POST', '/api/clients', () => ({ email: 'new1@x.test', firstName: 'N', lastName: '', password: 'long-enough-pw' }), 403],
  ['admin', 'POST', '/api/clients', () => ({ email: 'new2@x.test', firstName: 'N', lastName: '', password: 'long-enough-pw' }), 403],
  ['coach', 'POST', '/api/clients', () => ({ email: 'new3@x.test', firstName: 'N', lastName: '', password: 'long-enough-pw' }), 201],
  ['coach', 'POST', '/api/sessions', () => newSessionFor('coach', 'client', 'rest-a')().doc, 201],
  ['coach', 'POST', '/api/sessions', () => newSessionFor('coach', 'client2', 'rest-b')().doc, 403],
  ['client', 'POST', '/api/sessions', () => newSessionFor('coach', 'client', 'rest-c')().doc, 403],
];

describe('REST: the same authorization', () => {
  it.each(restCells)('%s %s %s → %i', async (u, method, path, body, status) => {
    const url = path
      .replace(':client2', id('client2'))
      .replace(':client', id('client'))
      .replace(':published', String(publishedOf('client').id));
    const res = await s.api(token(u), method, url, body());
    expect(res.status, JSON.stringify(res.body)).toBe(status);
  });
});
